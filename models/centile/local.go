package centile

import (
	"fmt"
	"math"
	"sort"
)

// sample holds the observations of one fit sorted by age, with the log of
// each mark divided by the geometric mean (scale) of all marks.
type sample struct {
	age, logY []float64
	scale     float64
}

// localFit is the kernel-weighted local-linear fit of the Box-Cox
// transformed marks at one age: mean mu, residual variance sigma2 and the
// profile log-likelihood ll of the power.
type localFit struct {
	mu, sigma2, ll float64
}

// lGrid are the Box-Cox powers whose profile likelihood is computed; the
// maximum is refined between them by a parabola.
var lGrid = func() []float64 {
	var g []float64
	for l := -5.0; l <= 3.0001; l += 0.25 {
		g = append(g, l)
	}
	return g
}()

// window is the index range of the ages within 3 bandwidths of g.
func (s *sample) window(g, h float64) (int, int) {
	return sort.SearchFloat64s(s.age, g-3*h), sort.SearchFloat64s(s.age, g+3*h+1e-12)
}

// bandwidth widens h by steps of 25 % until the kernel weight at g is at
// least minLocal, so that sparse ends of the age range still get a stable
// fit instead of a noisy one.
func (s *sample) bandwidth(g, h, minLocal float64) float64 {
	span := s.age[len(s.age)-1] - s.age[0]
	for ; h < span; h *= 1.25 {
		i0, i1 := s.window(g, h)
		var w float64
		for i := i0; i < i1; i++ {
			d := (s.age[i] - g) / h
			w += math.Exp(-0.5 * d * d)
		}
		if w >= minLocal {
			return h
		}
	}
	return h
}

// boxCox transforms a log mark with power l.
func boxCox(logY, l float64) float64 {
	if math.Abs(l) < lZero {
		return logY
	}
	return math.Expm1(l*logY) / l
}

// kernel is the Gaussian weighting of the observations around one age:
// from index i0 on, weight w[j] and age difference d[j] of observation
// i0+j.
type kernel struct {
	i0   int
	w, d []float64
	x    []float64 // scratch for the transformed marks
}

// kernelAt computes the weights once per age, so that the profile over
// many powers costs one transform per observation and power.
func (s *sample) kernelAt(g, h float64) *kernel {
	i0, i1 := s.window(g, h)
	k := &kernel{i0: i0, w: make([]float64, i1-i0), d: make([]float64, i1-i0), x: make([]float64, i1-i0)}
	for j := range k.w {
		k.d[j] = s.age[i0+j] - g
		k.w[j] = math.Exp(-0.5 * (k.d[j] / h) * (k.d[j] / h))
	}
	return k
}

// fitAt fits the local-linear mean and the variance of the marks
// transformed with power l under kernel k.
func (s *sample) fitAt(k *kernel, l float64) localFit {
	var s0, s1, s2, t0, t1, jac float64
	for j, w := range k.w {
		ly := s.logY[k.i0+j]
		x := boxCox(ly, l)
		k.x[j] = x
		d := k.d[j]
		s0 += w
		s1 += w * d
		s2 += w * d * d
		t0 += w * x
		t1 += w * d * x
		jac += w * ly
	}
	det := s0*s2 - s1*s1
	mu, beta := t0/s0, 0.0
	if det > 1e-12*s0*s2 {
		mu, beta = (s2*t0-s1*t1)/det, (s0*t1-s1*t0)/det
	}
	var rss float64
	for j, w := range k.w {
		r := k.x[j] - mu - beta*k.d[j]
		rss += w * r * r
	}
	v := rss / s0
	return localFit{mu: mu, sigma2: v, ll: -0.5*s0*math.Log(v) + (l-1)*jac}
}

// lms turns the local fit under power l into the LMS median M (in the unit
// of the marks) and coefficient of variation S: with x = (y'^L − 1)/L ~
// N(mu, sigma²), the median of y' is (1 + L·mu)^(1/L) and
// ((y/M)^L − 1)/(L·S) = (x − mu)/sigma gives S = sigma/(1 + L·mu).
func (f localFit) lms(l, scale float64) (m, s float64) {
	sd := math.Sqrt(f.sigma2)
	if math.Abs(l) < lZero {
		return scale * math.Exp(f.mu), sd
	}
	b := 1 + l*f.mu
	if b <= 0 {
		return math.NaN(), math.NaN()
	}
	return scale * math.Pow(b, 1/l), sd / b
}

// fitL sets the Box-Cox power at each grid age: the profile log-likelihood
// of every power in lGrid is computed locally (M and S bandwidth), the
// profiles are pooled across grid ages with a Gaussian kernel of SD
// cfg.LBandwidth, and the pooled maximum is taken. L is thus smoother in age
// than M and S, as in Cole & Green (1992), where L gets the fewest degrees
// of freedom.
func (s *sample) fitL(grid []float64, cfg Config, out []float64) {
	prof := make([][]float64, len(grid))
	for k, g := range grid {
		kern := s.kernelAt(g, s.bandwidth(g, cfg.Bandwidth, cfg.MinLocal))
		prof[k] = make([]float64, len(lGrid))
		for j, l := range lGrid {
			prof[k][j] = s.fitAt(kern, l).ll
		}
	}
	pooled := make([]float64, len(lGrid))
	for k, g := range grid {
		clear(pooled)
		for q, gq := range grid {
			d := (gq - g) / cfg.LBandwidth
			w := math.Exp(-0.5 * d * d)
			for j := range pooled {
				pooled[j] += w * prof[q][j]
			}
		}
		out[k] = argmaxParabola(lGrid, pooled)
	}
}

// argmaxParabola returns the x of the largest y, refined by the vertex of
// the parabola through it and its neighbours (x evenly spaced).
func argmaxParabola(x, y []float64) float64 {
	j := 0
	for i := range y {
		if y[i] > y[j] {
			j = i
		}
	}
	if j == 0 || j == len(y)-1 {
		return x[j]
	}
	den := y[j-1] - 2*y[j] + y[j+1]
	if den >= 0 {
		return x[j]
	}
	return x[j] + 0.5*(x[1]-x[0])*(y[j-1]-y[j+1])/den
}

// checkFinite reports the first grid age whose L, M or S is not finite.
func (c *Curves) checkFinite() error {
	for i := range c.M {
		if math.IsNaN(c.L[i]+c.M[i]+c.S[i]) || math.IsInf(c.L[i]+c.M[i]+c.S[i], 0) || c.S[i] <= 0 || c.M[i] <= 0 {
			age := c.Lo + float64(i)*(c.Hi-c.Lo)/float64(len(c.M)-1)
			return fmt.Errorf("centile: fit failed at age %.2f (L %v, M %v, S %v)", age, c.L[i], c.M[i], c.S[i])
		}
	}
	return nil
}
