package retrain

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"runtime/debug"
	"slices"
	"time"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/scoring"
)

// Models are the models Run knows how to retrain.
var Models = []string{Talent}

// Talent is the talent board's P(elite) model.
const Talent = "talent"

// featureSet names the version of the board's feature vector.
const featureSet = "talent-board/v1"

// Store is what retraining reads and writes (*datasets.Store).
type Store interface {
	scoring.Source
	Outcomes(ctx context.Context, source string) (map[int64]datasets.Outcome, error)
	RegisterModel(ctx context.Context, mv datasets.ModelVersion, artifact []byte) (datasets.ModelVersion, error)
	ListModels(ctx context.Context) ([]datasets.ModelVersion, error)
	Promote(ctx context.Context, model string, version int, actor, reason string) error
	AppendAudit(ctx context.Context, actor, action, subject string, detail any) (datasets.AuditEntry, error)
}

// Options configure a run.
type Options struct {
	Models    []string // default: all of Models
	Seed      uint64
	Tolerance float64 // relative held-out log-loss the new version may lose; default 0.02
	Force     bool    // promote whatever the metrics say (audited)
	Actor     string  // who asked, for the audit log
	// OutcomeSource is the source whose outcome register trains P(elite)
	// (default "sim", the simulator's).
	OutcomeSource string
}

// Version is one registered model version.
type Version struct {
	Model    string          `json:"model"`
	Version  int             `json:"version"`
	SHA256   string          `json:"sha256"`
	Metrics  json.RawMessage `json:"metrics"`
	Promoted bool            `json:"promoted"`
	Reason   string          `json:"reason"`
}

// Report is the outcome of a run.
type Report struct {
	Versions []Version `json:"versions"`
	Seconds  float64   `json:"seconds"`
	// Board is the board the talent model was trained on, ready to serve
	// when it was promoted.
	Board *scoring.Board `json:"-"`
}

// Progress is told each stage and its share done (0–100).
type Progress func(stage string, percent float64)

// Run retrains the selected models.
func Run(ctx context.Context, st Store, o Options, progress Progress) (*Report, error) {
	start := time.Now()
	if progress == nil {
		progress = func(string, float64) {}
	}
	if len(o.Models) == 0 {
		o.Models = Models
	}
	for _, m := range o.Models {
		if !slices.Contains(Models, m) {
			return nil, fmt.Errorf("retrain: unknown model %q (known: %v): %w", m, Models, datasets.ErrInvalid)
		}
	}
	if o.Tolerance == 0 {
		o.Tolerance = 0.02
	}
	if o.OutcomeSource == "" {
		o.OutcomeSource = "sim"
	}
	rep := &Report{}
	v, b, err := talent(ctx, st, o, progress)
	if err != nil {
		return nil, err
	}
	rep.Versions, rep.Board = append(rep.Versions, v), b
	rep.Seconds = time.Since(start).Seconds()
	if _, err := st.AppendAudit(ctx, o.Actor, "model.retrain", "model:"+v.Model, rep); err != nil {
		return nil, err
	}
	progress("done", 100)
	return rep, nil
}

// TalentMetrics are the held-out (out-of-fold) figures of a talent version.
type TalentMetrics struct {
	OutOfFoldAUC     float64 `json:"auc"`
	OutOfFoldLogLoss float64 `json:"log_loss"`
	OutOfFoldBrier   float64 `json:"brier"`
	OutOfFoldECE     float64 `json:"ece"`
	// The base-rate baseline: every athlete given the training share of
	// elites (AUC 0.5).
	BaselineLogLoss float64 `json:"baseline_log_loss"`
	BaselineBrier   float64 `json:"baseline_brier"`
	N               int     `json:"n"`
	Positives       int     `json:"positives"`
	Athletes        int     `json:"athletes_ranked"`
	AsOf            string  `json:"as_of"`
}

func talent(ctx context.Context, st Store, o Options, progress Progress) (Version, *scoring.Board, error) {
	asOf, err := scoring.LatestResult(ctx, st)
	if err != nil {
		return Version{}, nil, err
	}
	if asOf.IsZero() {
		return Version{}, nil, fmt.Errorf("retrain: no results to train on: %w", datasets.ErrInvalid)
	}
	outcomes := func(ctx context.Context) (map[int64]string, error) {
		known, err := st.Outcomes(ctx, o.OutcomeSource)
		if err != nil {
			return nil, err
		}
		out := make(map[int64]string, len(known))
		for id, v := range known {
			out[id] = v.SeniorLevel
		}
		return out, nil
	}
	b, err := scoring.Build(ctx, st, outcomes, scoring.Config{AsOf: asOf.AddDate(0, 0, 1), Seed: o.Seed,
		Progress: func(stage string, pct float64) { progress("talent: "+stage, pct*0.9) }})
	if err != nil {
		return Version{}, nil, err
	}
	if err := ctx.Err(); err != nil {
		return Version{}, nil, err
	}
	art, err := b.Artifact()
	if err != nil {
		return Version{}, nil, err
	}
	oof := b.Training.OutOfFold
	pi := float64(b.TrainElite) / float64(max(1, b.TrainN))
	m := TalentMetrics{oof.AUC, oof.LogLoss, oof.Brier, oof.ECE, -(pi*math.Log(pi) + (1-pi)*math.Log(1-pi)), pi * (1 - pi),
		b.TrainN, b.TrainElite, len(b.Rows), b.AsOf.Format(time.DateOnly)}
	metrics, _ := json.Marshal(m)
	progress("talent: registering", 92)
	mv, err := st.RegisterModel(ctx, datasets.ModelVersion{Model: Talent, Metrics: metrics, FeatureSet: featureSet,
		DataFingerprint: fingerprint(b), Seed: o.Seed, CodeVersion: codeVersion()}, art)
	if err != nil {
		return Version{}, nil, err
	}
	v := Version{Model: Talent, Version: mv.Version, SHA256: mv.SHA256, Metrics: metrics}
	v.Promoted, v.Reason, err = decide(ctx, st, mv, m.OutOfFoldLogLoss, o)
	if err != nil {
		return v, nil, err
	}
	if v.Promoted {
		if err := st.Promote(ctx, Talent, mv.Version, o.Actor, v.Reason); err != nil {
			return v, nil, err
		}
	}
	return v, b, nil
}

// decide applies the promotion rule against the current champion.
func decide(ctx context.Context, st Store, mv datasets.ModelVersion, logLoss float64, o Options) (bool, string, error) {
	list, err := st.ListModels(ctx)
	if err != nil {
		return false, "", err
	}
	var champ *datasets.ModelVersion
	for i := range list {
		if list[i].Model == mv.Model && list[i].Champion {
			champ = &list[i]
		}
	}
	if o.Force {
		return true, "forced by " + o.Actor, nil
	}
	if champ == nil {
		return true, "first version of the model", nil
	}
	var cm TalentMetrics
	if err := json.Unmarshal(champ.Metrics, &cm); err != nil || math.IsNaN(logLoss) {
		return false, "", errors.Join(fmt.Errorf("retrain: champion v%d metrics unreadable", champ.Version), err)
	}
	limit := cm.OutOfFoldLogLoss * (1 + o.Tolerance)
	if logLoss <= limit {
		return true, fmt.Sprintf("held-out log-loss %.4f ≤ champion v%d's %.4f + %.0f %%", logLoss, champ.Version, cm.OutOfFoldLogLoss, 100*o.Tolerance), nil
	}
	return false, fmt.Sprintf("held-out log-loss %.4f worse than champion v%d's %.4f by more than %.0f %%: kept the champion",
		logLoss, champ.Version, cm.OutOfFoldLogLoss, 100*o.Tolerance), nil
}

// fingerprint summarises the training data: every ranked athlete, his
// result count and whether he trained the model.
func fingerprint(b *scoring.Board) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s|%d|%d\n", b.AsOf.Format(time.DateOnly), b.TrainBornTo, len(b.Rows))
	for _, r := range b.Rows {
		fmt.Fprintf(h, "%d,%d,%t\n", r.AthleteID, r.Results, r.InTraining)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// codeVersion is the VCS revision the binary was built from, when known.
func codeVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" {
				return s.Value[:min(12, len(s.Value))]
			}
		}
		return bi.Main.Version
	}
	return "unknown"
}
