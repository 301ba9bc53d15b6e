package centile

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"time"
)

// RelativeAge places a birth date within its calendar (selection) year:
// (day of year − 1) / days in the year, 0 on 1 January, just under 1 on 31
// December — the relative_age of features.AthleteProfile. The oldest of a
// birth-year category have the smallest relative age.
func RelativeAge(birth time.Time) float64 {
	days := time.Date(birth.Year(), 12, 31, 0, 0, 0, 0, time.UTC).YearDay()
	return float64(birth.YearDay()-1) / float64(days)
}

// ResultOn builds the Result of a mark set on date by an athlete born on
// birth: exact age in years of 365.25 days (as datasets computes
// age_years), season, birth year and relative age.
func ResultOn(k Key, athlete int64, mark float64, lowerIsBetter bool, birth, date time.Time) Result {
	return Result{
		Key: k, Athlete: athlete, Mark: mark, LowerIsBetter: lowerIsBetter,
		Age:         date.Sub(birth).Hours() / 24 / 365.25,
		Season:      date.Year(),
		BirthYear:   birth.Year(),
		RelativeAge: RelativeAge(birth),
	}
}

// ErrNoCategory is returned for a result whose season and birth-year
// category has no norm.
var ErrNoCategory = errors.New("centile: no norm for this category")

type catKey struct {
	Key
	season, category int
}

type norm struct{ mean, sd float64 }

// Categories are the "raw" norms of today's practice: mean and SD of the
// mark per (sport, discipline, sex, season, birth-year category), ignoring
// exact age, so the raw score carries the relative-age effect.
type Categories struct {
	norms map[catKey]norm
}

// FitCategories computes the category norms; categories with fewer than
// two results or no spread have none.
func FitCategories(results []Result) *Categories {
	var n, sum, sq = map[catKey]float64{}, map[catKey]float64{}, map[catKey]float64{}
	for _, r := range results {
		if r.Category() == 0 {
			continue
		}
		k := catKey{r.Key, r.Season, r.Category()}
		n[k]++
		sum[k] += r.Mark
		sq[k] += r.Mark * r.Mark
	}
	c := &Categories{norms: map[catKey]norm{}}
	for k, m := range n {
		mean := sum[k] / m
		if sd := math.Sqrt(math.Max(0, (sq[k]-m*mean*mean)/(m-1))); m >= 2 && sd > 0 {
			c.norms[k] = norm{mean, sd}
		}
	}
	return c
}

// Z is the raw score of r: its mark standardised within its category,
// oriented so that higher is better.
func (c *Categories) Z(r Result) (float64, error) {
	nm, ok := c.norms[catKey{r.Key, r.Season, r.Category()}]
	if !ok {
		return math.NaN(), fmt.Errorf("%w: %s season %d category U%d", ErrNoCategory, r.Key, r.Season, r.Category())
	}
	z := (r.Mark - nm.mean) / nm.sd
	if r.LowerIsBetter {
		z = -z
	}
	return z, nil
}

// Slope is a relative-age effect in one birth-year category: PerYear is the
// advantage (in the unit of the regressed score) of being one year older
// within the category, i.e. minus the slope on relative age, pooled over
// seasons with each season's category centred; SE its standard error.
type Slope struct {
	Key
	Category int
	N        int
	PerYear  float64
	SE       float64
}

// RelativeAgeSlopes regresses y[i] (a score of results[i]; NaN skipped) on
// relative age within each category and season, pooled per (group,
// category). Results without a category or relative age are skipped.
func RelativeAgeSlopes(results []Result, y []float64) []Slope {
	type acc struct{ n, sx, sy, sxx, sxy, syy float64 }
	cells := map[catKey]*acc{}
	for i, r := range results {
		if r.Category() == 0 || math.IsNaN(r.RelativeAge) || math.IsNaN(y[i]) {
			continue
		}
		k := catKey{r.Key, r.Season, r.Category()}
		a := cells[k]
		if a == nil {
			a = &acc{}
			cells[k] = a
		}
		x := r.RelativeAge
		a.n, a.sx, a.sy = a.n+1, a.sx+x, a.sy+y[i]
		a.sxx, a.sxy, a.syy = a.sxx+x*x, a.sxy+x*y[i], a.syy+y[i]*y[i]
	}
	type pool struct{ n, sxx, sxy, syy, groups float64 }
	pooled := map[catKey]*pool{}
	for k, a := range cells {
		pk := catKey{Key: k.Key, category: k.category}
		p := pooled[pk]
		if p == nil {
			p = &pool{}
			pooled[pk] = p
		}
		p.n += a.n
		p.groups++
		p.sxx += a.sxx - a.sx*a.sx/a.n
		p.sxy += a.sxy - a.sx*a.sy/a.n
		p.syy += a.syy - a.sy*a.sy/a.n
	}
	var out []Slope
	for k, p := range pooled {
		if p.sxx <= 0 || p.n-p.groups < 2 {
			continue
		}
		b := p.sxy / p.sxx
		resid := (p.syy - b*p.sxy) / (p.n - p.groups - 1)
		out = append(out, Slope{Key: k.Key, Category: k.category, N: int(p.n), PerYear: -b, SE: math.Sqrt(math.Max(0, resid) / p.sxx)})
	}
	slices.SortFunc(out, func(a, b Slope) int {
		return cmp.Or(cmp.Compare(a.Key.String(), b.Key.String()), cmp.Compare(a.Category, b.Category))
	})
	return out
}

// RelativeAgeEffect is the relative-age effect fitted on the marks
// themselves: the within-category slope of 100·ln(mark), oriented so that
// better is higher, i.e. the % better performance of an athlete one year
// older in the same category (the literature's "% per year").
func RelativeAgeEffect(results []Result) []Slope {
	y := make([]float64, len(results))
	for i, r := range results {
		y[i] = 100 * math.Log(r.Mark)
		if r.LowerIsBetter {
			y[i] = -y[i]
		}
	}
	return RelativeAgeSlopes(results, y)
}

// AgeGradient is how much better (in %) the median mark is one year later,
// centred on age: 100·ln(M(age+½)/M(age−½)), sign-flipped for times. This is
// the relative-age effect the exact-age standardisation removes. NaN unless
// age ± ½ is in range.
func (c *Curves) AgeGradient(age float64) float64 {
	_, m0, _, ok0 := c.at(age - 0.5)
	_, m1, _, ok1 := c.at(age + 0.5)
	if !ok0 || !ok1 {
		return math.NaN()
	}
	g := 100 * math.Log(m1/m0)
	if c.LowerIsBetter {
		g = -g
	}
	return g
}
