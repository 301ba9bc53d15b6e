package rating

import (
	"math"
	"testing"
)

func TestGlickoStepGlickmanExample(t *testing.T) {
	// Glickman (2012), "Example of the Glicko-2 system", section
	// "Example calculation": a player rated 1500, RD 200, σ 0.06, τ 0.5
	// beats 1400 (RD 30), loses to 1550 (RD 100) and to 1700 (RD 300).
	// The paper's result: r' = 1464.06, RD' = 151.52, σ' = 0.05999.
	games := []result{
		{mu: (1400 - 1500) / glickoScale, phi: 30 / glickoScale, s: 1},
		{mu: (1550 - 1500) / glickoScale, phi: 100 / glickoScale, s: 0},
		{mu: (1700 - 1500) / glickoScale, phi: 300 / glickoScale, s: 0},
	}
	mu, phi, sigma := glickoStep(0, 200/glickoScale, 0.06, 0.5, games)
	tests := []struct {
		name      string
		got, want float64
		tol       float64
	}{
		{name: "rating", got: 1500 + glickoScale*mu, want: 1464.06, tol: 0.01},
		{name: "RD", got: glickoScale * phi, want: 151.52, tol: 0.01},
		{name: "volatility", got: sigma, want: 0.05999, tol: 1e-5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if math.Abs(tt.got-tt.want) > tt.tol {
				t.Errorf("got %.5f, want %.5f", tt.got, tt.want)
			}
		})
	}
}

func TestGlicko2Update(t *testing.T) {
	s, err := NewGlicko2(Glicko2Tennis())
	if err != nil {
		t.Fatal(err)
	}
	// Two newcomers (1500, RD 350): equal ratings give p = 0.5 and, with
	// equal deviations, symmetric moves.
	if pa := s.Update(Match{Date: day(0), A: 1, B: 2, AWon: true}); pa != 0.5 {
		t.Errorf("pa = %v, want 0.5", pa)
	}
	r1, rd1, n1 := s.Rating(1)
	r2, rd2, _ := s.Rating(2)
	if math.Abs((r1-1500)+(r2-1500)) > 1e-9 || r1 <= 1500 || rd1 != rd2 || rd1 >= 350 || n1 != 1 {
		t.Errorf("after one match: winner %v (RD %v), loser %v (RD %v)", r1, rd1, r2, rd2)
	}
	// An idle year widens the deviation, which pulls the next prediction
	// towards 0.5 (compare a rematch the next day).
	next := s.Predict(Match{Date: day(1), A: 1, B: 2})
	later := s.Predict(Match{Date: day(365), A: 1, B: 2})
	if !(0.5 < later && later < next) {
		t.Errorf("prediction after a day %v, after a year %v: want 0.5 < year < day", next, later)
	}
	h := s.History(1)
	if len(h) != 1 || h[0].RD != rd1 || h[0].Rating != r1 {
		t.Errorf("history %+v disagrees with Rating", h)
	}
}
