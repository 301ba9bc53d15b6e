package centile

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// Obs is one performance: the exact age (years) and the mark (seconds,
// metres, …; > 0) at that age.
type Obs struct {
	Age, Value float64
}

// Config sets the smoothing of the LMS fit. Zero fields take the defaults.
type Config struct {
	LowerIsBetter bool    // times: orient scores so that a higher z is better
	Bandwidth     float64 // Gaussian kernel SD for M and S, years (default 0.4)
	LBandwidth    float64 // kernel SD for the Box-Cox power L, years (default 2)
	Step          float64 // spacing of the age grid the curves are stored on, years (default 0.25)
	MinLocal      float64 // kernel weight a grid age needs; the kernel widens until it has it (default 150)
	MinObs        int     // observations a fit needs (default 200)
	// MaxObs, when > 0, bounds the observations FitReference fits each
	// group on (a seeded hash sample, independent of input order): LMS
	// curves from tens of thousands of marks are already precise, and a
	// national board has millions.
	MaxObs int
}

// Defaults of Config, chosen on the held-out checks reported in doc.go.
const (
	defaultBandwidth  = 0.4
	defaultLBandwidth = 2
	defaultStep       = 0.25
	defaultMinLocal   = 150
	defaultMinObs     = 200
)

func (c Config) withDefaults() Config {
	if c.Bandwidth <= 0 {
		c.Bandwidth = defaultBandwidth
	}
	if c.LBandwidth <= 0 {
		c.LBandwidth = defaultLBandwidth
	}
	if c.Step <= 0 {
		c.Step = defaultStep
	}
	if c.MinLocal <= 0 {
		c.MinLocal = defaultMinLocal
	}
	if c.MinObs <= 0 {
		c.MinObs = defaultMinObs
	}
	return c
}

// Errors callers test with errors.Is.
var (
	ErrTooFew     = errors.New("centile: too few observations")
	ErrOutOfRange = errors.New("centile: age outside the fitted range")
	ErrNoCurve    = errors.New("centile: no curves for this group")
)

// Curves are fitted LMS centile curves of one discipline and sex: on an
// even age grid from Lo to Hi, the Box-Cox power L, the median M (in the
// unit of the marks) and the coefficient of variation S. Between grid
// ages they are interpolated linearly; outside [Lo, Hi] nothing is given.
type Curves struct {
	Lo, Hi        float64 // fitted age range, years
	LowerIsBetter bool
	L, M, S       []float64 // at ages Lo + i·(Hi−Lo)/(len−1)
}

// Fit fits LMS curves to obs by local likelihood (see doc.go). Observations
// with a non-finite age or a mark ≤ 0 are an error, not skipped.
func Fit(obs []Obs, cfg Config) (*Curves, error) {
	cfg = cfg.withDefaults()
	if len(obs) < cfg.MinObs {
		return nil, fmt.Errorf("%w: %d, need %d", ErrTooFew, len(obs), cfg.MinObs)
	}
	s, err := newSample(obs)
	if err != nil {
		return nil, err
	}
	lo, hi := s.age[0], s.age[len(s.age)-1]
	n := int(math.Ceil((hi-lo)/cfg.Step)) + 1
	if n < 2 {
		return nil, fmt.Errorf("%w: all ages equal (%.2f)", ErrTooFew, lo)
	}
	grid := make([]float64, n)
	for i := range grid {
		grid[i] = lo + float64(i)*(hi-lo)/float64(n-1)
	}
	c := &Curves{Lo: lo, Hi: hi, LowerIsBetter: cfg.LowerIsBetter,
		L: make([]float64, n), M: make([]float64, n), S: make([]float64, n)}
	s.fitL(grid, cfg, c.L)
	for i, g := range grid {
		f := s.fitAt(s.kernelAt(g, s.bandwidth(g, cfg.Bandwidth, cfg.MinLocal)), c.L[i])
		c.M[i], c.S[i] = f.lms(c.L[i], s.scale)
	}
	if err := c.checkFinite(); err != nil {
		return nil, err
	}
	return c, nil
}

// newSample sorts the observations by age and checks them.
func newSample(obs []Obs) (*sample, error) {
	o := append([]Obs(nil), obs...)
	sort.Slice(o, func(i, j int) bool { return o[i].Age < o[j].Age })
	s := &sample{age: make([]float64, len(o)), logY: make([]float64, len(o))}
	var sum float64
	for i, x := range o {
		if math.IsNaN(x.Age) || math.IsInf(x.Age, 0) || !(x.Value > 0) || math.IsInf(x.Value, 0) {
			return nil, fmt.Errorf("centile: observation %d (age %v, value %v): need a finite age and a finite mark > 0", i, x.Age, x.Value)
		}
		s.age[i] = x.Age
		s.logY[i] = math.Log(x.Value)
		sum += s.logY[i]
	}
	// Marks are divided by their geometric mean: Box-Cox powers of numbers
	// near 1 stay well-conditioned, and the profile likelihood of L does not
	// depend on the scale.
	s.scale = math.Exp(sum / float64(len(o)))
	for i := range s.logY {
		s.logY[i] -= math.Log(s.scale)
	}
	return s, nil
}

// Z is the age-standardised score of mark value at age (years): the LMS z,
// oriented so that a higher z is a better performance. NaN outside [Lo, Hi]
// or for a mark ≤ 0.
func (c *Curves) Z(age, value float64) float64 {
	l, m, s, ok := c.at(age)
	if !ok || !(value > 0) {
		return math.NaN()
	}
	var z float64
	if math.Abs(l) < lZero {
		z = math.Log(value/m) / s
	} else {
		z = (math.Pow(value/m, l) - 1) / (l * s)
	}
	if c.LowerIsBetter {
		z = -z
	}
	return z
}

// Centile is the performance centile (0–100) of value at age: the share of
// athletes of that exact age the mark beats. NaN where Z is.
func (c *Curves) Centile(age, value float64) float64 { return 100 * normCDF(c.Z(age, value)) }

// Quantile is the mark at performance centile 100·p at age (0 < p < 1):
// Centile(age, Quantile(age, p)) = 100·p, so for times Quantile(a, 0.97) is
// a fast time. NaN outside [Lo, Hi], for p outside (0, 1), or where the
// Box-Cox curve has no mark that far in the tail (1 + L·S·z ≤ 0).
func (c *Curves) Quantile(age, p float64) float64 {
	l, m, s, ok := c.at(age)
	if !ok || !(p > 0 && p < 1) {
		return math.NaN()
	}
	z := normQuantile(p)
	if c.LowerIsBetter {
		z = -z
	}
	if math.Abs(l) < lZero {
		return m * math.Exp(s*z)
	}
	b := 1 + l*s*z
	if b <= 0 {
		return math.NaN()
	}
	return m * math.Pow(b, 1/l)
}

// Covers reports whether age lies in the fitted range.
func (c *Curves) Covers(age float64) bool { return age >= c.Lo && age <= c.Hi }

// at interpolates L, M and S at age.
func (c *Curves) at(age float64) (l, m, s float64, ok bool) {
	if !c.Covers(age) || len(c.M) < 2 {
		return 0, 0, 0, false
	}
	x := (age - c.Lo) / (c.Hi - c.Lo) * float64(len(c.M)-1)
	i := min(int(x), len(c.M)-2)
	f := x - float64(i)
	lin := func(v []float64) float64 { return v[i]*(1-f) + v[i+1]*f }
	return lin(c.L), lin(c.M), lin(c.S), true
}

// lZero is the |L| under which the Box-Cox transform is taken as the log.
const lZero = 1e-6

func normCDF(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }

func normQuantile(p float64) float64 { return -math.Sqrt2 * math.Erfcinv(2*p) }
