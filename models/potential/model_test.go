package potential

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// toy returns n rows of two features where the first drives the outcome
// (logit = 2·x0 − 1) and the second is noise.
func toy(n int, seed uint64) Data {
	rng := rand.New(rand.NewPCG(seed, 1))
	d := Data{Features: []Feature{{"signal", "the signal"}, {"noise", "the noise"}}}
	for i := range n {
		x := []float64{rng.NormFloat64(), rng.NormFloat64()}
		d.X = append(d.X, x)
		d.Y = append(d.Y, rng.Float64() < sigmoid(2*x[0]-1))
		d.IDs = append(d.IDs, fmt.Sprint(i))
	}
	return d
}

func TestFitRecoversSignal(t *testing.T) {
	m, err := Fit(toy(2000, 1), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	c := m.Coefficients()
	// The true coefficient per standard deviation is 2 (x0 is standard
	// normal); shrinkage and sampling keep the estimate within ±0.4.
	if math.Abs(c["signal"]-2) > 0.4 || math.Abs(c["noise"]) > 0.2 {
		t.Errorf("coefficients %v: want signal ≈ 2, noise ≈ 0", c)
	}
	test := toy(2000, 2)
	p := make([]float64, len(test.X))
	for i, x := range test.X {
		p[i] = m.Predict(x).P
	}
	// The Bayes AUC of this design is about 0.84 (simulated); a fitted
	// model on 2000 rows must come within 0.02 of it and be calibrated.
	if e := Evaluate(p, test.Y); e.AUC < 0.82 || e.ECE > 0.04 {
		t.Errorf("held-out %+v", e)
	}
	pr := m.Predict([]float64{1, 0})
	if !(pr.Low < pr.P && pr.P < pr.High) {
		t.Errorf("interval %+v does not surround P", pr)
	}
	up, down := m.Explain([]float64{1, 0}, 3)
	if len(up) == 0 || up[0].Feature.Name != "signal" || len(down) > 1 {
		t.Errorf("explain x0 = 1: up %v down %v", up, down)
	}
	nb := m.Neighbours(test.X[0], 3)
	if len(nb) != 3 || nb[0].Distance > nb[2].Distance {
		t.Errorf("neighbours %v", nb)
	}
}

func TestFitRejects(t *testing.T) {
	d := toy(50, 3)
	d.X[4] = []float64{math.NaN(), 0}
	one := toy(50, 3)
	one.Y = make([]bool, 50)
	for name, d := range map[string]Data{"NaN": d, "one class": one, "empty": {}} {
		if _, err := Fit(d, DefaultOptions()); !errors.Is(err, ErrData) {
			t.Errorf("%s: err %v, want ErrData", name, err)
		}
	}
}

func TestMarshalRoundTrip(t *testing.T) {
	m, err := Fit(toy(300, 4), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	b1, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var back Model
	if err := back.UnmarshalBinary(b1); err != nil {
		t.Fatal(err)
	}
	b2, _ := back.MarshalBinary()
	if !bytes.Equal(b1, b2) {
		t.Error("encode → decode → encode changed the bytes")
	}
	x := []float64{0.3, -1}
	if m.Predict(x) != back.Predict(x) {
		t.Errorf("prediction %v after decoding, %v before", back.Predict(x), m.Predict(x))
	}
	if err := back.UnmarshalBinary(b1[:len(b1)/2]); err == nil {
		t.Error("truncated model decoded without error")
	}
}

func FuzzUnmarshalBinary(f *testing.F) {
	m, err := Fit(toy(100, 5), DefaultOptions())
	if err != nil {
		f.Fatal(err)
	}
	b, _ := m.MarshalBinary()
	f.Add(b)
	f.Add([]byte(magic + `{"features":[{"name":"a"}],"logistic":{"Mean":[0],"Scale":[1],"W":[0,1],"Cov":[1,0,0,1]},"calibrator":{"Method":"isotonic","Knots":[1],"Values":[]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var m Model
		if m.UnmarshalBinary(data) != nil {
			return
		}
		x := make([]float64, len(m.Features))
		m.Predict(x)
		m.Explain(x, 3)
		m.Neighbours(x, 3)
	})
}
