package passport

import (
	"math"
	"math/rand/v2"
	"sort"
	"sync"
)

// scan returns the largest standardised level change of a segment of x:
// max over segments S = [a, b) of 1 to n−1 samples of
//
//	|mean(x in S) − mean(x outside S)| / √(1/|S| + 1/(n − |S|)),
//
// for x already divided by the within-athlete SD. It is the likelihood
// ratio statistic of an "epidemic" change in the mean (Levin & Kline 1985,
// Stochastic Processes and their Applications 20:205) with known variance: a
// single outlier is a segment of one sample, a sustained shift a long one.
// The athlete's own level cancels out of the difference, so under the model
// the statistic depends only on n.
func scan(x []float64) float64 {
	n := len(x)
	cum := make([]float64, n+1)
	for i, v := range x {
		cum[i+1] = cum[i] + v
	}
	var best float64
	for a := 0; a < n; a++ {
		for b := a + 1; b <= n; b++ {
			m := b - a
			if m == n {
				continue
			}
			in := cum[b] - cum[a]
			d := in/float64(m) - (cum[n]-in)/float64(n-m)
			best = math.Max(best, math.Abs(d)/math.Sqrt(1/float64(m)+1/float64(n-m)))
		}
	}
	return best
}

// Null distribution of the scan statistic: x independent N(0, 1) of length
// n, tabulated by Monte Carlo (fixed seed, scanDraws draws) once per length
// when first needed. Profiles longer than scanMaxLen use the table of that
// length, which slightly overstates their significance.
const (
	scanDraws  = 10000
	scanMaxLen = 100
)

var scanNull [scanMaxLen + 1]func() []float64

func init() {
	for n := range scanNull {
		scanNull[n] = sync.OnceValue(func() []float64 {
			r := rand.New(rand.NewPCG(1985, uint64(n)))
			x := make([]float64, n)
			out := make([]float64, scanDraws)
			for d := range out {
				for i := range x {
					x[i] = r.NormFloat64()
				}
				out[d] = scan(x)
			}
			sort.Float64s(out)
			return out
		})
	}
}

// scanTest returns the scan statistic of the standardised residuals x and
// its Monte Carlo p-value (with the +1 correction, so never 0); P is 1 for
// fewer than two samples.
func scanTest(x []float64) Sequence {
	if len(x) < 2 {
		return Sequence{P: 1}
	}
	s := scan(x)
	null := scanNull[min(len(x), scanMaxLen)]()
	above := len(null) - sort.SearchFloat64s(null, s)
	return Sequence{Stat: s, P: float64(above+1) / float64(len(null)+1)}
}
