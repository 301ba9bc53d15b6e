package triage

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// stableRidge is the penalty on the intercept: small, it only keeps it
// finite when every verdict is the same.
const stableRidge = 0.01

// penalties are the ridge penalties of the columns of row: the intercept's,
// then the pooled slope's, then per type the intercept shift's and the slope
// shift's.
func penalties(typePen, slopePen float64, types int) []float64 {
	p := []float64{stableRidge, slopePen}
	for range types {
		p = append(p, typePen, slopePen)
	}
	return p
}

// fitLogistic maximises the log-likelihood less ½ Σ pen_j β_j² by
// Newton–Raphson (iteratively reweighted least squares).
func fitLogistic(x [][]float64, y []bool, pen []float64) []float64 {
	d := len(pen)
	beta := make([]float64, d)
	for range 50 {
		h, g := mat.NewSymDense(d, nil), mat.NewVecDense(d, nil)
		for j := range d {
			h.SetSym(j, j, pen[j])
			g.SetVec(j, -pen[j]*beta[j])
		}
		for i, r := range x {
			p := sigmoid(floats.Dot(beta, r))
			w, res := p*(1-p), b2f(y[i])-p
			for j := range d {
				g.SetVec(j, g.AtVec(j)+res*r[j])
				for k := j; k < d; k++ {
					h.SetSym(j, k, h.At(j, k)+w*r[j]*r[k])
				}
			}
		}
		var step mat.VecDense
		if err := step.SolveVec(h, g); err != nil {
			break // cannot happen: the penalty keeps h positive definite
		}
		move := 0.0
		for j := range d {
			beta[j] += step.AtVec(j)
			move = max(move, math.Abs(step.AtVec(j)))
		}
		if move < 1e-9 {
			break
		}
	}
	return beta
}

// outOfFold is the mean log-loss of each verdict predicted by the model
// fitted without its fold.
func outOfFold(x [][]float64, y []bool, fold []int, k int, pen []float64) float64 {
	var loss float64
	for f := range k {
		var tx [][]float64
		var ty []bool
		for i := range x {
			if fold[i] != f {
				tx, ty = append(tx, x[i]), append(ty, y[i])
			}
		}
		beta := fitLogistic(tx, ty, pen)
		for i := range x {
			if fold[i] == f {
				loss += logLoss(sigmoid(floats.Dot(beta, x[i])), y[i])
			}
		}
	}
	return loss / float64(len(x))
}

// stratified deals the positives, then the negatives, round the k folds in
// a seeded random order.
func stratified(y []bool, k int, seed uint64) []int {
	r := rand.New(rand.NewPCG(seed, 0x7269616765))
	fold := make([]int, len(y))
	next := 0
	for _, class := range []bool{true, false} {
		for _, i := range r.Perm(len(y)) {
			if y[i] == class {
				fold[i] = next % k
				next++
			}
		}
	}
	return fold
}

func logLoss(p float64, y bool) float64 {
	p = min(max(p, 1e-15), 1-1e-15)
	if y {
		return -math.Log(p)
	}
	return -math.Log(1 - p)
}

func sigmoid(t float64) float64 { return 1 / (1 + math.Exp(-t)) }

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
