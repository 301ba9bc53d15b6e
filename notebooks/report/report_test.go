package report

import (
	"bytes"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// tiny returns the charts of the golden files: two points and a band, and
// two groups of two bars.
func tiny() map[string]Chart {
	return map[string]Chart{
		"xy.svg": XY{Title: "Tiny", XLabel: "age (years)", YLabel: "time (s)", Width: 320, Height: 200,
			Lines: []Line{{Name: "mean", X: []float64{10, 12}, Y: []float64{70, 60}, Points: true}},
			Bands: []Band{{Name: "95 % band", X: []float64{10, 12}, Lo: []float64{66, 57}, Hi: []float64{74, 63}}}},
		"bars.svg": Bars{Title: "Tiny bars", XLabel: "season", YLabel: "results", Width: 320, Height: 200,
			Categories: []string{"2024", "2025"},
			Groups:     []BarGroup{{Name: "100m", Values: []float64{3, 5}}, {Name: "long-jump", Values: []float64{2, math.NaN()}}}},
		// 0 cannot sit on a log axis: the line starts at 1e5.
		"loglog.svg": XY{Title: "Tiny log-log", XLabel: "rows", YLabel: "time (s)", Width: 320, Height: 200, LogX: true, LogY: true,
			Lines: []Line{{Name: "ingest", X: []float64{0, 1e5, 1e6, 1e7}, Y: []float64{0.1, 0.2, 1.5, 16}, Points: true}}},
	}
}

func TestGoldenSVG(t *testing.T) {
	for name, c := range tiny() {
		t.Run(name, func(t *testing.T) {
			got := []byte(c.SVG() + "\n")
			path := filepath.Join("testdata", name)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("SVG differs from %s (go test -update after checking the change):\n%s", path, got)
			}
		})
	}
}

func TestNewAxis(t *testing.T) {
	tests := []struct {
		name         string
		fixed        Range
		lo, hi       float64
		wantLo, want float64 // expected range, rounded out to the step
		ticks        int
		prec         int
	}{
		// 0.3…9.2: raw step 1.78 → 2; [0, 10], ticks 0, 2, …, 10.
		{name: "auto", lo: 0.3, hi: 9.2, wantLo: 0, want: 10, ticks: 6, prec: 0},
		// fixed [0, 1]: step 0.2, six ticks with one decimal.
		{name: "fixed", fixed: Range{0, 1}, lo: 5, hi: 7, wantLo: 0, want: 1, ticks: 6, prec: 1},
		// a single value v gives [v−1, v+1]: step 0.5.
		{name: "single", lo: 3, hi: 3, wantLo: 2, want: 4, ticks: 5, prec: 1},
		// no data at all: NaN extent gives [−1, 1].
		{name: "empty", lo: math.Inf(1), hi: math.Inf(-1), wantLo: -1, want: 1, ticks: 5, prec: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newAxis(tt.fixed, tt.lo, tt.hi, 0, 100)
			if a.lo != tt.wantLo || a.hi != tt.want || len(a.ticks) != tt.ticks || a.prec != tt.prec {
				t.Errorf("axis [%g, %g], %d ticks %v, %d decimals; want [%g, %g], %d ticks, %d decimals",
					a.lo, a.hi, len(a.ticks), a.ticks, a.prec, tt.wantLo, tt.want, tt.ticks, tt.prec)
			}
		})
	}
}

func TestLogAxis(t *testing.T) {
	tests := []struct {
		name   string
		lo, hi float64 // data values
		labels []string
	}{
		// 0.2…16 s: decades 10⁻¹ … 10².
		{name: "seconds", lo: 0.2, hi: 16, labels: []string{"0.1", "1", "10", "100"}},
		// 10⁵…10⁷ rows: already whole decades, written as powers.
		{name: "rows", lo: 1e5, hi: 1e7, labels: []string{"10⁵", "10⁶", "10⁷"}},
		// one value on a power of ten: one decade above it.
		{name: "single", lo: 1000, hi: 1000, labels: []string{"1000", "10⁴"}},
		// no positive data: the decade [1, 10].
		{name: "empty", lo: math.Inf(1), hi: math.Inf(-1), labels: []string{"1", "10"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := newLogAxis(tt.lo, tt.hi, 0, 100)
			var got []string
			for _, v := range a.ticks {
				got = append(got, a.label(v))
			}
			if strings.Join(got, " ") != strings.Join(tt.labels, " ") {
				t.Errorf("ticks %q, want %q", got, tt.labels)
			}
			if p := a.px(-1); !math.IsNaN(p) {
				t.Errorf("px(−1) = %g, want NaN (not drawable on a log axis)", p)
			}
		})
	}
}
