package main

import (
	"cmp"
	"math"
	"slices"
)

// roc returns the ROC curve of forecasts p of outcomes y: the false- and
// true-positive rates at every distinct threshold, from (0, 0) to (1, 1).
// Tied forecasts form one step (a diagonal segment), as the AUC with ties
// counting one half. Nil when y holds a single class.
func roc(p []float64, y []bool) (fpr, tpr []float64) {
	order := make([]int, len(p))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(p[b], p[a]) })
	pos := 0
	for _, v := range y {
		if v {
			pos++
		}
	}
	neg := len(y) - pos
	if pos == 0 || neg == 0 {
		return nil, nil
	}
	fpr, tpr = []float64{0}, []float64{0}
	tp, fp := 0, 0
	for i, k := range order {
		if y[k] {
			tp++
		} else {
			fp++
		}
		if i == len(order)-1 || p[order[i+1]] != p[k] {
			fpr, tpr = append(fpr, float64(fp)/float64(neg)), append(tpr, float64(tp)/float64(pos))
		}
	}
	return fpr, tpr
}

// reliability groups the forecasts into bins of equal count (by rank of p)
// and returns each bin's mean forecast and observed rate: a calibrated model
// lies on the diagonal. Equal-count bins, because with a rare outcome nearly
// every forecast falls in the lowest of equal-width bins.
func reliability(p []float64, y []bool, bins int) (meanP, rate []float64) {
	order := make([]int, len(p))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(p[a], p[b]) })
	for b := range bins {
		lo, hi := b*len(p)/bins, (b+1)*len(p)/bins
		if hi == lo {
			continue
		}
		sp, sy := 0.0, 0.0
		for _, k := range order[lo:hi] {
			sp += p[k]
			if y[k] {
				sy++
			}
		}
		n := float64(hi - lo)
		meanP, rate = append(meanP, sp/n), append(rate, sy/n)
	}
	return meanP, rate
}

// maxOf is the largest finite value of the slices (0 when none).
func maxOf(xs ...[]float64) float64 {
	m := 0.0
	for _, x := range xs {
		for _, v := range x {
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				m = max(m, v)
			}
		}
	}
	return m
}
