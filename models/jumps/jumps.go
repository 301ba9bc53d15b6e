package jumps

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"time"

	"github.com/podium-sport/podium/models/trajectory"
)

// ErrBadInput reports results that cannot be scored (a missing or malformed
// date, a non-positive mark or age).
var ErrBadInput = errors.New("jumps: bad input")

// z975 is the standard normal 97.5 % quantile: trajectory's 95 % band is
// exp(μ ± z975·s) on its log working scale.
const z975 = 1.959963984540054

// Result is one result of an athlete in one event: Date as YYYY-MM-DD,
// AgeYears at the result, Mark in the event's unit (seconds, metres,
// points). ID is the caller's reference (the store's result id); scoring
// ignores it.
type Result struct {
	ID       int64
	Date     string
	AgeYears float64
	Mark     float64
}

// Check is the score of one result against the athlete's own forecast made
// from his results of strictly earlier days only.
type Check struct {
	Result
	Forecast trajectory.Point // the athlete's predictive law at AgeYears
	Prior    int              // number of earlier results the forecast used
	PrevAge  float64          // age at the latest earlier result
	GapDays  int              // days since the latest earlier result
	Season   float64          // season effect subtracted from Z (median innovation of the event that year)
	Scale    float64          // the athlete's own innovation scale Z was divided by (1 when not scaled)
	Z        float64          // standardised innovation net of Season, over Scale; positive = better than expected
	CUSUM    float64          // upper CUSUM of the daily innovations up to and including this day
	Before   float64          // the CUSUM of the previous day (0 on the first)
}

// Innovation returns the standardised innovation of mark against the
// forecast p, oriented so that a better mark than expected is positive
// (lowerIsBetter: times). trajectory forecasts on the log scale, so the
// band is read as log-normal: μ and s come from the 95 % bounds,
// μ = (ln lower + ln upper)/2, s = (ln upper − ln lower)/(2·1.96), and
// z = (ln mark − μ)/s. It is NaN when the band is empty or the mark ≤ 0.
func Innovation(p trajectory.Point, mark float64, lowerIsBetter bool) float64 {
	if !(p.Lower95 > 0 && p.Upper95 > p.Lower95 && mark > 0) {
		return math.NaN()
	}
	lo, hi := math.Log(p.Lower95), math.Log(p.Upper95)
	z := (math.Log(mark) - (lo+hi)/2) / ((hi - lo) / (2 * z975))
	if lowerIsBetter {
		return -z
	}
	return z
}

// Band returns the mark at standardised innovation z (the inverse of
// Innovation): Band(p, 0, …) is the forecast's median and ±1.96 its 95 %
// bounds.
func Band(p trajectory.Point, z float64, lowerIsBetter bool) float64 {
	lo, hi := math.Log(p.Lower95), math.Log(p.Upper95)
	if lowerIsBetter {
		z = -z
	}
	return math.Exp((lo+hi)/2 + z*(hi-lo)/(2*z975))
}

// Scan scores the results of one athlete in one event. Results are taken in
// date order; each result from the first day whose season has a model
// (forecasters(date) non-nil) on is forecast from the results of at most
// history earlier days (the latest; all when history < 1; same-day
// results, heats and final, do not see each other) and needs at least
// minPrior earlier results; the others are history only and get no Check.
// Z is the raw innovation and Scale, CUSUM and Before are left at 0:
// Seasons.Score removes the season effect, scales and runs the CUSUM.
func Scan(rs []Result, lowerIsBetter bool, forecasters func(date string) trajectory.Forecaster, minPrior, history int) ([]Check, error) {
	sorted := sortedByDate(rs)
	for _, r := range sorted {
		if _, err := time.Parse(time.DateOnly, r.Date); err != nil || !(r.Mark > 0) || !(r.AgeYears > 0) {
			return nil, fmt.Errorf("%w: result %+v", ErrBadInput, r)
		}
	}
	var out []Check
	var days []int // index of the first result of each earlier day
	for day := 0; day < len(sorted); {
		end := day
		for end < len(sorted) && sorted[end].Date == sorted[day].Date {
			end++
		}
		f := forecasters(sorted[day].Date)
		if f != nil && day >= minPrior {
			from := 0
			if history > 0 && len(days) > history {
				from = days[len(days)-history]
			}
			checks, err := scoreDay(f, sorted[from:day], sorted[day:end], lowerIsBetter)
			if err != nil {
				return nil, err
			}
			out = append(out, checks...)
		}
		days = append(days, day)
		day = end
	}
	return out, nil
}

// sortedByDate returns a copy of rs in date order (stable).
func sortedByDate(rs []Result) []Result {
	out := append([]Result(nil), rs...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date < out[j].Date })
	return out
}

// scoreDay forecasts the results of one day from the earlier ones.
func scoreDay(f trajectory.Forecaster, earlier, today []Result, lowerIsBetter bool) ([]Check, error) {
	obs := trajectory.Series{Ages: make([]float64, len(earlier)), Values: make([]float64, len(earlier))}
	for i, r := range earlier {
		obs.Ages[i], obs.Values[i] = r.AgeYears, r.Mark
	}
	ages := make([]float64, len(today))
	for i, r := range today {
		ages[i] = r.AgeYears
	}
	pts, err := f(obs, ages)
	if err != nil {
		return nil, fmt.Errorf("jumps: forecast %s: %w", today[0].Date, err)
	}
	last := earlier[len(earlier)-1]
	gap := daysBetween(last.Date, today[0].Date)
	out := make([]Check, len(today))
	for i, r := range today {
		out[i] = Check{Result: r, Forecast: pts[i], Prior: len(earlier), PrevAge: last.AgeYears, GapDays: gap,
			Z: Innovation(pts[i], r.Mark, lowerIsBetter)}
	}
	return out, nil
}

// daysBetween counts the days from a to b (both valid YYYY-MM-DD).
func daysBetween(a, b string) int {
	ta, _ := time.Parse(time.DateOnly, a)
	tb, _ := time.Parse(time.DateOnly, b)
	return int(tb.Sub(ta).Hours()/24 + 0.5)
}

// cusum sets the upper CUSUM of the checks of one athlete (in date order):
// S = max(0, S + z̄ − k) per day, z̄ the mean innovation of the day's
// results and k the allowance in SD (Page, Biometrika 1954). NaN
// innovations count as 0.
func cusum(cs []Check, k float64) {
	s := 0.0
	for day := 0; day < len(cs); {
		end, sum := day, 0.0
		for end < len(cs) && cs[end].Date == cs[day].Date {
			if !math.IsNaN(cs[end].Z) {
				sum += cs[end].Z
			}
			end++
		}
		before := s
		s = math.Max(0, s+sum/float64(end-day)-k)
		for i := day; i < end; i++ {
			cs[i].CUSUM, cs[i].Before = s, before
		}
		day = end
	}
}

// scale divides the innovations of one athlete (in date order) by his own
// scale: the root mean square of his innovations of earlier days, each
// capped at 3 SD, pooled with prior pseudo-innovations of 1:
// √((prior + Σ min(z², 9))/(prior + n)). The population model gives every
// athlete the same noise; an erratic athlete's 3 SD is another's 5.
func scale(cs []Check, prior float64) {
	sum, n := prior, prior
	for day := 0; day < len(cs); {
		end := day
		for end < len(cs) && cs[end].Date == cs[day].Date {
			end++
		}
		s := math.Sqrt(sum / n)
		for i := day; i < end; i++ {
			if z := cs[i].Z; !math.IsNaN(z) {
				sum += math.Min(z*z, 9)
				n++
			}
			cs[i].Scale = s
			cs[i].Z /= s
		}
		day = end
	}
}
