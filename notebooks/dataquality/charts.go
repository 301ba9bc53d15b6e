package main

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/notebooks/report"
)

// maxGroups is the most bar groups (disciplines, sources) a chart shows;
// the smaller ones are summed into "other".
const maxGroups = 6

// seasons charts the results per season (year of the date) and discipline.
func seasons(ctx context.Context, st *datasets.Store, p *report.Page) error {
	_, rows, err := report.QueryTable(ctx, st, `
SELECT CAST(year(date) AS VARCHAR) AS season, sport || ' ' || discipline AS discipline, count(*) AS n
FROM results WHERE date IS NOT NULL GROUP BY ALL ORDER BY 1, 2`)
	if err != nil {
		return fmt.Errorf("results per season: %w", err)
	}
	var undated int64
	if err := st.QueryRow(ctx, `SELECT count(*) FROM results WHERE date IS NULL`, nil, &undated); err != nil {
		return fmt.Errorf("undated results: %w", err)
	}
	p.Heading("Results per season and discipline")
	if len(rows) == 0 {
		p.Warn("No result has a date (%d have only an age): no season to chart.", undated)
		return nil
	}
	cats, groups := pivot(rows)
	p.Figure(report.Bars{Title: "Results per season and discipline", XLabel: "season (year of the result)", YLabel: "results (count)",
		Categories: cats, Groups: groups},
		fmt.Sprintf("Results with a date, by year and discipline (the %d largest disciplines; the rest summed as \"other\"). %d results have only an age, no date, and are not shown. A season far below its neighbours is a missing or partial load.", maxGroups, undated))
	return nil
}

// pivot turns (category, group, count) rows into bar groups: the maxGroups
// largest groups by total and "other".
func pivot(rows [][]string) ([]string, []report.BarGroup) {
	var cats []string
	count := map[[2]string]float64{}
	total := map[string]float64{}
	for _, r := range rows {
		if len(cats) == 0 || cats[len(cats)-1] != r[0] {
			cats = append(cats, r[0])
		}
		v, _ := strconv.ParseFloat(r[2], 64)
		count[[2]string{r[0], r[1]}] += v
		total[r[1]] += v
	}
	names := slices.SortedFunc(maps.Keys(total), func(a, b string) int { return cmp.Or(cmp.Compare(total[b], total[a]), cmp.Compare(a, b)) })
	shown := names[:min(maxGroups, len(names))]
	var groups []report.BarGroup
	for _, g := range shown {
		bg := report.BarGroup{Name: g}
		for _, c := range cats {
			bg.Values = append(bg.Values, count[[2]string{c, g}])
		}
		groups = append(groups, bg)
	}
	if len(names) > len(shown) {
		other := report.BarGroup{Name: "other", Color: "#999999"}
		for _, c := range cats {
			s := 0.0
			for _, g := range names[len(shown):] {
				s += count[[2]string{c, g}]
			}
			other.Values = append(other.Values, s)
		}
		groups = append(groups, other)
	}
	return cats, groups
}

// monthDays is the mean length of each month in days (February 28.25).
var monthDays = [12]float64{31, 28.25, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// birthMonths charts the share of birth dates in each month, per source,
// against the share of days, and tabulates the January and first-quarter
// excess.
func birthMonths(ctx context.Context, st *datasets.Store, p *report.Page) error {
	_, rows, err := report.QueryTable(ctx, st, `
SELECT source, month(birth_date) AS m, count(*) AS n
FROM athlete_aliases WHERE birth_date IS NOT NULL GROUP BY ALL ORDER BY 1, 2`)
	if err != nil {
		return fmt.Errorf("birth months: %w", err)
	}
	bySource := map[string]*[12]float64{}
	var order []string
	for _, r := range rows {
		if bySource[r[0]] == nil {
			bySource[r[0]] = new([12]float64)
			order = append(order, r[0])
		}
		m, _ := strconv.Atoi(r[1])
		v, _ := strconv.ParseFloat(r[2], 64)
		bySource[r[0]][m-1] = v
	}
	p.Heading("Birth dates by month")
	months := []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
	expected := report.BarGroup{Name: "share of days", Color: "#999999"}
	for _, d := range monthDays {
		expected.Values = append(expected.Values, d/365.25)
	}
	var groups []report.BarGroup
	var table [][]string
	for _, src := range order[:min(maxGroups, len(order))] {
		g, row := monthShares(src, bySource[src])
		groups, table = append(groups, g), append(table, row)
	}
	p.Figure(report.Bars{Title: "Birth month of athletes, by source", XLabel: "birth month", YLabel: "share of athletes (fraction)",
		Categories: months, Groups: append(groups, expected)},
		"Share of each source's athletes (identities with a birth date) born in each month, beside the share of the year's days. Youth selection favours the relatively old (born early in the selection year), so some excess in the first months is expected; a spike on January alone — or on the 1st of January — is the pattern of invented or rounded birth dates (age fraud).")
	p.Table("January and first-quarter births against the share of days", []string{"source", "athletes", "January", "Jan ÷ expected", "Jan–Mar", "Q1 ÷ expected"}, table)
	return nil
}

// monthShares returns a source's bar group and its table row.
func monthShares(src string, n *[12]float64) (report.BarGroup, []string) {
	total := 0.0
	for _, v := range n {
		total += v
	}
	g := report.BarGroup{Name: src}
	for _, v := range n {
		g.Values = append(g.Values, v/total)
	}
	jan, q1 := g.Values[0], g.Values[0]+g.Values[1]+g.Values[2]
	expJan, expQ1 := monthDays[0]/365.25, (monthDays[0]+monthDays[1]+monthDays[2])/365.25
	return g, []string{src, strconv.FormatFloat(total, 'f', 0, 64), report.Pct(jan), ratio(jan / expJan), report.Pct(q1), ratio(q1 / expQ1)}
}

func ratio(x float64) string {
	if math.IsNaN(x) {
		return ""
	}
	return strconv.FormatFloat(x, 'f', 2, 64)
}
