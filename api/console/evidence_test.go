package console

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func TestBuildEvidence(t *testing.T) {
	tests := []struct {
		name            string
		raw             string
		charts, signals int
		invalid         bool
	}{
		{"odds and signals", oddsEvidence, 2, 2, false},
		{"empty odds: nothing drawn", `{"odds":[]}`, 0, 0, false},
		{"bookmaker without points: nothing drawn", `{"odds":[{"bookmaker":"X","points":[]}]}`, 0, 0, false},
		{"odds of another shape are ignored", `{"odds":{"B365":2.1},"signals":"high"}`, 0, 0, false},
		{"not an object", `[1,2]`, 0, 0, true},
		{"not JSON", `{`, 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := buildEvidence(locales["en"], json.RawMessage(tt.raw), "t")
			if len(v.Odds) != tt.charts || len(v.Signals.Rows) != tt.signals || v.Invalid != tt.invalid {
				t.Errorf("charts %d, signal rows %d, invalid %v; want %d, %d, %v",
					len(v.Odds), len(v.Signals.Rows), v.Invalid, tt.charts, tt.signals, tt.invalid)
			}
		})
	}
}

// FuzzEvidence: any evidence pack renders without panicking, into well-formed
// SVG whose coordinates are finite numbers.
func FuzzEvidence(f *testing.F) {
	for _, a := range testAlerts {
		f.Add(a.Evidence)
	}
	f.Add(`{"odds":[{"bookmaker":"<script>","points":[{"phase":"x","price":1e308},{"phase":"y","price":-1e308}]}]}`)
	f.Add(`{"odds":[{"points":[{"price":1},{"price":1},{"price":1}]}],"signals":[{},{"a":null}]}`)
	f.Fuzz(func(t *testing.T, raw string) {
		v := buildEvidence(locales["vi"], json.RawMessage(raw), "f")
		for _, c := range v.Odds {
			svg := string(c.SVG)
			if strings.Contains(svg, "NaN") || strings.Contains(svg, "Inf") || strings.Contains(svg, "<script") {
				t.Fatalf("bad SVG for %q: %s", raw, svg)
			}
		}
	})
}

func TestChartScaleEdgeCases(t *testing.T) {
	tests := []struct {
		name string
		pts  []pt
	}{
		{"no points", nil},
		{"one point", []pt{{1, 2}}},
		{"flat line", []pt{{0, 5}, {1, 5}}},
		{"NaN and Inf skipped", []pt{{0, math.NaN()}, {1, math.Inf(1)}, {2, 3}, {3, 4}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			svg := string(chart{ID: "c", Lines: []series{{Class: "marks", Pts: tt.pts, Dots: true}}}.svg(locales["en"]))
			if strings.Contains(svg, "NaN") || strings.Contains(svg, "Inf") || !strings.HasSuffix(svg, "</svg>") {
				t.Errorf("svg: %s", svg)
			}
		})
	}
}

func TestNiceStep(t *testing.T) {
	// steps are 1, 2 or 5 times a power of ten, not below the raw step
	tests := []struct{ raw, want float64 }{{0.07, 0.1}, {0.13, 0.2}, {3, 5}, {7, 10}, {0, 1}, {math.NaN(), 1}}
	for _, tt := range tests {
		if got := niceStep(tt.raw); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("niceStep(%v) = %v, want %v", tt.raw, got, tt.want)
		}
	}
}
