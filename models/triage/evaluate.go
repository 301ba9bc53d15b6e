package triage

import (
	"fmt"

	"github.com/podium-sport/podium/models/potential"
)

// Evaluation scores a model fitted on the earlier verdicts against the
// later ones.
type Evaluation struct {
	Train         int               `json:"train"` // verdicts in each part
	Test          int               `json:"test"`
	TrainPositive int               `json:"train_confirmed"` // confirmed verdicts in each part
	TestPositive  int               `json:"test_confirmed"`
	Model         potential.Metrics `json:"model"`
	BaseRate      potential.Metrics `json:"base_rate"` // the training share confirmed, for every alert
	TypeRate      potential.Metrics `json:"type_rate"` // the training share confirmed of the alert's type (Laplace-smoothed)
	Severity      potential.Metrics `json:"severity"`  // the raw severity read as P(confirmed), clipped to [0.001, 0.999]
}

// Evaluate fits on the first (1 − holdout) share of labels, in the order
// given (oldest first), and scores the model and the baselines on the rest.
func Evaluate(labels []Label, holdout float64, seed uint64) (*Evaluation, error) {
	if !(holdout > 0 && holdout < 1) {
		return nil, fmt.Errorf("triage: holdout %v, want a share in (0, 1)", holdout)
	}
	cut := len(labels) - int(float64(len(labels))*holdout)
	train, test := labels[:cut], labels[cut:]
	if pos := positives(test); pos == 0 || pos == len(test) {
		return nil, fmt.Errorf("%w: the held-out part has %d confirmed and %d dismissed, need both", ErrData, pos, len(test)-pos)
	}
	m, err := Fit(train, seed)
	if err != nil {
		return nil, fmt.Errorf("training part: %w", err)
	}
	base := float64(positives(train)) / float64(len(train))
	rates := typeRates(train, base)
	y := make([]bool, len(test))
	var pm, pb, pt, ps []float64
	for i, l := range test {
		y[i] = l.Confirmed
		pm = append(pm, m.P(l.Type, l.Severity))
		pb = append(pb, base)
		rate, ok := rates[l.Type]
		if !ok {
			rate = base
		}
		pt = append(pt, rate)
		ps = append(ps, min(max(l.Severity, 0.001), 0.999))
	}
	return &Evaluation{Train: len(train), Test: len(test), TrainPositive: positives(train), TestPositive: positives(test),
		Model: potential.Evaluate(pm, y), BaseRate: potential.Evaluate(pb, y), TypeRate: potential.Evaluate(pt, y),
		Severity: potential.Evaluate(ps, y)}, nil
}

// typeRates is each type's confirmed share, with one pseudo-verdict at the
// overall rate (Laplace smoothing towards it).
func typeRates(labels []Label, base float64) map[string]float64 {
	n, k := map[string]float64{}, map[string]float64{}
	for _, l := range labels {
		n[l.Type]++
		if l.Confirmed {
			k[l.Type]++
		}
	}
	out := make(map[string]float64, len(n))
	for t := range n {
		out[t] = (k[t] + base) / (n[t] + 1)
	}
	return out
}
