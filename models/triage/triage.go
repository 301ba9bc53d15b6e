package triage

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/floats"
)

// ErrData is returned when the verdicts cannot train a model: too few, or
// all of one kind.
var ErrData = errors.New("triage: not enough verdicts")

// Label is one officer's verdict on one alert.
type Label struct {
	Type      string
	Severity  float64 // the detector's severity when the alert was decided, 0–1
	Confirmed bool
	ID        string // the alert, named in errors
}

// Model maps an alert's type and severity to P(confirmed).
type Model struct {
	types   []string  // the types seen in training, sorted
	centres []float64 // per type, its training verdicts' mean logit(severity)
	pooled  float64   // every training verdict's mean logit(severity): the centre of unseen types
	beta    []float64 // intercept, pooled slope, then per type: intercept shift, slope shift
	cv      CV
}

// CV records the choice of the two penalties: on the per-type intercept
// shifts (small lets each type keep its own confirmation rate, large pools
// them) and on the severity slopes (large says severity tells nothing).
type CV struct {
	TypePenalty  float64     `json:"type_penalty"`
	SlopePenalty float64     `json:"slope_penalty"`
	Grid         []float64   `json:"grid"`
	LogLoss      [][]float64 `json:"log_loss"` // out-of-fold, [type penalty][slope penalty] over Grid
}

// Grid holds the penalties tried by cross-validation, for each of the two.
var Grid = []float64{0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000, 10000}

// folds is the number of stratified cross-validation folds (fewer when a
// class has fewer verdicts).
const folds = 5

// Fit chooses the penalty by stratified cross-validation (folds drawn with
// seed), then fits on every verdict.
func Fit(labels []Label, seed uint64) (*Model, error) {
	if err := check(labels); err != nil {
		return nil, err
	}
	m := centred(labels)
	x, y := m.design(labels)
	k := min(folds, positives(labels), len(labels)-positives(labels))
	fold := stratified(y, k, seed)
	m.cv = CV{Grid: Grid}
	best := math.Inf(1)
	for _, lt := range Grid {
		row := make([]float64, len(Grid))
		for j, ls := range Grid {
			row[j] = outOfFold(x, y, fold, k, penalties(lt, ls, len(m.types)))
			if row[j] < best {
				best, m.cv.TypePenalty, m.cv.SlopePenalty = row[j], lt, ls
			}
		}
		m.cv.LogLoss = append(m.cv.LogLoss, row)
	}
	m.beta = fitLogistic(x, y, penalties(m.cv.TypePenalty, m.cv.SlopePenalty, len(m.types)))
	return m, nil
}

// P returns the probability that an officer confirms an alert of this type
// and severity.
func (m *Model) P(typ string, severity float64) float64 {
	return sigmoid(floats.Dot(m.beta, m.row(typ, severity)))
}

// Types are the detector types seen in training, each with its own
// intercept and slope; others get the pooled ones.
func (m *Model) Types() []string { return slices.Clone(m.types) }

// CV is the record of the penalty's choice.
func (m *Model) CV() CV { return m.cv }

func check(labels []Label) error {
	pos := positives(labels)
	if pos < 2 || len(labels)-pos < 2 {
		return fmt.Errorf("%w: %d confirmed and %d dismissed, need at least 2 of each", ErrData, pos, len(labels)-pos)
	}
	for i, l := range labels {
		if l.Type == "" || !(l.Severity >= 0 && l.Severity <= 1) {
			return fmt.Errorf("%w: verdict %d (alert %s): type %q, severity %v (want a type and 0–1)", ErrData, i, l.ID, l.Type, l.Severity)
		}
	}
	return nil
}

func positives(labels []Label) int {
	n := 0
	for _, l := range labels {
		if l.Confirmed {
			n++
		}
	}
	return n
}

// centred returns a model with the verdicts' types, sorted, and the mean
// logit(severity) of each and of all.
func centred(labels []Label) *Model {
	m := &Model{}
	for _, l := range labels {
		m.types = append(m.types, l.Type)
	}
	slices.Sort(m.types)
	m.types = slices.Compact(m.types)
	sum, n := make([]float64, len(m.types)), make([]float64, len(m.types))
	for _, l := range labels {
		i, _ := slices.BinarySearch(m.types, l.Type)
		sum[i] += logit(l.Severity)
		n[i]++
		m.pooled += logit(l.Severity) / float64(len(labels))
	}
	m.centres = make([]float64, len(m.types))
	for i := range sum {
		m.centres[i] = sum[i] / n[i]
	}
	return m
}

func (m *Model) design(labels []Label) ([][]float64, []bool) {
	x, y := make([][]float64, len(labels)), make([]bool, len(labels))
	for i, l := range labels {
		x[i], y[i] = m.row(l.Type, l.Severity), l.Confirmed
	}
	return x, y
}

// row is [1, s, then per type t: 1[t], 1[t]·s], with s the logit of the
// severity less its type's centre: the type shifts are then each type's
// log-odds at its typical severity, and shrinking a slope leaves them be.
func (m *Model) row(typ string, severity float64) []float64 {
	r := make([]float64, 2+2*len(m.types))
	i, ok := slices.BinarySearch(m.types, typ)
	s := logit(severity) - m.pooled
	if ok {
		s = logit(severity) - m.centres[i]
		r[2+2*i], r[3+2*i] = 1, s
	}
	r[0], r[1] = 1, s
	return r
}

// maxLogit bounds logit(severity) after the clipping.
const maxLogit = 7

func logit(p float64) float64 {
	p = min(max(p, 0.001), 0.999)
	return math.Log(p / (1 - p))
}

// maxCoefficient bounds a decoded coefficient: fitted ones stay far below
// (the penalties keep them finite and the inputs are within ±7), and larger
// ones could overflow a prediction to NaN.
const maxCoefficient = 1e3

// format versions the encoding.
const format = 3

type wire struct {
	Format  int       `json:"format"`
	Types   []string  `json:"types"`
	Centres []float64 `json:"centres"`
	Pooled  float64   `json:"pooled_centre"`
	Beta    []float64 `json:"beta"`
	CV      CV        `json:"cv"`
}

// MarshalBinary encodes the model; the same verdicts and seed give the same
// bytes.
func (m *Model) MarshalBinary() ([]byte, error) {
	return json.Marshal(wire{Format: format, Types: m.types, Centres: m.centres, Pooled: m.pooled, Beta: m.beta, CV: m.cv})
}

// UnmarshalBinary decodes a model written by MarshalBinary.
func (m *Model) UnmarshalBinary(data []byte) error {
	var w wire
	if err := json.Unmarshal(data, &w); err != nil {
		return fmt.Errorf("triage: decode: %w", err)
	}
	switch {
	case w.Format != format:
		return fmt.Errorf("triage: decode: format %d, want %d", w.Format, format)
	case !slices.IsSorted(w.Types) || len(slices.Compact(slices.Clone(w.Types))) != len(w.Types):
		return fmt.Errorf("triage: decode: types %q not sorted and unique", w.Types)
	case len(w.Beta) != 2+2*len(w.Types):
		return fmt.Errorf("triage: decode: %d coefficients for %d types, want %d", len(w.Beta), len(w.Types), 2+2*len(w.Types))
	case slices.ContainsFunc(w.Beta, func(b float64) bool { return !(math.Abs(b) <= maxCoefficient) }):
		return fmt.Errorf("triage: decode: coefficients %v not all within ±%g", w.Beta, float64(maxCoefficient))
	case len(w.Centres) != len(w.Types) || slices.ContainsFunc(append(w.Centres, w.Pooled), func(c float64) bool { return !(math.Abs(c) <= maxLogit) }):
		return fmt.Errorf("triage: decode: centres %v (pooled %v) for %d types, want one each within ±%d", w.Centres, w.Pooled, len(w.Types), maxLogit)
	}
	*m = Model{types: w.Types, centres: w.Centres, pooled: w.Pooled, beta: w.Beta, cv: w.CV}
	return nil
}
