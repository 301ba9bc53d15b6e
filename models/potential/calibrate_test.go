package potential

import (
	"math"
	"testing"
)

func TestPAV(t *testing.T) {
	tests := []struct {
		name        string
		y, w        []float64
		knots, vals []float64
	}{
		// The textbook example: 3,2 and 4,3 violate and pool to 2.5 and 3.5.
		{"two pools", []float64{1, 3, 2, 4, 3, 5}, []float64{1, 1, 1, 1, 1, 1},
			[]float64{0, 1.5, 3.5, 5}, []float64{1, 2.5, 3.5, 5}},
		// A cascade: 3 and 0 pool to 1.5 (weight 2); then 1 < 1.5 pools
		// all three to (3+0+1)/3 = 4/3, at the mean x = 1.
		{"cascade", []float64{3, 0, 1}, []float64{1, 1, 1}, []float64{1}, []float64{4.0 / 3}},
		// Weights: 4 (w 3) and 1 (w 1) pool to (12+1)/4 = 3.25.
		{"weighted", []float64{4, 1, 5}, []float64{3, 1, 1}, []float64{0.25, 2}, []float64{3.25, 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := make([]float64, len(tt.y))
			for i := range x {
				x[i] = float64(i)
			}
			knots, vals := pav(x, tt.y, tt.w)
			if !close(knots, tt.knots) || !close(vals, tt.vals) {
				t.Errorf("pav = %v %v, want %v %v", knots, vals, tt.knots, tt.vals)
			}
		})
	}
}

func close(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > 1e-12 {
			return false
		}
	}
	return true
}

func TestIsotonic(t *testing.T) {
	// Scores 1..4 with y 0,1,0,1: blocks {1}=0, {2,3}=½, {4}=1; tied
	// scores (two at 4) share a value. Between knots 1 and 2.5 the map is
	// linear: Apply(1.75) = ¼.
	c, err := FitIsotonic([]float64{1, 2, 3, 4, 4}, []bool{false, true, false, true, true})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ s, want float64 }{{0, 0}, {1, 0}, {1.75, 0.25}, {2.5, 0.5}, {4, 1}, {9, 1}} {
		if got := c.Apply(tc.s); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("Apply(%v) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestPlatt(t *testing.T) {
	// With a binary score the MLE matches the two rates exactly:
	// σ(B) = 1/4 → B = −ln 3; σ(A + B) = 3/4 → A = 2 ln 3.
	s := []float64{0, 0, 0, 0, 1, 1, 1, 1}
	y := []bool{true, false, false, false, true, true, true, false}
	c, err := FitPlatt(s, y)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(c.B+math.Log(3)) > 1e-8 || math.Abs(c.A-2*math.Log(3)) > 1e-8 {
		t.Errorf("Platt A, B = %v, %v; want %v, %v", c.A, c.B, 2*math.Log(3), -math.Log(3))
	}
	if _, err := FitPlatt(s, make([]bool, len(s))); err == nil {
		t.Error("Platt on one class: want an error")
	}
}
