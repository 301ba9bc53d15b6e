package main

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/models/potential"
	"github.com/podium-sport/podium/models/talent"
	"github.com/podium-sport/podium/notebooks/report"
)

// bootstrap is the number of resamples behind the model's 95 % intervals,
// as in podium backtest talent.
const bootstrap = 500

// reliabilityBins is the number of equal-count bins of the reliability chart.
const reliabilityBins = 10

// fixed is an Extractor that returns a cohort already extracted, so that
// the model and each one-feature baseline are back-tested on the same rows
// without extracting them again.
type fixed struct{ c *talent.Cohort }

func (f fixed) Cohort(context.Context, float64) (*talent.Cohort, error) { return f.c, nil }

// only returns the cohort reduced to its feature j, without baselines:
// back-testing it fits exactly the one-feature baseline model that
// talent.Backtest scores, and gives its forecasts.
func only(c *talent.Cohort, j int) *talent.Cohort {
	out := &talent.Cohort{Features: c.Features[j : j+1]}
	for _, r := range c.Rows {
		r.X = []float64{r.X[j]}
		out.Rows = append(out.Rows, r)
	}
	return out
}

// forecasts are one method's test forecasts and outcomes.
type forecasts struct {
	name string
	p    []float64
	y    []bool
}

func fromReport(name string, rep *talent.Report) forecasts {
	f := forecasts{name: name}
	for _, pr := range rep.Predictions {
		f.p, f.y = append(f.p, pr.P), append(f.y, pr.Elite)
	}
	return f
}

// tennis back-tests P(elite) on the ATP cohorts and charts the ROC and the
// reliability of the model and its baselines.
func tennis(ctx context.Context, st *datasets.Store, p *report.Page, o *options) error {
	cfg := talent.Config{FreezeAge: o.freezeAge, Options: potential.DefaultOptions(), Bootstrap: bootstrap, TrainBorn: o.trainBorn, TestBorn: o.testBorn}
	var n int64
	if err := st.QueryRow(ctx, `SELECT count(*) FROM matches WHERE sport = 'tennis'`, nil, &n); err != nil {
		return fmt.Errorf("tennis matches: %w", err)
	}
	if n == 0 {
		return fmt.Errorf("no tennis match in the store (podium import tennis-atp DIR): %w", errNoData)
	}
	cohort, err := (&talent.Tennis{Store: st, EliteRank: o.eliteRank}).Cohort(ctx, o.freezeAge)
	if err != nil {
		return err
	}
	rep, err := talent.Backtest(ctx, fixed{cohort}, cfg)
	if err != nil {
		return err
	}
	cfg.Bootstrap = 0
	base, err := baselineForecasts(ctx, cohort, rep, cfg)
	if err != nil {
		return err
	}
	all := append([]forecasts{fromReport("model (all features)", rep)}, base...)
	tennisPage(p, o, rep, all)
	return nil
}

// baselineForecasts back-tests each baseline of the cohort as a cohort of
// its one feature and returns its test forecasts.
func baselineForecasts(ctx context.Context, cohort *talent.Cohort, rep *talent.Report, cfg talent.Config) ([]forecasts, error) {
	var out []forecasts
	for _, b := range cohort.Baselines {
		j := slices.IndexFunc(cohort.Features, func(f potential.Feature) bool { return f.Name == b.Feature })
		if j < 0 {
			return nil, fmt.Errorf("baseline %s reads unknown feature %q", b.Name, b.Feature)
		}
		brep, err := talent.Backtest(ctx, fixed{only(cohort, j)}, cfg)
		if err != nil {
			return nil, fmt.Errorf("baseline %s: %w", b.Name, err)
		}
		f := fromReport(b.Name, brep)
		// The curves must be the table's baselines: the same fit on the same rows.
		if got, want := potential.Evaluate(f.p, f.y).AUC, rep.Baselines[b.Name].AUC; math.Abs(got-want) > 1e-9 {
			return nil, fmt.Errorf("baseline %s refitted: AUC %.6f, the back-test's %.6f", b.Name, got, want)
		}
		out = append(out, f)
	}
	return out, nil
}

func tennisPage(p *report.Page, o *options, rep *talent.Report, all []forecasts) {
	m := rep.Model
	p.Heading("Tennis: P(elite) back-test")
	p.Para("ATP players frozen at their %gth birthday (features read only the matches before it); elite = career-best ranking ≤ %d. Fitted on players born %s (%d, %d elite), scored on those born %s (%d, %d elite, base rate %s). Model: L2-penalised logistic regression over %d features, penalty (λ = %g) and calibration (%s) chosen by cross-validation on the training cohort only (models/talent, models/potential). Baselines: the same model on one feature, calibrated the same way.",
		o.freezeAge, o.eliteRank, o.trainBorn.String(), rep.Train.N, rep.Train.Positives, o.testBorn.String(), m.N, m.Positives, report.Pct(float64(m.Positives)/float64(m.N)),
		len(rep.Features), rep.Train.CV.Lambda, rep.Train.CV.Calibration)
	head := []string{"method", "AUC", "AUC 95 % CI", "PR-AUC", "precision@k", "Brier", "ECE", "log-loss"}
	rows := [][]string{metricsRow("model (all features)", m)}
	for _, name := range rep.BaselineNames() {
		rows = append(rows, metricsRow(name, rep.Baselines[name]))
	}
	p.Table(fmt.Sprintf("Test cohort, born %s (k = %d elite; CI: %d bootstrap resamples)", o.testBorn.String(), m.Positives, bootstrap), head, rows)
	var rocLines, relLines []report.Line
	for _, f := range all {
		fpr, tpr := roc(f.p, f.y)
		rocLines = append(rocLines, report.Line{Name: f.name, X: fpr, Y: tpr})
		mp, rate := reliability(f.p, f.y, reliabilityBins)
		relLines = append(relLines, report.Line{Name: f.name, X: mp, Y: rate, Points: true})
	}
	diag := report.Line{Name: "chance", X: []float64{0, 1}, Y: []float64{0, 1}, Dashed: true, Color: "#999999"}
	p.Figure(report.XY{Title: "ROC on the test cohort", XLabel: "false-positive rate (non-elite selected, share)", YLabel: "true-positive rate (elite found, share)",
		X: report.Range{Min: 0, Max: 1}, Y: report.Range{Min: 0, Max: 1}, Lines: append(rocLines, diag)},
		"Each curve ranks the test players by the method's P(elite). The steeper the start, the more future top players among the first picks; the areas under the curves are the AUCs of the table.")
	top := maxOf(relLines[0].X, relLines[0].Y) * 1.05
	for _, l := range relLines[1:] {
		top = max(top, maxOf(l.X, l.Y)*1.05)
	}
	perfect := report.Line{Name: "perfect calibration", X: []float64{0, top}, Y: []float64{0, top}, Dashed: true, Color: "#999999"}
	p.Figure(report.XY{Title: "Reliability on the test cohort", XLabel: "mean forecast P(elite) in the bin", YLabel: "observed elite share in the bin",
		X: report.Range{Min: 0, Max: top}, Y: report.Range{Min: 0, Max: top}, Lines: append(relLines, perfect)},
		fmt.Sprintf("Test players in %d bins of equal size by forecast: each point is a bin's mean forecast against its share of elite players. Points under the diagonal are over-confident forecasts. Base rate: %s in the training cohort, %s in the test cohort; when it falls, models fitted on the older cohort carry part of its rate and sit under the diagonal.",
			reliabilityBins, report.Pct(float64(rep.Train.Positives)/float64(rep.Train.N)), report.Pct(float64(m.Positives)/float64(m.N))))
}

func metricsRow(name string, m potential.Metrics) []string {
	ci := ""
	if c, ok := m.CI95["auc"]; ok {
		ci = fmt.Sprintf("[%.3f, %.3f]", c[0], c[1])
	}
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 3, 64) }
	return []string{name, f(m.AUC), ci, f(m.PRAUC), f(m.PrecisionAtK), strconv.FormatFloat(m.Brier, 'f', 4, 64), f(m.ECE), f(m.LogLoss)}
}

// years is an inclusive range of birth years, a flag written Y1-Y2.
type years [2]int

func (y *years) String() string { return fmt.Sprintf("%d-%d", y[0], y[1]) }

func (y *years) Set(s string) error {
	var a, b int
	if n, err := fmt.Sscanf(s, "%d-%d", &a, &b); n != 2 || err != nil || a > b {
		return fmt.Errorf("%q: want birth years Y1-Y2 with Y1 ≤ Y2, e.g. 1978-1989", s)
	}
	*y = years{a, b}
	return nil
}
