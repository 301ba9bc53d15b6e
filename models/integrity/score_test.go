package integrity

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestOutlierToward compares each book's last price with the others
// quoting at the same moment. Probabilities are given margin-free (prices
// 1/p, so Shin leaves them unchanged).
func TestOutlierToward(t *testing.T) {
	q := func(book, phase string, p ...float64) Quote {
		return Quote{Bookmaker: book, Market: "1x2", Phase: phase, Prices: []float64{1 / p[0], 1 / p[1], 1 / p[2]}}
	}
	tests := []struct {
		name    string
		quotes  []Quote
		outcome int
		want    float64
	}{
		// D's away 0.40 against the median 0.25 of B, C, E (pre-match); A's
		// closing 0.45 has no other closing price and is not compared.
		{"single-price book", []Quote{q("A", "opening", 0.45, 0.30, 0.25), q("A", "closing", 0.25, 0.30, 0.45),
			q("B", "pre-match", 0.45, 0.30, 0.25), q("C", "pre-match", 0.46, 0.30, 0.24),
			q("D", "pre-match", 0.30, 0.30, 0.40), q("E", "pre-match", 0.44, 0.30, 0.26)}, AwayWin, 0.15},
		// towards the home side: C's 0.46 over the median 0.44 of B, D, E
		{"direction matters", []Quote{q("A", "opening", 0.45, 0.30, 0.25), q("A", "closing", 0.25, 0.30, 0.45),
			q("B", "pre-match", 0.45, 0.30, 0.25), q("C", "pre-match", 0.46, 0.30, 0.24),
			q("D", "pre-match", 0.30, 0.30, 0.40), q("E", "pre-match", 0.44, 0.30, 0.26)}, HomeWin, 0.02},
		{"no two others at any moment", []Quote{q("A", "opening", 0.45, 0.30, 0.25), q("A", "closing", 0.25, 0.30, 0.45),
			q("B", "pre-match", 0.45, 0.30, 0.25), q("C", "pre-match", 0.30, 0.30, 0.40)}, AwayWin, math.NaN()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mk := marketOf(&Match{Quotes: tc.quotes}, 0.10)
			got := mk.outlierToward(tc.outcome)
			if math.IsNaN(tc.want) != math.IsNaN(got) || (!math.IsNaN(got) && math.Abs(got-tc.want) > 1e-9) {
				t.Errorf("outlierToward = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestCombineCalibrated: with independent random signals (honest matches
// only), the weighted Bonferroni P stays at or below Alpha for at most an
// Alpha share of the matches (union bound), and the tests' p-values are
// uniform: each reaches w·Alpha for a w·Alpha share of them (tail shares
// of distinct values are exactly k/n).
func TestCombineCalibrated(t *testing.T) {
	const n = 20000
	r := rand.New(rand.NewPCG(3, 4))
	values := make([][]float64, len(signalDefs))
	for j := range values {
		values[j] = make([]float64, n)
		for k := range values[j] {
			values[j][k] = r.NormFloat64()
		}
	}
	out := make([]Scored, n)
	combine(out, values)
	alpha := Default().Alpha
	hit, low := 0, make([]int, len(scoreTests))
	for k := range out {
		if out[k].P <= alpha {
			hit++
		}
		for j, tr := range out[k].Tests {
			if tr.P <= alpha*scoreTests[j].weight {
				low[j]++
			}
		}
	}
	if rate := float64(hit) / n; rate > alpha || rate < alpha/2 {
		t.Errorf("%d of %d honest matches at P ≤ %g (rate %.4f), want between Alpha/2 and Alpha", hit, n, alpha, rate)
	}
	for j, c := range low {
		if want := int(alpha * scoreTests[j].weight * n); c != want {
			t.Errorf("test %s: %d matches at p ≤ w·Alpha, want %d", scoreTests[j].name, c, want)
		}
	}
}
