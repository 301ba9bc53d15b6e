package talent

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/podium-sport/podium/models/potential"
)

// TestRobustness runs the ATP back-test (born 1978–1989 → 1990–1997) at
// freeze ages 16–19 and elite ranks 50, 100, 200, and prints the model's
// AUC, precision@k, Brier score and ECE beside the best baseline's on each
// (the best of the three one-feature baselines per metric: highest AUC and
// precision@k, lowest Brier and ECE). The model must beat the best
// baseline's AUC everywhere; the other columns are reported (doc.go) as
// measured, wins and losses alike.
func TestRobustness(t *testing.T) {
	st := atp(t)
	var b strings.Builder
	fmt.Fprintf(&b, "\nfreeze elite  n     pos | model AUC  P@k    Brier   ECE    | best AUC   P@k    Brier   ECE    | wins\n")
	for _, age := range []float64{16, 17, 18, 19} {
		for _, elite := range []int{50, 100, 200} {
			rep, err := Backtest(context.Background(), &Tennis{Store: st, EliteRank: elite}, Config{
				FreezeAge: age, TrainBorn: [2]int{1978, 1989}, TestBorn: [2]int{1990, 1997}, Options: potential.DefaultOptions()})
			if err != nil {
				t.Fatalf("freeze %g, elite %d: %v", age, elite, err)
			}
			m, best := rep.Model, bestBaseline(rep)
			fmt.Fprintf(&b, "%-6g ≤%-5d %-5d %-3d | %.3f  %.3f  %.4f  %.4f | %.3f  %.3f  %.4f  %.4f | %s\n",
				age, elite, m.N, m.Positives, m.AUC, m.PrecisionAtK, m.Brier, m.ECE,
				best.AUC, best.PrecisionAtK, best.Brier, best.ECE, wins(m, best))
			if m.AUC <= best.AUC {
				t.Errorf("freeze %g, elite ≤%d: model AUC %.3f does not beat the best baseline's %.3f", age, elite, m.AUC, best.AUC)
			}
		}
	}
	t.Log(b.String())
}

// bestBaseline returns, metric by metric, the best value over the report's
// baselines.
func bestBaseline(rep *Report) potential.Metrics {
	var best potential.Metrics
	for i, name := range rep.BaselineNames() {
		m := rep.Baselines[name]
		if i == 0 {
			best = m
			continue
		}
		best.AUC, best.PrecisionAtK = max(best.AUC, m.AUC), max(best.PrecisionAtK, m.PrecisionAtK)
		best.Brier, best.ECE = min(best.Brier, m.Brier), min(best.ECE, m.ECE)
	}
	return best
}

// wins lists the metrics on which m beats best, in the table's order.
func wins(m, best potential.Metrics) string {
	var w []string
	for _, c := range []struct {
		name string
		ok   bool
	}{{"AUC", m.AUC > best.AUC}, {"P@k", m.PrecisionAtK > best.PrecisionAtK}, {"Brier", m.Brier < best.Brier}, {"ECE", m.ECE < best.ECE}} {
		if c.ok {
			w = append(w, c.name)
		}
	}
	return strings.Join(w, " ")
}
