package trajectory

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
)

// calibrate returns the factors that widen the forecast SD of the BLUP and
// of the offset baseline so that 95 % of held-out points fall inside their
// interval. Each training series, its later Holdout share of points by age
// rank held out, is forecast by a model fitted on the other folds, so that
// no point is scored by a model that has seen it.
func calibrate(data [][]point, cfg Config, b basis) (scale, offsetScale float64, err error) {
	held := make([][][]point, cfg.Folds)
	models := make([]*Model, cfg.Folds)
	errs := make([]error, cfg.Folds)
	var wg sync.WaitGroup
	for f := range cfg.Folds {
		var train [][]point
		for i, pts := range data {
			if i%cfg.Folds == f {
				held[f] = append(held[f], pts)
			} else {
				train = append(train, pts)
			}
		}
		wg.Go(func() { models[f], errs[f] = fitEM(train, cfg, b) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return 0, 0, err
	}
	var zBLUP, zOffset []float64
	for f, m := range models {
		for _, pts := range held[f] {
			n := inputCount(pts, 1-cfg.Holdout)
			if n == 0 || n == len(pts) {
				continue
			}
			in, later := pts[:n], pts[n:]
			ages := make([]float64, len(later))
			for j, p := range later {
				ages[j] = p.age
			}
			z := m.rows(in)
			mu, variance, err := m.condition(in, z, ages)
			if err != nil {
				return 0, 0, fmt.Errorf("trajectory: calibrate: %w", err)
			}
			zBLUP = appendZ(zBLUP, later, m.points(ages, mu, variance, 1, false))
			zOffset = appendZ(zOffset, later, m.predict(ages, m.offsetMean(in, z), nil, 1, false))
		}
	}
	return absQuantile95(zBLUP) / z95, absQuantile95(zOffset) / z95, nil
}

func appendZ(dst []float64, pts []point, pred []Point) []float64 {
	for j, p := range pts {
		dst = append(dst, (p.y-pred[j].Mean)/pred[j].SD)
	}
	return dst
}

// absQuantile95 is the 95 % quantile of |z| (1.96 for a standard normal
// sample); 1.96 when there is nothing to calibrate on.
func absQuantile95(z []float64) float64 {
	if len(z) == 0 {
		return z95
	}
	a := make([]float64, len(z))
	for i, v := range z {
		a[i] = math.Abs(v)
	}
	slices.Sort(a)
	return a[min(int(math.Ceil(0.95*float64(len(a))))-1, len(a)-1)]
}

// inputCount is the number of leading points of an age-sorted series whose
// age rank, ties sharing the lowest rank, is at most frac × its length.
func inputCount(pts []point, frac float64) int {
	limit := frac * float64(len(pts))
	n := 0
	for n < len(pts) {
		rank := n + 1 // the lowest rank of the tie group starting at n
		if float64(rank) > limit {
			break
		}
		n++
		for n < len(pts) && pts[n].age == pts[n-1].age {
			n++
		}
	}
	return n
}
