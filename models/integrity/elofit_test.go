package integrity

import (
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/podium-sport/podium/models/rating"
)

// plantedLeague simulates seasons in which every ordered pair of teams
// meets once, in random order, teams/2 matches a day. The teams' true Elo
// ratings are fixed (normal, SD 150) and results are drawn from the 1x2
// construction of eloPrices at the true ratings plus home advantage home,
// with draws at 0.6·min(E, 1−E) (draw ratio 0.3): the model FitElo assumes.
func plantedLeague(seed uint64, teams, seasons int, home float64) []Match {
	r := rand.New(rand.NewPCG(seed, 7))
	strength := make([]float64, teams)
	for i := range strength {
		strength[i] = 150 * r.NormFloat64()
	}
	start := time.Date(2000, 8, 1, 0, 0, 0, 0, time.UTC)
	var ms []Match
	for s := range seasons {
		var pairs [][2]int
		for i := range teams {
			for j := range teams {
				if i != j {
					pairs = append(pairs, [2]int{i, j})
				}
			}
		}
		r.Shuffle(len(pairs), func(a, b int) { pairs[a], pairs[b] = pairs[b], pairs[a] })
		for k, p := range pairs {
			e := rating.Expected(strength[p[0]]+home, strength[p[1]], 400)
			pd := 0.6 * min(e, 1-e)
			u := r.Float64()
			hg, ag := 0, 1 // away win
			switch {
			case u < e-pd/2:
				hg, ag = 1, 0
			case u < e+pd/2:
				hg, ag = 1, 1
			}
			ms = append(ms, Match{ID: int64(len(ms) + 1), Date: start.AddDate(s, 0, k/(teams/2)),
				Home: fmt.Sprint("T", p[0]), Away: fmt.Sprint("T", p[1]), HomeGoals: hg, AwayGoals: ag})
		}
	}
	return ms
}

// TestFitEloRecoversHomeAdvantage plants a home advantage in a league of 16
// teams over 10 seasons (2,400 matches). The grid steps are 15–20 points
// and a home-win share over the ~480 matches the grid points are compared
// on has an SD of about 2 points (≈ 15 Elo points), so the fit must land
// within 30 points. The
// fitted Elo, being the true model, must beat the base rate held out.
func TestFitEloRecoversHomeAdvantage(t *testing.T) {
	for _, tc := range []struct {
		name string
		home float64
		seed uint64
	}{
		{"no home advantage", 0, 1},
		{"home advantage 50", 50, 2},
		{"home advantage 80", 80, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ms := plantedLeague(tc.seed, 16, 10, tc.home)
			fit, err := FitElo(ms, 0.2, DefaultEloGrid())
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("planted %v: fitted K %v home %v; held-out log-loss fitted %.4f, built-in %.4f, base rate %.4f",
				tc.home, fit.Config.KScale, fit.Config.HomeAdvantage, fit.Fitted.LogLoss, fit.Default.LogLoss, fit.BaseRate.LogLoss)
			if math.Abs(fit.Config.HomeAdvantage-tc.home) > 30 {
				t.Errorf("fitted home advantage %v, planted %v", fit.Config.HomeAdvantage, tc.home)
			}
			if fit.Fitted.LogLoss >= fit.BaseRate.LogLoss || fit.Fitted.Brier >= fit.BaseRate.Brier {
				t.Errorf("fitted %+v does not beat the base rate %+v", fit.Fitted, fit.BaseRate)
			}
			if fit.Train.N+fit.Test.N != len(ms) || !fit.Train.To.Before(fit.Test.From) {
				t.Errorf("split: train %+v, test %+v of %d matches", fit.Train, fit.Test, len(ms))
			}
			again, err := FitElo(ms, 0.2, DefaultEloGrid())
			if err != nil || !reflect.DeepEqual(fit, again) {
				t.Errorf("a second fit of the same matches differs: %+v, %v", again, err)
			}
		})
	}
}

// TestFitEloSimLeague fits the simulator's league (910 matches, 2021–25).
// The built-in K 20, home 35 is in the grid, so the chosen point's
// (weighted) training log-loss can be no worse than it; held out, the Elo must beat
// uniform prices (ln 3).
func TestFitEloSimLeague(t *testing.T) {
	for _, seed := range []uint64{1, 2} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			_, all, _ := simStore(t, seed)
			fit, err := FitElo(all, 0.2, DefaultEloGrid())
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("sim seed %d: K %v home %v; train %d (%s–%s), test %d (%s–%s); held-out log-loss fitted %.4f, built-in %.4f, base rate %.4f; Brier %.4f, %.4f, %.4f",
				seed, fit.Config.KScale, fit.Config.HomeAdvantage, fit.Train.N, day(fit.Train.From), day(fit.Train.To),
				fit.Test.N, day(fit.Test.From), day(fit.Test.To), fit.Fitted.LogLoss, fit.Default.LogLoss, fit.BaseRate.LogLoss,
				fit.Fitted.Brier, fit.Default.Brier, fit.BaseRate.Brier)
			only, err := FitElo(all, 0.2, EloGrid{K: []float64{20}, Home: []float64{35}})
			if err != nil {
				t.Fatal(err)
			}
			if fit.TrainLogLoss > only.TrainLogLoss || only.Fitted != fit.Default {
				t.Errorf("chosen training log-loss %.4f above the built-in's %.4f, or the built-in scored %+v and %+v",
					fit.TrainLogLoss, only.TrainLogLoss, only.Fitted, fit.Default)
			}
			if fit.Fitted.LogLoss >= math.Log(3) || fit.Train.N+fit.Test.N != len(all) {
				t.Errorf("fit %+v on %d matches", fit, len(all))
			}
		})
	}
}

// TestFitEloEngland fits England 1993–2018 (all divisions) and reports the
// held-out figures quoted in doc.go. The Elo must beat the base rate held
// out, and the fit must take well under a minute.
func TestFitEloEngland(t *testing.T) {
	all := englandMatches(t)
	start := time.Now()
	fit, err := FitElo(all, 0.2, DefaultEloGrid())
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	t.Logf("England: fit in %v; K %v home %v (weighted train log-loss %.4f); train %d (%s–%s), test %d (%s–%s)",
		took, fit.Config.KScale, fit.Config.HomeAdvantage, fit.TrainLogLoss,
		fit.Train.N, day(fit.Train.From), day(fit.Train.To), fit.Test.N, day(fit.Test.From), day(fit.Test.To))
	t.Logf("England held out: log-loss fitted %.4f, built-in %.4f, base rate %.4f; Brier %.4f, %.4f, %.4f",
		fit.Fitted.LogLoss, fit.Default.LogLoss, fit.BaseRate.LogLoss, fit.Fitted.Brier, fit.Default.Brier, fit.BaseRate.Brier)
	if fit.Fitted.LogLoss >= fit.BaseRate.LogLoss {
		t.Errorf("fitted Elo %.4f does not beat the base rate %.4f", fit.Fitted.LogLoss, fit.BaseRate.LogLoss)
	}
	if took > 30*time.Second {
		t.Errorf("fit took %v", took)
	}
}

func TestFitEloRejects(t *testing.T) {
	ms := plantedLeague(1, 4, 2, 0)
	unsorted := append([]Match(nil), ms...)
	unsorted[0], unsorted[len(unsorted)-1] = unsorted[len(unsorted)-1], unsorted[0]
	unplayed := append([]Match(nil), ms...)
	unplayed[3].HomeGoals = -1
	for _, tc := range []struct {
		name    string
		ms      []Match
		holdout float64
		grid    EloGrid
		want    string
	}{
		{"no matches", nil, 0.2, DefaultEloGrid(), "0 match days"},
		{"one day", ms[:1], 0.2, DefaultEloGrid(), "1 match days"},
		{"holdout 0", ms, 0, DefaultEloGrid(), "not between 0 and 1"},
		{"holdout 1", ms, 1, DefaultEloGrid(), "not between 0 and 1"},
		{"holdout NaN", ms, math.NaN(), DefaultEloGrid(), "not between 0 and 1"},
		{"unsorted", unsorted, 0.2, DefaultEloGrid(), "sort matches by date"},
		{"no score", unplayed, 0.2, DefaultEloGrid(), "has no score"},
		{"empty grid", ms, 0.2, EloGrid{K: []float64{20}}, "empty grid"},
		{"negative K", ms, 0.2, EloGrid{K: []float64{-5}, Home: []float64{0}}, "K scale must be positive"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := FitElo(tc.ms, tc.holdout, tc.grid); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
}

// TestScore1x2 checks the scores against hand calculations: prices
// (0.5, 0.3, 0.2) on a home win give −ln 0.5 = 0.6931 and Brier
// 0.25 + 0.09 + 0.04 = 0.38; on a draw −ln 0.3 = 1.2040 and 0.25 + 0.49 +
// 0.04 = 0.78.
func TestScore1x2(t *testing.T) {
	p := []Price{{0.5, 0.3, 0.2}, {0.5, 0.3, 0.2}}
	ms := []Match{{HomeGoals: 2, AwayGoals: 1}, {HomeGoals: 0, AwayGoals: 0}}
	got := score1x2(p, ms, nil)
	want := EloScore{(-math.Log(0.5) - math.Log(0.3)) / 2, (0.38 + 0.78) / 2}
	if math.Abs(got.LogLoss-want.LogLoss) > 1e-12 || math.Abs(got.Brier-want.Brier) > 1e-12 {
		t.Errorf("score %+v, want %+v", got, want)
	}
}

func day(t time.Time) string { return t.Format(time.DateOnly) }

func ExampleFitElo() {
	// 16 teams over 20 seasons (4,800 matches) with a planted home
	// advantage of 50 points; over 10 seasons this seed fits 35, the
	// neighbouring grid point.
	ms := plantedLeague(2, 16, 20, 50)
	fit, err := FitElo(ms, 0.2, DefaultEloGrid())
	if err != nil {
		panic(err)
	}
	fmt.Printf("home advantage %.0f, held-out matches %d\n", fit.Config.HomeAdvantage, fit.Test.N)
	fmt.Printf("beats the base rate: %t\n", fit.Fitted.LogLoss < fit.BaseRate.LogLoss)
	// Output:
	// home advantage 50, held-out matches 960
	// beats the base rate: true
}
