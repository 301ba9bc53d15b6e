package report_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/podium-sport/podium/notebooks/report"
)

// A page with a paragraph, a table and a line chart, rendered as one
// self-contained HTML document.
func Example() {
	p := report.New("Season summary")
	p.Heading("Results")
	p.Para("%d results in %d seasons.", 120, 2)
	p.Table("Results per season", []string{"season", "results"}, [][]string{{"2024", "50"}, {"2025", "70"}})
	p.Figure(report.XY{
		Title: "Results per season", XLabel: "season (year)", YLabel: "results",
		Lines: []report.Line{{Name: "all events", X: []float64{2024, 2025}, Y: []float64{50, 70}, Points: true}},
	}, "Results loaded per season.")
	var b strings.Builder
	if err := p.Render(&b); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	page := b.String()
	fmt.Println(strings.Count(page, "<svg"), "chart,", strings.Count(page, "<table"), "table")
	fmt.Println(strings.HasPrefix(page, "<!DOCTYPE html>"), strings.Contains(page, "<title>Season summary</title>"))
	// Output:
	// 1 chart, 1 table
	// true true
}
