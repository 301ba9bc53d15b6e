package trajectory

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
)

// ErrBadInput reports series or configurations that cannot be fitted or
// forecast: NaN or infinite ages or values, a non-positive value on the log
// scale, unequal lengths, duplicate IDs, too few series.
var ErrBadInput = errors.New("trajectory: bad input")

// Series is one athlete's measured performances: Values[i] (a time in
// seconds, a distance in metres…) at Ages[i] (decimal years). The points
// need not be sorted.
type Series struct {
	ID     string
	Ages   []float64
	Values []float64
}

// Config sets the model's shape. The zero value is valid: every zero field
// takes its default.
type Config struct {
	// Interior is the number of interior knots, at quantiles of the training
	// ages, of the cubic B-spline basis shared by the mean and the
	// individual deviations (default 3: 7 basis functions).
	Interior int
	// Linear fits on the scale of the values; by default the model works on
	// log(value), where the spread of times is nearly even across ages.
	Linear bool
	// NoiseBins is the number of age bins of the residual variance σ²(age)
	// (default 10).
	NoiseBins int
	// Iterations caps the EM iterations (default 100: 300 and 1000 changed
	// the cross-validated MSE of the swimmers by less than 0.1 %).
	Iterations int
	// Holdout is the share of each training series, its latest points by age
	// rank, held out to calibrate the 95 % interval (default 0.4, as in the
	// MagmaClust swimming protocol).
	Holdout float64
	// Folds is the number of cross-fitting folds of that calibration
	// (default 2): each fold is forecast by a model fitted without it.
	Folds int
	// MaxSeries caps the series the parameters are learned from (default
	// 2000): beyond it Fit learns from a seeded pseudo-random subsample of
	// that size (the series of smallest hash of their ID), so that its cost
	// no longer grows with the population; every series is still checked.
	// The fitted model forecasts any athlete. It is not stored in artifacts.
	MaxSeries int
}

func (c Config) withDefaults() Config {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&c.Interior, 3)
	def(&c.NoiseBins, 10)
	def(&c.Iterations, 100)
	def(&c.Folds, 2)
	def(&c.MaxSeries, 2000)
	if c.Holdout <= 0 || c.Holdout >= 1 {
		c.Holdout = 0.4
	}
	return c
}

// Model is a fitted functional mixed model. Values are modelled on the
// working scale (log by default) as
//
//	y(t) = B(t)ᵀb + ε(t),  b ~ N(β, Σ),  ε(t) ~ N(0, σ²(t)),
//
// with B a cubic B-spline basis of age. Build it with Fit or
// UnmarshalBinary; it is safe for concurrent use.
type Model struct {
	cfg    Config
	lo, hi float64 // age range of the basis and of the noise bins
	basis  basis
	beta   []float64 // mean coefficients
	sigma  []float64 // covariance Σ of the individual coefficients, k×k row-major
	noise  []float64 // σ² per age bin
	// scale widens the forecast SD so that 95 % of held-out training points
	// fall inside ±1.96 SD; offsetScale does the same for OffsetForecast.
	scale, offsetScale float64
	// formShare (ρ) and formYears (ℓ) describe the residuals' current-form
	// correlation (form.go).
	formShare, formYears float64
}

// point is one observation on the working scale.
type point struct{ age, y float64 }

// prepare checks one series and returns its points on the working scale,
// sorted by age.
func (c Config) prepare(s Series) ([]point, error) {
	if err := c.check(s); err != nil {
		return nil, err
	}
	return c.points(s), nil
}

// check reports a series whose points cannot be modelled.
func (c Config) check(s Series) error {
	if len(s.Ages) != len(s.Values) {
		return fmt.Errorf("%w: series %q: %d ages but %d values", ErrBadInput, s.ID, len(s.Ages), len(s.Values))
	}
	for i, a := range s.Ages {
		v := s.Values[i]
		if math.IsNaN(a) || math.IsInf(a, 0) || math.IsNaN(v) || math.IsInf(v, 0) || (!c.Linear && v <= 0) {
			return fmt.Errorf("%w: series %q point %d: age %v, value %v", ErrBadInput, s.ID, i, a, v)
		}
	}
	return nil
}

// points returns the points of a checked series on the working scale,
// sorted by age (ties by value).
func (c Config) points(s Series) []point {
	pts := make([]point, len(s.Ages))
	for i, a := range s.Ages {
		pts[i] = point{a, c.toWork(s.Values[i])}
	}
	slices.SortStableFunc(pts, func(a, b point) int {
		if a.age != b.age {
			return cmpFloat(a.age, b.age)
		}
		return cmpFloat(a.y, b.y)
	})
	return pts
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (c Config) toWork(v float64) float64 {
	if c.Linear {
		return v
	}
	return math.Log(v)
}

// sortedByID returns the series sorted by ID, so that a fit does not depend
// on the order of its input, and rejects duplicate IDs.
func sortedByID(series []Series) ([]Series, error) {
	s := slices.Clone(series)
	slices.SortStableFunc(s, func(a, b Series) int { return strings.Compare(a.ID, b.ID) })
	for i := 1; i < len(s); i++ {
		if s[i].ID == s[i-1].ID {
			return nil, fmt.Errorf("%w: duplicate series ID %q", ErrBadInput, s[i].ID)
		}
	}
	return s, nil
}

// noiseAt is σ²(age).
func (m *Model) noiseAt(age float64) float64 {
	return m.noise[binOf(age, m.lo, m.hi, len(m.noise))]
}

func binOf(age, lo, hi float64, n int) int {
	i := int(float64(n) * (age - lo) / (hi - lo))
	return min(max(i, 0), n-1)
}
