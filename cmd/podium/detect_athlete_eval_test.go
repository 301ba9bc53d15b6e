package main

import (
	"context"
	"math"
	"sort"
	"testing"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/sim"
	"github.com/podium-sport/podium/datasets/storetest"
	"github.com/podium-sport/podium/models/agefraud"
	"github.com/podium-sport/podium/models/anomaly"
	"github.com/podium-sport/podium/models/passport"
	"gonum.org/v1/gonum/mat"
)

// simStore generates a simulated store of n athletes (seed) for an evaluation.
func simStore(t *testing.T, n int, seed uint64) *datasets.Store {
	t.Helper()
	st := storetest.Open(t)
	if _, err := sim.Generate(context.Background(), st, sim.Config{Athletes: n, Seed: seed}, nil); err != nil {
		t.Fatal(err)
	}
	return st
}

// plantedBlood reads the planted blood manipulations (evaluation only).
func plantedBlood(t *testing.T, st *datasets.Store) map[int64]plantedCase {
	t.Helper()
	truth, err := readPlantedBlood(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	return truth
}

func mustScoreBlood(t *testing.T, profiles []bloodProfile, truth map[int64]plantedCase, cfg passport.Config) *bloodScore {
	t.Helper()
	s, err := scoreBlood(profiles, truth, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// hgbPercentileBaseline flags an athlete when any HGB value lies outside the
// 1st–99th percentile of the values of the same sex.
func hgbPercentileBaseline(profiles []bloodProfile, truth map[int64]plantedCase) (spec float64, sens map[string]float64) {
	vals := map[string][]float64{}
	for _, p := range profiles {
		for _, s := range p.v.Samples {
			vals[p.v.Sex] = append(vals[p.v.Sex], s.HGB)
		}
	}
	lim := map[string][2]float64{}
	for sex, v := range vals {
		sort.Float64s(v)
		lim[sex] = [2]float64{v[len(v)/100], v[len(v)*99/100]}
	}
	var clean, cleanFlag int
	planted, flagged := map[string]int{}, map[string]int{}
	for _, p := range profiles {
		out := false
		for _, s := range p.v.Samples {
			if l := lim[p.v.Sex]; s.HGB < l[0] || s.HGB > l[1] {
				out = true
			}
		}
		if tc, ok := truth[p.athleteID]; ok {
			planted[tc.pattern]++
			if out {
				flagged[tc.pattern]++
			}
		} else {
			clean++
			if out {
				cleanFlag++
			}
		}
	}
	sens = map[string]float64{}
	for k, n := range planted {
		sens[k] = float64(flagged[k]) / float64(n)
	}
	return 1 - float64(cleanFlag)/float64(clean), sens
}

// TestBloodPassportEvaluation measures the passport on a simulated squad
// against the planted EPO-like and transfusion-like patterns.
func TestBloodPassportEvaluation(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluation on 120,000 simulated athletes: skipped under -short")
	}
	st := simStore(t, 120000, 11)
	profiles, err := loadBloodProfiles(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	truth := plantedBlood(t, st)
	abp := mustScoreBlood(t, profiles, truth, passport.DefaultConfig)
	fixed := passport.DefaultConfig
	fixed.FixedRanges = true
	base := mustScoreBlood(t, profiles, truth, fixed)
	primary := passport.DefaultConfig
	primary.Judge = []passport.Marker{passport.HGB, passport.OFF}
	fixedPrimary := primary
	fixedPrimary.FixedRanges = true
	for _, r := range []struct {
		name string
		s    *bloodScore
	}{{"individual (ABP)", abp}, {"population ranges", base},
		{"individual, HGB+OFF only", mustScoreBlood(t, profiles, truth, primary)},
		{"population, HGB+OFF only", mustScoreBlood(t, profiles, truth, fixedPrimary)}} {
		s := r.s
		t.Logf("%s: %d clean athletes, specificity %.4f; sensitivity EPO %.3f (%d), transfusion %.3f (%d)",
			r.name, s.cleanAthletes, s.athleteSpec(), s.sens("epo"), s.planted["epo"], s.sens("transfusion"), s.planted["transfusion"])
		t.Logf("%s: per value specificity hgb %.4f ret %.4f off %.4f; per sample: clean %.4f, manipulated samples flagged %.3f (%d)",
			r.name, 1-float64(s.cleanValuesOut[0])/float64(s.cleanValues[0]), 1-float64(s.cleanValuesOut[1])/float64(s.cleanValues[1]),
			1-float64(s.cleanValuesOut[2])/float64(s.cleanValues[2]), 1-float64(s.cleanSamplesFlagged)/float64(s.cleanSamples),
			float64(s.plantedSamplesFlagged)/float64(s.plantedSamples), s.plantedSamples)
	}
	spec, sens := hgbPercentileBaseline(profiles, truth)
	t.Logf("HGB outside population 1st–99th percentile: specificity %.4f; sensitivity EPO %.3f, transfusion %.3f", spec, sens["epo"], sens["transfusion"])
	for k := range abp.cleanValues {
		if got := 1 - float64(abp.cleanValuesOut[k])/float64(abp.cleanValues[k]); got < 0.985 || got > 0.995 {
			t.Errorf("per-value specificity of %s on clean athletes = %.4f, want 0.99 ± 0.005", passport.Markers[k].Name(), got)
		}
	}
	if abp.athleteSpec() < 0.985 {
		t.Errorf("athlete specificity %.4f, want ≥ 0.985", abp.athleteSpec())
	}
	for _, p := range []string{"epo", "transfusion"} {
		if abp.sens(p) <= base.sens(p) {
			t.Errorf("%s: individual ranges sensitivity %.3f not above population ranges %.3f", p, abp.sens(p), base.sens(p))
		}
	}
}

// atBudget returns the recall and precision of flagging the share budget of
// athletes with the highest score.
func atBudget(ids []int64, score []float64, truth map[int64]bool, budget float64) (recall, precision float64, flagged int) {
	idx := make([]int, 0, len(ids))
	for i := range ids {
		if !math.IsNaN(score[i]) {
			idx = append(idx, i)
		}
	}
	sort.Slice(idx, func(a, b int) bool { return score[idx[a]] > score[idx[b]] })
	k := int(math.Round(budget * float64(len(ids))))
	var tp, pos int
	for _, id := range ids {
		if truth[id] {
			pos++
		}
	}
	for _, i := range idx[:min(k, len(idx))] {
		if truth[ids[i]] {
			tp++
		}
	}
	return float64(tp) / float64(pos), float64(tp) / float64(k), k
}

// TestAgeFraudEvaluation measures the growth screen against planted age
// fraud at fixed alert budgets, signal by signal and combined.
func TestAgeFraudEvaluation(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluation on 120,000 simulated athletes: skipped under -short")
	}
	st := simStore(t, 120000, 11)
	recs, err := loadGrowth(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	truth, err := plantedAgeFraud(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	athletes := make([]agefraud.Athlete, len(recs))
	ids := make([]int64, len(recs))
	var measured int
	for i, r := range recs {
		athletes[i], ids[i] = r.v, r.athleteID
		if truth[r.athleteID] {
			measured++
		}
	}
	res, err := agefraud.Screen(athletes)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d athletes with growth sessions, %d of them planted age fraud (of %d planted)", len(recs), measured, len(truth))
	score := func(f func(r agefraud.Result) float64) []float64 {
		out := make([]float64, len(res))
		for i, r := range res {
			out[i] = f(r)
		}
		return out
	}
	maha, forest := genericScores(t, res)
	for _, budget := range []float64{0.005, 0.01, 0.02} {
		for k, name := range agefraud.SignalNames {
			rec, prec, n := atBudget(ids, score(func(r agefraud.Result) float64 { return r.Signals[k] }), truth, budget)
			t.Logf("budget %.1f %% (%d alerts) %-18s recall %.3f precision %.3f", 100*budget, n, name, rec, prec)
		}
		rec, prec, n := atBudget(ids, score(func(r agefraud.Result) float64 { return r.Score }), truth, budget)
		t.Logf("budget %.1f %% (%d alerts) %-18s recall %.3f precision %.3f", 100*budget, n, "combined score", rec, prec)
		if budget == 0.01 && rec < 10*budget {
			t.Errorf("combined score recall %.3f at a 1 %% budget: less than 10 times the random 1 %%", rec)
		}
		for _, g := range []struct {
			name   string
			scores []float64
		}{{"Mahalanobis (LW)", maha}, {"isolation forest", forest}} {
			rec, prec, n = atBudget(ids, g.scores, truth, budget)
			t.Logf("budget %.1f %% (%d alerts) %-18s recall %.3f precision %.3f", 100*budget, n, g.name, rec, prec)
		}
	}
}

// genericScores are the generic alternatives to the combined score: the
// squared Mahalanobis distance (Ledoit–Wolf) and the isolation-forest score
// of each athlete's signal vector, signed by its mean so that only "older"
// bodies rank high; NaN for athletes missing a signal.
func genericScores(t *testing.T, res []agefraud.Result) (maha, forest []float64) {
	t.Helper()
	var rows []float64
	complete := func(r agefraud.Result) bool {
		for _, v := range r.Signals {
			if math.IsNaN(v) {
				return false
			}
		}
		return true
	}
	for _, r := range res {
		if complete(r) {
			rows = append(rows, r.Signals[:]...)
		}
	}
	p := len(res[0].Signals)
	x := mat.NewDense(len(rows)/p, p, rows)
	m, err := anomaly.FitMahalanobis(x)
	if err != nil {
		t.Fatal(err)
	}
	f, err := anomaly.FitIsolationForest(x, anomaly.DefaultForest)
	if err != nil {
		t.Fatal(err)
	}
	maha, forest = make([]float64, len(res)), make([]float64, len(res))
	for i, r := range res {
		maha[i], forest[i] = math.NaN(), math.NaN()
		if complete(r) {
			maha[i] = math.Copysign(m.Distance2(r.Signals[:]), r.Score)
			forest[i] = math.Copysign(f.Score(r.Signals[:]), r.Score)
		}
	}
	return maha, forest
}
