package centile

import (
	"fmt"
	"math"
	"strings"
)

// Centiler gives the performance centile (0–100) of a mark at an age; NaN
// where it has no answer. *Curves and *AgeNormal implement it.
type Centiler interface {
	Centile(age, value float64) float64
}

var (
	_ Centiler = (*Curves)(nil)
	_ Centiler = (*AgeNormal)(nil)
)

// AgeNormal is the baseline the LMS curves are measured against: a normal
// distribution of the raw mark per whole year of age (mean and SD of the
// marks of athletes aged a to a+1), which is what a table of "norms by age"
// gives.
type AgeNormal struct {
	LowerIsBetter bool
	Mean, SD      map[int]float64
}

// FitAgeNormal fits the per-integer-age normal baseline; ages with fewer
// than two marks have none.
func FitAgeNormal(obs []Obs, lowerIsBetter bool) *AgeNormal {
	var n, sum, sq = map[int]float64{}, map[int]float64{}, map[int]float64{}
	for _, o := range obs {
		a := int(math.Floor(o.Age))
		n[a]++
		sum[a] += o.Value
		sq[a] += o.Value * o.Value
	}
	b := &AgeNormal{LowerIsBetter: lowerIsBetter, Mean: map[int]float64{}, SD: map[int]float64{}}
	for a, k := range n {
		if k < 2 {
			continue
		}
		m := sum[a] / k
		b.Mean[a] = m
		b.SD[a] = math.Sqrt(math.Max(0, (sq[a]-k*m*m)/(k-1)))
	}
	return b
}

// Centile is the performance centile of value under the normal of its
// whole year of age; NaN for an age the baseline has no normal for.
func (b *AgeNormal) Centile(age, value float64) float64 {
	a := int(math.Floor(age))
	m, ok := b.Mean[a]
	if !ok || b.SD[a] == 0 {
		return math.NaN()
	}
	z := (value - m) / b.SD[a]
	if b.LowerIsBetter {
		z = -z
	}
	return 100 * normCDF(z)
}

// Coverage returns, for each p in ps (0–1), the share of obs whose centile
// under m is below 100·p — for well-calibrated curves it equals p. Obs the
// model has no centile for are left out; n is how many were counted.
func Coverage(m Centiler, obs []Obs, ps []float64) (share Shares, n int) {
	share = make([]float64, len(ps))
	for _, o := range obs {
		c := m.Centile(o.Age, o.Value)
		if math.IsNaN(c) {
			continue
		}
		n++
		for j, p := range ps {
			if c < 100*p {
				share[j]++
			}
		}
	}
	for j := range share {
		if n > 0 {
			share[j] /= float64(n)
		}
	}
	return share, n
}

// Shares are the shares Coverage found, one per centile asked for.
type Shares []float64

// String prints the shares as percentages: "2.7/9.1/23.7".
func (s Shares) String() string {
	var b strings.Builder
	for i, v := range s {
		if i > 0 {
			b.WriteByte('/')
		}
		fmt.Fprintf(&b, "%.1f", 100*v)
	}
	return b.String()
}

// CoverageError is the mean absolute difference, in percentage points,
// between the shares Coverage found and the centiles ps asked for.
func CoverageError(share, ps []float64) float64 {
	var e float64
	for j, p := range ps {
		e += math.Abs(share[j] - p)
	}
	return 100 * e / float64(len(ps))
}

// ChartCentiles are the centiles of the usual chart bands, as shares.
var ChartCentiles = []float64{0.03, 0.10, 0.25, 0.50, 0.75, 0.90, 0.97}
