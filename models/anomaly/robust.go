package anomaly

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// Errors returned by the fitting functions.
var (
	ErrTooFew    = errors.New("anomaly: too few finite values")
	ErrZeroScale = errors.New("anomaly: zero scale (more than half the values are equal)")
)

// madScale makes the MAD a consistent estimate of the SD for normal data:
// 1/Φ⁻¹(0.75).
const madScale = 1.482602218505602

// Robust is a location and scale fitted with the median and the scaled MAD.
type Robust struct {
	Median float64
	Scale  float64 // 1.4826 · MAD, in the units of the data
}

// FitRobust fits the median and scaled MAD of the finite values of x. It
// needs two finite values or more and a nonzero MAD.
func FitRobust(x []float64) (Robust, error) {
	v := finite(x)
	if len(v) < 2 {
		return Robust{}, fmt.Errorf("robust z of %d values: %w", len(v), ErrTooFew)
	}
	med := median(v)
	for i := range v {
		v[i] = math.Abs(v[i] - med)
	}
	mad := median(v)
	if mad == 0 {
		return Robust{}, fmt.Errorf("robust z of %d values: %w", len(v), ErrZeroScale)
	}
	return Robust{Median: med, Scale: madScale * mad}, nil
}

// Z returns the robust z-score of x (NaN for NaN).
func (r Robust) Z(x float64) float64 { return (x - r.Median) / r.Scale }

// RobustZ returns the robust z-scores of x against its own median and MAD.
func RobustZ(x []float64) ([]float64, error) {
	r, err := FitRobust(x)
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = r.Z(v)
	}
	return out, nil
}

// finite returns a sorted copy of the finite values of x.
func finite(x []float64) []float64 {
	v := make([]float64, 0, len(x))
	for _, f := range x {
		if !math.IsNaN(f) && !math.IsInf(f, 0) {
			v = append(v, f)
		}
	}
	sort.Float64s(v)
	return v
}

// median of unsorted or sorted v (sorts v in place).
func median(v []float64) float64 {
	sort.Float64s(v)
	n := len(v)
	if n%2 == 1 {
		return v[n/2]
	}
	return (v[n/2-1] + v[n/2]) / 2
}
