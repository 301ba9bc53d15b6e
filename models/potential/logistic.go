package potential

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// maxIter bounds the Newton (IRLS) steps of a fit; with an L2 penalty the
// objective is strictly convex and converges in well under 50.
const maxIter = 100

// logistic is an L2-penalised logistic regression on standardised features:
// logit P(y=1 | x) = w[0] + Σ_j w[j+1]·z_j with z_j = (x_j − mean_j)/scale_j.
type logistic struct {
	Mean, Scale []float64
	// W holds the intercept then one coefficient per feature (per standard
	// deviation of the feature).
	W []float64
	// Cov is the inverse of the penalised Hessian at the optimum, row-major
	// (len(W)²): the delta-method covariance of W.
	Cov    []float64
	Lambda float64
}

// standardiser returns each column's mean and standard deviation (1 for a
// constant column, so that it contributes nothing instead of NaN).
func standardiser(x [][]float64) (mean, scale []float64) {
	p := len(x[0])
	mean, scale = make([]float64, p), make([]float64, p)
	for j := range p {
		var s, ss float64
		for _, r := range x {
			s += r[j]
		}
		mean[j] = s / float64(len(x))
		for _, r := range x {
			d := r[j] - mean[j]
			ss += d * d
		}
		scale[j] = math.Sqrt(ss / float64(len(x)))
		if scale[j] == 0 {
			scale[j] = 1
		}
	}
	return mean, scale
}

// design returns the standardised rows with a leading 1 for the intercept.
func design(x [][]float64, mean, scale []float64) [][]float64 {
	z := make([][]float64, len(x))
	for i, r := range x {
		z[i] = standardise(r, mean, scale)
	}
	return z
}

func standardise(r, mean, scale []float64) []float64 {
	z := make([]float64, len(r)+1)
	z[0] = 1
	for j, v := range r {
		z[j+1] = (v - mean[j]) / scale[j]
	}
	return z
}

// fitLogistic fits the model by iteratively reweighted least squares
// (Newton's method), minimising −loglik + λ/2·Σ_{j≥1} w_j². The intercept is
// not penalised.
func fitLogistic(x [][]float64, y []bool, lambda float64) (*logistic, error) {
	if len(x) == 0 || len(x) != len(y) {
		return nil, fmt.Errorf("potential: fit on %d rows and %d labels: %w", len(x), len(y), ErrData)
	}
	mean, scale := standardiser(x)
	z := design(x, mean, scale)
	p := len(z[0])
	w := make([]float64, p)
	for range maxIter {
		h, g := newtonSystem(z, y, w, lambda)
		var chol mat.Cholesky
		if !chol.Factorize(h) {
			return nil, fmt.Errorf("potential: penalised Hessian not positive definite (λ=%g): %w", lambda, ErrData)
		}
		var step mat.VecDense
		if err := chol.SolveVecTo(&step, g); err != nil {
			return nil, fmt.Errorf("potential: Newton step: %w", err)
		}
		var move float64
		for j := range w {
			w[j] += step.AtVec(j)
			move = math.Max(move, math.Abs(step.AtVec(j)))
		}
		if move < 1e-9 {
			h, _ = newtonSystem(z, y, w, lambda)
			if !chol.Factorize(h) {
				return nil, fmt.Errorf("potential: final Hessian: %w", ErrData)
			}
			var inv mat.SymDense
			if err := chol.InverseTo(&inv); err != nil {
				return nil, fmt.Errorf("potential: covariance: %w", err)
			}
			cov := make([]float64, p*p)
			for i := range p {
				for j := range p {
					cov[i*p+j] = inv.At(i, j)
				}
			}
			return &logistic{Mean: mean, Scale: scale, W: w, Cov: cov, Lambda: lambda}, nil
		}
	}
	return nil, fmt.Errorf("potential: IRLS did not converge in %d steps (λ=%g): %w", maxIter, lambda, ErrData)
}

// newtonSystem returns the penalised Hessian and the negative gradient of
// the objective at w.
func newtonSystem(z [][]float64, y []bool, w []float64, lambda float64) (*mat.SymDense, *mat.VecDense) {
	p := len(w)
	h := mat.NewSymDense(p, nil)
	g := mat.NewVecDense(p, nil)
	hd := make([]float64, p*p)
	for i, r := range z {
		mu := sigmoid(dot(w, r))
		wt := mu * (1 - mu)
		res := -mu
		if y[i] {
			res = 1 - mu
		}
		for a := range p {
			g.SetVec(a, g.AtVec(a)+res*r[a])
			ra := wt * r[a]
			for b := a; b < p; b++ {
				hd[a*p+b] += ra * r[b]
			}
		}
	}
	for a := range p {
		for b := a; b < p; b++ {
			h.SetSym(a, b, hd[a*p+b])
		}
		if a > 0 {
			h.SetSym(a, a, h.At(a, a)+lambda)
			g.SetVec(a, g.AtVec(a)-lambda*w[a])
		}
	}
	return h, g
}

// logit returns the linear predictor for one raw feature vector.
func (m *logistic) logit(x []float64) float64 {
	return dot(m.W, standardise(x, m.Mean, m.Scale))
}

// logitSE returns the delta-method standard error of the linear predictor:
// √(zᵀ Cov z).
func (m *logistic) logitSE(x []float64) float64 {
	z := standardise(x, m.Mean, m.Scale)
	p := len(z)
	var v float64
	for a := range p {
		for b := range p {
			v += z[a] * m.Cov[a*p+b] * z[b]
		}
	}
	return math.Sqrt(math.Max(v, 0))
}

func dot(a, b []float64) float64 {
	var s float64
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func sigmoid(t float64) float64 {
	if t >= 0 {
		return 1 / (1 + math.Exp(-t))
	}
	e := math.Exp(t)
	return e / (1 + e)
}
