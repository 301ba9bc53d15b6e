package main

import (
	"fmt"
	"testing"
)

func TestROC(t *testing.T) {
	tests := []struct {
		name     string
		p        []float64
		y        []bool
		fpr, tpr string
	}{
		// Perfect ranking: both positives first → (0, 0.5), (0, 1), then
		// the negatives (0.5, 1), (1, 1).
		{"perfect", []float64{0.9, 0.8, 0.2, 0.1}, []bool{true, true, false, false}, "[0 0 0 0.5 1]", "[0 0.5 1 1 1]"},
		// A tie of one positive and one negative is one diagonal step.
		{"tie", []float64{0.5, 0.5, 0.1}, []bool{true, false, false}, "[0 0.5 1]", "[0 1 1]"},
		// One class only: no curve.
		{"one class", []float64{0.3, 0.7}, []bool{true, true}, "[]", "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fpr, tpr := roc(tt.p, tt.y)
			if fmt.Sprint(fpr) != tt.fpr || fmt.Sprint(tpr) != tt.tpr {
				t.Errorf("roc = %v, %v; want %s, %s", fpr, tpr, tt.fpr, tt.tpr)
			}
		})
	}
}

func TestReliability(t *testing.T) {
	// Four forecasts in two bins by rank: {0.1, 0.2} with one positive →
	// mean 0.15, rate 0.5; {0.6, 0.8} with two → mean 0.7, rate 1.
	p := []float64{0.8, 0.1, 0.6, 0.2}
	y := []bool{true, false, true, true}
	mp, rate := reliability(p, y, 2)
	if fmt.Sprintf("%.2f %.2f", mp, rate) != "[0.15 0.70] [0.50 1.00]" {
		t.Errorf("reliability = %v, %v; want [0.15 0.7], [0.5 1]", mp, rate)
	}
	// More bins than forecasts: empty bins are skipped.
	if mp, _ := reliability(p, y, 10); len(mp) != 4 {
		t.Errorf("10 bins over 4 forecasts gave %d points, want 4", len(mp))
	}
}
