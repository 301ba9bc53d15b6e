package potential

import (
	"fmt"
	"sort"
)

// Calibration methods.
const (
	Platt    = "platt"
	Isotonic = "isotonic"
)

// Calibrator maps a raw score (the model's logit) to a probability. It is
// non-decreasing in the score.
type Calibrator struct {
	Method string
	// A and B are Platt's P = σ(A·s + B).
	A, B float64
	// Knots and Values are the isotonic fit: the mean score of each pooled
	// block and its positive rate, interpolated linearly between knots and
	// held constant beyond the ends.
	Knots, Values []float64
}

// FitPlatt fits P(y=1 | s) = σ(A·s + B) by maximum likelihood (Newton's
// method on the two parameters; Platt's smoothed targets are not used).
// It fails with ErrData when y holds a single class.
func FitPlatt(s []float64, y []bool) (Calibrator, error) {
	x := make([][]float64, len(s))
	for i, v := range s {
		x[i] = []float64{v}
	}
	if err := bothClasses(y); err != nil {
		return Calibrator{}, err
	}
	m, err := fitLogistic(x, y, 0)
	if err != nil {
		return Calibrator{}, fmt.Errorf("potential: Platt: %w", err)
	}
	a := m.W[1] / m.Scale[0]
	return Calibrator{Method: Platt, A: a, B: m.W[0] - a*m.Mean[0]}, nil
}

// FitIsotonic fits the non-decreasing step function of s closest to y in
// squared error by pool-adjacent-violators; tied scores share one value.
func FitIsotonic(s []float64, y []bool) (Calibrator, error) {
	if len(s) == 0 || len(s) != len(y) {
		return Calibrator{}, fmt.Errorf("potential: isotonic fit on %d scores and %d labels: %w", len(s), len(y), ErrData)
	}
	idx := order(s)
	var xs, ys, ws []float64
	for k := 0; k < len(idx); {
		var sum, n float64
		j := k
		for ; j < len(idx) && s[idx[j]] == s[idx[k]]; j++ {
			sum += b2f(y[idx[j]])
			n++
		}
		xs, ys, ws = append(xs, s[idx[k]]), append(ys, sum/n), append(ws, n)
		k = j
	}
	knots, values := pav(xs, ys, ws)
	return Calibrator{Method: Isotonic, Knots: knots, Values: values}, nil
}

// pav pools adjacent violators of y (weights w, already ordered by x) and
// returns one knot per block: the weighted mean x and the block mean.
func pav(x, y, w []float64) (knots, values []float64) {
	type block struct{ sx, sy, w float64 }
	var st []block
	for i := range y {
		st = append(st, block{x[i] * w[i], y[i] * w[i], w[i]})
		for len(st) > 1 && st[len(st)-2].sy/st[len(st)-2].w >= st[len(st)-1].sy/st[len(st)-1].w {
			a, b := st[len(st)-2], st[len(st)-1]
			st = append(st[:len(st)-2], block{a.sx + b.sx, a.sy + b.sy, a.w + b.w})
		}
	}
	for _, b := range st {
		knots, values = append(knots, b.sx/b.w), append(values, b.sy/b.w)
	}
	return knots, values
}

// Apply returns the calibrated probability of score s.
func (c Calibrator) Apply(s float64) float64 {
	if c.Method == Platt {
		return sigmoid(c.A*s + c.B)
	}
	k := c.Knots
	i := sort.SearchFloat64s(k, s)
	switch {
	case i == 0:
		return c.Values[0]
	case i == len(k):
		return c.Values[len(k)-1]
	}
	t := (s - k[i-1]) / (k[i] - k[i-1])
	return c.Values[i-1] + t*(c.Values[i]-c.Values[i-1])
}

// chooseCalibrator fits both calibrators on out-of-fold scores and keeps the
// one with the lower cross-validated log-loss (folds over the same scores),
// refitted on all of them. It returns the CV log-loss of each method.
func chooseCalibrator(s []float64, y []bool, folds []int, k int) (Calibrator, map[string]float64, error) {
	fits := map[string]func([]float64, []bool) (Calibrator, error){Platt: FitPlatt, Isotonic: FitIsotonic}
	losses := map[string]float64{}
	best := ""
	for _, name := range []string{Platt, Isotonic} {
		p := make([]float64, len(s))
		for f := range k {
			trS, trY, te := split(s, y, folds, f)
			c, err := fits[name](trS, trY)
			if err != nil {
				return Calibrator{}, nil, err
			}
			for _, i := range te {
				p[i] = c.Apply(s[i])
			}
		}
		losses[name] = LogLoss(p, y)
		if best == "" || losses[name] < losses[best] {
			best = name
		}
	}
	c, err := fits[best](s, y)
	return c, losses, err
}

// split returns the scores and labels outside fold f, and the indices in it.
func split(s []float64, y []bool, folds []int, f int) ([]float64, []bool, []int) {
	var trS []float64
	var trY []bool
	var te []int
	for i, g := range folds {
		if g == f {
			te = append(te, i)
			continue
		}
		trS, trY = append(trS, s[i]), append(trY, y[i])
	}
	return trS, trY, te
}

func bothClasses(y []bool) error {
	var pos int
	for _, v := range y {
		if v {
			pos++
		}
	}
	if pos == 0 || pos == len(y) {
		return fmt.Errorf("potential: %d positives among %d rows, need both classes: %w", pos, len(y), ErrData)
	}
	return nil
}

// order returns the indices of s sorted by increasing value, ties by index.
func order(s []float64) []int {
	idx := make([]int, len(s))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return s[idx[a]] < s[idx[b]] })
	return idx
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
