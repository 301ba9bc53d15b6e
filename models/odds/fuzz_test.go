package odds

import (
	"math"
	"testing"
)

// FuzzMargin feeds arbitrary published prices to the three margin methods:
// they must either reject them with ErrPrice or return probabilities in
// [0, 1] that add up to 1.
func FuzzMargin(f *testing.F) {
	f.Add(2.1, 3.4, 3.6)
	f.Add(1.01, 30.0, 50.0)
	f.Add(1.0, 2.0, 2.0)
	f.Add(math.Inf(1), 1.5, 2.0)
	f.Fuzz(func(t *testing.T, a, b, c float64) {
		prices := []float64{a, b, c}
		check := func(name string, p []float64, err error) {
			if err != nil {
				return
			}
			s := 0.0
			for _, q := range p {
				if !(q >= 0 && q <= 1) {
					t.Fatalf("%s(%v) gave probability %v", name, prices, q)
				}
				s += q
			}
			if math.Abs(s-1) > 1e-6 {
				t.Fatalf("%s(%v) probabilities add up to %v", name, prices, s)
			}
		}
		p, err := Proportional(prices)
		check("Proportional", p, err)
		p, _, err = Power(prices)
		check("Power", p, err)
		p, _, err = Shin(prices)
		check("Shin", p, err)
	})
}
