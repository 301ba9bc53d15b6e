package trajectory

import "math"

// chol is the Cholesky factor L of a symmetric positive definite n×n matrix
// A = L·Lᵀ, row-major with the lower triangle used. The hot paths (the EM
// posteriors, the forecasts' data covariances) factorize millions of small
// matrices: this plain loop skips the allocations and the condition-number
// estimate of gonum's general routine, which cost most of the time.
type chol struct {
	n int
	l []float64
}

// factorize sets c to the factor of the n×n symmetric matrix a (row-major,
// its lower triangle is read) and reports whether a is positive definite in
// floating point. a may be c's own storage: the factorization is in place.
func (c *chol) factorize(a []float64, n int) bool {
	c.n = n
	c.l = grow(c.l, n*n)
	l := c.l
	for i := range n {
		for j := 0; j <= i; j++ {
			s := a[i*n+j]
			li, lj := l[i*n:i*n+j], l[j*n:j*n+j]
			for k, v := range li {
				s -= v * lj[k]
			}
			if i == j {
				if !(s > 0) {
					return false
				}
				l[i*n+i] = math.Sqrt(s)
			} else {
				l[i*n+j] = s / l[j*n+j]
			}
		}
	}
	return true
}

// solve writes A⁻¹b to dst; dst may be b.
func (c *chol) solve(dst, b []float64) {
	n, l := c.n, c.l
	copy(dst, b)
	for i := range n {
		s := dst[i]
		for k, v := range l[i*n : i*n+i] {
			s -= v * dst[k]
		}
		dst[i] = s / l[i*n+i]
	}
	for i := n - 1; i >= 0; i-- {
		s := dst[i]
		for k := i + 1; k < n; k++ {
			s -= l[k*n+i] * dst[k]
		}
		dst[i] = s / l[i*n+i]
	}
}

// logDet is log det A.
func (c *chol) logDet() float64 {
	s := 0.0
	for i := range c.n {
		s += math.Log(c.l[i*c.n+i])
	}
	return 2 * s
}

// inverse writes A⁻¹ (n×n, row-major) to dst.
func (c *chol) inverse(dst []float64) {
	n := c.n
	col := make([]float64, n)
	for j := range n {
		clear(col)
		col[j] = 1
		c.solve(col, col)
		for i, v := range col {
			dst[i*n+j] = v
		}
	}
}

// quad is xᵀAx for the n×n row-major matrix a.
func quad(a, x []float64) float64 {
	n := len(x)
	s := 0.0
	for i, xi := range x {
		if xi != 0 {
			s += xi * dot(a[i*n:(i+1)*n], x)
		}
	}
	return s
}

// mulVec writes a·x to dst for the n×n row-major matrix a.
func mulVec(dst, a, x []float64) {
	n := len(x)
	for i := range dst {
		dst[i] = dot(a[i*n:(i+1)*n], x)
	}
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i, v := range a {
		s += v * b[i]
	}
	return s
}

// grow returns s resized to n, reusing its storage when it is large enough.
func grow(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}
