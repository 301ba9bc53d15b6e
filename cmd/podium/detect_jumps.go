package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/features"
	"github.com/podium-sport/podium/models/jumps"
)

// jumpBudget is the detector's alert budget: the share of scored results
// flagged.
const jumpBudget = 0.005

// jumpEvent is one event and sex: every athlete's dated results in it.
type jumpEvent struct {
	discipline, sex, unit string
	lowerIsBetter         bool
	athletes              []int64
	series                []jumps.Series
}

// loadJumpEvents reads every dated result with a known age as of asOf
// (features.ResultMarks) and groups it by event, sex and athlete.
func loadJumpEvents(ctx context.Context, st *datasets.Store, asOf time.Time) ([]*jumpEvent, error) {
	rr, err := features.Compute(ctx, st, features.ResultMarks, features.AsOfDate(asOf))
	if err != nil {
		return nil, fmt.Errorf("load results for jumps: %w", err)
	}
	defer rr.Release()
	byKey := map[string]*jumpEvent{}
	index := map[string]int{} // event key + athlete → series index
	for rr.Next() {
		rec := rr.Record()
		c := func(name string) arrow.Array { return rec.Column(rec.Schema().FieldIndices(name)[0]) }
		rid, ids := c("result_id").(*array.Int64), c("athlete_id").(*array.Int64)
		marks, ages := c("mark").(*array.Float64), c("age_years").(*array.Float64)
		disc, sex, unit := c("discipline").(*array.String), c("sex").(*array.String), c("unit").(*array.String)
		lib, dates := c("lower_is_better").(*array.Boolean), c("date").(*array.Date32)
		for i := 0; i < int(rec.NumRows()); i++ {
			if dates.IsNull(i) || marks.IsNull(i) || !(marks.Value(i) > 0) || sex.IsNull(i) {
				continue // undated results cannot be walked forward; no sex, no model
			}
			key := disc.Value(i) + "|" + sex.Value(i)
			ev := byKey[key]
			if ev == nil {
				ev = &jumpEvent{discipline: strings.Clone(disc.Value(i)), sex: strings.Clone(sex.Value(i)),
					unit: strings.Clone(unit.Value(i)), lowerIsBetter: lib.Value(i)}
				byKey[key] = ev
			}
			id := ids.Value(i)
			sk := key + "|" + strconv.FormatInt(id, 10)
			k, ok := index[sk]
			if !ok {
				k = len(ev.series)
				index[sk] = k
				ev.athletes = append(ev.athletes, id)
				ev.series = append(ev.series, jumps.Series{ID: strconv.FormatInt(id, 10)})
			}
			ev.series[k].Results = append(ev.series[k].Results, jumps.Result{ID: rid.Value(i),
				Date: dates.Value(i).FormattedString(), AgeYears: ages.Value(i), Mark: marks.Value(i)})
		}
	}
	if err := rr.Err(); err != nil {
		return nil, fmt.Errorf("load results for jumps: %w", err)
	}
	out := make([]*jumpEvent, 0, len(byKey))
	for _, ev := range byKey {
		out = append(out, ev)
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].discipline+out[i].sex < out[j].discipline+out[j].sex
	})
	return out, nil
}

// jumpScores are the checks of every athlete in every event and the
// thresholds calibrated on all of them.
type jumpScores struct {
	events     []*jumpEvent
	checks     [][][]jumps.Check // [event][athlete]
	thresholds jumps.Thresholds
}

// scoreEvents fits the walk-forward models of every event, one event per
// CPU at a time, scores every athlete of evs against his forecast and
// calibrates the thresholds on them all to the budget. Each variant (the
// same events with altered marks, for evaluations) is scored with the
// models fitted on evs: out[0] is evs, out[1+v] variant v.
func scoreEvents(ctx context.Context, evs []*jumpEvent, cfg jumps.Config, budget float64, variants ...[]*jumpEvent) ([]*jumpScores, error) {
	sets := append([][]*jumpEvent{evs}, variants...)
	out := make([]*jumpScores, len(sets))
	for v, set := range sets {
		out[v] = &jumpScores{events: set, checks: make([][][]jumps.Check, len(evs))}
	}
	errs := make([]error, len(evs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Go(func() {
			for e := range next {
				if errs[e] = scoreEvent(out, e, cfg); errs[e] != nil {
					errs[e] = fmt.Errorf("score jumps %s %s: %w", evs[e].discipline, evs[e].sex, errs[e])
				}
			}
		})
	}
	for e := range evs {
		if ctx.Err() != nil {
			break
		}
		next <- e
	}
	close(next)
	wg.Wait()
	if err := errors.Join(append(errs, ctx.Err())...); err != nil {
		return nil, err
	}
	for _, sc := range out {
		var all [][]jumps.Check
		for _, cs := range sc.checks {
			all = append(all, cs...)
		}
		sc.thresholds = jumps.Calibrate(all, budget)
	}
	return out, nil
}

// scoreEvent fits the models of event e on the first set and scores event
// e of every set with them.
func scoreEvent(sets []*jumpScores, e int, cfg jumps.Config) error {
	ev := sets[0].events[e]
	seasons, err := jumps.FitSeasons(ev.series, cfg)
	if err != nil {
		return err
	}
	for _, sc := range sets {
		if sc.checks[e], err = seasons.Score(sc.events[e].series, ev.lowerIsBetter, cfg); err != nil {
			return err
		}
	}
	return nil
}

// jumpSummary is what --json reports of the jumps detector.
type jumpSummary struct {
	Events     int              `json:"events"`
	Results    int              `json:"results_scored"`
	Flagged    int              `json:"results_flagged"`
	Athletes   int              `json:"athletes_flagged"`
	Budget     float64          `json:"budget"`
	Thresholds jumps.Thresholds `json:"thresholds"`
}

// detectJumps raises a "performance" alert for every athlete with a result
// far better than his own forecast band, or a sustained shift of his results
// above it (models/jumps), at the jumpBudget share of results.
func detectJumps(ctx context.Context, st *datasets.Store) ([]datasets.NewAlert, any, error) {
	evs, err := loadJumpEvents(ctx, st, time.Now())
	if err != nil {
		return nil, nil, err
	}
	scores, err := scoreEvents(ctx, evs, jumps.Config{}, jumpBudget)
	if err != nil {
		return nil, nil, err
	}
	sc := scores[0]
	found := jumpFindings(sc)
	if err := addConditions(ctx, st, sc, found); err != nil {
		return nil, nil, err
	}
	sum := jumpSummary{Events: len(evs), Athletes: len(found), Budget: jumpBudget, Thresholds: sc.thresholds}
	for e := range sc.checks {
		for _, cs := range sc.checks[e] {
			sum.Results += len(cs)
		}
	}
	alerts := make([]datasets.NewAlert, 0, len(found))
	for _, f := range found {
		sum.Flagged += len(f.flagged)
		a, err := f.alert()
		if err != nil {
			return nil, nil, err
		}
		alerts = append(alerts, a)
	}
	return alerts, sum, nil
}

const jumpModelName = "performance passport: each result against the athlete's own forecast from his earlier results (walk-forward functional mixed model of the event and sex, models/trajectory, refitted every 4 years), season effect removed, in the athlete's own SDs; jumps (innovation z) and sustained shifts (CUSUM onset) at a 0.5 % alert budget (models/jumps)"

// jumpFinding is one flagged athlete: where his flagged checks are.
type jumpFinding struct {
	athlete int64
	at      [][2]int // [event, series] pairs with a flagged check
	flagged []jumps.Check
	ev      *jumps.Evidence
}

// jumpFindings lists the athletes with a flagged check, by athlete id.
func jumpFindings(sc *jumpScores) []*jumpFinding {
	byID := map[int64]*jumpFinding{}
	for e, ev := range sc.events {
		for a, cs := range sc.checks[e] {
			var flagged []jumps.Check
			for _, c := range cs {
				if sc.thresholds.Flagged(c) {
					flagged = append(flagged, c)
				}
			}
			if len(flagged) == 0 {
				continue
			}
			id := ev.athletes[a]
			f := byID[id]
			if f == nil {
				f = &jumpFinding{athlete: id, ev: &jumps.Evidence{Model: jumpModelName, Budget: jumpBudget, Thresholds: sc.thresholds}}
				byID[id] = f
			}
			f.at = append(f.at, [2]int{e, a})
			f.flagged = append(f.flagged, flagged...)
		}
	}
	out := make([]*jumpFinding, 0, len(byID))
	for _, f := range byID {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].athlete < out[j].athlete })
	return out
}

// jumpConditions are the wind and venue of a flagged result.
type jumpConditions struct {
	wind      float64 // NaN when not recorded
	windEvent bool    // the event records wind
	venue     string
}

// conditionsQuery reads the wind and venue of results, and whether their
// event and sex ever records wind. The id list is built from int64s.
const conditionsQuery = `
SELECT r.result_id, r.wind, coalesce(r.venue, ''), w.measured
FROM results r
JOIN (SELECT discipline, sex, count(wind) > 0 AS measured FROM results GROUP BY discipline, sex) w
  USING (discipline, sex)
WHERE r.result_id IN (%s)`

// addConditions fills the evidence packs of the findings with the
// athletes' marks, the bands, the signals and the caveats, wind and
// altitude read from the results' conditions.
func addConditions(ctx context.Context, st *datasets.Store, sc *jumpScores, found []*jumpFinding) error {
	var ids []string
	for _, f := range found {
		for _, c := range f.flagged {
			ids = append(ids, strconv.FormatInt(c.ID, 10))
		}
	}
	cond := map[int64]jumpConditions{}
	if len(ids) > 0 {
		err := scanArrow(ctx, st, fmt.Sprintf(conditionsQuery, strings.Join(ids, ",")), func(c arrowCols, i int) {
			cond[c.int64(0, i)] = jumpConditions{c.float(1, i), c.rec.Column(3).(*array.Boolean).Value(i), c.str(2, i)}
		})
		if err != nil {
			return fmt.Errorf("jumps: read conditions of %d flagged results: %w", len(ids), err)
		}
	}
	conditions := func(r jumps.Result) []jumps.Caveat {
		c := cond[r.ID]
		return jumps.Conditions(c.wind, c.windEvent, c.venue)
	}
	for _, f := range found {
		for _, at := range f.at {
			ev := sc.events[at[0]]
			f.ev.Add(ev.discipline+" ("+ev.sex+")", ev.unit, ev.series[at[1]].Results, sc.checks[at[0]][at[1]], conditions)
		}
	}
	return nil
}

// alert is the finding as a "performance" alert: severity 0.5 at the
// threshold, 1 at twice the threshold or more.
func (f *jumpFinding) alert() (datasets.NewAlert, error) {
	ev, err := json.Marshal(f.ev)
	if err != nil {
		return datasets.NewAlert{}, fmt.Errorf("jump evidence of athlete %d: %w", f.athlete, err)
	}
	return datasets.NewAlert{Type: "performance", Subject: athleteSubject(f.athlete),
		Severity: math.Min(1, 0.5*f.ev.Exceedance), Evidence: ev}, nil
}
