package odds

import (
	"errors"
	"math"
	"testing"
)

func near(t *testing.T, name string, got, want, tol float64) {
	t.Helper()
	if math.Abs(got-want) > tol {
		t.Errorf("%s = %.9f, want %.9f (±%g)", name, got, want, tol)
	}
}

func TestProportional(t *testing.T) {
	// 1/2 + 1/3.5 + 1/4 = 29/28, so p = (14, 8, 7)/29 by hand.
	p, err := Proportional([]float64{2, 3.5, 4})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []float64{14.0 / 29, 8.0 / 29, 7.0 / 29} {
		near(t, "p", p[i], want, 1e-12)
	}
}

func TestShin(t *testing.T) {
	tests := []struct {
		name   string
		prices []float64
		want   []float64
		wantZ  float64 // NaN: not checked
	}{
		// Two outcomes: Shin's probabilities equal the additive method's,
		// p_i = π_i − (Π − 1)/2: π = (2/3, 1/2.6), Π − 1 = 0.0512821.
		{"two outcomes", []float64{1.5, 2.6}, []float64{2.0/3 - (2.0/3+1/2.6-1)/2, 1/2.6 - (2.0/3+1/2.6-1)/2}, math.NaN()},
		// Forward Shin model with p = (0.5, 0.3, 0.2), z = 0.03:
		// s_i = √(z p_i + (1−z) p_i²) = (0.507444578, 0.310322413, 0.211660105),
		// S = 1.029427096, π_i = s_i·S, price = 1/π_i.
		{"three outcomes", []float64{1 / (0.507444578 * 1.029427096), 1 / (0.310322413 * 1.029427096), 1 / (0.211660105 * 1.029427096)},
			[]float64{0.5, 0.3, 0.2}, 0.03},
		// No margin: z = 0 and p = 1/price.
		{"fair", []float64{2, 4, 4}, []float64{0.5, 0.25, 0.25}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, z, err := Shin(tc.prices)
			if err != nil {
				t.Fatal(err)
			}
			for i := range tc.want {
				near(t, "p", p[i], tc.want[i], 2e-6)
			}
			if !math.IsNaN(tc.wantZ) {
				near(t, "z", z, tc.wantZ, 2e-6)
			}
		})
	}
}

func TestPower(t *testing.T) {
	// Forward power model with p = (0.6, 0.4), k = 1.1: π_i = p_i^(1/k) =
	// (0.628520314, 0.434746762) (exp(ln p / 1.1) by hand), price = 1/π_i.
	p, k, err := Power([]float64{1 / 0.628520314, 1 / 0.434746762})
	if err != nil {
		t.Fatal(err)
	}
	near(t, "k", k, 1.1, 1e-5)
	near(t, "p0", p[0], 0.6, 1e-6)
	near(t, "p1", p[1], 0.4, 1e-6)
}

func TestInvalidPrices(t *testing.T) {
	for _, prices := range [][]float64{{2}, {1, 3}, {math.NaN(), 2}, {3, 3, 4}, {math.Inf(1), 1.5}} {
		if _, _, err := Shin(prices); !errors.Is(err, ErrPrice) {
			t.Errorf("Shin(%v) error = %v, want ErrPrice", prices, err)
		}
	}
}

func TestConsensusAndMoves(t *testing.T) {
	books := [][]float64{{0.5, 0.3, 0.2}, {0.52, 0.28, 0.2}, {0.3, 0.3, 0.4}}
	c := Consensus(books, 3)
	// medians (0.5, 0.3, 0.2) add up to 1 already.
	for i, want := range []float64{0.5, 0.3, 0.2} {
		near(t, "consensus", c[i], want, 1e-12)
	}
	out := Outliers(books, c, 0.1)
	if out[0] || out[1] || !out[2] {
		t.Errorf("Outliers = %v, want only the third book", out)
	}
	closeP := [][]float64{{0.45, 0.3, 0.25}, {0.47, 0.28, 0.25}, {0.34, 0.3, 0.36}}
	if n := Steam(books, closeP, 2, 0.049); n != 2 {
		t.Errorf("Steam = %d, want 2", n)
	}
	if n := Reverse(books, closeP, 0.05, 2, 0.03); n != 1 {
		t.Errorf("Reverse = %d, want 1 (the third book shortened the away price by 4 points)", n)
	}
	near(t, "Spread", Spread(closeP, 0), 0.13, 1e-12)
}
