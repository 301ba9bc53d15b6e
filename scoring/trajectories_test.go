package scoring

import (
	"math"
	"slices"
	"testing"

	"github.com/podium-sport/podium/models/trajectory"
)

func TestTallyScoresTheLogScale(t *testing.T) {
	// A log-normal forecast with log-scale mean mu and SD sd has the interval
	// exp(mu ± 1.96 sd); its density at log(mark) = mu + r·sd is that of a
	// normal: NLPD = ½ log 2π + log sd + r²/2 (±1.96 bounds the 95 % interval).
	const mu, sd = math.Ln2, 0.05
	point := trajectory.Point{Lower95: math.Exp(mu - z975*sd), Upper95: math.Exp(mu + z975*sd)}
	for _, c := range []struct {
		name   string
		r      float64
		inside int
	}{
		{"at the mean", 0, 1},
		{"one SD below", -1, 1},
		{"two SDs above, outside", 2, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			var tl tally
			tl.add(mu+c.r*sd, point)
			want := HeldOut{MSE: Num(c.r * c.r * sd * sd), Coverage95: Num(c.inside),
				NLPD: Num(0.5*math.Log(2*math.Pi) + math.Log(sd) + c.r*c.r/2), Points: 1}
			got := tl.heldOut()
			if math.Abs(float64(got.MSE-want.MSE)) > 1e-12 || got.Coverage95 != want.Coverage95 ||
				math.Abs(float64(got.NLPD-want.NLPD)) > 1e-9 || got.Points != 1 {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
	if h := (tally{}).heldOut(); !math.IsNaN(float64(h.MSE)) {
		t.Errorf("nothing forecast gave %+v, want NaN figures", h)
	}
}

func TestSplitLast(t *testing.T) {
	for _, c := range []struct {
		name             string
		ages             []float64
		inAges, lastAges []float64
	}{
		{"latest mark alone", []float64{12, 14, 13}, []float64{12, 13}, []float64{14}},
		{"same-day marks all forecast", []float64{14, 12, 14}, []float64{12}, []float64{14, 14}},
		{"a single age: no input", []float64{12, 12}, nil, []float64{12, 12}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := trajectory.Series{ID: "1", Ages: c.ages, Values: c.ages}
			in, last := splitLast(s)
			if !slices.Equal(in.Ages, c.inAges) || !slices.Equal(last.Ages, c.lastAges) || !slices.Equal(last.Values, c.lastAges) {
				t.Errorf("in %v, last %v; want %v, %v", in.Ages, last.Ages, c.inAges, c.lastAges)
			}
		})
	}
}
