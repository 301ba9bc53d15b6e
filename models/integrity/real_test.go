package integrity

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/podium-sport/podium/datasets/importers"
	"github.com/podium-sport/podium/datasets/storetest"
)

const englandDir = "/work/shared/datasets/football-odds/england"

// englandMatches imports the England football-data files into a fresh
// store and loads them.
func englandMatches(t *testing.T) []Match {
	t.Helper()
	if testing.Short() {
		t.Skip("full-data test (import of England 1993–2018, about 20 s) skipped under -short")
	}
	if _, err := os.Stat(englandDir); err != nil {
		t.Skipf("SKIPPED: full-data test needs %s (%v)", englandDir, err)
	}
	ctx := context.Background()
	st := storetest.Open(t)
	dir := t.TempDir()
	if err := os.Symlink(englandDir, filepath.Join(dir, "england")); err != nil {
		t.Fatal(err)
	}
	if _, err := importers.Import(ctx, st, "football-data", dir, nil); err != nil {
		t.Fatal(err)
	}
	all, err := Load(ctx, st, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// TestEvaluateEngland scores England 2015–18 (every match with Pinnacle's
// opening and closing prices), then plants steam into the closing prices
// of random matches' results and measures how many the ranking finds.
func TestEvaluateEngland(t *testing.T) {
	all := englandMatches(t)
	cfg := Default()
	scored, err := Score(all, cfg)
	if err != nil {
		t.Fatal(err)
	}
	alerts, err := MatchAlerts(scored, cfg)
	if err != nil {
		t.Fatal(err)
	}
	runs := EntityRuns(scored, cfg)
	flagged := 0
	for _, r := range runs {
		if r.Q <= cfg.FDR {
			flagged++
		}
	}
	t.Logf("untouched: %d matches scored, %d alerted (%.2f %%), %d of %d teams and referees at q ≤ %.2f",
		len(scored), len(alerts), 100*float64(len(alerts))/float64(len(scored)), flagged, len(runs), cfg.FDR)
	if len(alerts) > int(cfg.MaxRate*float64(len(scored)))+1 {
		t.Errorf("%d alerts exceed the %.1f %% budget", len(alerts), 100*cfg.MaxRate)
	}
	ll := logLosses(t, scored)
	if !(ll["market_closing"] < ll["elo"] && ll["market_closing"] < ll["goals"]) {
		t.Errorf("the closing market did not beat the results-only models on log-loss: %v", ll)
	}
	var none evaluation
	none.add(scored, func(int) bool { return false }, 0)
	t.Logf("untouched baselines: any 10-point probability move flags %.2f %%, any 10 %% price move %.1f %%",
		100*float64(none.ruleFlag[0])/float64(len(scored)), 100*float64(none.ruleFlag[1])/float64(len(scored)))

	pos := map[int64]int{}
	for i := range all {
		pos[all[i].ID] = i
	}
	for _, v := range []struct {
		name     string
		shift    float64
		underdog bool
	}{{"shift 0.25, random results", 0.25, false}, {"shift 0.5, random results", 0.5, false}, {"shift 0.5, underdog results", 0.5, true}} {
		r := rand.New(rand.NewPCG(11, 2))
		planted := map[int64]bool{}
		work := slices.Clone(all)
		for _, k := range r.Perm(len(scored)) {
			s := &scored[k]
			if v.underdog && (s.Open[s.Outcome] < 0.1 || s.Open[s.Outcome] > 0.4) {
				continue
			}
			// the simulator's steam: p → p·(1+shift) at every closing price
			shiftQuotes(&work[pos[s.Match.ID]], func(q Quote) bool { return q.Phase == "closing" }, s.Outcome,
				func(p float64) float64 { return p * (1 + v.shift) })
			planted[s.Match.ID] = true
			if len(planted) == 40 {
				break
			}
		}
		again, err := Score(work, cfg)
		if err != nil {
			t.Fatal(err)
		}
		var ev evaluation
		truth := func(k int) bool { return planted[again[k].Match.ID] }
		ev.add(again, truth, len(planted))
		rec := ev.report(t, "England plants, "+v.name)
		if v.shift == 0.5 && !v.underdog && rec[2] < 0.5 {
			t.Errorf("%s: recall at 1 %% = %.2f, want ≥ 0.5", v.name, rec[2])
		}
	}
}
