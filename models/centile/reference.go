package centile

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
)

// Key names a group with its own curves.
type Key struct {
	Sport, Discipline, Sex string // sex "M" or "F", as in datasets
}

func (k Key) String() string { return k.Sport + "/" + k.Discipline + "/" + k.Sex }

// Result is one performance as a ranking pipeline has it (the columns of
// table results, joined to the athlete's birth date).
type Result struct {
	Key
	Athlete       int64
	Age           float64 // exact age at the result, years
	Mark          float64 // in the discipline's unit, > 0
	LowerIsBetter bool
	Season        int     // calendar year of the result; 0 when unknown
	BirthYear     int     // calendar year of birth; 0 when unknown
	RelativeAge   float64 // see RelativeAge; NaN when the birth date is unknown
}

// Category is the birth-year age category of a result: the age the athlete
// turns in the season (season − birth year), as youth competitions group
// athletes; 0 when either year is unknown.
func (r Result) Category() int {
	if r.Season == 0 || r.BirthYear == 0 {
		return 0
	}
	return r.Season - r.BirthYear
}

// Reference holds the fitted curves of every (sport, discipline, sex).
type Reference struct {
	groups map[Key]*Curves
}

// FitReference fits one set of curves per group of results. Results without
// an age are skipped; groups with fewer than cfg.MinObs results get no
// curves (Curves reports them missing); a group that mixes lower- and
// higher-is-better marks is an error. cfg.LowerIsBetter is ignored: each
// group takes it from its results.
func FitReference(results []Result, cfg Config) (*Reference, error) {
	obs := map[Key][]Obs{}
	lower := map[Key]bool{}
	for i, r := range results {
		if math.IsNaN(r.Age) {
			continue
		}
		if l, seen := lower[r.Key]; seen && l != r.LowerIsBetter {
			return nil, fmt.Errorf("centile: result %d of %s: lower_is_better differs within the group", i, r.Key)
		}
		lower[r.Key] = r.LowerIsBetter
		obs[r.Key] = append(obs[r.Key], Obs{Age: r.Age, Value: r.Mark})
	}
	ref := &Reference{groups: map[Key]*Curves{}}
	for k, o := range obs {
		if len(o) < cfg.withDefaults().MinObs {
			continue
		}
		c := cfg
		c.LowerIsBetter = lower[k]
		cv, err := Fit(subsample(o, cfg.MaxObs), c)
		if err != nil {
			return nil, fmt.Errorf("centile: fit %s: %w", k, err)
		}
		ref.groups[k] = cv
	}
	return ref, nil
}

// Keys lists the groups with curves, sorted.
func (r *Reference) Keys() []Key {
	keys := make([]Key, 0, len(r.groups))
	for k := range r.groups {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b Key) int {
		return cmp.Or(cmp.Compare(a.Sport, b.Sport), cmp.Compare(a.Discipline, b.Discipline), cmp.Compare(a.Sex, b.Sex))
	})
	return keys
}

// Curves returns the curves of group k.
func (r *Reference) Curves(k Key) (*Curves, bool) {
	c, ok := r.groups[k]
	return c, ok
}

// Z is the age-standardised score of a mark: ErrNoCurve for a group without
// curves, ErrOutOfRange for an age outside the group's fitted range.
func (r *Reference) Z(k Key, age, mark float64) (float64, error) {
	c, ok := r.groups[k]
	if !ok {
		return math.NaN(), fmt.Errorf("%w: %s", ErrNoCurve, k)
	}
	if !c.Covers(age) {
		return math.NaN(), fmt.Errorf("%w: %s age %.2f, fitted %.2f–%.2f", ErrOutOfRange, k, age, c.Lo, c.Hi)
	}
	z := c.Z(age, mark)
	if math.IsNaN(z) {
		return z, fmt.Errorf("centile: %s mark %v: not a positive number", k, mark)
	}
	return z, nil
}

// subsample keeps at most max observations (all when max ≤ 0): those with
// the smallest hash of their age and value, sorted, so the choice does not
// depend on the order the results came in.
func subsample(o []Obs, max int) []Obs {
	if max <= 0 || len(o) <= max {
		return o
	}
	type keyed struct {
		h uint64
		o Obs
	}
	ks := make([]keyed, len(o))
	for i, x := range o {
		h := math.Float64bits(x.Age)*0x9e3779b97f4a7c15 ^ math.Float64bits(x.Value)
		h = (h ^ h>>30) * 0xbf58476d1ce4e5b9
		h = (h ^ h>>27) * 0x94d049bb133111eb
		ks[i] = keyed{h ^ h>>31, x}
	}
	sort.Slice(ks, func(i, j int) bool {
		if ks[i].h != ks[j].h {
			return ks[i].h < ks[j].h
		}
		return ks[i].o.Age < ks[j].o.Age || ks[i].o.Age == ks[j].o.Age && ks[i].o.Value < ks[j].o.Value
	})
	out := make([]Obs, max)
	for i := range out {
		out[i] = ks[i].o
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Age < out[j].Age || out[i].Age == out[j].Age && out[i].Value < out[j].Value
	})
	return out
}
