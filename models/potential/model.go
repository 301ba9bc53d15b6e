package potential

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
)

// ErrData reports training data a model cannot be fitted on (no rows, one
// class, ragged rows, NaN values).
var ErrData = errors.New("potential: unusable training data")

// Feature names one column of the feature vectors.
type Feature struct {
	// Name is a short identifier (best_rank_log); Label a phrase for people
	// ("best ranking before the cut-off").
	Name  string `json:"name"`
	Label string `json:"label"`
}

// Data is a training set: one row of X per athlete (or per athlete and
// snapshot age), in the order of Features, with its outcome Y and an ID (the
// athlete's source id) that Neighbours reports; rows sharing an ID stay in
// one cross-validation fold.
type Data struct {
	Features []Feature
	X        [][]float64
	Y        []bool
	IDs      []string
}

// Options tunes Fit.
type Options struct {
	// Lambdas is the grid of L2 penalties tried by cross-validation.
	Lambdas []float64
	// Folds is the number of stratified cross-validation folds.
	Folds int
	// Seed fixes the fold assignment.
	Seed uint64
}

// DefaultOptions returns a grid of penalties from 1e-2 to 3000 and 5 folds.
func DefaultOptions() Options {
	return Options{Lambdas: []float64{1e-2, 0.1, 1, 3, 10, 30, 100, 300, 1000, 3000}, Folds: 5, Seed: 1}
}

// CV records the cross-validation choices made on the training data.
type CV struct {
	// Lambda is the chosen penalty; LambdaLogLoss the out-of-fold log-loss
	// of the uncalibrated model at each penalty tried, in grid order.
	Lambda        float64   `json:"lambda"`
	LambdaLogLoss []float64 `json:"lambda_log_loss"`
	// Calibration is the chosen method; CalibrationLogLoss the
	// cross-validated log-loss of each method on the out-of-fold scores.
	Calibration        string             `json:"calibration"`
	CalibrationLogLoss map[string]float64 `json:"calibration_log_loss"`
	// OutOfFold scores the calibrated out-of-fold predictions of the
	// training rows (calibrators refitted per fold).
	OutOfFold Metrics `json:"out_of_fold"`
}

// Model predicts P(elite) from a feature vector: an L2-penalised logistic
// regression whose logit is mapped through a Calibrator. It keeps the
// standardised training rows for Neighbours.
type Model struct {
	Features []Feature
	lr       *logistic
	cal      Calibrator
	cv       CV
	trainZ   [][]float64
	trainY   []bool
	trainIDs []string
}

// Fit chooses the penalty and the calibration by cross-validation on d only,
// then refits on all of d.
func Fit(d Data, o Options) (*Model, error) {
	if err := check(d); err != nil {
		return nil, err
	}
	folds := stratifiedFolds(d.Y, d.IDs, o.Folds, o.Seed)
	var cv CV
	var oof []float64
	for _, lambda := range o.Lambdas {
		s, err := outOfFold(d, folds, o.Folds, lambda)
		if err != nil {
			return nil, err
		}
		p := make([]float64, len(s))
		for i, v := range s {
			p[i] = sigmoid(v)
		}
		loss := LogLoss(p, d.Y)
		if oof == nil || loss < minOf(cv.LambdaLogLoss) {
			cv.Lambda, oof = lambda, s
		}
		cv.LambdaLogLoss = append(cv.LambdaLogLoss, loss)
	}
	cal, losses, err := chooseCalibrator(oof, d.Y, folds, o.Folds)
	if err != nil {
		return nil, err
	}
	cv.Calibration, cv.CalibrationLogLoss = cal.Method, losses
	cv.OutOfFold = Evaluate(calibratedOOF(oof, d.Y, folds, o.Folds, cal.Method), d.Y)
	lr, err := fitLogistic(d.X, d.Y, cv.Lambda)
	if err != nil {
		return nil, err
	}
	z := design(d.X, lr.Mean, lr.Scale)
	return &Model{Features: d.Features, lr: lr, cal: cal, cv: cv, trainZ: z, trainY: d.Y, trainIDs: d.IDs}, nil
}

func check(d Data) error {
	if len(d.X) == 0 || len(d.X) != len(d.Y) || len(d.X) != len(d.IDs) {
		return fmt.Errorf("potential: %d rows, %d labels, %d ids: %w", len(d.X), len(d.Y), len(d.IDs), ErrData)
	}
	for i, r := range d.X {
		if len(r) != len(d.Features) {
			return fmt.Errorf("potential: row %d has %d values for %d features: %w", i, len(r), len(d.Features), ErrData)
		}
		for j, v := range r {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("potential: row %d feature %s is %v: %w", i, d.Features[j].Name, v, ErrData)
			}
		}
	}
	return bothClasses(d.Y)
}

// outOfFold returns each row's logit from the model fitted without its fold.
func outOfFold(d Data, folds []int, k int, lambda float64) ([]float64, error) {
	s := make([]float64, len(d.X))
	for f := range k {
		var x [][]float64
		var y []bool
		for i, g := range folds {
			if g != f {
				x, y = append(x, d.X[i]), append(y, d.Y[i])
			}
		}
		m, err := fitLogistic(x, y, lambda)
		if err != nil {
			return nil, fmt.Errorf("potential: fold %d: %w", f, err)
		}
		for i, g := range folds {
			if g == f {
				s[i] = m.logit(d.X[i])
			}
		}
	}
	return s, nil
}

// calibratedOOF calibrates each fold's scores with a calibrator of the given
// method fitted on the other folds.
func calibratedOOF(s []float64, y []bool, folds []int, k int, method string) []float64 {
	p := make([]float64, len(s))
	for f := range k {
		trS, trY, te := split(s, y, folds, f)
		c, err := FitPlatt(trS, trY)
		if method == Isotonic {
			c, err = FitIsotonic(trS, trY)
		}
		for _, i := range te {
			p[i] = math.NaN()
			if err == nil {
				p[i] = c.Apply(s[i])
			}
		}
	}
	return p
}

// stratifiedFolds assigns rows to k folds so that each fold holds the same
// share of positives: a seeded shuffle, then positives and negatives dealt
// round-robin.
// stratifiedFolds deals the rows into k folds, positives and negatives in
// turn. Rows sharing an ID (one athlete seen at several ages) go to the same
// fold, so no athlete is both trained on and scored in cross-validation;
// with unique IDs (or none) each row is its own group.
func stratifiedFolds(y []bool, ids []string, k int, seed uint64) []int {
	group := make([]int, len(y)) // row → group, groups numbered by first row
	first := []int{}             // group → its first row
	seen := map[string]int{}
	for i := range y {
		if i < len(ids) {
			if g, ok := seen[ids[i]]; ok {
				group[i] = g
				continue
			}
			seen[ids[i]] = len(first)
		}
		group[i] = len(first)
		first = append(first, i)
	}
	rng := rand.New(rand.NewPCG(seed, 0x666f6c6473))
	perm := rng.Perm(len(first))
	gfold := make([]int, len(first))
	var np, nn int
	for _, g := range perm {
		if y[first[g]] {
			gfold[g] = np % k
			np++
		} else {
			gfold[g] = nn % k
			nn++
		}
	}
	folds := make([]int, len(y))
	for i := range y {
		folds[i] = gfold[group[i]]
	}
	return folds
}

func minOf(v []float64) float64 {
	m := math.Inf(1)
	for _, x := range v {
		m = math.Min(m, x)
	}
	return m
}

// CV returns the cross-validation choices and out-of-fold figures.
func (m *Model) CV() CV { return m.cv }

// Prediction is P(elite) with a 95 % interval from the delta method: the
// logit ± 1.96 standard errors (from the inverse penalised Hessian) mapped
// through the calibrator. The interval ignores the calibrator's own
// uncertainty.
type Prediction struct {
	P    float64 `json:"p"`
	Low  float64 `json:"low"`
	High float64 `json:"high"`
}

// Predict returns the calibrated P(elite) of feature vector x.
func (m *Model) Predict(x []float64) Prediction {
	s, se := m.lr.logit(x), m.lr.logitSE(x)
	return Prediction{P: m.cal.Apply(s), Low: m.cal.Apply(s - 1.96*se), High: m.cal.Apply(s + 1.96*se)}
}

// Contribution is one feature's push on an athlete's logit: coefficient ×
// standardised deviation from the training mean.
type Contribution struct {
	Feature Feature `json:"feature"`
	Value   float64 `json:"value"`
	Effect  float64 `json:"effect"`
}

// Explain returns up to k features that raised the logit of x the most
// (largest positive effect first) and up to k that lowered it the most.
func (m *Model) Explain(x []float64, k int) (up, down []Contribution) {
	z := standardise(x, m.lr.Mean, m.lr.Scale)
	cs := make([]Contribution, len(x))
	for j := range x {
		cs[j] = Contribution{Feature: m.Features[j], Value: x[j], Effect: m.lr.W[j+1] * z[j+1]}
	}
	sort.SliceStable(cs, func(a, b int) bool { return cs[a].Effect > cs[b].Effect })
	for _, c := range cs {
		if c.Effect > 0 && len(up) < k {
			up = append(up, c)
		}
	}
	for i := len(cs) - 1; i >= 0 && len(down) < k; i-- {
		if cs[i].Effect < 0 {
			down = append(down, cs[i])
		}
	}
	return up, down
}

// Neighbour is a training athlete close to the one explained.
type Neighbour struct {
	ID       string  `json:"id"`
	Elite    bool    `json:"elite"`
	Distance float64 `json:"distance"`
}

// Neighbours returns the k training athletes nearest to x in standardised
// Euclidean distance (each feature in training standard deviations),
// nearest first, ties by training order.
func (m *Model) Neighbours(x []float64, k int) []Neighbour {
	z := standardise(x, m.lr.Mean, m.lr.Scale)
	ns := make([]Neighbour, len(m.trainZ))
	for i, r := range m.trainZ {
		var d float64
		for j := 1; j < len(r); j++ {
			d += (r[j] - z[j]) * (r[j] - z[j])
		}
		ns[i] = Neighbour{ID: m.trainIDs[i], Elite: m.trainY[i], Distance: math.Sqrt(d)}
	}
	sort.SliceStable(ns, func(a, b int) bool { return ns[a].Distance < ns[b].Distance })
	return ns[:min(k, len(ns))]
}

// Coefficients returns each feature's coefficient per training standard
// deviation, on the logit scale.
func (m *Model) Coefficients() map[string]float64 {
	c := make(map[string]float64, len(m.Features))
	for j, f := range m.Features {
		c[f.Name] = m.lr.W[j+1]
	}
	return c
}
