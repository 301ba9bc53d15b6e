package passport

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

func TestOFFScore(t *testing.T) {
	tests := []struct {
		name     string
		hgb, ret float64
		want     float64
	}{
		{"typical", 150, 1.0, 90},       // 150 − 60·1
		{"suppressed", 160, 0.25, 130},  // 160 − 60·0.5
		{"stimulated", 140, 2.25, 50},   // 140 − 60·1.5
		{"transfusion", 170, 0.36, 134}, // 170 − 60·0.6
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := OFFScore(tc.hgb, tc.ret); math.Abs(got-tc.want) > 1e-9 {
				t.Errorf("OFFScore(%v, %v) = %v, want %v", tc.hgb, tc.ret, got, tc.want)
			}
		})
	}
}

func TestPredictConjugateUpdate(t *testing.T) {
	p := Prior{Between: 49, Within: 16} // τ = 7 g/L, σ = 4 g/L
	tests := []struct {
		name     string
		prev     []float64
		mean, sd float64
	}{
		// No data: the population, mean 0 and variance τ² + σ² = 65.
		{"prior", nil, 0, math.Sqrt(65)},
		// One value 10: precision 1/49 + 1/16 = 65/784, mean (10/16)/(65/784)
		// = 490/65 = 7.538; variance 784/65 + 16 = 28.06.
		{"one", []float64{10}, 490.0 / 65, math.Sqrt(784.0/65 + 16)},
		// Three values summing to 30: precision 1/49 + 3/16 = 163/784, mean
		// (30/16)·784/163 = 1470/163 = 9.018; variance 784/163 + 16.
		{"three", []float64{8, 10, 12}, 1470.0 / 163, math.Sqrt(784.0/163 + 16)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := p.Predict(tc.prev)
			if math.Abs(got.Mean-tc.mean) > 1e-9 || math.Abs(got.SD-tc.sd) > 1e-9 {
				t.Errorf("Predict(%v) = %+v, want mean %v sd %v", tc.prev, got, tc.mean, tc.sd)
			}
		})
	}
}

// population draws n athletes of the random-effects model the simulator
// also uses: HGB = 150 + θ + ε with τ = 7, σ = 4 g/L; RET% = r₀·e^ε with
// r₀ ~ N(1, 0.2), ε ~ N(0, 0.12); 12 samples each, ages 15 to 18.
func population(r *rand.Rand, n int) []Profile {
	out := make([]Profile, n)
	for i := range out {
		hgb0, ret0 := 150+7*r.NormFloat64(), math.Max(0.4, 1+0.2*r.NormFloat64())
		p := Profile{Sex: "M"}
		for k := 0; k < 12; k++ {
			p.Samples = append(p.Samples, Sample{Date: fmt.Sprintf("s%02d", k), AgeYears: 15 + float64(k)/4,
				HGB: hgb0 + 4*r.NormFloat64(), RETPct: ret0 * math.Exp(0.12*r.NormFloat64())})
		}
		out[i] = p
	}
	return out
}

func TestSpecificityOnCleanAthletes(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	clean := population(r, 3000)
	m, err := Fit(clean, DefaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	var values, out, flagged int
	for _, p := range population(r, 3000) { // fresh athletes: held out from the fit
		res, err := m.Analyse(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range res.Checks {
			for _, v := range c {
				values++
				if v.Atypical {
					out++
				}
			}
		}
		if res.Atypical {
			flagged++
		}
	}
	// 36,000 values per marker ×3: the SE of a 1 % rate is about 0.03 %.
	if spec := 1 - float64(out)/float64(values); math.Abs(spec-0.99) > 0.002 {
		t.Errorf("per-value specificity %.4f, want 0.99 ± 0.002", spec)
	}
	if spec := 1 - float64(flagged)/3000; spec < 0.985 {
		t.Errorf("athlete specificity %.4f, want ≥ 0.985", spec)
	}
}

func TestPlantedPatternsFlagged(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	m, err := Fit(population(r, 2000), DefaultConfig)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		change func(p *Profile)
	}{
		// A single outlier: +25 g/L (6 within-SD) on sample 8.
		{"single outlier", func(p *Profile) { p.Samples[8].HGB += 25 }},
		// A sustained level shift of +12 g/L (3 within-SD) from sample 6 on:
		// most single values stay inside their ranges (±2.58·4.3 g/L, which
		// widen as the shift enters the athlete's mean); the scan must see it.
		{"level shift", func(p *Profile) {
			for k := 6; k < 12; k++ {
				p.Samples[k].HGB += 12
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var hit int
			const n = 200
			for _, p := range population(r, n) {
				tc.change(&p)
				res, err := m.Analyse(p)
				if err != nil {
					t.Fatal(err)
				}
				if res.Atypical {
					hit++
				}
			}
			// Expected detection rates from the normal model: a 6-SD outlier
			// is a z of about 5.5 against a Šidák-adjusted cut of about 3.9;
			// the 3-SD shift over 6 of 12 samples gives a scan statistic of
			// 3/√(1/6 + 1/6) = 5.2 against a cut of about 4 (null table, p =
			// 0.01/2/3): ≥ 95 % and ≥ 85 %.
			want := map[string]float64{"single outlier": 0.95, "level shift": 0.85}[tc.name]
			if got := float64(hit) / n; got < want {
				t.Errorf("%s flagged in %.2f of athletes, want ≥ %.2f", tc.name, got, want)
			}
		})
	}
}

func TestScan(t *testing.T) {
	tests := []struct {
		name string
		x    []float64
		want float64
	}{
		// Segment {4} of (0, 0, 4): |4 − 0| / √(1 + 1/2) = 4/√1.5.
		{"outlier", []float64{0, 0, 4}, 4 / math.Sqrt(1.5)},
		// Segment {2, 2} of (0, 0, 2, 2): |2 − 0| / √(1/2 + 1/2) = 2.
		{"shift", []float64{0, 0, 2, 2}, 2},
		// A constant profile has no change, whatever its level.
		{"flat", []float64{5, 5, 5}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := scan(tc.x); math.Abs(got-tc.want) > 1e-12 {
				t.Errorf("scan(%v) = %v, want %v", tc.x, got, tc.want)
			}
		})
	}
	// The p-value of the null median is 0.5 by construction of the table.
	null := scanNull[12]()
	x := make([]float64, 12)
	x[11] = null[len(null)/2] * math.Sqrt(1+1.0/11) // the last-sample segment gives the statistic
	if p := scanTest(x).P; math.Abs(p-0.5) > 0.02 {
		t.Errorf("p at the null median = %v, want 0.5 ± 0.02", p)
	}
}
