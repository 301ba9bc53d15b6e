package drift

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestPSIHandComputed(t *testing.T) {
	// Training 1…10: the 10 % quantile edges are 2, 3, …, 10, so the bins
	// hold {1, 2}, {3}, …, {10}, then values above 10, then missing ones.
	train := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	r, err := NewReference(train)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.PSI(train); got != 0 {
		t.Errorf("PSI of the training data against itself = %v", got)
	}
	// Every current value is 10, all in bin 8.
	want := 0.0
	e := []float64{0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0, 0}
	a := []float64{0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0}
	for i := range e {
		ai, ei := math.Max(a[i], floor), math.Max(e[i], floor)
		want += (ai - ei) * math.Log(ai/ei)
	}
	if got := r.PSI([]float64{10, 10, 10}); math.Abs(got-want) > 1e-12 {
		t.Errorf("PSI = %v, want %v", got, want)
	}
	if got := r.PSI([]float64{math.NaN(), 5}); got <= Alert {
		t.Errorf("half missing: PSI %v should exceed the alert threshold", got)
	}
	if _, err := NewReference([]float64{math.NaN()}); err == nil {
		t.Error("no error for all-missing training values")
	}
}

func TestPSIGrowsWithShift(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	normal := func(n int, mu float64) []float64 {
		out := make([]float64, n)
		for i := range out {
			out[i] = mu + rng.NormFloat64()
		}
		return out
	}
	r, err := NewReference(normal(20000, 0))
	if err != nil {
		t.Fatal(err)
	}
	same, small, big := r.PSI(normal(20000, 0)), r.PSI(normal(20000, 0.3)), r.PSI(normal(20000, 1))
	if !(same < 0.01 && small > 0.05 && small < Alert && big > Alert) {
		t.Errorf("PSI same %.4f, shift 0.3 SD %.4f, shift 1 SD %.4f", same, small, big)
	}
}
