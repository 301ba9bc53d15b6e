package maturity

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/podium-sport/podium/models/centile"
)

// Sample is one scored result with the athlete's maturity offset at the
// time (from the nearest earlier physical test): the data an Adjuster is
// fitted on.
type Sample struct {
	Sex    string
	Age    float64 // exact age, years
	Z      float64 // RAE-corrected (exact-age) score
	Offset float64 // maturity offset, years
}

// BandFit is the maturity effect fitted in one sex and whole year of age:
// the score rises by Slope per year of maturity offset beyond what the age
// predicts (timing, offset − Intercept − AgeSlope·(age − Age − ½)).
type BandFit struct {
	Sex       string
	Age       int // band [Age, Age+1)
	N         int
	Slope     float64 // score per year of maturity timing
	SE        float64
	Intercept float64 // mean offset at the band centre
	AgeSlope  float64 // offset per year of age within the band (≈ 1)
}

// ErrNoBand is returned when no maturity effect was fitted for a sex and age.
var ErrNoBand = errors.New("maturity: no fitted band")

// Adjuster removes the effect of maturity timing from age-standardised
// scores, per sex and year of age.
type Adjuster struct {
	bands map[bandKey]BandFit
}

type bandKey struct {
	sex string
	age int
}

// MinBand is the number of samples a band needs to be fitted.
const MinBand = 30

// FitAdjuster fits, in each sex and whole year of age with at least MinBand
// samples, the offset on age (the expected offset of that age) and then the
// score on the timing residual. Samples with a NaN are skipped, and so are
// bands whose fit is degenerate (all samples at one age or one timing).
func FitAdjuster(samples []Sample) (*Adjuster, error) {
	by := map[bandKey][]Sample{}
	for _, s := range samples {
		if math.IsNaN(s.Age + s.Z + s.Offset) {
			continue
		}
		k := bandKey{s.Sex, int(math.Floor(s.Age))}
		by[k] = append(by[k], s)
	}
	a := &Adjuster{bands: map[bandKey]BandFit{}}
	for k, ss := range by {
		if len(ss) < MinBand {
			continue
		}
		if f := fitBand(k, ss); f.finite() {
			a.bands[k] = f
		}
	}
	if len(a.bands) == 0 {
		return nil, fmt.Errorf("%w: no sex and age has %d samples", ErrNoBand, MinBand)
	}
	return a, nil
}

func fitBand(k bandKey, ss []Sample) BandFit {
	centre := float64(k.age) + 0.5
	x := make([]float64, len(ss))
	y := make([]float64, len(ss))
	for i, s := range ss {
		x[i], y[i] = s.Age-centre, s.Offset
	}
	b0, b1, _ := ols(x, y)
	for i, s := range ss {
		x[i], y[i] = s.Offset-b0-b1*(s.Age-centre), s.Z
	}
	_, slope, se := ols(x, y)
	return BandFit{Sex: k.sex, Age: k.age, N: len(ss), Slope: slope, SE: se, Intercept: b0, AgeSlope: b1}
}

// finite reports whether every fitted number of the band is finite (a band
// whose samples share one age or one timing has none).
func (f BandFit) finite() bool {
	v := f.Slope + f.SE + f.Intercept + f.AgeSlope
	return !math.IsNaN(v) && !math.IsInf(v, 0)
}

// ols fits y = a + b·x and returns a, b and the standard error of b.
func ols(x, y []float64) (a, b, se float64) {
	n := float64(len(x))
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx, my = mx/n, my/n
	var sxx, sxy, syy float64
	for i := range x {
		sxx += (x[i] - mx) * (x[i] - mx)
		sxy += (x[i] - mx) * (y[i] - my)
		syy += (y[i] - my) * (y[i] - my)
	}
	if sxx == 0 {
		return my, 0, math.NaN()
	}
	b = sxy / sxx
	return my - b*mx, b, math.Sqrt(math.Max(0, (syy-b*sxy)/(n-2)) / sxx)
}

// Adjust removes the maturity effect from z: z − Slope·timing, where timing
// is how far the offset is from the one expected at that age. The score is
// not rescaled; its spread shrinks by the share of variance maturity
// explained.
func (a *Adjuster) Adjust(sex string, age, z, offset float64) (float64, error) {
	f, ok := a.bands[bandKey{sex, int(math.Floor(age))}]
	if !ok {
		return math.NaN(), fmt.Errorf("%w: sex %s age %.2f", ErrNoBand, sex, age)
	}
	timing := offset - f.Intercept - f.AgeSlope*(age-float64(f.Age)-0.5)
	return z - f.Slope*timing, nil
}

// Bands lists the fitted bands, by sex and age.
func (a *Adjuster) Bands() []BandFit {
	out := make([]BandFit, 0, len(a.bands))
	for _, f := range a.bands {
		out = append(out, f)
	}
	slices.SortFunc(out, func(x, y BandFit) int { return cmp.Or(cmp.Compare(x.Sex, y.Sex), cmp.Compare(x.Age, y.Age)) })
	return out
}

// Scores are one result's three scores, side by side; NaN where a step has
// no answer (Err says why).
type Scores struct {
	Raw              float64 // standardised within the birth-year category (today's practice)
	RAECorrected     float64 // standardised by exact age (LMS curves)
	MaturityAdjusted float64 // RAE-corrected, maturity timing removed
	Err              error
}

// Scorer chains the three scores. Maturity may be nil (no physical tests).
type Scorer struct {
	Categories *centile.Categories
	Reference  *centile.Reference
	Maturity   *Adjuster
}

// Score scores r; offset is the athlete's maturity offset at the result
// (NaN when unknown). Every step that can be computed is, even when an
// earlier one failed; Err joins the failures.
func (s *Scorer) Score(r centile.Result, offset float64) Scores {
	out := Scores{Raw: math.NaN(), RAECorrected: math.NaN(), MaturityAdjusted: math.NaN()}
	var errs []error
	var err error
	if out.Raw, err = s.Categories.Z(r); err != nil {
		errs = append(errs, err)
	}
	if out.RAECorrected, err = s.Reference.Z(r.Key, r.Age, r.Mark); err != nil {
		errs = append(errs, err)
	}
	switch {
	case s.Maturity == nil || math.IsNaN(offset):
		errs = append(errs, fmt.Errorf("%w: no maturity offset", ErrNoBand))
	case !math.IsNaN(out.RAECorrected):
		if out.MaturityAdjusted, err = s.Maturity.Adjust(r.Sex, r.Age, out.RAECorrected, offset); err != nil {
			errs = append(errs, err)
		}
	}
	out.Err = errors.Join(errs...)
	return out
}
