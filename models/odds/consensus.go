package odds

import (
	"math"
	"slices"
)

// Median returns the median of xs (the mean of the two middle values for an
// even count); NaN for none. NaN values are ignored.
func Median(xs []float64) float64 {
	v := make([]float64, 0, len(xs))
	for _, x := range xs {
		if !math.IsNaN(x) {
			v = append(v, x)
		}
	}
	if len(v) == 0 {
		return math.NaN()
	}
	slices.Sort(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}

// Consensus returns the market's consensus probabilities from several books'
// margin-free probabilities (books × outcomes): the median per outcome,
// scaled to add up to 1. A median resists one book's stale or mistyped price.
// Books with the wrong number of outcomes are ignored; nil when none is left.
func Consensus(books [][]float64, outcomes int) []float64 {
	col := make([]float64, 0, len(books))
	out := make([]float64, outcomes)
	sum := 0.0
	for o := range out {
		col = col[:0]
		for _, b := range books {
			if len(b) == outcomes {
				col = append(col, b[o])
			}
		}
		if len(col) == 0 {
			return nil
		}
		out[o] = Median(col)
		sum += out[o]
	}
	for o := range out {
		out[o] /= sum
	}
	return out
}

// Distance is the largest absolute difference, in probability, between two
// probability vectors of the same length.
func Distance(a, b []float64) float64 {
	d := 0.0
	for i := range a {
		d = math.Max(d, math.Abs(a[i]-b[i]))
	}
	return d
}

// Outliers marks the books whose probabilities lie more than maxDist (in
// probability, by Distance) from the consensus: such a book's price is stale
// or an error, and its movement measures are not to be trusted.
func Outliers(books [][]float64, consensus []float64, maxDist float64) []bool {
	out := make([]bool, len(books))
	for i, b := range books {
		out[i] = len(b) != len(consensus) || Distance(b, consensus) > maxDist
	}
	return out
}
