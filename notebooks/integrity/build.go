package main

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/models/integrity"
	"github.com/podium-sport/podium/notebooks/report"
)

var nan = math.NaN()

// budgets are the alert rates of the table (the model's doc reports them).
var budgets = []float64{0.002, 0.005, 0.01, 0.02}

// maxRate is the right end of the recall chart, and rateStep its spacing.
const maxRate, rateStep = 0.05, 0.001

// build evaluates the store's league, pooled with the generated ones, and
// draws one alert's evidence.
func (o *options) build(ctx context.Context, st *datasets.Store) (*report.Page, error) {
	first, err := loadLeague(ctx, st, filepath.Base(st.Path()))
	if err != nil {
		return nil, fmt.Errorf("integrity: %w", err)
	}
	p := report.New("Podium match-fixing detection")
	if len(first.scored) == 0 {
		p.Warn("No football match with prices at two moments in %s: nothing to score (podium generate loads a simulated league).", filepath.Base(st.Path()))
		return p, nil
	}
	more, err := moreLeagues(ctx, o.moreLeagues)
	if err != nil {
		return nil, fmt.Errorf("integrity: %w", err)
	}
	leagues := append([]league{first}, more...)
	if err := recallSection(p, leagues); err != nil {
		return nil, fmt.Errorf("integrity: %w", err)
	}
	if err := evidenceSection(p, first); err != nil {
		return nil, fmt.Errorf("integrity: %w", err)
	}
	return p, nil
}

func recallSection(p *report.Page, leagues []league) error {
	p.Heading("Recall of planted fixes against the alert rate")
	rows, err := leagueRows(leagues)
	if err != nil {
		return err
	}
	cases, matches := 0, 0
	for _, l := range leagues {
		cases, matches = cases+len(l.fixed), matches+len(l.scored)
	}
	if cases == 0 {
		p.Warn("No planted fix in the truth table: recall needs simulated leagues (real data has no labelled fix).")
		return nil
	}
	p.Para("The simulator (datasets/sim) plants fixed matches with steam moves in its football league; only this evaluation reads them. Each league's scored matches are ranked from the most suspicious; at an alert rate r the top ⌈r·n⌉ matches of each league are alerted and the planted fixes among them counted, pooled over %d league(s): %d scored matches, %d planted fixes (%s).",
		len(leagues), matches, cases, report.Pct(float64(cases)/float64(matches)))
	p.Table("Leagues, and the detector's own alerts at its default thresholds (p ≤ 1e-4, at most 0.5 % of the matches)",
		[]string{"league", "scored matches", "planted fixes", "detector alerts", "of which planted"}, rows)
	p.Figure(report.XY{Title: "Recall of planted fixes against alert rate", XLabel: "matches alerted (% of scored matches)", YLabel: "planted fixes found (recall)",
		X: report.Range{Min: 0, Max: 100 * maxRate}, Y: report.Range{Min: 0, Max: 1}, Lines: recallLines(leagues)},
		"Share of the planted fixes among the alerted matches as the alert budget grows. The detector combines the market signals of the outcome that came in; the baseline watches the consensus price move alone, whatever the result.")
	p.Table("Pooled recall and precision at the reported budgets",
		[]string{"alert rate", "alerts", "detector hits", "detector recall", "detector precision", "alerts", "baseline hits", "baseline recall", "baseline precision"}, budgetRows(leagues))
	return nil
}

// leagueRows counts each league's matches, fixes and the detector's own
// alerts.
func leagueRows(leagues []league) ([][]string, error) {
	var rows [][]string
	for _, l := range leagues {
		alerts, err := integrity.MatchAlerts(l.scored, integrity.Default())
		if err != nil {
			return nil, err
		}
		hits := 0
		for _, a := range alerts {
			if l.fixed[refOf(l, a.Subject)] {
				hits++
			}
		}
		rows = append(rows, []string{l.name, strconv.Itoa(len(l.scored)), strconv.Itoa(len(l.fixed)), strconv.Itoa(len(alerts)), strconv.Itoa(hits)})
	}
	return rows, nil
}

// recallLines is the pooled recall of each ranking from rateStep to
// maxRate, and the detector's alert budget.
func recallLines(leagues []league) []report.Line {
	var lines []report.Line
	for _, r := range rankings {
		l := report.Line{Name: shortName(r.name)}
		for rate := rateStep; rate <= maxRate+1e-9; rate += rateStep {
			l.X, l.Y = append(l.X, 100*rate), append(l.Y, at(leagues, r, rate).recall())
		}
		lines = append(lines, l)
	}
	op := 100 * integrity.Default().MaxRate
	return append(lines, report.Line{Name: "detector's alert budget", X: []float64{op, op}, Y: []float64{0, 1}, Dashed: true, Color: "#999999"})
}

func budgetRows(leagues []league) [][]string {
	var rows [][]string
	for _, b := range budgets {
		row := []string{report.Pct(b)}
		for _, r := range rankings {
			t := at(leagues, r, b)
			row = append(row, strconv.Itoa(t.alerts), strconv.Itoa(t.hits), report.Pct(t.recall()), report.Pct(t.precision()))
		}
		rows = append(rows, row)
	}
	return rows
}

// shortName is a ranking's name up to its parenthesis, for the legend.
func shortName(name string) string {
	s, _, _ := strings.Cut(name, " (")
	return s
}

// refOf returns the source id of the match an alert's subject
// ("match:<id>") names.
func refOf(l league, subject string) string {
	id, err := strconv.ParseInt(strings.TrimPrefix(subject, "match:"), 10, 64)
	if err != nil {
		return ""
	}
	for _, s := range l.scored {
		if s.Match.ID == id {
			return s.Match.Ref
		}
	}
	return ""
}

// evidenceSection charts the odds of the first alert of the league that is
// a planted fix (the first alert when none is).
func evidenceSection(p *report.Page, l league) error {
	alerts, err := integrity.MatchAlerts(l.scored, integrity.Default())
	if err != nil {
		return err
	}
	p.Heading("Evidence of one alert")
	if len(alerts) == 0 {
		p.Warn("The detector raised no match alert in %s: no evidence to show.", l.name)
		return nil
	}
	a := alerts[0]
	for _, c := range alerts {
		if l.fixed[refOf(l, c.Subject)] {
			a = c
			break
		}
	}
	ev, err := decodeEvidence(a.Evidence)
	if err != nil {
		return err
	}
	r := ev.Result
	planted := "a planted fix"
	if !l.fixed[r.Match] {
		planted = "not a planted fix"
	}
	p.Para("Match %s, %s, %s: %s – %s %s; the result that came in: %s. Alert severity %.2f; %s.", r.Match, r.Date, r.Division, r.Home, r.Away, r.Score, r.Outcome, a.Severity, planted)
	books, odds := ev.series(func(price, _ float64) float64 { return price })
	var lines []report.Line
	for i, b := range books {
		lines = append(lines, report.Line{Name: b, X: []float64{0, 1, 2}, Y: odds[i], Points: true})
	}
	p.Figure(report.XY{Title: "Odds of the result that came in, per bookmaker", XLabel: "moment of the price", YLabel: "decimal odds of " + r.Outcome,
		XNames: phases, Lines: lines},
		"Each bookmaker's decimal price of the outcome that came in, from opening to closing (the evidence pack an integrity officer sees in the console). Steam: the price shortens at several books at once before kick-off.")
	var rows [][]string
	for _, s := range ev.Signals {
		in := "evidence only"
		if s.InScore {
			in = "in score"
		}
		rows = append(rows, []string{s.Name, strconv.FormatFloat(s.Value, 'g', 4, 64), report.Pct(s.TailShare), in})
	}
	p.Table("Signals of the alert (tail share: share of scored matches at least as extreme)", []string{"signal", "value", "tail share", "role"}, rows)
	return nil
}
