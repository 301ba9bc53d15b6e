package centile

import (
	"slices"
	"testing"
)

func TestSubsampleIgnoresOrder(t *testing.T) {
	var o []Obs
	for i := range 1000 {
		o = append(o, Obs{Age: 10 + float64(i%97)/10, Value: float64(i)})
	}
	a := subsample(o, 100)
	rev := make([]Obs, len(o))
	for i := range o {
		rev[len(o)-1-i] = o[i]
	}
	b := subsample(rev, 100)
	if len(a) != 100 || !slices.Equal(a, b) {
		t.Fatalf("subsample depends on input order or size: %d vs %d", len(a), len(b))
	}
	if got := subsample(o, 0); len(got) != len(o) {
		t.Errorf("max 0 kept %d", len(got))
	}
}
