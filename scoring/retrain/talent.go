package retrain

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"time"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/scoring"
)

// talentFeatures names the version of the board's feature vector.
const talentFeatures = "talent-board/v1"

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
	// Families are the sports with a model of their own, each with its
	// out-of-fold figures on its own athletes (the promotion rule reads the
	// pooled model's above).
	Families []FamilyMetrics `json:"families,omitempty"`
}

// FamilyMetrics are one sport's own model's out-of-fold figures.
type FamilyMetrics struct {
	Sport     string  `json:"sport"`
	AUC       float64 `json:"auc"`
	LogLoss   float64 `json:"log_loss"`
	Brier     float64 `json:"brier"`
	N         int     `json:"n"`
	Positives int     `json:"positives"`
}

// fitTalent builds the talent board as of the day after the latest result.
func fitTalent(ctx context.Context, st Store, o Options, progress Progress) (*candidate, error) {
	asOf, err := scoring.LatestResult(ctx, st)
	if err != nil {
		return nil, err
	}
	if asOf.IsZero() {
		return nil, fmt.Errorf("retrain: no results to train on: %w", datasets.ErrInvalid)
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
		Progress: func(stage string, pct float64) { progress(stage, pct*0.9) }})
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	art, err := b.Artifact()
	if err != nil {
		return nil, err
	}
	oof := b.Training.OutOfFold
	pi := float64(b.TrainElite) / float64(max(1, b.TrainN))
	m := TalentMetrics{oof.AUC, oof.LogLoss, oof.Brier, oof.ECE, -(pi*math.Log(pi) + (1-pi)*math.Log(1-pi)), pi * (1 - pi),
		b.TrainN, b.TrainElite, len(b.Rows), b.AsOf.Format(time.DateOnly), nil}
	for _, f := range b.Families {
		o := f.Training.OutOfFold
		m.Families = append(m.Families, FamilyMetrics{f.Sport, o.AUC, o.LogLoss, o.Brier, f.TrainN, f.TrainElite})
	}
	return &candidate{artifact: art, metrics: m, logLoss: m.OutOfFoldLogLoss, featureSet: talentFeatures,
		fingerprint: boardFingerprint(b), board: b}, nil
}

// boardFingerprint summarises the training data: every ranked athlete, his
// result count and whether he trained the model.
func boardFingerprint(b *scoring.Board) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s|%d|%d\n", b.AsOf.Format(time.DateOnly), b.TrainBornTo, len(b.Rows))
	for _, r := range b.Rows {
		fmt.Fprintf(h, "%d,%d,%t\n", r.AthleteID, r.Results, r.InTraining)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
