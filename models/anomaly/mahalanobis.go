package anomaly

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// LedoitWolf returns the Ledoit–Wolf shrinkage estimate of the covariance of
// the rows of x (n observations × p variables, no NaN) and the shrinkage
// intensity δ in [0, 1]: Σ̂ = (1 − δ)·S + δ·(trace(S)/p)·I, with S the
// covariance normalised by n (see the package doc).
func LedoitWolf(x mat.Matrix) (*mat.SymDense, float64, error) {
	n, p := x.Dims()
	if n < 2 {
		return nil, math.NaN(), fmt.Errorf("anomaly: covariance of %d rows: %w", n, ErrTooFew)
	}
	c := centred(x)
	var s mat.SymDense
	s.SymOuterK(1/float64(n), c.T())
	mu := mat.Trace(&s) / float64(p)
	// δ̂ = ‖S − μI‖²_F / p; β̂ = min(δ̂, Σ_k ‖x_k x_kᵀ − S‖²_F / (n² p)).
	var delta float64
	for i := 0; i < p; i++ {
		for j := 0; j < p; j++ {
			d := s.At(i, j)
			if i == j {
				d -= mu
			}
			delta += d * d
		}
	}
	delta /= float64(p)
	var beta float64
	row := make([]float64, p)
	for k := 0; k < n; k++ {
		mat.Row(row, k, c)
		for i := 0; i < p; i++ {
			for j := 0; j < p; j++ {
				d := row[i]*row[j] - s.At(i, j)
				beta += d * d
			}
		}
	}
	beta /= float64(n) * float64(n) * float64(p)
	shrink := 0.0
	if delta > 0 {
		shrink = math.Min(beta, delta) / delta
	}
	out := mat.NewSymDense(p, nil)
	for i := 0; i < p; i++ {
		for j := i; j < p; j++ {
			v := (1 - shrink) * s.At(i, j)
			if i == j {
				v += shrink * mu
			}
			out.SetSym(i, j, v)
		}
	}
	return out, shrink, nil
}

// centred returns x minus its column means.
func centred(x mat.Matrix) *mat.Dense {
	n, p := x.Dims()
	c := mat.DenseCopyOf(x)
	for j := 0; j < p; j++ {
		col := mat.Col(nil, j, c)
		var m float64
		for _, v := range col {
			m += v
		}
		m /= float64(n)
		for i := 0; i < n; i++ {
			c.Set(i, j, col[i]-m)
		}
	}
	return c
}

// Mahalanobis scores vectors by their squared Mahalanobis distance from the
// mean of a reference sample, under its Ledoit–Wolf covariance.
type Mahalanobis struct {
	Mean      []float64
	Shrinkage float64 // Ledoit–Wolf δ of the fit
	chol      mat.Cholesky
}

// FitMahalanobis fits the mean and shrunk covariance of the rows of x (n × p,
// no NaN).
func FitMahalanobis(x mat.Matrix) (*Mahalanobis, error) {
	cov, shrink, err := LedoitWolf(x)
	if err != nil {
		return nil, err
	}
	n, p := x.Dims()
	m := &Mahalanobis{Mean: make([]float64, p), Shrinkage: shrink}
	for j := 0; j < p; j++ {
		for i := 0; i < n; i++ {
			m.Mean[j] += x.At(i, j) / float64(n)
		}
	}
	if !m.chol.Factorize(cov) {
		return nil, fmt.Errorf("anomaly: covariance of %d×%d is singular (a constant column?)", n, p)
	}
	return m, nil
}

// Distance2 returns the squared Mahalanobis distance of v (length p) from the
// fitted mean; NaN when v holds a NaN.
func (m *Mahalanobis) Distance2(v []float64) float64 {
	d := make([]float64, len(v))
	for i := range v {
		d[i] = v[i] - m.Mean[i]
	}
	dv := mat.NewVecDense(len(d), d)
	var sol mat.VecDense
	if err := m.chol.SolveVecTo(&sol, dv); err != nil {
		return math.NaN()
	}
	return mat.Dot(dv, &sol)
}
