package trajectory

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// athlete is one training series on the working scale with its basis rows.
type athlete struct {
	pts []point
	z   [][]float64 // z[j] = B(age_j)
}

// Fit estimates the population mean β, the covariance Σ of the individual
// deviations and σ²(age) by EM over the training series, then calibrates the
// width of the 95 % interval on held-out later points of the same series
// (cross-fitted, see Config.Holdout and Config.Folds). The result depends on
// the set of series, not on their order. Series without points are ignored.
func Fit(series []Series, cfg Config) (*Model, error) {
	cfg = cfg.withDefaults()
	sorted, err := sortedByID(series)
	if err != nil {
		return nil, err
	}
	var data [][]point
	for _, s := range sorted {
		pts, err := cfg.prepare(s)
		if err != nil {
			return nil, err
		}
		if len(pts) == 0 {
			continue
		}
		data = append(data, pts)
	}
	if len(data) < 2*cfg.Folds {
		return nil, fmt.Errorf("%w: %d series with points: want at least %d", ErrBadInput, len(data), 2*cfg.Folds)
	}
	b, err := quantileBasis(data, cfg.Interior)
	if err != nil {
		return nil, err
	}
	m, err := fitEM(data, cfg, b)
	if err != nil {
		return nil, err
	}
	if m.scale, m.offsetScale, err = calibrate(data, cfg, b); err != nil {
		return nil, err
	}
	return m, nil
}

// fitEM runs EM for the linear mixed model of Model from a pooled
// least-squares start. The interval scales are left at 1.
func fitEM(data [][]point, cfg Config, b basis) (*Model, error) {
	m := &Model{cfg: cfg, lo: b.knots[0], hi: b.knots[len(b.knots)-1], basis: b, scale: 1, offsetScale: 1}
	ath := make([]athlete, len(data))
	for i, pts := range data {
		ath[i] = athlete{pts: pts, z: m.rows(pts)}
	}
	k := b.size()
	m.beta, m.noise = pooledStart(ath, k, cfg.NoiseBins)
	m.sigma = mat.NewSymDense(k, nil)
	for i := range k {
		m.sigma.SetSym(i, i, 10*m.noise[0])
	}
	for range cfg.Iterations {
		change, err := m.emStep(ath)
		if err != nil {
			return nil, fmt.Errorf("trajectory: fit: %w", err)
		}
		if change < 1e-8 {
			break
		}
	}
	if err := m.chooseForm(ath); err != nil {
		return nil, fmt.Errorf("trajectory: fit: %w", err)
	}
	return m, nil
}

// pooledStart is the least-squares fit of all points to the basis (a tiny
// ridge keeps empty spans solvable) and the mean squared residual.
func pooledStart(ath []athlete, k, bins int) ([]float64, []float64) {
	ztz := mat.NewSymDense(k, nil)
	zty := mat.NewVecDense(k, nil)
	n := 0
	for _, a := range ath {
		for j, p := range a.pts {
			z := mat.NewVecDense(k, a.z[j])
			ztz.SymRankOne(ztz, 1, z)
			zty.AddScaledVec(zty, p.y, z)
			n++
		}
	}
	for i := range k {
		ztz.SetSym(i, i, ztz.At(i, i)+1e-9*float64(n))
	}
	var beta mat.VecDense
	var ch mat.Cholesky
	ch.Factorize(ztz)
	if err := ch.SolveVecTo(&beta, zty); err != nil {
		panic(fmt.Sprintf("trajectory: pooled start: %v", err)) // the ridge makes ztz positive definite
	}
	ss := 0.0
	for _, a := range ath {
		for j, p := range a.pts {
			e := p.y - dot(a.z[j], beta.RawVector().Data)
			ss += e * e
		}
	}
	noise := make([]float64, bins)
	for i := range noise {
		noise[i] = ss / float64(n) / 10
	}
	return slices.Clone(beta.RawVector().Data), noise
}

// noisePrior is the weight, in points, pulling each bin's σ² towards the
// overall one, so that sparse ages at the ends of the range stay stable.
const noisePrior = 50

// emStep does one EM iteration in place and returns the largest relative
// change of a parameter.
func (m *Model) emStep(ath []athlete) (float64, error) {
	k := len(m.beta)
	sigInv := m.sigmaInverse()
	sumM := make([]float64, k)
	sumMM := mat.NewSymDense(k, nil)
	ss := make([]float64, len(m.noise))
	cnt := make([]float64, len(m.noise))
	for _, a := range ath {
		mean, v, err := m.posterior(a.pts, a.z, sigInv)
		if err != nil {
			return 0, err
		}
		mv := mat.NewVecDense(k, mean)
		sumMM.SymRankOne(sumMM, 1, mv)
		sumMM.AddSym(sumMM, v)
		for i := range k {
			sumM[i] += mean[i]
		}
		for j, p := range a.pts {
			e := p.y - dot(a.z[j], mean)
			zj := mat.NewVecDense(k, a.z[j])
			bin := binOf(p.age, m.lo, m.hi, len(m.noise))
			ss[bin] += e*e + mat.Inner(zj, v, zj)
			cnt[bin]++
		}
	}
	n := float64(len(ath))
	change := 0.0
	for i := range k {
		b := sumM[i] / n
		change = max(change, math.Abs(b-m.beta[i])/(math.Abs(b)+1e-12))
		m.beta[i] = b
	}
	for i := range k {
		for j := i; j < k; j++ {
			s := sumMM.At(i, j)/n - m.beta[i]*m.beta[j]
			change = max(change, math.Abs(s-m.sigma.At(i, j))/math.Sqrt(m.sigma.At(i, i)*m.sigma.At(j, j)))
			m.sigma.SetSym(i, j, s)
		}
	}
	totSS, totN := 0.0, 0.0
	for i := range ss {
		totSS, totN = totSS+ss[i], totN+cnt[i]
	}
	for i := range ss {
		s := (ss[i] + noisePrior*totSS/totN) / (cnt[i] + noisePrior)
		change = max(change, math.Abs(s-m.noise[i])/m.noise[i])
		m.noise[i] = s
	}
	return change, nil
}

// sigmaInverse is Σ⁻¹, with a relative jitter on the diagonal when EM has
// driven Σ to (near) singular.
func (m *Model) sigmaInverse() *mat.SymDense {
	k := len(m.beta)
	s := mat.NewSymDense(k, nil)
	s.CopySym(m.sigma)
	jitter := max(1e-10*mat.Trace(s)/float64(k), 1e-12)
	var ch mat.Cholesky
	for !ch.Factorize(s) {
		for i := range k {
			s.SetSym(i, i, s.At(i, i)+jitter)
		}
		jitter *= 10
	}
	inv := mat.NewSymDense(k, nil)
	mustInvert(&ch, inv)
	return inv
}

// posterior is the law of an athlete's coefficients b given his points:
// with W = diag(1/σ²(age_j)),
//
//	V = (Σ⁻¹ + ZᵀWZ)⁻¹,  mean = β + V·ZᵀW(y − Zβ).
//
// It fails only when rounding breaks the positive definiteness of the
// precision (extreme parameters).
func (m *Model) posterior(pts []point, z [][]float64, sigInv *mat.SymDense) ([]float64, *mat.SymDense, error) {
	k := len(m.beta)
	prec := mat.NewSymDense(k, nil)
	prec.CopySym(sigInv)
	g := mat.NewVecDense(k, nil)
	for j, p := range pts {
		w := 1 / m.noiseAt(p.age)
		zj := mat.NewVecDense(k, z[j])
		prec.SymRankOne(prec, w, zj)
		g.AddScaledVec(g, w*(p.y-dot(z[j], m.beta)), zj)
	}
	var ch mat.Cholesky
	if !ch.Factorize(prec) {
		return nil, nil, errors.New("posterior precision Σ⁻¹ + ZᵀWZ not positive definite in floating point")
	}
	v := mat.NewSymDense(k, nil)
	mustInvert(&ch, v)
	var d mat.VecDense
	d.MulVec(v, g)
	mean := make([]float64, k)
	for i := range k {
		mean[i] = m.beta[i] + d.AtVec(i)
	}
	return mean, v, nil
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// mustInvert writes the inverse of a factorized positive definite matrix to
// dst. A poorly conditioned one is still inverted (gonum reports it as
// mat.Condition, a warning): the posterior stays usable, only less precise.
func mustInvert(ch *mat.Cholesky, dst *mat.SymDense) {
	var cond mat.Condition
	if err := ch.InverseTo(dst); err != nil && !errors.As(err, &cond) {
		panic(fmt.Sprintf("trajectory: invert a positive definite matrix: %v", err))
	}
}

// quantileBasis is the cubic basis on the range of the training ages with
// its interior knots at their quantiles 1/(n+1), …, n/(n+1): resolution
// where the data are (two-fold cross-validation on the swimmers' training
// set: 1–2 % lower MSE than equally spaced knots).
func quantileBasis(data [][]point, interior int) (basis, error) {
	var ages []float64
	for _, pts := range data {
		for _, p := range pts {
			ages = append(ages, p.age)
		}
	}
	slices.Sort(ages)
	inner := make([]float64, interior)
	for i := range inner {
		inner[i] = ages[(i+1)*len(ages)/(interior+1)]
	}
	b := newBasis(ages[0], ages[len(ages)-1], inner, 3)
	if !b.valid() {
		return basis{}, fmt.Errorf("%w: ages %v–%v: too few distinct ages for %d interior knots (%v)",
			ErrBadInput, ages[0], ages[len(ages)-1], interior, inner)
	}
	return b, nil
}
