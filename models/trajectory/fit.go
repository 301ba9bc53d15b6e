package trajectory

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"

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
// (cross-fitted, see Config.Holdout and Config.Folds). Beyond
// Config.MaxSeries series, all of that is learned from a fixed subsample.
// The result depends on the set of series, not on their order. Series
// without points are ignored.
func Fit(series []Series, cfg Config) (*Model, error) {
	cfg = cfg.withDefaults()
	data, err := fitSample(series, cfg)
	if err != nil {
		return nil, err
	}
	if len(data) < 2*cfg.Folds {
		return nil, fmt.Errorf("%w: %d series with points: want at least %d", ErrBadInput, len(data), 2*cfg.Folds)
	}
	b, err := quantileBasis(data, cfg.Interior)
	if err != nil {
		return nil, err
	}
	// The full fit and the calibration's cross-fitted folds are independent:
	// they run concurrently, and each is deterministic.
	var m *Model
	var errFit error
	var wg sync.WaitGroup
	wg.Go(func() { m, errFit = fitEM(data, cfg, b) })
	scale, offsetScale, errCal := calibrate(data, cfg, b)
	wg.Wait()
	if err := errors.Join(errFit, errCal); err != nil {
		return nil, err
	}
	m.scale, m.offsetScale = scale, offsetScale
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
	m.sigma = make([]float64, k*k)
	for i := range k {
		m.sigma[i*k+i] = 10 * m.noise[0]
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
	sumMM := make([]float64, k*k)
	ss := make([]float64, len(m.noise))
	cnt := make([]float64, len(m.noise))
	var post posterior
	for _, a := range ath {
		if err := post.of(m, a.pts, a.z, sigInv); err != nil {
			return 0, err
		}
		for i, mi := range post.mean {
			sumM[i] += mi
			for j, mj := range post.mean {
				sumMM[i*k+j] += mi*mj + post.v[i*k+j]
			}
		}
		for j, p := range a.pts {
			e := p.y - dot(a.z[j], post.mean)
			bin := binOf(p.age, m.lo, m.hi, len(m.noise))
			ss[bin] += e*e + quad(post.v, a.z[j])
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
	old := slices.Clone(m.sigma)
	for i := range k {
		for j := range k {
			m.sigma[i*k+j] = sumMM[i*k+j]/n - m.beta[i]*m.beta[j]
			change = max(change, math.Abs(m.sigma[i*k+j]-old[i*k+j])/math.Sqrt(old[i*k+i]*old[j*k+j]))
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

// sigmaInverse is Σ⁻¹ (k×k, row-major), with a relative jitter on the
// diagonal when EM has driven Σ to (near) singular.
func (m *Model) sigmaInverse() []float64 {
	k := len(m.beta)
	s := slices.Clone(m.sigma)
	jitter := 0.0
	for i := range k {
		jitter += s[i*k+i]
	}
	jitter = max(1e-10*jitter/float64(k), 1e-12)
	var ch chol
	for !ch.factorize(s, k) {
		for i := range k {
			s[i*k+i] += jitter
		}
		jitter *= 10
	}
	inv := make([]float64, k*k)
	ch.inverse(inv)
	return inv
}

// posterior is the law N(mean, v) of an athlete's coefficients b given his
// points; its buffers are reused from one athlete to the next.
type posterior struct {
	mean, v, prec []float64
	ch            chol
}

// of sets p to the posterior of the coefficients given pts: with
// W = diag(1/σ²(age_j)),
//
//	v = (Σ⁻¹ + ZᵀWZ)⁻¹,  mean = β + v·ZᵀW(y − Zβ).
//
// It fails only when rounding breaks the positive definiteness of the
// precision (extreme parameters).
func (p *posterior) of(m *Model, pts []point, z [][]float64, sigInv []float64) error {
	k := len(m.beta)
	p.prec = grow(p.prec, k*k)
	copy(p.prec, sigInv)
	g := make([]float64, k)
	for j, pt := range pts {
		w := 1 / m.noiseAt(pt.age)
		zj := z[j]
		r := w * (pt.y - dot(zj, m.beta))
		for a, za := range zj {
			if za == 0 {
				continue
			}
			g[a] += r * za
			row := p.prec[a*k : (a+1)*k]
			for b, zb := range zj {
				row[b] += w * za * zb
			}
		}
	}
	if !p.ch.factorize(p.prec, k) {
		return errors.New("posterior precision Σ⁻¹ + ZᵀWZ not positive definite in floating point")
	}
	p.v = grow(p.v, k*k)
	p.ch.inverse(p.v)
	p.mean = grow(p.mean, k)
	p.ch.solve(g, g)
	for i := range k {
		p.mean[i] = m.beta[i] + g[i]
	}
	return nil
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
