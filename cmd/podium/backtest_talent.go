package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/podium-sport/podium/models/potential"
	"github.com/podium-sport/podium/models/talent"
)

const backtestTalentSynopsis = `backtest talent --db DB --sport tennis --freeze-age A --elite-rank R
       --train-born Y1-Y2 --test-born Y3-Y4 [--predictions FILE] [--json]

Fits P(elite) on the athletes born Y1–Y2 and scores those born Y3–Y4, every
athlete frozen at his A-th birthday (features read only the matches before
it); elite = career-best ranking ≤ R. Reports AUC, PR-AUC, precision@k, Brier
and ECE against one-feature baselines. --predictions writes
source_id,p_elite,label per test athlete.`

func runBacktestTalent(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "backtest talent", backtestTalentSynopsis)
	db := dbFlag(fs)
	sport := fs.String("sport", "tennis", "sport (tennis)")
	age := fs.Float64("freeze-age", 18, "cut-off age in years")
	elite := fs.Int("elite-rank", 100, "elite = career-best ranking at or better than this")
	trainBorn := fs.String("train-born", "", "training cohort: birth years Y1-Y2")
	testBorn := fs.String("test-born", "", "test cohort: birth years Y3-Y4")
	preds := fs.String("predictions", "", "CSV file for the test predictions")
	asJSON := fs.Bool("json", false, `print {"model", "baselines", "train", "features", "seconds"}`)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg := talent.Config{FreezeAge: *age, Options: potential.DefaultOptions(), Bootstrap: 500}
	if err := talentArgs(env, fs.NArg(), *sport, *age, *elite, *trainBorn, *testBorn, &cfg); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	rep, err := talent.Backtest(ctx, &talent.Tennis{Store: st, EliteRank: *elite}, cfg)
	if err != nil {
		return err
	}
	if *preds != "" {
		if err := writeTalentPredictions(*preds, rep.Predictions); err != nil {
			return err
		}
	}
	if *asJSON {
		return writeJSON(env.stdout, rep)
	}
	printTalent(env, rep)
	return nil
}

// talentArgs checks the flags and fills the cohorts of cfg.
func talentArgs(env *cliEnv, nargs int, sport string, age float64, elite int, train, test string, cfg *talent.Config) error {
	usage := func(msg string) error {
		fmt.Fprintln(env.stderr, "podium backtest talent:", msg)
		return errUsage
	}
	var err error
	switch {
	case nargs > 0:
		return usage("unexpected arguments")
	case sport != "tennis":
		return usage(fmt.Sprintf("--sport %q: only tennis is supported", sport))
	case age <= 0 || age > 100:
		return usage(fmt.Sprintf("--freeze-age %g: want years in (0, 100]", age))
	case elite < 1:
		return usage(fmt.Sprintf("--elite-rank %d: want a ranking ≥ 1", elite))
	}
	if cfg.TrainBorn, err = yearRange("--train-born", train); err != nil {
		return usage(err.Error())
	}
	if cfg.TestBorn, err = yearRange("--test-born", test); err != nil {
		return usage(err.Error())
	}
	return nil
}

// yearRange parses "Y1-Y2" (inclusive, Y1 ≤ Y2).
func yearRange(flag, s string) ([2]int, error) {
	a, b, ok := strings.Cut(s, "-")
	y1, err1 := strconv.Atoi(a)
	y2, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || y1 > y2 {
		return [2]int{}, fmt.Errorf("%s %q: want birth years Y1-Y2, e.g. 1978-1989", flag, s)
	}
	return [2]int{y1, y2}, nil
}

// writeTalentPredictions writes source_id,p_elite,label (label 1 = elite).
func writeTalentPredictions(path string, ps []talent.Prediction) error {
	rows := [][]string{{"source_id", "p_elite", "label"}}
	for _, p := range ps {
		label := map[bool]string{false: "0", true: "1"}[p.Elite]
		rows = append(rows, []string{p.SourceID, strconv.FormatFloat(p.P, 'g', 6, 64), label})
	}
	f, err := os.Create(path)
	if err == nil {
		err = csv.NewWriter(f).WriteAll(rows)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return fmt.Errorf("backtest talent: predictions %s: %w", path, err)
	}
	return nil
}

func printTalent(env *cliEnv, rep *talent.Report) {
	fmt.Fprintf(env.stdout, "train: %d athletes, %d elite (λ = %g, %s calibration); test: %d athletes, %d elite\n\n",
		rep.Train.N, rep.Train.Positives, rep.Train.CV.Lambda, rep.Train.CV.Calibration, rep.Model.N, rep.Model.Positives)
	fmt.Fprintf(env.stdout, "%-26s %6s %6s %6s %7s %7s\n", "", "AUC", "PR-AUC", "P@k", "Brier", "ECE")
	row := func(name string, m potential.Metrics) {
		fmt.Fprintf(env.stdout, "%-26s %6.3f %6.3f %6.3f %7.4f %7.4f\n", name, m.AUC, m.PRAUC, m.PrecisionAtK, m.Brier, m.ECE)
	}
	row("model", rep.Model)
	for _, name := range rep.BaselineNames() {
		row(name, rep.Baselines[name])
	}
	fmt.Fprintf(env.stdout, "\n%.1f s\n", rep.Seconds)
}
