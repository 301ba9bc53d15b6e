package scoring

import (
	"fmt"
	"sort"
)

// CutoffRow is what a selection of the top Size athletes is expected to
// yield, by the calibrated P(elite) of everyone in the pool.
type CutoffRow struct {
	Size int `json:"size"`
	// ExpectedSelected is Σ P(elite) over the selected: future elites expected
	// among them; ExpectedMissed the same over the pool left out.
	ExpectedSelected float64 `json:"expected_elites_selected"`
	ExpectedMissed   float64 `json:"expected_elites_missed"`
	Precision        float64 `json:"expected_precision"` // ExpectedSelected / Size
	Recall           float64 `json:"expected_recall"`    // ExpectedSelected / all expected elites
}

// SimulateCutoffs answers "if we select the top n, how many future elites do
// we expect to take and to miss?" for each size, selecting by the order of
// rank (highest first) and counting by p, the calibrated probabilities.
// Ranking by the model's own p gives the best expected yield; passing another
// order (raw results) shows what that order costs. Sizes beyond the pool are
// clipped to it.
func SimulateCutoffs(rank, p []float64, sizes []int) ([]CutoffRow, error) {
	if len(rank) != len(p) {
		return nil, fmt.Errorf("scoring: cut-off simulator: %d ranks for %d probabilities", len(rank), len(p))
	}
	order := make([]int, len(p))
	total := 0.0
	for i := range order {
		order[i] = i
		if !(p[i] >= 0 && p[i] <= 1) {
			return nil, fmt.Errorf("scoring: cut-off simulator: probability %d is %v, outside 0–1", i, p[i])
		}
		total += p[i]
	}
	sort.SliceStable(order, func(i, j int) bool { return rank[order[i]] > rank[order[j]] })
	cum := make([]float64, len(p)+1)
	for i, k := range order {
		cum[i+1] = cum[i] + p[k]
	}
	out := make([]CutoffRow, 0, len(sizes))
	for _, n := range sizes {
		if n < 0 {
			return nil, fmt.Errorf("scoring: cut-off simulator: negative selection size %d", n)
		}
		n = min(n, len(p))
		r := CutoffRow{Size: n, ExpectedSelected: cum[n], ExpectedMissed: total - cum[n]}
		if n > 0 {
			r.Precision = cum[n] / float64(n)
		}
		if total > 0 {
			r.Recall = cum[n] / total
		}
		out = append(out, r)
	}
	return out, nil
}
