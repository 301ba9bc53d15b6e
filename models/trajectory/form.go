package trajectory

import (
	"errors"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Form: besides the smooth individual curve, a swimmer's results within a
// few months share his current form. The model splits the residual variance
// σ²(age) into a white part (1−ρ)σ² and an Ornstein–Uhlenbeck part ρσ² whose
// correlation between ages s and t is exp(−|s−t|/ℓ). EM fits β, Σ and σ² with
// ρ = 0; ρ and ℓ are then chosen on a grid by the marginal likelihood of the
// training series, and forecasts condition on the data in data space.

// formShares and formYears are the grid of ρ and ℓ (years).
var (
	formShares = []float64{0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7}
	formYears  = []float64{0.05, 0.1, 0.2, 0.4, 0.8}
)

// noiseCov is the covariance of the residuals at two ages; same is set for
// one and the same observation.
func (m *Model) noiseCov(s, t float64, same bool) float64 {
	c := m.formShare * math.Exp(-math.Abs(s-t)/m.formYears)
	if same {
		c = 1
	}
	return c * math.Sqrt(m.noiseAt(s)*m.noiseAt(t))
}

// dataCov factorizes K = ZΣZᵀ + N, the covariance of the points, and returns
// the residuals y − Zβ. inflate multiplies the white noise variance of each
// point.
func (m *Model) dataCov(pts []point, z [][]float64, inflate []float64) (*mat.Cholesky, *mat.VecDense, error) {
	n := len(pts)
	sz := m.sigmaTimes(z)
	cov := mat.NewSymDense(n, nil)
	r := mat.NewVecDense(n, nil)
	for i, p := range pts {
		for j := i; j < n; j++ {
			cov.SetSym(i, j, dot(z[i], sz[j])+m.noiseCov(p.age, pts[j].age, i == j))
		}
		cov.SetSym(i, i, cov.At(i, i)+(inflate[i]-1)*(1-m.formShare)*m.noiseAt(p.age))
		r.SetVec(i, p.y-dot(z[i], m.beta))
	}
	var ch mat.Cholesky
	if !ch.Factorize(cov) {
		return nil, nil, errors.New("covariance of the observed points not positive definite in floating point")
	}
	return &ch, r, nil
}

// condition is the Gaussian conditioning of the athlete's values at ages on
// his points (the BLUP of a Gaussian process with the learned mean and
// covariance), on the working scale: mean and variance at each age.
func (m *Model) condition(pts []point, z [][]float64, ages []float64) (mu, variance []float64, err error) {
	k := len(m.beta)
	mu, variance = make([]float64, len(ages)), make([]float64, len(ages))
	row := make([]float64, k)
	var ch *mat.Cholesky
	var alpha mat.VecDense
	if len(pts) > 0 {
		if ch, err = m.robustCov(pts, z, &alpha); err != nil {
			return nil, nil, err
		}
	}
	kStar := mat.NewVecDense(max(len(pts), 1), nil)
	var w mat.VecDense
	for i, a := range ages {
		m.basis.eval(a, row)
		za := mat.NewVecDense(k, row)
		var sz mat.VecDense
		sz.MulVec(m.sigma, za)
		mu[i], variance[i] = dot(row, m.beta), mat.Dot(za, &sz)+m.noiseAt(a)
		if ch == nil {
			continue
		}
		for j, p := range pts {
			kStar.SetVec(j, dot(z[j], sz.RawVector().Data)+m.noiseCov(p.age, a, false))
		}
		if err := ch.SolveVecTo(&w, kStar); err != nil && !isCondition(err) {
			return nil, nil, err
		}
		mu[i] += mat.Dot(kStar, &alpha)
		variance[i] = max(variance[i]-mat.Dot(kStar, &w), 1e-12*m.noiseAt(a))
	}
	return mu, variance, nil
}

// sigmaTimes returns Σ·z for each row z.
func (m *Model) sigmaTimes(z [][]float64) [][]float64 {
	k := len(m.beta)
	out := make([][]float64, len(z))
	for j, row := range z {
		var v mat.VecDense
		v.MulVec(m.sigma, mat.NewVecDense(k, row))
		out[j] = v.RawVector().Data
	}
	return out
}

func isCondition(err error) bool {
	var c mat.Condition
	return errors.As(err, &c)
}

// chooseForm sets ρ and ℓ to the grid point of highest marginal likelihood
// of the training series, Σᵢ log N(yᵢ; Zᵢβ, Kᵢ).
func (m *Model) chooseForm(ath []athlete) error {
	best := math.Inf(-1)
	bestShare, bestYears := 0.0, formYears[0]
	for _, share := range formShares {
		for _, years := range formYears {
			if share == 0 && years != formYears[0] {
				continue // ℓ does not matter without form
			}
			m.formShare, m.formYears = share, years
			ll := 0.0
			for _, a := range ath {
				ch, r, err := m.dataCov(a.pts, a.z, ones(len(a.pts)))
				if err != nil {
					return err
				}
				var alpha mat.VecDense
				if err := ch.SolveVecTo(&alpha, r); err != nil && !isCondition(err) {
					return err
				}
				ll -= 0.5 * (mat.Dot(r, &alpha) + ch.LogDet())
			}
			if ll > best {
				best, bestShare, bestYears = ll, share, years
			}
		}
	}
	m.formShare, m.formYears = bestShare, bestYears
	return nil
}

// robustRounds and robustLimit make forecasts robust to outlying results (a
// bad race): the white-noise residual of each observed point is
// e = w·K⁻¹(y − Zβ), w its white variance; a point whose |e| exceeds
// robustLimit white-noise SDs has its white variance inflated by
// (|e|/robustLimit)², and K is refactorized, robustRounds times (Huber's
// weights by iterative reweighting).
const (
	robustRounds = 3
	robustLimit  = 2.5
)

// robustCov factorizes the covariance of pts after the robust reweighting
// and sets alpha = K⁻¹(y − Zβ).
func (m *Model) robustCov(pts []point, z [][]float64, alpha *mat.VecDense) (*mat.Cholesky, error) {
	inflate := ones(len(pts))
	for round := 0; ; round++ {
		ch, r, err := m.dataCov(pts, z, inflate)
		if err != nil {
			return nil, err
		}
		if err := ch.SolveVecTo(alpha, r); err != nil && !isCondition(err) {
			return nil, err
		}
		if round == robustRounds {
			return ch, nil
		}
		for i, p := range pts {
			white := (1 - m.formShare) * m.noiseAt(p.age)
			inflate[i] = huber(inflate[i] * white * alpha.AtVec(i) / math.Sqrt(white))
		}
	}
}

func ones(n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = 1
	}
	return v
}

// huber is the variance inflation of a residual of u noise SDs: 1 within
// robustLimit, (|u|/robustLimit)² beyond.
func huber(u float64) float64 {
	return max(1, (u/robustLimit)*(u/robustLimit))
}
