package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/models/trajectory"
	"github.com/podium-sport/podium/notebooks/report"
)

// inputShare is the MagmaClust protocol's share of each test swimmer's
// points, by age rank, given as input; the later points are forecast.
const inputShare = 0.6

// swimQuery reads the 100 m freestyle results of one source with the
// swimmer's source id.
const swimQuery = `SELECT a.source_id AS id, r.sex, r.age_years, r.mark
FROM results r JOIN athlete_aliases a ON a.athlete_id = r.athlete_id AND a.source = ?
WHERE r.sport = 'swimming' AND r.discipline = '100m-freestyle' AND r.age_years IS NOT NULL
ORDER BY a.source_id, r.age_years, r.mark`

// swimmer is one swimmer's series and sex.
type swimmer struct {
	trajectory.Series
	sex string
}

// swimmers fits the trajectory model per sex on the training swimmers,
// scores it on the test swimmers against the curve-plus-offset baseline and
// draws a few test swimmers' forecasts.
func swimmers(ctx context.Context, st *datasets.Store, p *report.Page, o *options) error {
	all, err := readSwimmers(ctx, st, o.swimSource)
	if err != nil {
		return err
	}
	if len(all) == 0 {
		return fmt.Errorf("no 100m-freestyle swimmer of source %q in the store: %w", o.swimSource, errNoData)
	}
	isTest, err := testSet(all, o.split)
	if err != nil {
		return err
	}
	p.Heading("Swimmers: trajectory forecasts")
	p.Para("100 m freestyle, source %s. The functional mixed model (models/trajectory: log time = B-spline population curve + each swimmer's random deviation, 95 %% interval calibrated on held-out later points of the training swimmers) is fitted per sex on the training swimmers; for each test swimmer the points whose age rank is at most %.0f %% of the swimmer's points are the input and the later points are forecast (the MagmaClust protocol). %s",
		o.swimSource, 100*inputShare, splitNote(o.split))
	var rows [][]string
	var figs []swimFigure
	var gains []string
	for _, sex := range []string{"F", "M"} {
		m, train, test, err := fitSex(all, sex, isTest)
		if errors.Is(err, errNoData) {
			p.Warn("%v: left out.", err)
			continue
		}
		if err != nil {
			return err
		}
		r, sc, err := scoreRows(m, sex, len(train), test)
		if err != nil {
			return err
		}
		rows = append(rows, r...)
		gains = append(gains, fmt.Sprintf("%s %+.0f %%", sex, 100*(sc[0].MSE/sc[1].MSE-1)))
		f, err := examples(m, sex, test, o.examples/2)
		if err != nil {
			return err
		}
		figs = append(figs, f...)
	}
	p.Table("Held-out later points of the test swimmers (MSE: mean over swimmers of each swimmer's mean squared error)",
		[]string{"sex", "method", "training swimmers", "test swimmers", "points forecast", "MSE (s²)", "95 % coverage"}, rows)
	p.Para("MSE of the mixed model relative to the curve-plus-offset baseline, by sex: %s.", strings.Join(gains, ", "))
	for _, f := range figs {
		p.Figure(f.chart, f.caption)
	}
	return nil
}

func readSwimmers(ctx context.Context, st *datasets.Store, source string) ([]swimmer, error) {
	rows, err := st.Query(ctx, swimQuery, source)
	if err != nil {
		return nil, fmt.Errorf("read swimmers: %w", err)
	}
	defer rows.Close()
	var out []swimmer
	for rows.Next() {
		var id, sex string
		var age, mark float64
		if err := rows.Scan(&id, &sex, &age, &mark); err != nil {
			return nil, fmt.Errorf("read swimmers: %w", err)
		}
		if len(out) == 0 || out[len(out)-1].ID != id {
			out = append(out, swimmer{Series: trajectory.Series{ID: id}, sex: sex})
		}
		s := &out[len(out)-1]
		s.Ages, s.Values = append(s.Ages, age), append(s.Values, mark)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read swimmers: %w", err)
	}
	return out, nil
}

// testSet says which swimmers are test swimmers: those of the split file,
// or without one every fifth swimmer in id order.
func testSet(all []swimmer, split string) (func(id string) bool, error) {
	if split == "" {
		test := map[string]bool{}
		for i, s := range all {
			test[s.ID] = i%5 == 0
		}
		return func(id string) bool { return test[id] }, nil
	}
	f, err := os.Open(split)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sets, err := trajectory.ReadSplit(f, split)
	if err != nil {
		return nil, err
	}
	return func(id string) bool { return sets[id] == "test" }, nil
}

func splitNote(split string) string {
	if split == "" {
		return "Test swimmers: every fifth swimmer in id order."
	}
	return "Training and test swimmers: the split file " + filepath.Base(split) + " (the MagmaClust study's)."
}

// bySplit returns one sex's training and test series; swimmers in neither
// set of a split file are left out of training too.
func bySplit(all []swimmer, sex string, isTest func(string) bool) (train, test []trajectory.Series) {
	for _, s := range all {
		switch {
		case s.sex != sex:
		case isTest(s.ID):
			test = append(test, s.Series)
		default:
			train = append(train, s.Series)
		}
	}
	return train, test
}

// fitSex fits the model on one sex's training swimmers and returns it with
// the training and test series.
func fitSex(all []swimmer, sex string, isTest func(string) bool) (m *trajectory.Model, train, test []trajectory.Series, err error) {
	train, test = bySplit(all, sex, isTest)
	if len(train) == 0 || len(test) == 0 {
		return nil, nil, nil, fmt.Errorf("sex %s: %d training and %d test swimmers: %w", sex, len(train), len(test), errNoData)
	}
	if m, err = trajectory.Fit(train, trajectory.Config{}); err != nil {
		return nil, nil, nil, fmt.Errorf("fit trajectory model, sex %s: %w", sex, err)
	}
	return m, train, test, nil
}

// methods are the forecasters scored: the model and its baseline.
func methods(m *trajectory.Model) []method {
	return []method{{"mixed model (BLUP)", m.Forecast}, {"baseline: curve + offset", m.OffsetForecast}}
}

type method struct {
	name string
	f    trajectory.Forecaster
}

// scoreRows back-tests every method on one sex's test swimmers.
func scoreRows(m *trajectory.Model, sex string, nTrain int, test []trajectory.Series) ([][]string, []trajectory.Score, error) {
	var rows [][]string
	var scores []trajectory.Score
	for _, me := range methods(m) {
		sc, _, err := trajectory.Backtest(me.f, test, inputShare)
		if err != nil {
			return nil, nil, fmt.Errorf("back-test %s, sex %s: %w", me.name, sex, err)
		}
		rows = append(rows, []string{sex, me.name, fmt.Sprint(nTrain), fmt.Sprint(sc.Series), fmt.Sprint(sc.Points),
			fmt.Sprintf("%.2f", sc.MSE), report.Pct(sc.Coverage95)})
		scores = append(scores, sc)
	}
	return rows, scores, nil
}

type swimFigure struct {
	chart   report.XY
	caption string
}

// examples draws the n test swimmers with the most points.
func examples(m *trajectory.Model, sex string, test []trajectory.Series, n int) ([]swimFigure, error) {
	order := slices.Clone(test)
	slices.SortStableFunc(order, func(a, b trajectory.Series) int {
		return cmp.Or(cmp.Compare(len(b.Ages), len(a.Ages)), cmp.Compare(a.ID, b.ID))
	})
	var out []swimFigure
	for _, s := range order[:min(n, len(order))] {
		in, later := trajectory.SplitByAgeRank(s, inputShare)
		lo, hi := slices.Min(s.Ages), slices.Max(s.Ages)
		var grid []float64
		for a := lo; a <= hi+0.05; a += 0.1 {
			grid = append(grid, a)
		}
		fc, err := m.Forecast(in, grid)
		if err != nil {
			return nil, fmt.Errorf("forecast swimmer %s: %w", s.ID, err)
		}
		base, err := m.OffsetForecast(in, grid)
		if err != nil {
			return nil, fmt.Errorf("baseline forecast swimmer %s: %w", s.ID, err)
		}
		mean, lower, upper, bmean := make([]float64, len(fc)), make([]float64, len(fc)), make([]float64, len(fc)), make([]float64, len(fc))
		for i := range fc {
			mean[i], lower[i], upper[i], bmean[i] = fc[i].Mean, fc[i].Lower95, fc[i].Upper95, base[i].Mean
		}
		out = append(out, swimFigure{
			chart: report.XY{Title: fmt.Sprintf("Swimmer %s (%s): forecast from %d of %d results", s.ID, sex, len(in.Ages), len(s.Ages)),
				XLabel: "age (years)", YLabel: "100 m freestyle time (s)",
				Lines: []report.Line{
					{Name: "forecast (mean)", X: grid, Y: mean},
					{Name: "curve + offset", X: grid, Y: bmean, Dashed: true, Color: "#999999"},
					{Name: "input results", X: in.Ages, Y: in.Values, NoLine: true, Color: "#000000"},
					{Name: "later results", X: later.Ages, Y: later.Values, NoLine: true, Color: "#D55E00"},
				},
				Bands: []report.Band{{Name: "95 % interval", X: grid, Lo: lower, Hi: upper}}},
			caption: fmt.Sprintf("Forecast of swimmer %s from the first %d results (black) against the %d later ones (orange), with the calibrated 95 %% prediction interval of one race; dashed: the baseline (population curve shifted by the swimmer's mean offset on the input).", s.ID, len(in.Ages), len(later.Ages)),
		})
	}
	return out, nil
}
