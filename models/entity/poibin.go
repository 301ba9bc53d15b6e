package entity

import (
	"math/rand/v2"
)

// PoissonBinomial returns the distribution of the number of successes in
// independent trials with success probabilities p: out[k] = P(K = k), k = 0…n,
// by the exact O(n²) recursion over trials. Probabilities are clipped to
// [0, 1].
func PoissonBinomial(p []float64) []float64 {
	dist := make([]float64, len(p)+1)
	dist[0] = 1
	for i, q := range p {
		q = min(max(q, 0), 1)
		for k := i + 1; k >= 1; k-- {
			dist[k] = dist[k]*(1-q) + dist[k-1]*q
		}
		dist[0] *= 1 - q
	}
	return dist
}

// Tail returns P(K ≥ k) under the Poisson-binomial distribution of p: the
// p-value of seeing k or more of the events.
func Tail(p []float64, k int) float64 {
	if k <= 0 {
		return 1
	}
	dist := PoissonBinomial(p)
	s := 0.0
	for j := k; j < len(dist); j++ {
		s += dist[j]
	}
	return min(s, 1)
}

// TailMonteCarlo estimates P(K ≥ k) from n simulated seasons: the check on
// Tail, and the method of choice when the events are not independent.
func TailMonteCarlo(p []float64, k, n int, seed uint64) float64 {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	hits := 0
	for s := 0; s < n; s++ {
		c := 0
		for _, q := range p {
			if r.Float64() < q {
				c++
			}
		}
		if c >= k {
			hits++
		}
	}
	return float64(hits) / float64(n)
}
