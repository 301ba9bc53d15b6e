package goals

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"
)

// league simulates n seasons of a double round robin with known strengths,
// one round a week.
func league(seed uint64, teams, seasons int) ([]Match, []float64) {
	r := rand.New(rand.NewPCG(seed, 1))
	att := make([]float64, teams)
	for i := range att {
		att[i] = math.Exp(r.NormFloat64() * 0.3)
	}
	day := time.Date(2020, 1, 4, 0, 0, 0, 0, time.UTC)
	var ms []Match
	for s := 0; s < seasons; s++ {
		for rd := 0; rd < 2*(teams-1); rd++ {
			for k := 0; k < teams/2; k++ {
				h, a := (rd+k)%teams, (rd+teams-1-k)%teams
				if h == a {
					a = (a + teams/2) % teams
				}
				ms = append(ms, Match{Date: day, Home: name(h), Away: name(a),
					HomeGoals: poisson(r, 1.5*att[h]/att[a]), AwayGoals: poisson(r, 1.1*att[a]/att[h])})
			}
			day = day.AddDate(0, 0, 7)
		}
	}
	return ms, att
}

func name(i int) string { return string(rune('A' + i)) }

func poisson(r *rand.Rand, l float64) int {
	k, p, e := 0, 1.0, math.Exp(-l)
	for {
		p *= r.Float64()
		if p <= e {
			return k
		}
		k++
	}
}

func TestPredictNoLookAhead(t *testing.T) {
	ms, _ := league(1, 10, 3)
	targets := ms[len(ms)/2:]
	base, err := Predict(Football(), ms, targets)
	if err != nil {
		t.Fatal(err)
	}
	// Rewrite every result from the first target's date on: the predictions
	// for that date must not change by a single bit.
	d := targets[0].Date
	changed := append([]Match(nil), ms...)
	for i := range changed {
		if !changed[i].Date.Before(d) {
			changed[i].HomeGoals, changed[i].AwayGoals = 7, 0
		}
	}
	again, err := Predict(Football(), changed, targets)
	if err != nil {
		t.Fatal(err)
	}
	for i, tg := range targets {
		if tg.Date.Equal(d) && again[i] != base[i] {
			t.Fatalf("prediction %d changed when later results changed: %+v vs %+v", i, base[i], again[i])
		}
	}
	if again[len(again)-1] == base[len(base)-1] {
		t.Error("a prediction after the change did not move: the history is not used at all")
	}
}

func TestPredictRecoversStrengths(t *testing.T) {
	ms, att := league(2, 12, 6)
	last := ms[len(ms)-1]
	last.Date = last.Date.AddDate(0, 0, 1)
	p, err := Predict(Config{HalfLifeDays: 1e6, WindowDays: 1e5, Prior: 1, Sweeps: 20}, ms, []Match{last})
	if err != nil {
		t.Fatal(err)
	}
	// The simulated rates for this pairing (home 1.5·a_h/a_a, away 1.1·a_a/a_h).
	h, a := int(last.Home[0]-'A'), int(last.Away[0]-'A')
	wantL, wantM := 1.5*att[h]/att[a], 1.1*att[a]/att[h]
	if math.Abs(p[0].Lambda/wantL-1) > 0.15 || math.Abs(p[0].Mu/wantM-1) > 0.15 {
		t.Errorf("rates (%.3f, %.3f), simulated (%.3f, %.3f): more than 15 %% off", p[0].Lambda, p[0].Mu, wantL, wantM)
	}
	if s := p[0].Home + p[0].Draw + p[0].Away; math.Abs(s-1) > 1e-9 {
		t.Errorf("outcome probabilities add up to %v", s)
	}
}

func TestPredictUnsorted(t *testing.T) {
	ms, _ := league(3, 4, 1)
	ms[0], ms[len(ms)-1] = ms[len(ms)-1], ms[0]
	if _, err := Predict(Football(), ms, ms); err == nil {
		t.Fatal("unsorted history accepted")
	}
}

func TestTauKnownValues(t *testing.T) {
	// Dixon and Coles (1997) eq. 4.2 by hand with λ = 1.5, μ = 1, ρ = −0.1.
	tests := []struct {
		x, y int
		want float64
	}{{0, 0, 1.15}, {0, 1, 0.85}, {1, 0, 0.9}, {1, 1, 1.1}, {2, 1, 1}}
	for _, tc := range tests {
		if got := tau(tc.x, tc.y, 1.5, 1, -0.1); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("tau(%d,%d) = %v, want %v", tc.x, tc.y, got, tc.want)
		}
	}
}
