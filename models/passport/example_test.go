package passport_test

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/podium-sport/podium/models/passport"
)

func ExampleOFFScore() {
	// Haemoglobin 165 g/L with reticulocytes suppressed to 0.4 %, as after
	// a transfusion.
	fmt.Printf("%.1f\n", passport.OFFScore(165, 0.4))
	// Output: 127.1
}

func ExamplePrior_Predict() {
	// τ = 7 g/L between athletes, σ = 4 g/L day to day; the athlete's two
	// earlier samples were 10 and 12 g/L above the population level.
	p := passport.Prior{Between: 49, Within: 16}
	// Precision 1/49 + 2/16 = 0.1454; mean (22/16)/0.1454 = 9.46;
	// variance 1/0.1454 + 16 = 22.88.
	pred := p.Predict([]float64{10, 12})
	fmt.Printf("next value: level %+.1f g/L, SD %.2f g/L\n", pred.Mean, pred.SD)
	// Output: next value: level +9.5 g/L, SD 4.78 g/L
}

func ExampleModel_Analyse() {
	r := rand.New(rand.NewPCG(1, 1))
	squad := make([]passport.Profile, 500)
	for i := range squad {
		hgb0, ret0 := 150+7*r.NormFloat64(), 1+0.15*r.NormFloat64()
		for k := 0; k < 8; k++ {
			squad[i].Sex = "M"
			squad[i].Samples = append(squad[i].Samples, passport.Sample{Date: fmt.Sprintf("2025-%02d-10", k+1),
				AgeYears: 18, HGB: hgb0 + 4*r.NormFloat64(), RETPct: ret0 * math.Exp(0.12*r.NormFloat64())})
		}
	}
	m, _ := passport.Fit(squad, passport.DefaultConfig)
	// A transfusion before the sixth sample of the first athlete.
	s := &squad[0].Samples[5]
	s.HGB, s.RETPct = s.HGB+15, s.RETPct*0.45
	res, _ := m.Analyse(squad[0])
	c := res.Checks[5][passport.OFF]
	fmt.Printf("OFF-score outside its range: %v; athlete atypical: %v\n", c.Atypical, res.Atypical)
	// Output: OFF-score outside its range: true; athlete atypical: true
}
