package trajectory

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestBasis checks the B-spline basis against the Bernstein polynomials, which
// a clamped cubic basis without interior knots is: at x = ¼ of [0, 1] they are
// C(3,k)·(¼)^k·(¾)^(3−k) = 27/64, 27/64, 9/64, 1/64.
func TestBasis(t *testing.T) {
	tests := []struct {
		name   string
		lo, hi float64
		inner  []float64
		x      float64
		want   []float64
	}{
		{"bernstein at 1/4", 0, 1, nil, 0.25, []float64{27.0 / 64, 27.0 / 64, 9.0 / 64, 1.0 / 64}},
		{"left end", 10, 20, nil, 10, []float64{1, 0, 0, 0}},
		{"right end", 10, 20, nil, 20, []float64{0, 0, 0, 1}},
		{"beyond the right end: flat", 10, 20, nil, 25, []float64{0, 0, 0, 1}},
		// One interior knot at ½ (knots 0,0,0,0,½,1,1,1,1): Cox–de Boor by hand
		// gives N₁ = (1−x)/1 · N₂,₂(x) = ½ · ½ = ¼ at x = ½, N₃ = ¼ by symmetry,
		// N₂ = 1 − ¼ − ¼ since the functions sum to one.
		{"at an interior knot", 0, 1, []float64{0.5}, 0.5, []float64{0, 0.25, 0.5, 0.25, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newBasis(tt.lo, tt.hi, tt.inner, 3)
			got := make([]float64, b.size())
			b.eval(tt.x, got)
			if !floatsNear(got, tt.want, 1e-12) {
				t.Errorf("basis(%v) = %v, want %v", tt.x, got, tt.want)
			}
		})
	}
}

func floatsNear(a, b []float64, tol float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Abs(a[i]-b[i]) > tol {
			return false
		}
	}
	return true
}

// handModel is a linear-scale model on ages [0, 1] with four Bernstein
// coefficients, β = 10 (a flat curve at 10), Σ = I and σ² = 1.
func handModel() *Model {
	sigma := make([]float64, 16)
	for i := range 4 {
		sigma[i*4+i] = 1
	}
	return &Model{cfg: Config{Linear: true}.withDefaults(), lo: 0, hi: 1, basis: newBasis(0, 1, nil, 3),
		beta: []float64{10, 10, 10, 10}, sigma: sigma, noise: []float64{1}, scale: 1, offsetScale: 1, formYears: 1}
}

// TestForecastByHand: one point y = 12 at age 0, where only the first basis
// function is non-zero (B = e₁). Conditioning touches b₁ alone:
// E[b₁|y] = 10 + 1/(1+1)·(12 − 10) = 11, Var[b₁|y] = 1·1/(1+1) = ½. At age 0
// the forecast is 11 with variance ½ + σ² = 1.5; at age 1 (B = e₄) it is the
// prior, 10 with variance 1 + 1 = 2.
func TestForecastByHand(t *testing.T) {
	m := handModel()
	got, err := m.Forecast(Series{ID: "a", Ages: []float64{0}, Values: []float64{12}}, []float64{0, 1})
	if err != nil {
		t.Fatal(err)
	}
	want := []Point{
		{Age: 0, Mean: 11, SD: math.Sqrt(1.5), Lower95: 11 - z95*math.Sqrt(1.5), Upper95: 11 + z95*math.Sqrt(1.5)},
		{Age: 1, Mean: 10, SD: math.Sqrt(2), Lower95: 10 - z95*math.Sqrt(2), Upper95: 10 + z95*math.Sqrt(2)},
	}
	for i := range want {
		g, w := got[i], want[i]
		if !floatsNear([]float64{g.Age, g.Mean, g.SD, g.Lower95, g.Upper95}, []float64{w.Age, w.Mean, w.SD, w.Lower95, w.Upper95}, 1e-9) {
			t.Errorf("point %d = %+v, want %+v", i, g, w)
		}
	}
}

// TestForecastMatchesGP checks the coefficient-space posterior against Gaussian
// conditioning in data space, y* | y ~ N(μ* + K*ᵀK⁻¹(y − μ), K** − K*ᵀK⁻¹K*)
// with K = ZΣZᵀ + σ²I: the two are equal by the Woodbury identity.
func TestForecastMatchesGP(t *testing.T) {
	m := handModel()
	m.sigma[1], m.sigma[4] = 0.5, 0.5 // correlated coefficients
	m.sigma[11], m.sigma[14] = -0.3, -0.3
	sigma := mat.NewSymDense(4, m.sigma)
	ages, vals, at := []float64{0.1, 0.3, 0.35}, []float64{11, 9.5, 10.2}, 0.8
	got, err := m.Forecast(Series{Ages: ages, Values: vals}, []float64{at})
	if err != nil {
		t.Fatal(err)
	}
	row := func(a float64) *mat.VecDense {
		v := make([]float64, 4)
		m.basis.eval(a, v)
		return mat.NewVecDense(4, v)
	}
	n := len(ages)
	k := mat.NewSymDense(n, nil)
	kStar := mat.NewVecDense(n, nil)
	r := mat.NewVecDense(n, nil)
	for i := range n {
		for j := i; j < n; j++ {
			k.SetSym(i, j, mat.Inner(row(ages[i]), sigma, row(ages[j])))
		}
		k.SetSym(i, i, k.At(i, i)+1)
		kStar.SetVec(i, mat.Inner(row(ages[i]), sigma, row(at)))
		r.SetVec(i, vals[i]-10)
	}
	var ch mat.Cholesky
	ch.Factorize(k)
	var alpha, beta mat.VecDense
	ch.SolveVecTo(&alpha, r)
	ch.SolveVecTo(&beta, kStar)
	mean := 10 + mat.Dot(kStar, &alpha)
	sd := math.Sqrt(mat.Inner(row(at), sigma, row(at)) + 1 - mat.Dot(kStar, &beta))
	if math.Abs(got[0].Mean-mean) > 1e-9 || math.Abs(got[0].SD-sd) > 1e-9 {
		t.Errorf("forecast %+v, want mean %v SD %v", got[0], mean, sd)
	}
}

// synthetic makes n series from the model's own law on the log scale: a
// falling mean log(60) − 0.04·(age − 10), an individual level and slope, and
// noise; ages 10–18.
func synthetic(n int, seed uint64) []Series {
	rng := rand.New(rand.NewPCG(seed, 1))
	out := make([]Series, n)
	for i := range out {
		level, slope := 0.05*rng.NormFloat64(), 0.01*rng.NormFloat64()
		s := Series{ID: string(rune('A'+i%26)) + string(rune('a'+i/26))}
		for a := 10 + 2*rng.Float64(); a < 18; a += 0.2 + 0.5*rng.Float64() {
			y := math.Log(60) - 0.04*(a-10) + level + slope*(a-10) + 0.01*rng.NormFloat64()
			s.Ages, s.Values = append(s.Ages, a), append(s.Values, math.Exp(y))
		}
		out[i] = s
	}
	return out
}

// TestNoLookAhead: the back-test forecasts a series from its input points
// alone: changing the later points changes no forecast.
func TestNoLookAhead(t *testing.T) {
	series := synthetic(60, 1)
	m, err := Fit(series[:40], Config{})
	if err != nil {
		t.Fatal(err)
	}
	test := series[40:]
	changed := make([]Series, len(test))
	for i, s := range test {
		in, _ := SplitByAgeRank(s, 0.6)
		c := Series{ID: s.ID, Ages: slices.Clone(s.Ages), Values: slices.Clone(s.Values)}
		for j, a := range c.Ages {
			if !slices.Contains(in.Ages, a) {
				c.Values[j] *= 1.5
			}
		}
		changed[i] = c
	}
	_, before, err := Backtest(m.Forecast, test, 0.6)
	if err != nil {
		t.Fatal(err)
	}
	_, after, err := Backtest(m.Forecast, changed, 0.6)
	if err != nil {
		t.Fatal(err)
	}
	if len(before) == 0 || len(before) != len(after) {
		t.Fatalf("%d predictions before, %d after", len(before), len(after))
	}
	for i := range before {
		if before[i].Point != after[i].Point || before[i].Observed == after[i].Observed {
			t.Fatalf("prediction %d: %+v before, %+v after the later values changed", i, before[i], after[i])
		}
	}
}

func TestSplitByAgeRank(t *testing.T) {
	// Ranks with ties sharing the lowest: ages 10, 11, 11, 12, 13 rank
	// 1, 2, 2, 4, 5; with 0.6 × 5 = 3 the input is the ranks ≤ 3.
	s := Series{ID: "x", Ages: []float64{13, 11, 10, 12, 11}, Values: []float64{5, 2, 1, 4, 3}}
	in, later := SplitByAgeRank(s, 0.6)
	if !slices.Equal(in.Ages, []float64{10, 11, 11}) || !slices.Equal(later.Ages, []float64{12, 13}) ||
		!slices.Equal(later.Values, []float64{4, 5}) {
		t.Errorf("input %+v, later %+v", in, later)
	}
	// A tie across the limit goes wholly into the input: ranks 1, 2, 3, 3, 5, limit 3.
	in, _ = SplitByAgeRank(Series{Ages: []float64{1, 2, 3, 3, 4}, Values: []float64{1, 1, 1, 1, 1}}, 0.6)
	if len(in.Ages) != 4 {
		t.Errorf("tie at the limit: %d input points, want 4", len(in.Ages))
	}
}

// TestMarshalDeterministic: the same series, in any order, give the same
// bytes, and the decoded model forecasts as the original.
func TestMarshalDeterministic(t *testing.T) {
	series := synthetic(50, 2)
	m1, err := Fit(series, Config{})
	if err != nil {
		t.Fatal(err)
	}
	shuffled := slices.Clone(series)
	rand.New(rand.NewPCG(3, 3)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	m2, err := Fit(shuffled, Config{})
	if err != nil {
		t.Fatal(err)
	}
	b1, _ := m1.MarshalBinary()
	b2, _ := m2.MarshalBinary()
	if !bytes.Equal(b1, b2) {
		t.Fatal("two fits of the same series give different artifacts")
	}
	var back Model
	if err := back.UnmarshalBinary(b1); err != nil {
		t.Fatal(err)
	}
	b3, _ := back.MarshalBinary()
	obs := series[0]
	f1, _ := m1.Forecast(obs, []float64{15, 17})
	f2, _ := back.Forecast(obs, []float64{15, 17})
	if !bytes.Equal(b1, b3) || !slices.Equal(f1, f2) {
		t.Errorf("round trip changed the model: %v vs %v", f1, f2)
	}
	if err := back.UnmarshalBinary(b1[:len(b1)-1]); err == nil {
		t.Error("truncated artifact accepted")
	}
}

func TestFitRejects(t *testing.T) {
	good := synthetic(10, 4)
	tests := []struct {
		name   string
		series []Series
		cfg    Config
	}{
		{"duplicate ID", append(slices.Clone(good), good[0]), Config{}},
		{"NaN value", append(slices.Clone(good), Series{ID: "nan", Ages: []float64{12}, Values: []float64{math.NaN()}}), Config{}},
		{"zero time on the log scale", append(slices.Clone(good), Series{ID: "z", Ages: []float64{12}, Values: []float64{0}}), Config{}},
		{"unequal lengths", append(slices.Clone(good), Series{ID: "u", Ages: []float64{12, 13}, Values: []float64{60}}), Config{}},
		{"too few series", good[:3], Config{}},
		{"one age only", []Series{{"a", []float64{12}, []float64{60}}, {"b", []float64{12}, []float64{61}},
			{"c", []float64{12}, []float64{62}}, {"d", []float64{12}, []float64{63}}}, Config{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Fit(tt.series, tt.cfg); !errors.Is(err, ErrBadInput) {
				t.Errorf("error %v, want ErrBadInput", err)
			}
		})
	}
}

// BenchmarkForecast forecasts ten ages from series of graded lengths: the
// cost of the ranking and passport paths per athlete (a Cholesky of n × n).
func BenchmarkForecast(b *testing.B) {
	m, err := Fit(synthetic(40, 6), Config{})
	if err != nil {
		b.Fatal(err)
	}
	ages := []float64{14, 14.5, 15, 15.5, 16, 16.5, 17, 17.5, 18, 18.5}
	for _, n := range []int{10, 40} {
		obs := Series{ID: "b"}
		for i := range n {
			a := 10 + 4*float64(i)/float64(n)
			obs.Ages, obs.Values = append(obs.Ages, a), append(obs.Values, 70-2*a+0.3*math.Sin(float64(i)))
		}
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := m.Forecast(obs, ages); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
