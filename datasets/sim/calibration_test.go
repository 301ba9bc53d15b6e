package sim

import (
	"fmt"
	"math"
	"testing"
)

// TestCalibration recomputes the constants of calibration.go from the real
// data and fails when they differ (beyond the rounding they were written
// with). It skips, loudly, when ../shared/datasets is absent.
func TestCalibration(t *testing.T) {
	dir := sharedDatasets(t)
	near := func(name string, got, want, tol float64) {
		t.Helper()
		if math.Abs(got-want) > tol {
			t.Errorf("%s: data gives %.6g, calibration.go has %.6g", name, got, want)
		}
	}
	t.Run("swimming", func(t *testing.T) {
		fit := fitSwim(t, dir)
		for s := 0; s < 2; s++ {
			if *printCalibration {
				fmt.Printf("swimCalibration[%d] = %#v\n", s, fit[s])
			}
			for i := 0; i < curveAges; i++ {
				age := fmt.Sprintf("sex %d age %d", s, curveMinAge+i)
				near(age+" logMean", fit[s].logMean[i], swimCalibration[s].logMean[i], 1e-5)
				near(age+" logSD", fit[s].logSD[i], swimCalibration[s].logSD[i], 1e-6)
				near(age+" adultCorr", fit[s].adultCorr[i], swimCalibration[s].adultCorr[i], 1e-4)
			}
			near(fmt.Sprintf("sex %d raceNoise", s), fit[s].raceNoise, swimCalibration[s].raceNoise, 1e-6)
		}
	})
	t.Run("athletics", func(t *testing.T) {
		for e := ev100m; e <= evLongJump; e++ {
			for s := 0; s < 2; s++ {
				fit := fitAnchor(t, dir, s, events[e].listFile, events[e].lowerIsBetter)
				if *printCalibration {
					fmt.Printf("%s sex %d: %+v\n", events[e].discipline, s, fit)
				}
				want := athleticsAnchors[e][s]
				name := fmt.Sprintf("%s sex %d", events[e].discipline, s)
				near(name+" eliteMark", fit.eliteMark, want.eliteMark, 1e-9)
				near(name+" peakAge", fit.peakAge, want.peakAge, 0.005)
				near(name+" athletes", float64(fit.athletes), float64(want.athletes), 0)
			}
		}
	})
	t.Run("football", func(t *testing.T) {
		fit := fitFootball(t, dir)
		if *printCalibration {
			fmt.Printf("footballCal = %+v\n", fit)
		}
		want := footballCal
		near("matches", float64(fit.matches), float64(want.matches), 0)
		near("homeGoals", fit.homeGoals, want.homeGoals, 5e-5)
		near("awayGoals", fit.awayGoals, want.awayGoals, 5e-5)
		near("drawRate", fit.drawRate, want.drawRate, 5e-5)
		near("halfTimeShare", fit.halfTimeShare, want.halfTimeShare, 5e-5)
		near("sharpMargin", fit.sharpMargin, want.sharpMargin, 5e-6)
		near("sharpClosingMargin", fit.sharpClosingMargin, want.sharpClosingMargin, 5e-6)
		near("softMargin", fit.softMargin, want.softMargin, 5e-6)
		near("closingMoveSD", fit.closingMoveSD, want.closingMoveSD, 5e-5)
	})
}

// TestCurvesReproduceSwimmingData checks that the simulated 100 m freestyle
// population has the FFN mean and spread of ln time at each age: a check
// of the curve algebra and of the latent-level model (level variance 1).
func TestCurvesReproduceSwimmingData(t *testing.T) {
	b := newBuilder(21)
	type acc struct{ s, ss, n float64 }
	var by [2][curveAges]acc
	for i := 0; i < 40_000; i++ {
		a := b.build(i)
		if a.events[0] != ev100Free || a.planted.fraudYears > 0 {
			continue
		}
		c := curves[ev100Free][a.sex]
		for k := 0; k < curveAges; k++ {
			age := float64(curveMinAge+k) + 0.5
			y := firstSeason + (i+k)%seasons // any season's form: all are N(0, 1)
			x := c.lnMark(age, a.level(0, age, y))
			p := &by[a.sex][k]
			p.s, p.ss, p.n = p.s+x, p.ss+x*x, p.n+1
		}
	}
	for s := 0; s < 2; s++ {
		for k := 0; k < curveAges; k++ {
			p := by[s][k]
			mean := p.s / p.n
			sd := math.Sqrt(p.ss/p.n - mean*mean)
			want := swimCalibration[s]
			// n ≈ 6,000 per cell: SE of the mean ≈ 0.09/√6000 ≈ 0.0012
			if math.Abs(mean-want.logMean[k]) > 0.005 {
				t.Errorf("sex %d age %d: mean ln time %.4f, FFN %.4f", s, curveMinAge+k, mean, want.logMean[k])
			}
			if math.Abs(sd/want.logSD[k]-1) > 0.05 {
				t.Errorf("sex %d age %d: SD %.4f, FFN %.4f", s, curveMinAge+k, sd, want.logSD[k])
			}
		}
	}
}

func TestLevelOfInvertsLnMark(t *testing.T) {
	for e := range events {
		for s := 0; s < 2; s++ {
			c := curves[e][s]
			for _, age := range []float64{10.2, 13.7, 16, 19.4} {
				for _, z := range []float64{-2, 0, 1.5} {
					if got := c.levelOf(age, math.Exp(c.lnMark(age, z))); math.Abs(got-z) > 1e-9 {
						t.Errorf("%s sex %d age %.1f: levelOf = %.6f, want %.1f", events[e].discipline, s, age, got, z)
					}
				}
			}
		}
	}
}

// TestEliteAnchor checks that an athlete eliteZ SDs above the 19-year-old
// mean reaches the all-time-list median at 19.5 (the end of the curve).
func TestEliteAnchor(t *testing.T) {
	for e := ev100m; e <= evLongJump; e++ {
		for s := 0; s < 2; s++ {
			c := curves[e][s]
			got := math.Exp(c.lnMark(19.5, eliteZ))
			if want := athleticsAnchors[e][s].eliteMark; math.Abs(got/want-1) > 1e-9 {
				t.Errorf("%s sex %d: %.3f, want %.3f", events[e].discipline, s, got, want)
			}
		}
	}
}
