package main

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/podium-sport/podium/datasets/sim"
	"github.com/podium-sport/podium/scoring"
)

const backtestBoardSynopsis = `backtest board --db DB --test-born Y1-Y2 [--train-born-to Y] [--elite LEVELS] [--family-elite N] [--seed S] [--json]

The talent board for marks sports (athletics, swimming) on simulated data:
the board is built as of the latest result, P(elite) is trained on the
athletes born in or before --train-born-to (default: last season − 19) and
scored on those born Y1–Y2, against the senior level the simulator planted
(elite = one of --elite, default elite,national). Reports AUC, PR-AUC,
precision@k, Brier and ECE next to one-feature baselines (raw birth-year
level, RAE-corrected level), the Spearman correlation of each score with the
planted potential, and the birth-quarter Q1:Q4 odds ratio of the top 10 %.
A sport with at least N elite and N non-elite training athletes gets a
P(elite) model of its own (--family-elite, default 200; -1: pooled only).`

// boardReport is what --json prints.
type boardReport struct {
	*scoring.Evaluation
	TrainBornTo int      `json:"train_born_to"`
	TrainN      int      `json:"train_n"`
	Families    []string `json:"families"` // sports scored by a model of their own
	AsOf        string   `json:"as_of"`
	Seconds     float64  `json:"seconds"`
}

func runBacktestBoard(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "backtest board", backtestBoardSynopsis)
	db := dbFlag(fs)
	testBorn := fs.String("test-born", "", "test cohort: birth years Y1-Y2")
	trainTo := fs.Int("train-born-to", 0, "last birth year of the training cohorts (0: last season − 19)")
	elite := fs.String("elite", "elite,national", "senior levels that count as elite")
	seed := fs.Uint64("seed", 1, "seed")
	familyElite := fs.Int("family-elite", scoring.DefaultFamilyElite, "fewest elite and non-elite training athletes for a sport's own model (-1: pooled only)")
	asJSON := fs.Bool("json", false, `print {"model", "baselines", "spearman_potential", "top10_q1_q4_odds_ratio", ...}`)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	test, err := yearRange("--test-born", *testBorn)
	if err != nil || fs.NArg() > 0 {
		fmt.Fprintln(env.stderr, "podium backtest board:", err)
		return errUsage
	}
	levels := strings.Split(*elite, ",")
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	known, err := st.Outcomes(ctx, sim.Source)
	if err != nil {
		return err
	}
	asOf, err := scoring.LatestResult(ctx, st)
	if err != nil {
		return err
	}
	truth := map[int64]scoring.Truth{}
	for id, o := range known {
		truth[id] = scoring.Truth{Level: o.SeniorLevel, Potential: o.Potential}
	}
	// Only the training cohorts' outcomes reach the model.
	outcomes := func(context.Context) (map[int64]string, error) {
		out := map[int64]string{}
		for id, o := range known {
			out[id] = o.SeniorLevel
		}
		return out, nil
	}
	bar := env.newProgress(100, "backtest board")
	b, err := scoring.Build(ctx, st, outcomes, scoring.Config{AsOf: asOf.AddDate(0, 0, 1), TrainBornTo: *trainTo,
		Elite: levels, Seed: *seed, FamilyElite: *familyElite, Progress: bar.Stage})
	bar.Finish()
	if err != nil {
		return err
	}
	ev, err := b.Evaluate(truth, levels, test)
	if err != nil {
		return err
	}
	rep := boardReport{Evaluation: ev, TrainBornTo: b.TrainBornTo, TrainN: b.TrainN, Families: []string{},
		AsOf: b.AsOf.Format(time.DateOnly)}
	for _, f := range b.Families {
		rep.Families = append(rep.Families, f.Sport)
	}
	rep.Seconds = time.Since(start).Seconds()
	if *asJSON {
		return writeJSON(env.stdout, rep)
	}
	printBoard(env, rep)
	return nil
}

func printBoard(env *cliEnv, r boardReport) {
	fmt.Fprintf(env.stdout, "trained on %d athletes born ≤ %d; tested on those born %d–%d (%d, %d elite); own models: %v\n",
		r.TrainN, r.TrainBornTo, r.TestBorn[0], r.TestBorn[1], r.Model.N, r.Model.Positives, r.Families)
	fmt.Fprintf(env.stdout, "%-10s %6s %7s %6s %7s %7s %9s %12s\n", "score", "AUC", "PR-AUC", "P@k", "Brier", "ECE", "Spearman", "top10 Q1:Q4")
	names := []string{"model"}
	for n := range r.Baselines {
		names = append(names, n)
	}
	sort.Strings(names[1:])
	for _, n := range names {
		m := r.Model
		if n != "model" {
			m = r.Baselines[n]
		}
		fmt.Fprintf(env.stdout, "%-10s %6.3f %7.3f %6.3f %7.4f %7.4f %9.3f %12.2f\n", n, m.AUC, m.PRAUC, m.PrecisionAtK,
			m.Brier, m.ECE, float64(r.Spearman[n]), r.Top10[n].Value)
	}
}
