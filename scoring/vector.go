package scoring

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/podium-sport/podium/models/centile"
	"github.com/podium-sport/podium/models/maturity"
	"github.com/podium-sport/podium/models/potential"
	"github.com/podium-sport/podium/models/trajectory"
)

// featureList is the feature vector P(elite) is fitted on, in order.
var featureList = []potential.Feature{
	{Name: "z_rae_recent", Label: "age-standardised level (exact age, last 12 months)"},
	{Name: "z_maturity_recent", Label: "maturity-adjusted level (last 12 months)"},
	{Name: "z_slope", Label: "improvement rate (age-standardised, per year)"},
	{Name: "z_sd", Label: "inconsistency (spread of age-standardised marks)"},
	{Name: "log_results", Label: "competition volume (log results)"},
	{Name: "national_share", Label: "share of results at national level or above"},
	{Name: "forecast_z", Label: "forecast level at the target age"},
	{Name: "relative_age", Label: "relative age in the selection year"},
	{Name: "maturity_timing", Label: "maturity timing (predicted age at PHV)"},
	{Name: "age", Label: "age at the cut-off"},
}

// recentDays is the window of "recent" results before the cut-off.
const recentDays = 365

// scored is one mark with its three scores.
type scored struct {
	mark
	s maturity.Scores
}

// rows builds one Row per athlete in his main event, with its feature vector.
// It sorts marks in place (by athlete, event, age) and keeps sub-slices of
// it, so a national board holds its marks once.
func (b *Board) rows(marks []mark, athletes map[int64]*athlete, sc *maturity.Scorer, cfg Config) {
	slices.SortStableFunc(marks, func(x, y mark) int {
		return cmp.Or(cmp.Compare(x.Athlete, y.Athlete), compareKeys(x.Key, y.Key), cmp.Compare(x.Age, y.Age))
	})
	b.marks = map[int64][]mark{}
	var todo []int64
	for i := 0; i < len(marks); {
		j := i
		for j < len(marks) && marks[j].Athlete == marks[i].Athlete {
			j++
		}
		if id := marks[i].Athlete; athletes[id] != nil {
			todo = append(todo, id)
			b.marks[id] = mainEvent(marks[i:j])
		}
		i = j
	}
	// Rows are independent: score them on every core, each in its place.
	b.Rows = make([]Row, len(todo))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(todo); i += workers {
				id := todo[i]
				b.Rows[i] = b.row(athletes[id], b.marks[id], sc, cfg)
			}
		})
	}
	wg.Wait()
}

func compareKeys(x, y centile.Key) int {
	return cmp.Or(cmp.Compare(x.Sport, y.Sport), cmp.Compare(x.Discipline, y.Discipline), cmp.Compare(x.Sex, y.Sex))
}

// mainEvent is the run of the event with most results in ms (one athlete's
// marks sorted by event and age; ties: the first event).
func mainEvent(ms []mark) []mark {
	var best []mark
	for i := 0; i < len(ms); {
		j := i
		for j < len(ms) && ms[j].Key == ms[i].Key {
			j++
		}
		if j-i > len(best) {
			best = ms[i:j:j]
		}
		i = j
	}
	return best
}

func (b *Board) row(a *athlete, ms []mark, sc *maturity.Scorer, cfg Config) Row {
	first := ms[0]
	r := Row{AthleteID: a.ID, Name: a.Name, Sex: a.Sex, Province: a.Province, Sport: first.Sport,
		Discipline: first.Discipline, Unit: first.Unit, LowerIsBetter: first.LowerIsBetter, Results: len(ms),
		Age: Num(math.NaN()), MaturityBand: ""}
	if !a.BirthDate.IsZero() {
		r.BirthDate = a.BirthDate.Format("2006-01-02")
		r.BirthQuarter = (int(a.BirthDate.Month())-1)/3 + 1
		r.Age = Num(cfg.AsOf.Sub(a.BirthDate).Hours() / 24 / 365.25)
	}
	ss := make([]scored, len(ms))
	for i, m := range ms {
		ss[i] = scored{m, sc.Score(m.Result, m.Age-a.AgeAtPHV)}
	}
	lastAge := ms[len(ms)-1].Age
	recent := recentMarks(ss, lastAge)
	r.Best = Num(bestMark(recent))
	r.Z = Three{
		Raw:      Num(topMean(recent, func(s scored) float64 { return s.s.Raw })),
		RAE:      Num(topMean(recent, func(s scored) float64 { return s.s.RAECorrected })),
		Maturity: Num(topMean(recent, func(s scored) float64 { return s.s.MaturityAdjusted })),
	}
	r.Centiles = r.Z.centiles()
	if !math.IsNaN(a.AgeAtPHV) {
		r.MaturityBand = string(maturity.Band(float64(r.Age) - a.AgeAtPHV))
	}
	fz := b.forecast(&r, ms)
	r.x = vector(r, ss, fz, a)
	return r
}

// recentMarks are the marks of the last recentDays before the athlete's
// latest result (the whole career when that is all there is).
func recentMarks(ss []scored, lastAge float64) []scored {
	var out []scored
	for _, s := range ss {
		if lastAge-s.Age <= recentDays/365.25 {
			out = append(out, s)
		}
	}
	return out
}

func bestMark(ss []scored) float64 {
	best := math.NaN()
	for _, s := range ss {
		if math.IsNaN(best) || s.LowerIsBetter && s.Mark < best || !s.LowerIsBetter && s.Mark > best {
			best = s.Mark
		}
	}
	return best
}

// topMean is the mean of the three best values of f (NaN ignored).
func topMean(ss []scored, f func(scored) float64) float64 {
	var vs []float64
	for _, s := range ss {
		if v := f(s); !math.IsNaN(v) {
			vs = append(vs, v)
		}
	}
	if len(vs) == 0 {
		return math.NaN()
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(vs)))
	vs = vs[:min(3, len(vs))]
	sum := 0.0
	for _, v := range vs {
		sum += v
	}
	return sum / float64(len(vs))
}

// forecast fills the row's forecast at the target age and returns its
// age-standardised level (NaN when the event has no model or curve there).
func (b *Board) forecast(r *Row, ms []mark) float64 {
	r.Forecast = Interval{Num(math.NaN()), Num(math.NaN()), Num(math.NaN())}
	m := b.traj[ms[0].Key]
	if m == nil {
		return math.NaN()
	}
	s := trajectory.Series{ID: r.Name}
	for _, x := range ms {
		s.Ages = append(s.Ages, x.Age)
		s.Values = append(s.Values, x.Mark)
	}
	pts, err := m.Forecast(s, []float64{b.TargetAge})
	if err != nil || len(pts) == 0 {
		return math.NaN()
	}
	p := pts[0]
	r.Forecast = Interval{Num(p.Mean), Num(p.Lower95), Num(p.Upper95)}
	z, err := b.ref.Z(ms[0].Key, b.TargetAge, p.Mean)
	if err != nil {
		return math.NaN()
	}
	return z
}

// vector is the row's features, in featureList order; unknown values are
// NaN and imputed when the model is fitted.
func vector(r Row, ss []scored, forecastZ float64, a *athlete) []float64 {
	var ages, zs []float64
	national := 0
	for _, s := range ss {
		if s.Level == "national" || s.Level == "international" {
			national++
		}
		if z := s.s.RAECorrected; !math.IsNaN(z) {
			ages, zs = append(ages, s.Age), append(zs, z)
		}
	}
	slope, sd := olsSlope(ages, zs), stdDev(zs)
	matZ := float64(r.Z.Maturity)
	if math.IsNaN(matZ) {
		matZ = float64(r.Z.RAE)
	}
	relAge := math.NaN()
	if !a.BirthDate.IsZero() {
		relAge = centile.RelativeAge(a.BirthDate)
	}
	return []float64{float64(r.Z.RAE), matZ, slope, sd, math.Log1p(float64(len(ss))),
		float64(national) / float64(len(ss)), forecastZ, relAge, a.AgeAtPHV, float64(r.Age)}
}

func olsSlope(x, y []float64) float64 {
	n := float64(len(x))
	if n < 2 {
		return math.NaN()
	}
	var sx, sy, sxx, sxy float64
	for i := range x {
		sx, sy, sxx, sxy = sx+x[i], sy+y[i], sxx+x[i]*x[i], sxy+x[i]*y[i]
	}
	den := sxx - sx*sx/n
	if den < 1e-9 {
		return math.NaN()
	}
	return (sxy - sx*sy/n) / den
}

func stdDev(v []float64) float64 {
	if len(v) < 2 {
		return math.NaN()
	}
	mean := 0.0
	for _, x := range v {
		mean += x
	}
	mean /= float64(len(v))
	ss := 0.0
	for _, x := range v {
		ss += (x - mean) * (x - mean)
	}
	return math.Sqrt(ss / float64(len(v)-1))
}
