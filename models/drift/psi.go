package drift

import (
	"fmt"
	"math"
	"sort"
)

// Bins is the number of quantile bins of the training values.
const Bins = 10

// Alert is the PSI above which a feature's drift raises a data-quality alert.
const Alert = 0.25

// floor keeps a share away from zero in the logarithm.
const floor = 1e-4

// Reference is the binned distribution of one feature in the training data.
type Reference struct {
	Edges  []float64 `json:"edges"`  // upper bin edges but the last; values ≤ Edges[i] fall in bin i
	Shares []float64 `json:"shares"` // share of training values per bin, then the missing share
}

// NewReference bins the training values of a feature.
func NewReference(train []float64) (Reference, error) {
	var vals []float64
	for _, v := range train {
		if !math.IsNaN(v) {
			vals = append(vals, v)
		}
	}
	if len(vals) == 0 {
		return Reference{}, fmt.Errorf("drift: no non-missing training value")
	}
	sort.Float64s(vals)
	var edges []float64
	for i := 1; i < Bins; i++ {
		e := vals[(i*len(vals))/Bins]
		if len(edges) == 0 || e > edges[len(edges)-1] {
			edges = append(edges, e)
		}
	}
	r := Reference{Edges: edges}
	r.Shares = r.shares(train)
	return r, nil
}

// shares is the share of xs per bin, then of missing values.
func (r Reference) shares(xs []float64) []float64 {
	out := make([]float64, len(r.Edges)+2)
	if len(xs) == 0 {
		return out
	}
	for _, v := range xs {
		if math.IsNaN(v) {
			out[len(out)-1]++
			continue
		}
		out[sort.SearchFloat64s(r.Edges, v)]++
	}
	for i := range out {
		out[i] /= float64(len(xs))
	}
	return out
}

// PSI is the population stability index of current against the reference.
func (r Reference) PSI(current []float64) float64 {
	cur := r.shares(current)
	psi := 0.0
	for i, e := range r.Shares {
		a := max(cur[i], floor)
		e = max(e, floor)
		psi += (a - e) * math.Log(a/e)
	}
	return psi
}
