package anomaly

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// ForestConfig sets an isolation forest: the number of trees, the rows
// sampled (without replacement) to grow each, and the random seed.
type ForestConfig struct {
	Trees      int
	SampleSize int
	Seed       uint64
}

// DefaultForest is the setting of Liu, Ting & Zhou (2008): 100 trees of 256
// rows; path lengths converge well before.
var DefaultForest = ForestConfig{Trees: 100, SampleSize: 256, Seed: 1}

// IsolationForest scores vectors by how few random axis-parallel splits
// isolate them (Liu, Ting & Zhou 2008, "Isolation Forest", ICDM): anomalies
// are few and different, so they sit near the roots of random trees.
type IsolationForest struct {
	trees []*itree
	psi   int // rows per tree
}

type itree struct {
	feature     int
	split       float64
	left, right *itree
	size        int // rows reaching an external node
}

// FitIsolationForest grows the forest on the rows of x (n × p, no NaN).
func FitIsolationForest(x mat.Matrix, cfg ForestConfig) (*IsolationForest, error) {
	n, p := x.Dims()
	if n < 2 || p < 1 || cfg.Trees < 1 || cfg.SampleSize < 2 {
		return nil, fmt.Errorf("anomaly: isolation forest of %d×%d rows, %d trees of %d: %w", n, p, cfg.Trees, cfg.SampleSize, ErrTooFew)
	}
	psi := min(cfg.SampleSize, n)
	limit := int(math.Ceil(math.Log2(float64(psi))))
	r := rand.New(rand.NewPCG(cfg.Seed, 0x15f))
	f := &IsolationForest{psi: psi}
	rows := make([][]float64, n)
	for i := range rows {
		rows[i] = mat.Row(nil, i, x)
	}
	for t := 0; t < cfg.Trees; t++ {
		perm := r.Perm(n)[:psi]
		sample := make([][]float64, psi)
		for i, j := range perm {
			sample[i] = rows[j]
		}
		f.trees = append(f.trees, grow(r, sample, 0, limit))
	}
	return f, nil
}

// grow builds an isolation tree: a random feature, a split uniform between
// its minimum and maximum, until one row is left, all are equal or the
// height limit is reached.
func grow(r *rand.Rand, rows [][]float64, depth, limit int) *itree {
	if depth >= limit || len(rows) <= 1 {
		return &itree{size: len(rows)}
	}
	p := len(rows[0])
	for _, feat := range r.Perm(p) {
		lo, hi := rows[0][feat], rows[0][feat]
		for _, row := range rows {
			lo, hi = math.Min(lo, row[feat]), math.Max(hi, row[feat])
		}
		if lo == hi {
			continue
		}
		split := lo + r.Float64()*(hi-lo)
		var left, right [][]float64
		for _, row := range rows {
			if row[feat] < split {
				left = append(left, row)
			} else {
				right = append(right, row)
			}
		}
		return &itree{feature: feat, split: split, left: grow(r, left, depth+1, limit), right: grow(r, right, depth+1, limit)}
	}
	return &itree{size: len(rows)} // every feature constant
}

// pathLength is the depth at which v leaves the tree, plus the expected
// depth c(size) of the rows left unsplit at that external node.
func (t *itree) pathLength(v []float64, depth int) float64 {
	if t.left == nil {
		return float64(depth) + avgPath(t.size)
	}
	if v[t.feature] < t.split {
		return t.left.pathLength(v, depth+1)
	}
	return t.right.pathLength(v, depth+1)
}

// avgPath is c(n), the average path length of an unsuccessful search in a
// binary search tree of n rows: 2H(n−1) − 2(n−1)/n with H(i) ≈ ln i +
// 0.5772 (Euler's constant); c(1) = 0, c(2) = 1.
func avgPath(n int) float64 {
	switch {
	case n <= 1:
		return 0
	case n == 2:
		return 1
	}
	m := float64(n)
	return 2*(math.Log(m-1)+0.5772156649015329) - 2*(m-1)/m
}

// Score returns the anomaly score s = 2^(−E[h(v)]/c(ψ)) of v: near 1 for
// anomalies, below 0.5 for ordinary rows; NaN when v holds a NaN.
func (f *IsolationForest) Score(v []float64) float64 {
	for _, x := range v {
		if math.IsNaN(x) {
			return math.NaN()
		}
	}
	var sum float64
	for _, t := range f.trees {
		sum += t.pathLength(v, 0)
	}
	return math.Pow(2, -sum/float64(len(f.trees))/avgPath(f.psi))
}
