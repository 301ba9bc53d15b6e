package entity

import (
	"math"
	"testing"
)

func TestPoissonBinomialHand(t *testing.T) {
	// p = (0.5, 0.2): P(0) = 0.5·0.8 = 0.4, P(1) = 0.5·0.8 + 0.5·0.2 = 0.5,
	// P(2) = 0.1.
	d := PoissonBinomial([]float64{0.5, 0.2})
	for k, want := range []float64{0.4, 0.5, 0.1} {
		if math.Abs(d[k]-want) > 1e-12 {
			t.Errorf("P(K=%d) = %v, want %v", k, d[k], want)
		}
	}
	// Equal probabilities give the binomial: P(K ≥ 3 | n=5, p=0.3) =
	// 10·0.027·0.49 + 5·0.0081·0.7 + 0.00243 = 0.16308.
	if got := Tail([]float64{0.3, 0.3, 0.3, 0.3, 0.3}, 3); math.Abs(got-0.16308) > 1e-12 {
		t.Errorf("binomial tail = %v, want 0.16308", got)
	}
}

func TestTailExactVsMonteCarlo(t *testing.T) {
	p := []float64{0.05, 0.1, 0.3, 0.02, 0.2, 0.15, 0.4, 0.07, 0.12, 0.25}
	for _, k := range []int{1, 2, 3, 4, 5} {
		exact := Tail(p, k)
		const n = 200000
		mc := TailMonteCarlo(p, k, n, uint64(k))
		// 4.5 binomial standard errors of the Monte Carlo estimate.
		if tol := 4.5 * math.Sqrt(exact*(1-exact)/n); math.Abs(mc-exact) > tol {
			t.Errorf("k=%d: exact %v, Monte Carlo %v (tolerance %v)", k, exact, mc, tol)
		}
	}
}

func TestBH(t *testing.T) {
	// Benjamini and Hochberg (1995), section 4: the 15 p-values of the
	// myocardial-infarction example; at α = 0.05 they reject the four
	// smallest. Adjusted values by hand: q_(i) = min_{j≥i} p_(j)·15/j.
	p := []float64{0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.0}
	q := BH(p)
	rejected := 0
	for _, v := range q {
		if v <= 0.05 {
			rejected++
		}
	}
	if rejected != 4 {
		t.Errorf("rejected %d at 5 %%, want 4 (q = %v)", rejected, q)
	}
	if want := 0.0095 * 15 / 4; math.Abs(q[3]-want) > 1e-12 {
		t.Errorf("q_(4) = %v, want %v", q[3], want)
	}
	if want := 0.0298 * 15 / 7; math.Abs(q[5]-want) > 1e-12 {
		t.Errorf("q_(6) = %v, want %v (the step-up minimum, from p_(7))", q[5], want)
	}
}

func TestRunsFindTheCorruptReferee(t *testing.T) {
	events := map[string][]Event{}
	for r := 0; r < 20; r++ {
		name := "referee:" + string(rune('A'+r))
		for i := 0; i < 40; i++ {
			// Honest: one hit in ten matches at p = 0.1. A: 8 hits.
			events[name] = append(events[name], Event{Match: name, P: 0.1, Hit: i%10 == 0 || (r == 0 && i < 8)})
		}
	}
	runs := Test(events, 10)
	if runs[0].Entity != "referee:A" || runs[0].Q > 0.05 {
		t.Fatalf("top run %+v, want referee:A with q ≤ 0.05", runs[0])
	}
	if runs[1].Q <= 0.05 {
		t.Errorf("an honest referee passed the FDR: %+v", runs[1])
	}
}
