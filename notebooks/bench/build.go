package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"slices"
	"strconv"

	"github.com/podium-sport/podium/notebooks/report"
	"github.com/podium-sport/podium/scoring/bench"
)

// decode reads one `podium bench --json` output; name is the file, for
// errors. A run must have a size and at least one named case with finite,
// non-negative seconds and memory.
func decode(r io.Reader, name string) (*bench.Report, error) {
	var rep bench.Report
	if err := json.NewDecoder(r).Decode(&rep); err != nil {
		return nil, fmt.Errorf("bench: %s: not a podium bench --json output: %w", name, err)
	}
	if rep.Results <= 0 || len(rep.Cases) == 0 {
		return nil, fmt.Errorf("bench: %s: %d results and %d cases: want a run with results and cases", name, rep.Results, len(rep.Cases))
	}
	for i, c := range rep.Cases {
		if c.Name == "" || !(c.Seconds >= 0) || !(c.PeakRSSMB >= 0) || math.IsInf(c.Seconds+c.PeakRSSMB, 0) {
			return nil, fmt.Errorf("bench: %s: case %d (%q): %g s, %g MB: want a name and finite, non-negative figures", name, i, c.Name, c.Seconds, c.PeakRSSMB)
		}
	}
	return &rep, nil
}

// readRuns decodes every file and returns the runs from the smallest to the
// largest.
func readRuns(paths []string) ([]*bench.Report, error) {
	var runs []*bench.Report
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		rep, err := decode(f, p)
		f.Close()
		if err != nil {
			return nil, err
		}
		runs = append(runs, rep)
	}
	slices.SortStableFunc(runs, func(a, b *bench.Report) int { return cmp.Compare(a.Results, b.Results) })
	return runs, nil
}

var errNoRuns = errors.New("bench: no run given: name one or more podium bench --json files")

// build writes the report of the runs in paths.
func build(_ context.Context, paths []string) (*report.Page, error) {
	runs, err := readRuns(paths)
	if err != nil {
		return nil, err
	}
	if len(runs) == 0 {
		return nil, errNoRuns
	}
	p := report.New("Podium performance: scaling with the number of results")
	p.Para("%d runs of podium bench (scoring/bench): each builds a simulated database of N results and times every case on it (median of three timed runs after a warm-up; peak RSS is the process's high-water mark during the case, the child's for pandas). Absolute seconds belong to the machine and its load at the time; the slopes and ratios travel.", len(runs))
	if len(runs) < 2 {
		p.Warn("Only one run: growth with size cannot be measured; give runs of several sizes.")
	}
	p.Table("Runs", []string{"results", "athletes", "CPUs", "Go", "run seconds", "ingest rows/s"}, runRows(runs))
	cases := caseNames(runs)
	p.Heading("Time")
	p.Figure(report.XY{Title: "Seconds per case against size", XLabel: "results in the database (log scale)", YLabel: "seconds (log scale)",
		LogX: true, LogY: true, Lines: series(runs, cases, func(c bench.Case) float64 { return c.Seconds })},
		"Median seconds of each case. On log-log axes a straight line of slope 1 is linear growth; the table gives each case's slope between the smallest and the largest run.")
	p.Heading("Memory")
	p.Figure(report.XY{Title: "Peak resident memory per case against size", XLabel: "results in the database (log scale)", YLabel: "peak RSS (MB, log scale)",
		LogX: true, LogY: true, Lines: series(runs, cases, func(c bench.Case) float64 { return c.PeakRSSMB })},
		"Peak resident set of the process during each case. A slope well below 1 means bounded memory: the case streams (Arrow batches, the simulator's substreams) rather than holding the data.")
	p.Table("Growth exponents between the smallest and the largest run (slope of log y on log results)", growthHead(runs), growthRows(runs, cases))
	p.Table("Ratios of each path to its baseline, per run", []string{"results", "ratio", "value"}, ratioRows(runs))
	return p, nil
}

// caseNames lists the cases in the order of their first appearance.
func caseNames(runs []*bench.Report) []string {
	var names []string
	for _, r := range runs {
		for _, c := range r.Cases {
			if !slices.Contains(names, c.Name) {
				names = append(names, c.Name)
			}
		}
	}
	return names
}

// find returns the case of a run by name.
func find(r *bench.Report, name string) (bench.Case, bool) {
	i := slices.IndexFunc(r.Cases, func(c bench.Case) bool { return c.Name == name })
	if i < 0 {
		return bench.Case{}, false
	}
	return r.Cases[i], true
}

// series returns one line per case of y against the run's results; a case
// missing from a run breaks its line there.
func series(runs []*bench.Report, cases []string, y func(bench.Case) float64) []report.Line {
	var lines []report.Line
	for _, name := range cases {
		l := report.Line{Name: name, Points: true}
		for _, r := range runs {
			v := math.NaN()
			if c, ok := find(r, name); ok {
				v = y(c)
			}
			l.X, l.Y = append(l.X, float64(r.Results)), append(l.Y, v)
		}
		lines = append(lines, l)
	}
	return lines
}

func runRows(runs []*bench.Report) [][]string {
	var rows [][]string
	for _, r := range runs {
		rows = append(rows, []string{strconv.FormatInt(r.Results, 10), strconv.FormatInt(r.Athletes, 10), strconv.Itoa(r.CPUs),
			r.GoVersion, strconv.FormatFloat(r.Seconds, 'f', 1, 64), strconv.FormatFloat(r.IngestRowsPerS, 'f', 0, 64)})
	}
	return rows
}

func growthHead(runs []*bench.Report) []string {
	head := []string{"case"}
	for _, r := range runs {
		head = append(head, fmt.Sprintf("s at %d", r.Results))
	}
	for _, r := range runs {
		head = append(head, fmt.Sprintf("MB at %d", r.Results))
	}
	return append(head, "time exponent", "memory exponent")
}

func growthRows(runs []*bench.Report, cases []string) [][]string {
	var rows [][]string
	first, last := runs[0], runs[len(runs)-1]
	for _, name := range cases {
		row := []string{name}
		for _, y := range []func(bench.Case) float64{
			func(c bench.Case) float64 { return c.Seconds }, func(c bench.Case) float64 { return c.PeakRSSMB }} {
			for _, r := range runs {
				c, ok := find(r, name)
				row = append(row, num(ok, y(c), 3))
			}
		}
		a, okA := find(first, name)
		b, okB := find(last, name)
		span := math.Log(float64(last.Results) / float64(first.Results))
		ok := okA && okB && span > 0
		row = append(row, num(ok, math.Log(b.Seconds/a.Seconds)/span, 2), num(ok, math.Log(b.PeakRSSMB/a.PeakRSSMB)/span, 2))
		rows = append(rows, row)
	}
	return rows
}

func ratioRows(runs []*bench.Report) [][]string {
	var rows [][]string
	for _, r := range runs {
		for _, k := range slices.Sorted(maps.Keys(r.Ratios)) {
			rows = append(rows, []string{strconv.FormatInt(r.Results, 10), k, strconv.FormatFloat(r.Ratios[k], 'f', 2, 64)})
		}
	}
	return rows
}

// num formats v with prec significant digits; "" when absent or not finite.
func num(ok bool, v float64, prec int) string {
	if !ok || math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', prec, 64)
}
