package odds

import (
	"errors"
	"fmt"
	"math"
)

// ErrPrice reports decimal odds that cannot be turned into probabilities:
// fewer than two outcomes, a price not above 1 or not finite, or inverse
// prices that add up to less than 1 (a sure bet: no margin to remove).
var ErrPrice = errors.New("odds: invalid prices")

// Implied returns the raw implied probabilities 1/price of decimal odds and
// their sum (1 + the bookmaker's margin, the overround).
func Implied(prices []float64) (inv []float64, sum float64, err error) {
	if len(prices) < 2 {
		return nil, 0, fmt.Errorf("odds: %d prices: %w", len(prices), ErrPrice)
	}
	inv = make([]float64, len(prices))
	for i, p := range prices {
		if !(p > 1) || math.IsInf(p, 1) {
			return nil, 0, fmt.Errorf("odds: price %d is %v: %w", i, p, ErrPrice)
		}
		inv[i] = 1 / p
		sum += inv[i]
	}
	if sum < 1 {
		return nil, 0, fmt.Errorf("odds: inverse prices sum to %.4f < 1: %w", sum, ErrPrice)
	}
	return inv, sum, nil
}

// Proportional removes the margin by scaling every implied probability by the
// same factor: p_i = (1/o_i) / Σ 1/o_j.
func Proportional(prices []float64) ([]float64, error) {
	inv, sum, err := Implied(prices)
	if err != nil {
		return nil, err
	}
	for i := range inv {
		inv[i] /= sum
	}
	return inv, nil
}

// Power removes the margin as p_i = (1/o_i)^k with k ≥ 1 chosen so that the
// p_i add up to 1. Raising to a power takes more margin off long shots than
// off favourites (the favourite–long-shot bias). It returns k too.
func Power(prices []float64) (probs []float64, k float64, err error) {
	inv, _, err := Implied(prices)
	if err != nil {
		return nil, 0, err
	}
	total := func(k float64) float64 {
		s := 0.0
		for _, q := range inv {
			s += math.Pow(q, k)
		}
		return s
	}
	// total is decreasing in k; total(1) ≥ 1 and total(k) → 0 as k grows.
	hi := 2.0
	for total(hi) > 1 {
		hi *= 2
	}
	k = bisect(func(k float64) float64 { return total(k) - 1 }, 1, hi)
	probs = make([]float64, len(inv))
	for i, q := range inv {
		probs[i] = math.Pow(q, k)
	}
	return probs, k, nil
}

// Shin removes the margin by Shin's model (Shin 1993; Jullien and Salanié
// 1994): a share z of the money comes from insiders who know the outcome, and
// the bookmaker prices to break even against them. With π_i = 1/o_i and
// Π = Σ π_i,
//
//	p_i(z) = (√(z² + 4(1−z)·π_i²/Π) − z) / (2(1−z)),
//
// and z in [0, 1) is the root of Σ p_i(z) = 1 (found by bisection; Σ p_i
// falls as z rises). z, the estimated insider share, is returned as a signal
// in its own right: it rises when a book fears informed money.
func Shin(prices []float64) (probs []float64, z float64, err error) {
	inv, sum, err := Implied(prices)
	if err != nil {
		return nil, 0, err
	}
	p := func(z float64, q float64) float64 {
		return (math.Sqrt(z*z+4*(1-z)*q*q/sum) - z) / (2 * (1 - z))
	}
	total := func(z float64) float64 {
		s := 0.0
		for _, q := range inv {
			s += p(z, q)
		}
		return s - 1
	}
	z = bisect(total, 0, 0.999)
	probs = make([]float64, len(inv))
	for i, q := range inv {
		probs[i] = p(z, q)
	}
	return probs, z, nil
}

// bisect returns the root of the decreasing function f in [lo, hi] to
// within 1e-12 (lo itself when f(lo) ≤ 0).
func bisect(f func(float64) float64, lo, hi float64) float64 {
	if f(lo) <= 0 {
		return lo
	}
	for hi-lo > 1e-12 {
		mid := (lo + hi) / 2
		if f(mid) > 0 {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}
