package jumps

import (
	"fmt"
	"hash/fnv"
	"math"
	"sort"
	"strconv"

	"github.com/podium-sport/podium/models/trajectory"
)

// Config sets the scoring. The zero value is valid: every zero field takes
// its default.
type Config struct {
	// Trajectory is the shape of the population models.
	Trajectory trajectory.Config
	// MinPrior is the number of earlier results a result needs to be
	// scored (default 2).
	MinPrior int
	// History caps the earlier days a forecast conditions on, the latest
	// (default 20): a forecast costs O(n³) in its n points, and form older
	// than that says little about today.
	History int
	// Allowance is the CUSUM reference value k, in SD of the innovation
	// (default 0.5: tuned to a shift of about 1 SD, a 2–3 % jump against
	// the typical forecast SD).
	Allowance float64
	// MinSeries is the least number of athletes with results before a
	// model's cut-off for it to be fitted (default 50); seasons without a
	// model are history only.
	MinSeries int
	// RefitYears is the spacing of the walk-forward refits (default 4, an
	// Olympiad): the season Y is scored by the model fitted on every
	// result before 1 January of the latest year ≤ Y divisible by it.
	RefitYears int
	// MaxTrain caps the athletes a model is fitted on (default 500, a
	// deterministic sample by ID hash) and History, again, the points per
	// athlete (evenly spread over his career): the fit costs O(n³) per
	// series and the population curve needs breadth, not depth.
	MaxTrain int
	// Prior is the weight, in pseudo-results of innovation 1, of the prior
	// of each athlete's own innovation scale (default 5); negative: no
	// scaling.
	Prior float64
	// MinSeason is the least number of results in an event and season for
	// its season effect to be estimated (default 30); below it the effect is
	// taken as 0.
	MinSeason int
}

func (c Config) withDefaults() Config {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&c.MinPrior, 2)
	def(&c.History, 20)
	def(&c.MinSeries, 50)
	def(&c.RefitYears, 4)
	def(&c.MinSeason, 30)
	def(&c.MaxTrain, 500)
	if c.Prior == 0 {
		c.Prior = 5
	}
	if c.Allowance == 0 {
		c.Allowance = 0.5
	}
	return c
}

// Series is one athlete's results in one event (ID: the athlete).
type Series struct {
	ID      string
	Results []Result
}

// Seasons holds the walk-forward trajectory models of one event and sex, by
// the year of their cut-off: a result is never scored by a model that saw
// it or anything after it, so a jump cannot hide by pulling the population
// curve.
type Seasons struct {
	every  int
	models map[int]*trajectory.Model
}

// FitSeasons fits the walk-forward models of one event and sex: one per
// cut-off year (a multiple of cfg.RefitYears) that some result needs and
// that has at least cfg.MinSeries athletes with earlier results.
func FitSeasons(series []Series, cfg Config) (*Seasons, error) {
	cfg = cfg.withDefaults()
	out := &Seasons{every: cfg.RefitYears, models: map[int]*trajectory.Model{}}
	cuts := map[int]bool{}
	for _, s := range series {
		for _, r := range s.Results {
			y, err := year(r.Date)
			if err != nil {
				return nil, fmt.Errorf("%w: series %q: %v", ErrBadInput, s.ID, err)
			}
			cuts[out.cut(y)] = true
		}
	}
	for c := range cuts {
		train := before(series, fmt.Sprintf("%04d-01-01", c))
		if len(train) < cfg.MinSeries {
			continue
		}
		train = thin(train, cfg.MaxTrain, cfg.History)
		m, err := trajectory.Fit(train, cfg.Trajectory)
		if err != nil {
			return nil, fmt.Errorf("jumps: fit cut-off %d on %d athletes: %w", c, len(train), err)
		}
		out.models[c] = m
	}
	return out, nil
}

func (s *Seasons) cut(year int) int { return year - ((year%s.every)+s.every)%s.every }

func year(date string) (int, error) {
	if len(date) < 4 {
		return 0, fmt.Errorf("date %q", date)
	}
	y, err := strconv.Atoi(date[:4])
	if err != nil {
		return 0, fmt.Errorf("date %q: %w", date, err)
	}
	return y, nil
}

// before returns the series cut to the results dated before day, dropping
// the empty ones.
func before(series []Series, day string) []trajectory.Series {
	var out []trajectory.Series
	for _, s := range series {
		t := trajectory.Series{ID: s.ID}
		for _, r := range s.Results {
			if r.Date < day {
				t.Ages = append(t.Ages, r.AgeYears)
				t.Values = append(t.Values, r.Mark)
			}
		}
		if len(t.Ages) > 0 {
			out = append(out, t)
		}
	}
	return out
}

// thin keeps at most athletes series, those with the smallest FNV hash of
// their ID, and at most points points of each, evenly spread.
func thin(series []trajectory.Series, athletes, points int) []trajectory.Series {
	if len(series) > athletes {
		sort.Slice(series, func(i, j int) bool { return hash(series[i].ID) < hash(series[j].ID) })
		series = series[:athletes]
	}
	for i, s := range series {
		if n := len(s.Ages); points >= 2 && n > points {
			t := trajectory.Series{ID: s.ID, Ages: make([]float64, points), Values: make([]float64, points)}
			for k := range points {
				j := k * (n - 1) / (points - 1)
				t.Ages[k], t.Values[k] = s.Ages[j], s.Values[j]
			}
			series[i] = t
		}
	}
	return series
}

func hash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// Cutoffs lists the years of the fitted models' cut-offs, in order.
func (s *Seasons) Cutoffs() []int {
	out := make([]int, 0, len(s.models))
	for y := range s.models {
		out = append(out, y)
	}
	sort.Ints(out)
	return out
}

// Forecaster returns the forecaster of the season of date (YYYY-MM-DD), or
// nil when that season has no model.
func (s *Seasons) Forecaster(date string) trajectory.Forecaster {
	y, err := year(date)
	if err != nil {
		return nil
	}
	if m := s.models[s.cut(y)]; m != nil {
		return m.Forecast
	}
	return nil
}

// ScoreEvent fits the walk-forward models of one event and sex and scores
// every athlete's series with them (Seasons.Score).
func ScoreEvent(series []Series, lowerIsBetter bool, cfg Config) ([][]Check, error) {
	seasons, err := FitSeasons(series, cfg)
	if err != nil {
		return nil, err
	}
	return seasons.Score(series, lowerIsBetter, cfg)
}

// Score scans every athlete's series with the models, removes the season
// effect (the median innovation of all the event's results of that
// calendar year: an era shift such as new shoes or a new javelin moves
// everyone, a jump moves one athlete), divides by the athlete's own scale
// (cfg.Prior) and runs the CUSUM: out[i] are the checks of series[i], in
// date order.
func (s *Seasons) Score(series []Series, lowerIsBetter bool, cfg Config) ([][]Check, error) {
	cfg = cfg.withDefaults()
	out := make([][]Check, len(series))
	for i, a := range series {
		var err error
		if out[i], err = Scan(a.Results, lowerIsBetter, s.Forecaster, cfg.MinPrior, cfg.History); err != nil {
			return nil, fmt.Errorf("jumps: athlete %s: %w", a.ID, err)
		}
	}
	effects := seasonEffects(out, cfg.MinSeason)
	for _, cs := range out {
		for i := range cs {
			cs[i].Season = effects[cs[i].Date[:4]]
			cs[i].Z -= cs[i].Season
			cs[i].Scale = 1
		}
		if cfg.Prior > 0 {
			scale(cs, cfg.Prior)
		}
		cusum(cs, cfg.Allowance)
	}
	return out, nil
}

// seasonEffects is the median raw innovation per year over the checks, for
// the years with at least `least` of them.
func seasonEffects(checks [][]Check, least int) map[string]float64 {
	byYear := map[string][]float64{}
	for _, cs := range checks {
		for _, c := range cs {
			if !math.IsNaN(c.Z) {
				byYear[c.Date[:4]] = append(byYear[c.Date[:4]], c.Z)
			}
		}
	}
	out := map[string]float64{}
	for y, zs := range byYear {
		if len(zs) >= least {
			sort.Float64s(zs)
			out[y] = (zs[(len(zs)-1)/2] + zs[len(zs)/2]) / 2
		}
	}
	return out
}
