package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/podium-sport/podium/notebooks/report/reporttest"
	"github.com/podium-sport/podium/scoring/bench"
)

// TestBuild renders the committed runs (testdata/*.json, real podium bench
// outputs): the page must parse, be self-contained and hold its two log-log
// charts and three tables.
func TestBuild(t *testing.T) {
	paths, err := filepath.Glob("testdata/b1e*.json")
	if err != nil || len(paths) < 2 {
		t.Fatalf("testdata holds %d bench runs (%v), want at least 2", len(paths), err)
	}
	page, err := build(context.Background(), paths)
	if err != nil {
		t.Fatal(err)
	}
	html, svgs, tables := reporttest.Render(t, page)
	if svgs != 2 || tables != 3 {
		t.Errorf("%d charts and %d tables, want 2 and 3", svgs, tables)
	}
	// The x axis starts at the decade of the smallest run, 10⁵ results.
	for _, want := range []string{"Seconds per case against size", "Peak resident memory", ">10⁵<", "features-arrow", "time exponent"} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name, in, err string
	}{
		{"ok", `{"results": 10, "cases": [{"name": "ingest", "seconds": 1.5, "peak_rss_mb": 20}]}`, ""},
		{"not json", `results: 10`, "not a podium bench --json output"},
		{"no cases", `{"results": 10, "cases": []}`, "want a run with results and cases"},
		{"no size", `{"cases": [{"name": "ingest", "seconds": 1}]}`, "want a run with results and cases"},
		{"negative", `{"results": 10, "cases": [{"name": "ingest", "seconds": -1}]}`, "non-negative"},
		{"unnamed", `{"results": 10, "cases": [{"seconds": 1}]}`, "want a name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := decode(strings.NewReader(tt.in), "b.json")
			if (err == nil) != (tt.err == "") || (err != nil && !strings.Contains(err.Error(), tt.err)) {
				t.Errorf("decode: %v, want error ~ %q", err, tt.err)
			}
		})
	}
}

func TestGrowthExponent(t *testing.T) {
	// Two runs 10× apart, times 1 s → 10 s (slope 1) and memory 100 → 100 MB
	// (slope 0): exponents 1 and 0 by ln(y₂/y₁) / ln(10).
	runs, err := readRuns(nil)
	if err != nil || len(runs) != 0 {
		t.Fatalf("readRuns(nil) = %v, %v", runs, err)
	}
	a, _ := decode(strings.NewReader(`{"results": 100, "cases": [{"name": "x", "seconds": 1, "peak_rss_mb": 100}]}`), "a")
	b, _ := decode(strings.NewReader(`{"results": 1000, "cases": [{"name": "x", "seconds": 10, "peak_rss_mb": 100}]}`), "b")
	row := growthRows([]*bench.Report{a, b}, []string{"x"})[0]
	if got := row[len(row)-2:]; got[0] != "1" || got[1] != "0" {
		t.Errorf("exponents %q, want [1 0]", got)
	}
}

// FuzzDecode: no input makes decode panic, and what it accepts renders.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"results": 10, "cases": [{"name": "ingest", "seconds": 1.5, "peak_rss_mb": 20}]}`))
	f.Add([]byte(`{"results": 1e99, "cases": [{"name": "<x>", "seconds": 0}]}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		rep, err := decode(bytes.NewReader(in), "fuzz.json")
		if err != nil {
			return
		}
		names := caseNames([]*bench.Report{rep})
		_ = series([]*bench.Report{rep}, names, func(c bench.Case) float64 { return c.Seconds })
		_ = growthRows([]*bench.Report{rep}, names)
	})
}
