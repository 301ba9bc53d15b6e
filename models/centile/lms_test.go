package centile

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

// synthetic draws n marks from known LMS curves: L = −1, median falling
// from 75 s at age 10 to 55 s at 20 (a swimming-like time), S = 0.08 at 10
// falling to 0.04 at 20, ages uniform on [10, 20].
func synthetic(n int, seed uint64) []Obs {
	r := rand.New(rand.NewPCG(seed, 1))
	obs := make([]Obs, n)
	for i := range obs {
		a := 10 + 10*r.Float64()
		l, m, s := trueLMS(a)
		z := r.NormFloat64()
		obs[i] = Obs{Age: a, Value: m * math.Pow(1+l*s*z, 1/l)}
	}
	return obs
}

func trueLMS(a float64) (l, m, s float64) {
	return -1, 55 + 20*math.Exp(-(a-10)/3), 0.08 - 0.004*(a-10)
}

func TestFitRecoversKnownCurves(t *testing.T) {
	c, err := Fit(synthetic(20000, 1), Config{LowerIsBetter: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []float64{11, 13, 15, 17, 19} {
		l, m, s := trueLMS(a)
		gl, gm, gs, _ := c.at(a)
		// Tolerances: with ~2,000 marks within a bandwidth, the SE of the
		// median is about S·M/√2000 ≈ 0.1 s; of S about S/√4000 ≈ 0.001;
		// L is weakly identified when S is small (±0.6).
		if math.Abs(gm-m) > 0.4 || math.Abs(gs-s) > 0.006 || math.Abs(gl-l) > 0.8 {
			t.Errorf("age %v: got L %.2f M %.2f S %.4f, want %.2f %.2f %.4f", a, gl, gm, gs, l, m, s)
		}
	}
}

func TestZOrientationAndQuantileInverse(t *testing.T) {
	c := &Curves{Lo: 10, Hi: 20, LowerIsBetter: true, L: []float64{-1, -1}, M: []float64{60, 60}, S: []float64{0.05, 0.05}}
	// z of 60·(1 − 0.05)^(−1) = 63.158 s under L = −1: ((y/M)^L − 1)/(L·S) =
	// (0.95 − 1)/(−0.05) = 1, oriented for a time: −1.
	if z := c.Z(15, 60/0.95); math.Abs(z+1) > 1e-9 {
		t.Errorf("Z = %v, want −1", z)
	}
	if z := c.Z(15, 60); z != 0 {
		t.Errorf("Z(median) = %v, want 0", z)
	}
	for _, p := range ChartCentiles {
		q := c.Quantile(14, p)
		if got := c.Centile(14, q); math.Abs(got-100*p) > 1e-9 {
			t.Errorf("Centile(Quantile(%v)) = %v", p, got)
		}
	}
	if c.Quantile(14, 0.97) >= c.Quantile(14, 0.5) {
		t.Error("the 97th centile of a time must be faster than the median")
	}
}

func TestOutsideRangeIsNaN(t *testing.T) {
	c := &Curves{Lo: 10, Hi: 20, L: []float64{1, 1}, M: []float64{5, 6}, S: []float64{0.1, 0.1}}
	tests := []struct {
		name       string
		age, value float64
	}{
		{"too young", 9.99, 5},
		{"too old", 20.01, 5},
		{"mark zero", 15, 0},
		{"age NaN", math.NaN(), 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if z := c.Z(tt.age, tt.value); !math.IsNaN(z) {
				t.Errorf("Z = %v, want NaN", z)
			}
		})
	}
}

func TestFitErrors(t *testing.T) {
	if _, err := Fit(synthetic(50, 2), Config{}); !errors.Is(err, ErrTooFew) {
		t.Errorf("50 obs: err %v, want ErrTooFew", err)
	}
	obs := synthetic(300, 3)
	obs[7].Value = -1
	if _, err := Fit(obs, Config{}); err == nil {
		t.Error("negative mark: no error")
	}
}

// TestHeldOutCoverageSynthetic: on fresh draws from the same curves the
// share below each fitted centile must be within 1.5 points of the centile.
func TestHeldOutCoverageSynthetic(t *testing.T) {
	c, err := Fit(synthetic(20000, 4), Config{LowerIsBetter: true})
	if err != nil {
		t.Fatal(err)
	}
	share, n := Coverage(c, synthetic(20000, 5), ChartCentiles)
	if n < 19900 { // a few fresh ages fall just outside the fitted range
		t.Fatalf("counted %d of 20000", n)
	}
	for j, p := range ChartCentiles {
		if math.Abs(share[j]-p) > 0.015 {
			t.Errorf("below the %vth: %.3f", 100*p, share[j])
		}
	}
}
