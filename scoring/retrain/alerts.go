package retrain

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/models/triage"
)

// AlertCalibration is the model that turns officers' verdicts into each
// undecided alert's P(confirmed) (models/triage).
const AlertCalibration = "alert-calibration"

// alertFeatures names the calibration's inputs.
const alertFeatures = "alert-type+logit-severity/v1"

// alertHoldout is the share of the latest verdicts held out to evaluate a
// new calibration.
const alertHoldout = 0.3

// minVerdicts is the fewest verdicts worth a calibration.
const minVerdicts = 20

// alertStore is what the alert calibration reads and writes (part of Store;
// Recalibrate needs only this).
type alertStore interface {
	AlertLabels(ctx context.Context) ([]datasets.AlertLabel, error)
	UndecidedAlerts(ctx context.Context) ([]datasets.Alert, error)
	CalibrateAlerts(ctx context.Context, version int, p map[int64]float64) (int, error)
	LoadModel(ctx context.Context, model string, version int) (datasets.ModelVersion, []byte, error)
}

// AlertMetrics are a calibration version's figures on the latest verdicts,
// held out from its evaluation fit, against the baselines.
type AlertMetrics struct {
	LogLoss         float64 `json:"log_loss"` // the model's, held out
	BaseRateLogLoss float64 `json:"base_rate_log_loss"`
	TypeRateLogLoss float64 `json:"type_rate_log_loss"`
	SeverityLogLoss float64 `json:"severity_log_loss"`
	*triage.Evaluation
	Verdicts  int      `json:"verdicts"` // all of them, which the registered version is fitted on
	Confirmed int      `json:"confirmed"`
	Types     []string `json:"types"` // with their own intercept and slope
	// The penalties cross-validation chose for the registered version.
	TypePenalty  float64 `json:"type_penalty"`
	SlopePenalty float64 `json:"slope_penalty"`
}

// fitAlerts learns P(confirmed) from every verdict so far.
func fitAlerts(ctx context.Context, st Store, o Options, progress Progress) (*candidate, error) {
	stored, err := st.AlertLabels(ctx)
	if err != nil {
		return nil, err
	}
	labels := make([]triage.Label, len(stored))
	confirmed := 0
	for i, l := range stored {
		labels[i] = triage.Label{Type: l.Type, Severity: l.Severity, Confirmed: l.Confirmed, ID: strconv.FormatInt(l.AlertID, 10)}
		if l.Confirmed {
			confirmed++
		}
	}
	if len(labels) < minVerdicts {
		return nil, fmt.Errorf("%d officer verdicts, need %d: %w", len(labels), minVerdicts, errNoData)
	}
	progress("evaluating on the latest verdicts", 10)
	ev, err := triage.Evaluate(labels, alertHoldout, o.Seed)
	if errors.Is(err, triage.ErrData) {
		return nil, fmt.Errorf("%w: %w", errNoData, err)
	}
	if err != nil {
		return nil, err
	}
	progress("fitting on every verdict", 50)
	m, err := triage.Fit(labels, o.Seed)
	if err != nil {
		return nil, err
	}
	art, err := m.MarshalBinary()
	if err != nil {
		return nil, err
	}
	met := AlertMetrics{LogLoss: ev.Model.LogLoss, BaseRateLogLoss: ev.BaseRate.LogLoss, TypeRateLogLoss: ev.TypeRate.LogLoss,
		SeverityLogLoss: ev.Severity.LogLoss, Evaluation: ev, Verdicts: len(labels), Confirmed: confirmed, Types: m.Types(),
		TypePenalty: m.CV().TypePenalty, SlopePenalty: m.CV().SlopePenalty}
	return &candidate{artifact: art, metrics: met, logLoss: met.LogLoss, featureSet: alertFeatures,
		fingerprint: labelsFingerprint(stored), promoted: func(ctx context.Context, version int) error {
			_, err := applyCalibration(ctx, st, m, version)
			return err
		}}, nil
}

// labelsFingerprint summarises the verdicts a calibration was fitted on.
func labelsFingerprint(ls []datasets.AlertLabel) string {
	h := sha256.New()
	for _, l := range ls {
		fmt.Fprintf(h, "%d,%s,%t,%g\n", l.AlertID, l.Type, l.Confirmed, l.Severity)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Recalibrate scores every undecided alert with the champion alert
// calibration (after a detection run added or refreshed alerts). It returns
// how many alerts it scored, and 0 without error when no calibration was
// promoted yet. A champion whose artifact fails its checksum is an error
// that changes nothing.
func Recalibrate(ctx context.Context, st alertStore) (int, error) {
	mv, art, err := st.LoadModel(ctx, AlertCalibration, 0)
	if errors.Is(err, datasets.ErrNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("retrain: %s champion: %w", AlertCalibration, err)
	}
	m := &triage.Model{}
	if err := m.UnmarshalBinary(art); err != nil {
		return 0, fmt.Errorf("retrain: %s v%d: %w", AlertCalibration, mv.Version, err)
	}
	return applyCalibration(ctx, st, m, mv.Version)
}

func applyCalibration(ctx context.Context, st alertStore, m *triage.Model, version int) (int, error) {
	alerts, err := st.UndecidedAlerts(ctx)
	if err != nil {
		return 0, err
	}
	p := make(map[int64]float64, len(alerts))
	for _, a := range alerts {
		p[a.ID] = m.P(a.Type, a.Severity)
	}
	return st.CalibrateAlerts(ctx, version, p)
}
