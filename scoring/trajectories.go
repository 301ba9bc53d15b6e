package scoring

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/podium-sport/podium/features"
	"github.com/podium-sport/podium/models/centile"
	"github.com/podium-sport/podium/models/trajectory"
)

// The trajectory models, evaluated on held-out athletes.
//
// EvaluateTrajectories fits, per event and sex, the model the board serves
// (every athlete, as Build does: the same series, the same bytes) and scores
// the method on athletes it did not see: the athletes of each event are split
// by a seeded hash of their id (mix, as the P(elite) folds), one in
// heldOutOneIn held out; a model is fitted on the others; each held-out
// athlete with marks at two or more ages has his marks at his latest age
// forecast from his marks at earlier ages. Scores are on the working scale,
// log(mark): squared error of the log-scale mean, coverage of the 95 %
// interval and negative log predictive density of the log-normal forecast
// (nats; its log-scale density, so that events of different units pool).
// Baselines, from the same fitted model: the population curve alone
// (Model.Curve) and the curve shifted by the athlete's mean offset on his
// earlier marks (Model.OffsetForecast).
//
// Measured on the demo store and a 100,000-athlete simulated store: the
// model's held-out MSE is about 0.58 of the offset baseline's and 0.15 of
// the curve's (figures and timings at retrain.TrajectoryMetrics).

// heldOutOneIn: one athlete in heldOutOneIn is held out (20 %).
const heldOutOneIn = 5

// TrajectoryConfig says what EvaluateTrajectories reads and how it splits.
type TrajectoryConfig struct {
	AsOf time.Time // cut-off, as Config.AsOf: nothing after it is read (default today)
	Seed uint64    // seeds the choice of held-out athletes
	// Progress, when set, is told each stage and its share done.
	Progress func(stage string, percent float64)
}

// Trajectories are the trajectory models of every event and sex with enough
// athletes, as the board fits them, with their held-out scores.
type Trajectories struct {
	AsOf   time.Time
	Events []TrajectoryEvent // sorted by key
	// Model, Curve and Offset pool the held-out scores of every event.
	Model, Curve, Offset HeldOut
}

// TrajectoryEvent is one event and sex's model and its held-out scores.
type TrajectoryEvent struct {
	Key           centile.Key
	Athletes      int    // series the production model is fitted on
	Marks         int    // their points
	TrainAthletes int    // series the evaluated model is fitted on
	SeriesSHA256  string // of the production series (IDs, ages, marks)
	// Model scores the trajectory model's forecasts (Model.Forecast);
	// Curve and Offset the baselines.
	Model, Curve, Offset HeldOut
	Encoded              []byte // MarshalBinary of the production model
}

// HeldOut scores forecasts of held-out marks on the working scale, log(mark).
// The figures are NaN when no mark was forecast.
type HeldOut struct {
	MSE        Num `json:"mse"`        // mean squared error, (log units)²
	Coverage95 Num `json:"coverage95"` // share inside the 95 % interval
	NLPD       Num `json:"nlpd"`       // mean negative log predictive density, nats
	Series     int `json:"series"`     // held-out athletes forecast
	Points     int `json:"points"`     // marks forecast
}

// EvaluateTrajectories loads the board's marks as of cfg.AsOf, scores the
// trajectory model of each event and sex with at least minTrajectoryAthletes
// athletes on held-out athletes, and fits the production model on all of
// them. It returns an empty Events when no event has enough athletes.
func EvaluateTrajectories(ctx context.Context, src Source, cfg TrajectoryConfig) (*Trajectories, error) {
	if cfg.AsOf.IsZero() {
		cfg.AsOf = time.Now().UTC()
	}
	step := func(stage string, pct float64) {
		if cfg.Progress != nil {
			cfg.Progress(stage, pct)
		}
	}
	step("reading results", 0)
	marks, err := loadMarks(ctx, src, features.AsOfDate(cfg.AsOf))
	if err != nil {
		return nil, err
	}
	bySeries := trajectorySeries(marks)
	keys := make([]centile.Key, 0, len(bySeries))
	for k := range bySeries {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b centile.Key) int { return strings.Compare(a.String(), b.String()) })
	out := &Trajectories{AsOf: cfg.AsOf}
	var model, curve, offset tally
	for i, k := range keys {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		step("trajectory "+k.String(), 10+90*float64(i)/float64(len(keys)))
		ev, t, err := evaluateEvent(k, bySeries[k], cfg.Seed)
		if err != nil {
			return nil, err
		}
		out.Events = append(out.Events, ev)
		model, curve, offset = model.plus(t[0]), curve.plus(t[1]), offset.plus(t[2])
	}
	out.Model, out.Curve, out.Offset = model.heldOut(), curve.heldOut(), offset.heldOut()
	return out, nil
}

// Trajectory is the board's trajectory model of an event and sex, nil when
// the event had too few athletes.
func (b *Board) Trajectory(k centile.Key) *trajectory.Model {
	return b.traj[k]
}

// trajectorySeries groups marks into one series per athlete (ID his athlete
// id), per event and sex, sorted by ID; events with fewer than
// minTrajectoryAthletes athletes are left out.
func trajectorySeries(marks []mark) map[centile.Key][]trajectory.Series {
	series := map[centile.Key]map[int64]*trajectory.Series{}
	for _, m := range marks {
		byAthlete := series[m.Key]
		if byAthlete == nil {
			byAthlete = map[int64]*trajectory.Series{}
			series[m.Key] = byAthlete
		}
		s := byAthlete[m.Athlete]
		if s == nil {
			s = &trajectory.Series{ID: fmt.Sprint(m.Athlete)}
			byAthlete[m.Athlete] = s
		}
		s.Ages = append(s.Ages, m.Age)
		s.Values = append(s.Values, m.Mark)
	}
	out := map[centile.Key][]trajectory.Series{}
	for k, byAthlete := range series {
		if len(byAthlete) < minTrajectoryAthletes {
			continue
		}
		ss := make([]trajectory.Series, 0, len(byAthlete))
		for _, s := range byAthlete {
			ss = append(ss, *s)
		}
		slices.SortFunc(ss, func(a, b trajectory.Series) int { return strings.Compare(a.ID, b.ID) })
		out[k] = ss
	}
	return out
}

// fitTrajectory fits one event and sex's model as the board does.
func fitTrajectory(k centile.Key, ss []trajectory.Series) (*trajectory.Model, error) {
	m, err := trajectory.Fit(ss, trajectory.Config{})
	if err != nil {
		return nil, fmt.Errorf("scoring: trajectory of %s: %w", k, err)
	}
	return m, nil
}

// evaluateEvent fits the production model of one event on all its series
// and scores the method on held-out athletes; the tallies are those of the
// model, the curve and the offset baseline.
func evaluateEvent(k centile.Key, ss []trajectory.Series, seed uint64) (TrajectoryEvent, [3]tally, error) {
	ev := TrajectoryEvent{Key: k, Athletes: len(ss), SeriesSHA256: seriesSHA256(ss)}
	var train, test []trajectory.Series
	for _, s := range ss {
		ev.Marks += len(s.Ages)
		// IDs are athlete ids (trajectorySeries): the parse cannot fail.
		id, _ := strconv.ParseInt(s.ID, 10, 64)
		if mix(uint64(id), seed)%heldOutOneIn == 0 {
			test = append(test, s)
		} else {
			train = append(train, s)
		}
	}
	ev.TrainAthletes = len(train)
	var t [3]tally
	m, err := fitTrajectory(k, train)
	if err != nil {
		return ev, t, err
	}
	curve := func(_ trajectory.Series, ages []float64) ([]trajectory.Point, error) { return m.Curve(ages), nil }
	for i, f := range []trajectory.Forecaster{m.Forecast, curve, m.OffsetForecast} {
		if t[i], err = forecastLast(f, test); err != nil {
			return ev, t, fmt.Errorf("scoring: trajectory of %s: %w", k, err)
		}
	}
	ev.Model, ev.Curve, ev.Offset = t[0].heldOut(), t[1].heldOut(), t[2].heldOut()
	prod, err := fitTrajectory(k, ss)
	if err != nil {
		return ev, t, err
	}
	ev.Encoded, err = prod.MarshalBinary()
	return ev, t, err
}

// forecastLast forecasts each series' marks at its latest age from its
// marks at earlier ages; series with a single age are left out.
func forecastLast(f trajectory.Forecaster, test []trajectory.Series) (tally, error) {
	var t tally
	for _, s := range test {
		in, last := splitLast(s)
		if len(in.Ages) == 0 {
			continue
		}
		pts, err := f(in, last.Ages)
		if err != nil {
			return t, err
		}
		t.series++
		for j, p := range pts {
			t.add(math.Log(last.Values[j]), p)
		}
	}
	return t, nil
}

// splitLast splits a series into its marks before its latest age and its
// marks at that age (in their order).
func splitLast(s trajectory.Series) (in, last trajectory.Series) {
	latest := slices.Max(s.Ages)
	in, last = trajectory.Series{ID: s.ID}, trajectory.Series{ID: s.ID}
	for i, a := range s.Ages {
		dst := &in
		if a == latest {
			dst = &last
		}
		dst.Ages, dst.Values = append(dst.Ages, a), append(dst.Values, s.Values[i])
	}
	return in, last
}

// tally sums the scores of forecast marks.
type tally struct {
	se, nlpd               float64
	inside, points, series int
}

// add scores the forecast p of an observed y = log(mark). The board's
// models work on log(mark) and p's interval is exp(μ ± z·s): μ and s are
// read back from its bounds.
func (t *tally) add(y float64, p trajectory.Point) {
	lo, hi := math.Log(p.Lower95), math.Log(p.Upper95)
	mu, sd := (lo+hi)/2, (hi-lo)/(2*z975)
	r := (y - mu) / sd
	t.se += (y - mu) * (y - mu)
	t.nlpd += 0.5*math.Log(2*math.Pi) + math.Log(sd) + r*r/2
	if lo <= y && y <= hi {
		t.inside++
	}
	t.points++
}

func (t tally) plus(u tally) tally {
	return tally{t.se + u.se, t.nlpd + u.nlpd, t.inside + u.inside, t.points + u.points, t.series + u.series}
}

func (t tally) heldOut() HeldOut {
	n := float64(t.points)
	if t.points == 0 {
		n = math.NaN()
	}
	return HeldOut{MSE: Num(t.se / n), Coverage95: Num(float64(t.inside) / n), NLPD: Num(t.nlpd / n),
		Series: t.series, Points: t.points}
}

// seriesSHA256 is the hex sha256 of series: each one's ID, ages and values
// (little-endian IEEE-754), in order.
func seriesSHA256(ss []trajectory.Series) string {
	h := sha256.New()
	for _, s := range ss {
		fmt.Fprintf(h, "%s|%d|", s.ID, len(s.Ages))
		binary.Write(h, binary.LittleEndian, s.Ages) // hash writes do not fail
		binary.Write(h, binary.LittleEndian, s.Values)
	}
	return hex.EncodeToString(h.Sum(nil))
}
