package anomaly

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestRobust(t *testing.T) {
	tests := []struct {
		name      string
		x         []float64
		med, sc   float64
		err       error
		zAt, zGot float64
	}{
		// median 3; |x−3| = {2,1,0,1,97}, MAD 1; z(100) = 97/1.4826.
		{name: "one outlier", x: []float64{1, 2, 3, 4, 100}, med: 3, sc: madScale, zAt: 100, zGot: 97 / madScale},
		// NaN skipped: median of {1,3} is 2, |dev| = {1,1}, MAD 1.
		{name: "NaN skipped", x: []float64{1, math.NaN(), 3}, med: 2, sc: madScale, zAt: 5, zGot: 3 / madScale},
		{name: "constant", x: []float64{2, 2, 2, 5}, err: ErrZeroScale},
		{name: "one value", x: []float64{2}, err: ErrTooFew},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := FitRobust(tc.x)
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("err = %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.Median != tc.med || math.Abs(r.Scale-tc.sc) > 1e-12 || math.Abs(r.Z(tc.zAt)-tc.zGot) > 1e-12 {
				t.Errorf("got %+v, z(%g) = %g; want median %g scale %g z %g", r, tc.zAt, r.Z(tc.zAt), tc.med, tc.sc, tc.zGot)
			}
		})
	}
}

func TestLedoitWolfHandCalculation(t *testing.T) {
	// Centred rows (1,0), (−1,0), (0,2), (0,−2): S = diag(0.5, 2), m = 1.25,
	// δ̂ = ((0.5−1.25)² + (2−1.25)²)/2 = 0.5625; every ‖x_k x_kᵀ − S‖²_F = 4.25,
	// so β̂ = 4·4.25/(4²·2) = 0.53125 and the shrinkage is 0.53125/0.5625 = 17/18.
	// Σ̂ = diag(0.5/18 + 17/18·1.25, 2/18 + 17/18·1.25) = diag(21.75/18, 23.25/18).
	x := mat.NewDense(4, 2, []float64{1, 0, -1, 0, 0, 2, 0, -2})
	cov, shrink, err := LedoitWolf(x)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{{21.75 / 18, 0}, {0, 23.25 / 18}}
	if math.Abs(shrink-17.0/18) > 1e-12 {
		t.Errorf("shrinkage = %v, want 17/18", shrink)
	}
	for i := range want {
		for j := range want[i] {
			if math.Abs(cov.At(i, j)-want[i][j]) > 1e-12 {
				t.Errorf("cov[%d][%d] = %v, want %v", i, j, cov.At(i, j), want[i][j])
			}
		}
	}
	m, err := FitMahalanobis(x)
	if err != nil {
		t.Fatal(err)
	}
	// d²((1,0)) = 1/Σ̂₁₁ = 18/21.75.
	if got := m.Distance2([]float64{1, 0}); math.Abs(got-18/21.75) > 1e-12 {
		t.Errorf("d² = %v, want %v", got, 18/21.75)
	}
}

func TestLedoitWolfLargeSampleNoShrinkage(t *testing.T) {
	// With n ≫ p the sample covariance is precise and δ → 0: correlated
	// pair with unit variances and correlation 0.8 (so Σ⁻¹ has diagonal
	// 1/(1−0.64) = 2.78 and d²((1,−1)) = 2·(1+0.8)/(1−0.64) = 10).
	r := rand.New(rand.NewPCG(1, 2))
	n := 20000
	x := mat.NewDense(n, 2, nil)
	for i := 0; i < n; i++ {
		a, b := r.NormFloat64(), r.NormFloat64()
		x.Set(i, 0, a)
		x.Set(i, 1, 0.8*a+0.6*b)
	}
	m, err := FitMahalanobis(x)
	if err != nil {
		t.Fatal(err)
	}
	if m.Shrinkage > 0.01 {
		t.Errorf("shrinkage = %v, want < 0.01 for n = %d, p = 2", m.Shrinkage, n)
	}
	if got := m.Distance2([]float64{1, -1}); math.Abs(got-10) > 0.5 {
		t.Errorf("d²(1,−1) = %v, want 10 ± 0.5", got)
	}
}

func TestThreshold(t *testing.T) {
	ref := make([]float64, 101)
	for i := range ref {
		ref[i] = float64(100 - i)
	}
	tests := []struct {
		name string
		rate float64
		want float64
	}{
		{"5 %", 0.05, 95},      // (1 − 0.05)·100 = 95th order statistic
		{"1 %", 0.01, 99},      // 99th
		{"0.5 %", 0.005, 99.5}, // halfway between 99 and 100
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Threshold(ref, tc.rate)
			if err != nil || math.Abs(got-tc.want) > 1e-9 {
				t.Errorf("Threshold(%v) = %v, %v; want %v", tc.rate, got, err, tc.want)
			}
		})
	}
	if _, err := Threshold(ref, 0); err == nil {
		t.Error("rate 0 accepted")
	}
}

func TestAvgPath(t *testing.T) {
	tests := []struct {
		n    int
		want float64
	}{
		{1, 0},
		{2, 1},
		// c(256) = 2(ln 255 + 0.5772) − 2·255/256 = 10.2448.
		{256, 2*(math.Log(255)+0.5772156649015329) - 2*255.0/256},
	}
	for _, tc := range tests {
		if got := avgPath(tc.n); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("c(%d) = %v, want %v", tc.n, got, tc.want)
		}
	}
}

func TestIsolationForest(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	cloud := func(n int) *mat.Dense {
		x := mat.NewDense(n, 2, nil)
		for i := 0; i < n; i++ {
			x.Set(i, 0, r.NormFloat64())
			x.Set(i, 1, r.NormFloat64())
		}
		return x
	}
	f, err := FitIsolationForest(cloud(2000), DefaultForest)
	if err != nil {
		t.Fatal(err)
	}
	// A point 8 SD out is isolated in a few splits: score well above 0.5;
	// the centre of the cloud well below.
	if s := f.Score([]float64{8, 8}); s < 0.65 {
		t.Errorf("score of (8, 8) = %v, want > 0.65", s)
	}
	if s := f.Score([]float64{0, 0}); s > 0.5 {
		t.Errorf("score of (0, 0) = %v, want < 0.5", s)
	}
	// A threshold calibrated at 2 % on one sample alerts on about 2 % of
	// a fresh one (SE of a 2 % rate on 5,000 rows: 0.2 %).
	scores := func(x *mat.Dense) []float64 {
		n, _ := x.Dims()
		out := make([]float64, n)
		for i := range out {
			out[i] = f.Score(x.RawRowView(i))
		}
		return out
	}
	th, err := Threshold(scores(cloud(5000)), 0.02)
	if err != nil {
		t.Fatal(err)
	}
	var above int
	for _, s := range scores(cloud(5000)) {
		if s > th {
			above++
		}
	}
	if rate := float64(above) / 5000; math.Abs(rate-0.02) > 0.007 {
		t.Errorf("alert rate on fresh data %.4f, want 0.02 ± 0.007", rate)
	}
}
