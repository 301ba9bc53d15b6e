package agefraud

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/podium-sport/podium/models/anomaly"
)

// logisticHeight is a simple growth curve: 140 cm at 10 rising by 35 cm
// through a logistic spurt centred on the age at peak height velocity (PHV),
// whose peak velocity is 35/4 = 8.75 cm a year.
func logisticHeight(adult, aphv, age float64) float64 {
	return adult - 35 + 35/(1+math.Exp(-(age-aphv)))
}

// boys draws n boys measured every January from 11 to 16 at stated ages:
// APHV ~ N(13.8, 0.9), adult height ~ N(175, 6); the first fraud of them
// are fraudYears older than stated.
func boys(r *rand.Rand, n, fraud int, fraudYears float64) []Athlete {
	out := make([]Athlete, n)
	for i := range out {
		aphv, adult := 13.8+0.9*r.NormFloat64(), 175+6*r.NormFloat64()
		shift := 0.0
		if i < fraud {
			shift = fraudYears
		}
		out[i].Sex = "M"
		for age := 11.0; age <= 16; age++ {
			h := logisticHeight(adult, aphv, age+shift) + 0.3*r.NormFloat64()
			out[i].Sessions = append(out[i].Sessions, Session{AgeYears: age, Height: h, Sitting: 0.52 * h,
				Mass: 19 * h * h / 1e4 * (1 + 0.04*(age+shift-11))})
		}
	}
	return out
}

func TestScreenRanksOlderBodiesFirst(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const n, fraud = 1000, 10
	res, err := Screen(boys(r, n, fraud, 2.5))
	if err != nil {
		t.Fatal(err)
	}
	// A body 2.5 years older is a 2.8-SD shift of the age at PHV: even a
	// perfect estimate of it would put P(z > 2.05 − 2.8) = 77 % of frauds in
	// the top 2 %, where random ranking puts 2 %. The screen's noisier
	// signals must still place half of them there.
	var above int
	scores := make([]float64, n)
	for i, x := range res {
		scores[i] = x.Score
	}
	cut, err := anomaly.Threshold(scores, 0.02)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < fraud; i++ {
		if res[i].Score > cut {
			above++
		}
		if len(res[i].Heights) != 6 {
			t.Errorf("athlete %d: %d height points, want 6", i, len(res[i].Heights))
		}
	}
	if above < fraud/2 {
		t.Errorf("%d of %d frauds in the top 2 %%, want ≥ 5", above, fraud)
	}
}

func TestVelocitySign(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	ath := boys(r, 400, 0, 0)
	ref := newReference()
	for _, a := range ath {
		for _, v := range velocities(a.Sessions) {
			ref.addVelocity(a.Sex, v.age, v.cmPerYear)
		}
	}
	if err := ref.fit(); err != nil {
		t.Fatal(err)
	}
	// Median velocity peaks in the year 13–14 (mid ages 13.5 with APHV 13.8).
	tests := []struct {
		age  float64
		want float64
	}{{11.5, 1}, {13.5, 0}, {15.5, -1}}
	for _, tc := range tests {
		if got := ref.velocitySign("M", tc.age); got != tc.want {
			t.Errorf("velocitySign(%v) = %v, want %v (peak year %d)", tc.age, got, tc.want, ref.peak["M"])
		}
	}
}

func TestScreenTooFew(t *testing.T) {
	_, err := Screen([]Athlete{{Sex: "F", Sessions: []Session{{AgeYears: 12, Height: 150}}}})
	if !errors.Is(err, ErrNoReference) {
		t.Errorf("err = %v, want ErrNoReference", err)
	}
}
