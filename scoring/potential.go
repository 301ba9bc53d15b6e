package scoring

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"

	"github.com/podium-sport/podium/models/potential"
)

// ErrNoOutcomes is returned when no athlete of the training cohorts has a
// known outcome, so P(elite) cannot be fitted.
var ErrNoOutcomes = errors.New("scoring: no known outcomes to train P(elite) on")

// fitPotential fits P(elite) on the athletes of the cohorts whose outcome is
// known (born in or before TrainBornTo) and predicts every row.
//
// The training athletes' rows see their whole youth careers while the rows
// scored are younger. Rebuilding the training features from results before
// a freeze age matched to the scored ages was tried on the simulator: with
// five simulated seasons it left 336 of 1,131 training athletes and lowered
// the held-out AUC (0.758 against 0.772), so the full rows are used; age at
// the cut-off is one of the features.
func (b *Board) fitPotential(ctx context.Context, outcomes Outcomes, cfg Config) error {
	if outcomes == nil {
		return ErrNoOutcomes
	}
	known, err := outcomes(ctx)
	if err != nil {
		return err
	}
	var d potential.Data
	d.Features = featureList
	var xs [][]float64
	for i := range b.Rows {
		r := &b.Rows[i]
		level, ok := known[r.AthleteID]
		if !ok || r.BirthDate == "" || birthYear(*r) > b.TrainBornTo {
			continue
		}
		r.InTraining = true
		xs = append(xs, r.x)
		d.Y = append(d.Y, slices.Contains(cfg.Elite, level))
		d.IDs = append(d.IDs, strconv.FormatInt(r.AthleteID, 10))
	}
	if len(xs) == 0 {
		return fmt.Errorf("%w (born in or before %d)", ErrNoOutcomes, b.TrainBornTo)
	}
	means := imputeMeans(xs)
	for _, x := range xs {
		d.X = append(d.X, impute(x, means))
	}
	opts := potential.DefaultOptions()
	opts.Seed = cfg.Seed
	m, err := potential.Fit(d, opts)
	if err != nil {
		return fmt.Errorf("scoring: fit P(elite) on %d athletes born ≤ %d: %w", len(xs), b.TrainBornTo, err)
	}
	b.model, b.Training, b.TrainN, b.TrainElite = m, m.CV(), len(xs), countTrue(d.Y)
	b.means = means
	b.driftReferences()
	b.predict()
	return nil
}

// predict fills every row's P(elite) and reasons from the fitted model.
func (b *Board) predict() {
	for i := range b.Rows {
		r := &b.Rows[i]
		x := impute(r.x, b.means)
		p := b.model.Predict(x)
		r.PElite = Interval{Num(p.P), Num(p.Low), Num(p.High)}
		r.Reasons = reasons(b.model, x)
	}
}

func birthYear(r Row) int {
	y, _ := strconv.Atoi(r.BirthDate[:4])
	return y
}

// imputeMeans is each feature's mean over the training vectors, ignoring NaN.
func imputeMeans(xs [][]float64) []float64 {
	means := make([]float64, len(featureList))
	for j := range means {
		means[j] = mean(column2(xs, j))
	}
	return means
}

func column2(xs [][]float64, j int) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = x[j]
	}
	return out
}

func impute(x, means []float64) []float64 {
	out := slices.Clone(x)
	for j, v := range out {
		if math.IsNaN(v) {
			out[j] = means[j]
		}
	}
	return out
}

// reasons are the three features that pushed the logit most, either way.
func reasons(m *potential.Model, x []float64) []Reason {
	up, down := m.Explain(x, 3)
	var out []Reason
	for _, c := range append(up, down...) {
		out = append(out, Reason{Feature: c.Feature.Name, Label: c.Feature.Label, Value: Num(c.Value), Effect: c.Effect})
	}
	sort.SliceStable(out, func(i, j int) bool { return math.Abs(out[i].Effect) > math.Abs(out[j].Effect) })
	return out[:min(3, len(out))]
}
