package agefraud

import (
	"math"
	"testing"
	"time"
)

func TestBinomialUpper(t *testing.T) {
	tests := []struct {
		name string
		k, n int
		p    float64
		want float64
	}{
		// P(X ≥ 1) = 1 − (1 − p)^n = 1 − 0.5³.
		{"at least one", 1, 3, 0.5, 0.875},
		// P(X ≥ 3) of Binomial(3, 0.5) = 0.5³.
		{"all", 3, 3, 0.5, 0.125},
		// P(X ≥ 2) of Binomial(4, 0.1) = 1 − 0.9⁴ − 4·0.1·0.9³ = 0.0523.
		{"two of four", 2, 4, 0.1, 1 - math.Pow(0.9, 4) - 4*0.1*math.Pow(0.9, 3)},
		{"zero", 0, 10, 0.3, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := BinomialUpper(tc.k, tc.n, tc.p); math.Abs(got-tc.want) > 1e-12 {
				t.Errorf("BinomialUpper(%d, %d, %v) = %v, want %v", tc.k, tc.n, tc.p, got, tc.want)
			}
		})
	}
}

// heapedBirths returns one birth a day of 2001–2010 (3,652 dates, 10 on
// 1 January) plus extra 1-January dates.
func heapedBirths(extra int) []time.Time {
	var out []time.Time
	for d := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() <= 2010; d = d.AddDate(0, 0, 1) {
		out = append(out, d)
	}
	for i := 0; i < extra; i++ {
		out = append(out, time.Date(2001+i%10, 1, 1, 0, 0, 0, 0, time.UTC))
	}
	return out
}

func TestHeapingTest(t *testing.T) {
	tests := []struct {
		name   string
		extra  int
		jan1   int
		heaped bool // p < 0.001 in both tests
	}{
		// Uniform births: 10 of 3,652 on 1 January, exactly the expected
		// 3652/365.25 = 10.0; P(X ≥ 10) of Binomial(3652, 1/365.25) ≈ 0.54.
		{name: "uniform", jan1: 10, heaped: false},
		// 40 more 1-January births (the registry default for an unknown day):
		// 50 of 3,692 where 10.1 are expected.
		{name: "heaped", extra: 40, jan1: 50, heaped: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			h := HeapingTest(heapedBirths(tc.extra))
			if h.Jan1 != tc.jan1 {
				t.Fatalf("Jan1 = %d, want %d", h.Jan1, tc.jan1)
			}
			if got := h.P < 0.001 && h.PJanuary < 0.001; got != tc.heaped {
				t.Errorf("heaped = %v, want %v: %s", got, tc.heaped, h)
			}
			if !tc.heaped && (h.P < 0.3 || h.P > 0.7) {
				t.Errorf("uniform births: p = %v, want about 0.54", h.P)
			}
		})
	}
}
