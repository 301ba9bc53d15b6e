package trajectory

// basis is a clamped B-spline basis of a given degree on [lo, hi] with
// given interior knots. Outside [lo, hi] it is evaluated at the
// nearer end, so curves are flat beyond the ages seen in training.
type basis struct {
	degree int
	knots  []float64 // clamped: degree+1 copies of lo and of hi around the interior knots
}

func newBasis(lo, hi float64, inner []float64, degree int) basis {
	knots := make([]float64, 0, len(inner)+2*(degree+1))
	for range degree + 1 {
		knots = append(knots, lo)
	}
	knots = append(knots, inner...)
	for range degree + 1 {
		knots = append(knots, hi)
	}
	return basis{degree: degree, knots: knots}
}

// valid reports whether lo < inner knots < hi, strictly increasing: the
// recursion divides by the knot spans.
func (b basis) valid() bool {
	p := b.degree
	for i := p; i < len(b.knots)-p-1; i++ {
		if !(b.knots[i] < b.knots[i+1]) {
			return false
		}
	}
	return true
}

// inner returns the interior knots.
func (b basis) inner() []float64 { return b.knots[b.degree+1 : len(b.knots)-b.degree-1] }

// size is the number of basis functions.
func (b basis) size() int { return len(b.knots) - b.degree - 1 }

// eval writes the basis functions at x into out (length size()) by the
// Cox–de Boor recursion; they are non-negative and sum to one.
func (b basis) eval(x float64, out []float64) {
	t, p := b.knots, b.degree
	lo, hi := t[0], t[len(t)-1]
	x = min(max(x, lo), hi)
	// span: the last i with t[i] ≤ x < t[i+1], the closed right end folded into the last span.
	span := p
	for span < len(t)-p-2 && x >= t[span+1] {
		span++
	}
	clear(out)
	// N[j] holds the degree-d function of index span-d+j.
	n := make([]float64, p+1)
	n[0] = 1
	left := make([]float64, p+1)
	right := make([]float64, p+1)
	for d := 1; d <= p; d++ {
		left[d] = x - t[span+1-d]
		right[d] = t[span+d] - x
		saved := 0.0
		for r := range d {
			tmp := n[r] / (right[r+1] + left[d-r])
			n[r] = saved + right[r+1]*tmp
			saved = left[d-r] * tmp
		}
		n[d] = saved
	}
	copy(out[span-p:], n)
}
