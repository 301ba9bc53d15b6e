package trajectory

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestFitSubsample: beyond MaxSeries, Fit learns from the series of smallest
// sampleHash, whatever the order of its input: the artifact is byte for byte
// the one fitted on exactly those series, and it still forecasts the series
// left out.
func TestFitSubsample(t *testing.T) {
	series := synthetic(80, 7)
	cfg := Config{MaxSeries: 30}
	m1, err := Fit(series, cfg)
	if err != nil {
		t.Fatal(err)
	}
	shuffled := slices.Clone(series)
	rand.New(rand.NewPCG(8, 8)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	m2, err := Fit(shuffled, cfg)
	if err != nil {
		t.Fatal(err)
	}
	byHash := slices.Clone(series)
	slices.SortFunc(byHash, func(a, b Series) int {
		return cmp.Or(cmp.Compare(sampleHash(a.ID), sampleHash(b.ID)), strings.Compare(a.ID, b.ID))
	})
	m3, err := Fit(byHash[:30], Config{})
	if err != nil {
		t.Fatal(err)
	}
	b1, _ := m1.MarshalBinary()
	b2, _ := m2.MarshalBinary()
	b3, _ := m3.MarshalBinary()
	if !bytes.Equal(b1, b2) {
		t.Error("two fits of the same series in different orders give different artifacts")
	}
	if !bytes.Equal(b1, b3) {
		t.Error("the subsampled fit differs from the fit on the 30 series of smallest hash")
	}
	left := byHash[len(byHash)-1]
	if _, err := m1.Forecast(left, []float64{16, 18}); err != nil {
		t.Errorf("forecast a series outside the subsample: %v", err)
	}
	if m4, err := Fit(series, Config{MaxSeries: 40}); err != nil {
		t.Fatal(err)
	} else if b4, _ := m4.MarshalBinary(); bytes.Equal(b1, b4) {
		t.Error("MaxSeries 30 and 40 give the same artifact: the cap is not applied")
	}
}

// TestFitSubsampleChecksAll: a bad series is reported even when the
// subsample leaves it out.
func TestFitSubsampleChecksAll(t *testing.T) {
	series := synthetic(40, 9)
	series[0].Values[0] = -1
	if _, err := Fit(series, Config{MaxSeries: 5}); err == nil || !strings.Contains(err.Error(), series[0].ID) {
		t.Errorf("error %v, want the bad series %q named", err, series[0].ID)
	}
}

// BenchmarkFit fits populations of graded sizes (synthetic series of about
// 12 points each). Up to MaxSeries (2000) the cost grows with the series;
// beyond it only the checks, the hashes and the pick of the subsample do
// (linear, microseconds per series), the EM fit stays that of 2000 series.
func BenchmarkFit(b *testing.B) {
	for _, n := range []int{1e3, 1e4, 1e5} {
		series := synthetic(n, 10)
		b.Run(fmt.Sprintf("%.0e", float64(n)), func(b *testing.B) {
			for b.Loop() {
				if _, err := Fit(series, Config{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestCrossValidate: every synthetic series (all have later points) is
// scored once, two runs agree, and the forecasts beat the spread of the
// individual levels, (0.05 × 60 s)² ≈ 9 s² (synthetic's level SD on the log
// scale times its time at 10), which the population curve alone would pay.
func TestCrossValidate(t *testing.T) {
	series := synthetic(60, 11)
	sc, err := CrossValidate(series, Config{}, 3, 0.6)
	if err != nil {
		t.Fatal(err)
	}
	again, err := CrossValidate(series, Config{}, 3, 0.6)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Series != len(series) || sc != again || !(sc.MSE < 9) || sc.Coverage95 < 0.8 {
		t.Errorf("score %+v, again %+v: want %d series, MSE < 9, coverage ≥ 0.8", sc, again, len(series))
	}
	if _, err := CrossValidate(series, Config{}, 1, 0.6); !errors.Is(err, ErrBadInput) {
		t.Errorf("one fold: error %v, want ErrBadInput", err)
	}
}
