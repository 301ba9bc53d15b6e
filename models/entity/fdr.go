package entity

import (
	"math"
	"sort"
)

// BH returns the Benjamini–Hochberg adjusted p-values (q-values) of p, in
// the order given: q_(i) = min over j ≥ i of p_(j)·m/j, capped at 1.
// Rejecting every hypothesis with q ≤ α controls the false discovery rate
// at α for independent (or positively dependent) tests. NaN p-values are
// treated as 1.
func BH(p []float64) []float64 {
	m := len(p)
	idx := make([]int, m)
	for i := range idx {
		idx[i] = i
	}
	val := func(i int) float64 {
		if math.IsNaN(p[i]) {
			return 1
		}
		return p[i]
	}
	sort.SliceStable(idx, func(a, b int) bool { return val(idx[a]) < val(idx[b]) })
	q := make([]float64, m)
	run := 1.0
	for r := m - 1; r >= 0; r-- {
		i := idx[r]
		run = math.Min(run, val(i)*float64(m)/float64(r+1))
		q[i] = run
	}
	return q
}
