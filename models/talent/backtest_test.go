package talent

import (
	"context"
	"testing"

	"github.com/podium-sport/podium/models/potential"
	"github.com/podium-sport/podium/models/talent/talenttest"
)

// TestBacktestATP runs the reference back-test on the full ATP data:
// born 1978–1989 → 1990–1997, frozen at 18, elite = career-best ≤ 100.
// Measured (doc.go): model AUC 0.899, precision@k 0.455, Brier 0.0300,
// ECE 0.0112; best ranking before 18: AUC 0.848, precision@k 0.388, Brier
// 0.0308, ECE 0.0147 (the issue author measured ≈ 0.85 and ≈ 0.39). The
// bounds leave room for small changes of the import, not for losing the
// gain over the baselines.
func TestBacktestATP(t *testing.T) {
	st := atp(t)
	rep, err := Backtest(context.Background(), &Tennis{Store: st, EliteRank: 100}, Config{
		FreezeAge: 18, TrainBorn: [2]int{1978, 1989}, TestBorn: [2]int{1990, 1997}, Options: potential.DefaultOptions()})
	if err != nil {
		t.Fatal(err)
	}
	m, b, best := rep.Model, rep.Baselines["best_rank_before_cutoff"], bestBaseline(rep)
	t.Logf("model %+v\nbest rank %+v", m, b)
	if rep.Train.N < 2800 || m.N < 2800 || m.Positives < 110 || m.Positives > 130 {
		t.Errorf("cohorts: train %d (%d elite), test %d (%d elite); want about 2,930 (221) and 2,940 (121)",
			rep.Train.N, rep.Train.Positives, m.N, m.Positives)
	}
	if b.AUC < 0.83 || b.AUC > 0.87 || b.PrecisionAtK < 0.35 || b.PrecisionAtK > 0.43 {
		t.Errorf("best-rank baseline AUC %.3f, precision@k %.3f: want ≈ 0.85 and ≈ 0.39 as the issue measured", b.AUC, b.PrecisionAtK)
	}
	if m.AUC < 0.885 || m.AUC < best.AUC+0.03 || m.PrecisionAtK < 0.43 {
		t.Errorf("model AUC %.3f, precision@k %.3f: want ≥ 0.885 (measured 0.899), 0.03 above the best baseline's %.3f, and ≥ 0.43 (measured 0.455)",
			m.AUC, m.PrecisionAtK, best.AUC)
	}
	if m.Brier >= best.Brier || m.ECE >= best.ECE {
		t.Errorf("model Brier %.4f, ECE %.4f (measured 0.0300, 0.0112): want below every baseline's (best %.4f, %.4f)", m.Brier, m.ECE, best.Brier, best.ECE)
	}
}

// TestBacktestSynthetic checks the harness end to end on synthetic players
// whose latent skill drives both their junior results and their career.
func TestBacktestSynthetic(t *testing.T) {
	st := importSynthetic(t, talenttest.Generate(300, 5))
	rep, err := Backtest(context.Background(), &Tennis{Store: st, EliteRank: 50}, Config{
		FreezeAge: 18, TrainBorn: [2]int{1980, 1989}, TestBorn: [2]int{1990, 1995}, Options: potential.DefaultOptions()})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Model.AUC < 0.75 || len(rep.Predictions) != rep.Model.N || len(rep.Baselines) != 3 {
		t.Errorf("synthetic back-test: model %+v, %d predictions, baselines %v", rep.Model, len(rep.Predictions), rep.BaselineNames())
	}
}
