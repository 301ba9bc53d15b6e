package trajectory

import (
	"errors"
	"math"
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

// smoothCov is ZΣZᵀ (n×n, row-major): the covariance of the smooth
// individual curve at the points with basis rows z.
func (m *Model) smoothCov(z [][]float64) []float64 {
	n := len(z)
	cov := make([]float64, n*n)
	sz := make([]float64, len(m.beta))
	for j, zj := range z {
		mulVec(sz, m.sigma, zj)
		for i := j; i < n; i++ {
			cov[i*n+j] = dot(z[i], sz)
			cov[j*n+i] = cov[i*n+j]
		}
	}
	return cov
}

// residuals is y − Zβ.
func (m *Model) residuals(pts []point, z [][]float64) []float64 {
	r := make([]float64, len(pts))
	for i, p := range pts {
		r[i] = p.y - dot(z[i], m.beta)
	}
	return r
}

// formDecay is the form correlation exp(−|s − t|/ℓ) between the points
// (n×n, row-major, lower triangle).
func formDecay(pts []point, years float64) []float64 {
	n := len(pts)
	d := make([]float64, n*n)
	for i, p := range pts {
		for j := range i {
			d[i*n+j] = math.Exp(-math.Abs(p.age-pts[j].age) / years)
		}
	}
	return d
}

// factorCov factorizes into ch the covariance of the points, K = smooth + N
// with N the form and white noise, the form's correlation given by decay
// (formDecay); inflate (nil: ones) multiplies the white noise variance of
// each point. K is built in ch's own storage and factorized in place.
func (m *Model) factorCov(ch *chol, pts []point, smooth, decay, inflate []float64) error {
	n := len(pts)
	sd := make([]float64, n)
	for i, p := range pts {
		sd[i] = math.Sqrt(m.noiseAt(p.age))
	}
	cov := grow(ch.l, n*n)
	for i := range n {
		for j := range i {
			cov[i*n+j] = smooth[i*n+j] + m.formShare*decay[i*n+j]*sd[i]*sd[j]
		}
		cov[i*n+i] = smooth[i*n+i] + sd[i]*sd[i]
		if inflate != nil {
			cov[i*n+i] += (inflate[i] - 1) * (1 - m.formShare) * sd[i] * sd[i]
		}
	}
	if !ch.factorize(cov, n) {
		return errors.New("covariance of the observed points not positive definite in floating point")
	}
	return nil
}

// condition is the Gaussian conditioning of the athlete's values at ages on
// his points (the BLUP of a Gaussian process with the learned mean and
// covariance), on the working scale: mean and variance at each age.
func (m *Model) condition(pts []point, z [][]float64, ages []float64) (mu, variance []float64, err error) {
	k, n := len(m.beta), len(pts)
	mu, variance = make([]float64, len(ages)), make([]float64, len(ages))
	var ch chol
	var alpha []float64
	if n > 0 {
		if alpha, err = m.robustCov(&ch, pts, z); err != nil {
			return nil, nil, err
		}
	}
	row, sz := make([]float64, k), make([]float64, k)
	kStar, w := make([]float64, n), make([]float64, n)
	for i, a := range ages {
		m.basis.eval(a, row)
		mulVec(sz, m.sigma, row)
		mu[i], variance[i] = dot(row, m.beta), dot(row, sz)+m.noiseAt(a)
		if n == 0 {
			continue
		}
		for j, p := range pts {
			kStar[j] = dot(z[j], sz) + m.noiseCov(p.age, a, false)
		}
		ch.solve(w, kStar)
		mu[i] += dot(kStar, alpha)
		variance[i] = max(variance[i]-dot(kStar, w), 1e-12*m.noiseAt(a))
	}
	return mu, variance, nil
}

// chooseForm sets ρ and ℓ to the grid point of highest marginal likelihood
// of the training series, Σᵢ log N(yᵢ; Zᵢβ, Kᵢ).
func (m *Model) chooseForm(ath []athlete) error {
	type cell struct{ share, years float64 }
	var grid []cell
	for _, share := range formShares {
		for _, years := range formYears {
			if share == 0 && years != formYears[0] {
				continue // ℓ does not matter without form
			}
			grid = append(grid, cell{share, years})
		}
	}
	ll := make([]float64, len(grid))
	var ch chol
	decays := map[float64][]float64{}
	for _, a := range ath {
		smooth, r := m.smoothCov(a.z), m.residuals(a.pts, a.z)
		alpha := make([]float64, len(r))
		for _, years := range formYears {
			decays[years] = formDecay(a.pts, years)
		}
		for g, c := range grid {
			m.formShare, m.formYears = c.share, c.years
			if err := m.factorCov(&ch, a.pts, smooth, decays[c.years], nil); err != nil {
				return err
			}
			ch.solve(alpha, r)
			ll[g] -= 0.5 * (dot(r, alpha) + ch.logDet())
		}
	}
	best := 0
	for g := range grid {
		if ll[g] > ll[best] {
			best = g
		}
	}
	m.formShare, m.formYears = grid[best].share, grid[best].years
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

// robustCov factorizes into ch the covariance of pts after the robust
// reweighting and returns alpha = K⁻¹(y − Zβ).
func (m *Model) robustCov(ch *chol, pts []point, z [][]float64) ([]float64, error) {
	smooth, r, decay := m.smoothCov(z), m.residuals(pts, z), formDecay(pts, m.formYears)
	inflate := ones(len(pts))
	alpha := make([]float64, len(pts))
	for round := 0; ; round++ {
		if err := m.factorCov(ch, pts, smooth, decay, inflate); err != nil {
			return nil, err
		}
		ch.solve(alpha, r)
		changed := false
		for i, p := range pts {
			white := (1 - m.formShare) * m.noiseAt(p.age)
			f := huber(inflate[i] * white * alpha[i] / math.Sqrt(white))
			changed = changed || f != inflate[i]
			inflate[i] = f
		}
		if round == robustRounds || !changed {
			return alpha, nil
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
