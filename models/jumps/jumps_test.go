package jumps

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/podium-sport/podium/models/trajectory"
)

func TestInnovation(t *testing.T) {
	// A band exp(±1.96) around 1 on the log scale has μ = 0, s = 1, so a
	// mark e^z has innovation z (negated for times).
	p := trajectory.Point{Lower95: math.Exp(-z975), Upper95: math.Exp(z975)}
	tests := []struct {
		name          string
		p             trajectory.Point
		mark          float64
		lowerIsBetter bool
		want          float64
	}{
		{"median", p, 1, false, 0},
		{"one SD farther", p, math.E, false, 1},
		{"one SD faster", p, 1 / math.E, true, 1},
		{"upper bound of a time", p, math.Exp(z975), true, -z975},
		{"empty band", trajectory.Point{Lower95: 2, Upper95: 2}, 2, false, math.NaN()},
		{"no mark", p, 0, false, math.NaN()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Innovation(tt.p, tt.mark, tt.lowerIsBetter)
			if math.IsNaN(tt.want) != math.IsNaN(got) || !math.IsNaN(got) && math.Abs(got-tt.want) > 1e-12 {
				t.Fatalf("Innovation = %g, want %g", got, tt.want)
			}
			if !math.IsNaN(got) {
				if back := Band(tt.p, got, tt.lowerIsBetter); math.Abs(back-tt.mark) > 1e-12 {
					t.Fatalf("Band(Innovation) = %g, want the mark %g", back, tt.mark)
				}
			}
		})
	}
}

func TestCaveats(t *testing.T) {
	tests := []struct {
		name  string
		check Check
		want  [3]bool // break, new event, age group
	}{
		{"settled senior", Check{Result: Result{AgeYears: 27}, PrevAge: 26.9, Prior: 30, GapDays: 20}, [3]bool{}},
		{"back after 14 months", Check{Result: Result{AgeYears: 28}, PrevAge: 26.8, Prior: 30, GapDays: 420}, [3]bool{true, false, false}},
		{"third race in the event", Check{Result: Result{AgeYears: 25}, PrevAge: 24.9, Prior: 2, GapDays: 30}, [3]bool{false, true, false}},
		{"turned 20", Check{Result: Result{AgeYears: 20.1}, PrevAge: 19.8, Prior: 9, GapDays: 90}, [3]bool{false, false, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := Caveats(tt.check)
			for i, c := range cs {
				if c.Applies != tt.want[i] {
					t.Errorf("%s applies = %v, want %v (%s)", c.Name, c.Applies, tt.want[i], c.Detail)
				}
			}
		})
	}
}

func TestConditions(t *testing.T) {
	tests := []struct {
		name      string
		wind      float64
		windEvent bool
		venue     string
		want      [2]bool
	}{
		{"calm, sea level", 0.3, true, "Stade Charléty, Paris (FRA)", [2]bool{}},
		{"tail wind at altitude", 1.8, true, "Estadio Olímpico Universitario, México (MEX)", [2]bool{true, true}},
		{"wind not recorded", math.NaN(), true, "Oslo (NOR)", [2]bool{}},
		{"throw", math.NaN(), false, "Nairobi (KEN)", [2]bool{false, true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i, c := range Conditions(tt.wind, tt.windEvent, tt.venue) {
				if c.Applies != tt.want[i] {
					t.Errorf("%s applies = %v, want %v (%s)", c.Name, c.Applies, tt.want[i], c.Detail)
				}
			}
		})
	}
}

// synthetic simulates one timed event: n athletes born 1976–1995, racing
// 6 times a season from 18 to 30; log time = ln 11 + 0.0006·(age − 26)² +
// the athlete's own level (SD 3 %) + noise (SD 1 %); from 2010 every
// mark is 1 % faster (an era effect). Every planted-th athlete is 5 %
// faster from a random day after his tenth result. It returns the series
// and the planted jumps' first dates.
func synthetic(n, planted int, seed uint64) ([]Series, map[int]string) {
	rng := rand.New(rand.NewPCG(seed, 1))
	born := time.Date(1976, 1, 1, 0, 0, 0, 0, time.UTC)
	out, jumps := make([]Series, n), map[int]string{}
	for i := range out {
		birth := born.AddDate(0, 0, rng.IntN(20*365))
		level := 0.03 * rng.NormFloat64()
		var rs []Result
		for age := 18.0; age < 30; age += 1.0 / 6 {
			a := age + rng.Float64()/6
			date := birth.Add(time.Duration(a * 365.25 * 24 * float64(time.Hour)))
			y := math.Log(11) + 0.0006*(a-26)*(a-26) + level + 0.01*rng.NormFloat64()
			if date.Year() >= 2010 {
				y += math.Log(0.99)
			}
			rs = append(rs, Result{ID: int64(i*1000 + len(rs)), Date: date.Format(time.DateOnly), AgeYears: a, Mark: math.Exp(y)})
		}
		if planted > 0 && i%planted == 0 {
			from := 10 + rng.IntN(len(rs)-10)
			jumps[i] = rs[from].Date
			for k := from; k < len(rs); k++ {
				rs[k].Mark *= 0.95
			}
		}
		out[i] = Series{ID: fmt.Sprint(i), Results: rs}
	}
	return out, jumps
}

// TestScoreEvent plants 5 % jumps (about 3 forecast SDs) in one athlete in
// 25 and checks that at a 1 % budget most are found, while clean athletes
// are flagged in no more than the budget's share of their results.
func TestScoreEvent(t *testing.T) {
	series, planted := synthetic(300, 25, 1)
	checks, err := ScoreEvent(series, true, Config{})
	if err != nil {
		t.Fatal(err)
	}
	th := Calibrate(checks, 0.01)
	// The 1 % era shift of 2010 (about half a forecast SD) is taken up by
	// the season effect.
	var era [2]float64
	for _, cs := range checks {
		for _, c := range cs {
			switch c.Date[:4] {
			case "2009":
				era[0] = c.Season
			case "2010":
				era[1] = c.Season
			}
		}
	}
	t.Logf("season effect 2009 %.2f, 2010 %.2f", era[0], era[1])
	if era[1]-era[0] < 0.2 {
		t.Errorf("season effect 2009 %.2f, 2010 %.2f: the era shift of 2010 is not taken up", era[0], era[1])
	}
	found, clean, cleanFlagged := 0, 0, 0
	for i, cs := range checks {
		start, isPlanted := planted[i]
		hit := false
		for _, c := range cs {
			switch {
			case !isPlanted:
				clean++
				if th.Flagged(c) {
					cleanFlagged++
				}
			case c.Date >= start && th.Flagged(c):
				hit = true
			}
		}
		if hit {
			found++
		}
	}
	t.Logf("thresholds %+v; found %d of %d planted; clean flagged %d of %d", th, found, len(planted), cleanFlagged, clean)
	if found < len(planted)*8/10 {
		t.Errorf("found %d of %d planted 5 %% jumps, want ≥ 80 %%", found, len(planted))
	}
	if float64(cleanFlagged) > 0.01*float64(clean) {
		t.Errorf("clean results flagged %d of %d, above the 1 %% budget", cleanFlagged, clean)
	}
}

// TestScanNoLookAhead checks that a result's forecast does not change when
// a later result does.
func TestScanNoLookAhead(t *testing.T) {
	series, _ := synthetic(120, 0, 2)
	seasons, err := FitSeasons(series, Config{})
	if err != nil {
		t.Fatal(err)
	}
	// Results run 1994–2025: cut-offs every 4 years once 50 athletes have
	// results before one.
	cuts := seasons.Cutoffs()
	if len(cuts) < 3 {
		t.Fatalf("cut-offs %v: want several", cuts)
	}
	for _, c := range cuts {
		if c%4 != 0 {
			t.Errorf("cut-off %d is not a multiple of RefitYears 4", c)
		}
	}
	rs := series[0].Results
	before, err := Scan(rs, true, seasons.Forecaster, 2, 20)
	if err != nil {
		t.Fatal(err)
	}
	changed := append([]Result(nil), rs...)
	changed[len(changed)-1].Mark *= 0.8
	after, err := Scan(changed, true, seasons.Forecaster, 2, 20)
	if err != nil {
		t.Fatal(err)
	}
	if len(before) < 10 || len(before) != len(after) {
		t.Fatalf("%d and %d checks, want the same, ≥ 10", len(before), len(after))
	}
	for i := range len(before) - 1 {
		if before[i].Forecast != after[i].Forecast || before[i].Z != after[i].Z {
			t.Fatalf("check %d (%s) changed with the last result: %+v vs %+v", i, before[i].Date, before[i], after[i])
		}
	}
	if before[len(before)-1].Z >= after[len(after)-1].Z {
		t.Errorf("a 20 %% faster last race did not raise its innovation")
	}
}

func TestCalibrate(t *testing.T) {
	series, _ := synthetic(150, 0, 3)
	checks, err := ScoreEvent(series, true, Config{})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, cs := range checks {
		n += len(cs)
	}
	for _, budget := range []float64{0.005, 0.02, 0.1} {
		th := Calibrate(checks, budget)
		flagged := 0
		for _, cs := range checks {
			flagged += th.count(cs)
		}
		// At most ⌊budget·n⌋ by construction; bisection on the quantile
		// level gets within a few results of it (ties aside).
		if flagged > int(budget*float64(n)) || flagged < int(0.8*budget*float64(n)) {
			t.Errorf("budget %g: %d of %d flagged, want %d at most and 80 %% of it", budget, flagged, n, int(budget*float64(n)))
		}
	}
	if th := Calibrate(nil, 0.01); !math.IsInf(th.Z, 1) || !math.IsInf(th.CUSUM, 1) {
		t.Errorf("no checks: thresholds %+v, want +Inf", th)
	}
}
