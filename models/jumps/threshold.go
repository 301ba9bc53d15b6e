package jumps

import (
	"math"
	"sort"
)

// Thresholds are the alarm limits of the two signals: a single result
// whose innovation exceeds Z, and a sustained shift whose CUSUM exceeds
// CUSUM.
type Thresholds struct {
	Z     float64 `json:"z"`
	CUSUM float64 `json:"cusum"`
}

// Calibrate sets both thresholds at the same quantile level q of their
// statistic over the checks, the lowest q at which at most budget of the
// checks are flagged (by either signal). The checks should be a whole
// population, mostly clean: doping-like jumps are rare, so they barely move
// these quantiles. Checks with a NaN innovation are ignored; with none both
// thresholds are +Inf.
func Calibrate(checks [][]Check, budget float64) Thresholds {
	var zs, cs []float64
	var all []Check
	for _, a := range checks {
		for _, c := range a {
			if !math.IsNaN(c.Z) {
				zs, cs, all = append(zs, c.Z), append(cs, c.CUSUM), append(all, c)
			}
		}
	}
	if len(all) == 0 {
		return Thresholds{math.Inf(1), math.Inf(1)}
	}
	sort.Float64s(zs)
	sort.Float64s(cs)
	at := func(q float64) Thresholds { return Thresholds{quantile(zs, q), quantile(cs, q)} }
	allowed := int(budget * float64(len(all)))
	lo, hi := 0.0, 1.0 // flagged(at(hi)) = 0 ≤ allowed
	for range 50 {
		mid := (lo + hi) / 2
		if at(mid).count(all) <= allowed {
			hi = mid
		} else {
			lo = mid
		}
	}
	return at(hi)
}

func (t Thresholds) count(cs []Check) int {
	n := 0
	for _, c := range cs {
		if t.Flagged(c) {
			n++
		}
	}
	return n
}

// quantile is the empirical q-quantile of sorted xs (the value at rank
// ⌈q·n⌉).
func quantile(xs []float64, q float64) float64 {
	i := int(math.Ceil(q*float64(len(xs)))) - 1
	return xs[max(0, min(i, len(xs)-1))]
}

// Exceedance is how far c goes past the thresholds, for the severity of an
// alert: the larger of Z/t.Z and CUSUM/t.CUSUM, above 1 when c is flagged
// (the thresholds of any budget below a few per cent are positive; a
// non-positive one counts 0).
func (t Thresholds) Exceedance(c Check) float64 {
	e := 0.0
	if t.Z > 0 {
		e = c.Z / t.Z
	}
	if t.CUSUM > 0 {
		e = math.Max(e, c.CUSUM/t.CUSUM)
	}
	return e
}

// Flagged reports whether c raises an alarm: its innovation is above the
// threshold, or its CUSUM crosses the threshold on c's day (a sustained
// shift alarms once at its onset, as a CUSUM chart restarted after an
// alarm would, instead of spending the budget on every later result).
func (t Thresholds) Flagged(c Check) bool { return t.Jump(c) || t.Shift(c) }

// Jump reports whether c's innovation is above its threshold.
func (t Thresholds) Jump(c Check) bool { return c.Z > t.Z }

// Shift reports whether c's CUSUM crosses its threshold on c's day.
func (t Thresholds) Shift(c Check) bool { return c.CUSUM > t.CUSUM && c.Before <= t.CUSUM }
