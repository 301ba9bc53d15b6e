package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/models/trajectory"
)

const backtestTrajectorySynopsis = `backtest trajectory --db DB --split FILE [--cv K] [--predictions FILE] [--json]

Back-tests the trajectory model on the FFN 100 m freestyle swimmers (load them
with: podium import swimming DIR) under the MagmaClust protocol: the model is
fitted per sex on the training swimmers of the split file (ID,Gender,split);
for each test swimmer the points whose age rank is at most 0.6 × his number of
points are the input and the later points are predicted. Prints the mean over
swimmers of each swimmer's MSE (s²) and the 95 % interval coverage, beside two
baselines: the population curve alone, and the curve plus the swimmer's mean
offset on his input. --cv K also scores the model by K-fold cross-validation
on the training swimmers alone, under the same protocol: the figure to compare
configurations by without looking at the test swimmers.`

// inputShare is the protocol's share of each test swimmer's points, by age
// rank, given as input.
const inputShare = 0.6

// swimmingQuery reads the FFN results with the swimmer's source ID.
const swimmingQuery = `SELECT a.source_id AS id, r.sex, r.age_years, r.mark
FROM results r JOIN athlete_aliases a ON a.athlete_id = r.athlete_id AND a.source = 'ffn'
WHERE r.sport = 'swimming' AND r.discipline = '100m-freestyle' AND r.age_years IS NOT NULL
ORDER BY a.source_id, r.age_years, r.mark`

// score is one method's score on one sex's test swimmers.
type score struct {
	MSE         float64 `json:"mse"` // s²
	Coverage95  float64 `json:"coverage95"`
	Swimmers    int     `json:"swimmers"`
	Points      int     `json:"points"` // predicted
	InputPoints int     `json:"input_points"`
}

// sexScores is one method's score for each sex.
type sexScores struct {
	Women score `json:"women"`
	Men   score `json:"men"`
}

func (s *sexScores) set(sex string, sc trajectory.Score) {
	v := score{MSE: sc.MSE, Coverage95: sc.Coverage95, Swimmers: sc.Series, Points: sc.Points, InputPoints: sc.Inputs}
	if sex == "F" {
		s.Women = v
	} else {
		s.Men = v
	}
}

// trajectoryReport is what --json prints.
type trajectoryReport struct {
	sexScores
	Train struct {
		Women int `json:"women"`
		Men   int `json:"men"`
	} `json:"train_swimmers"`
	Baselines struct {
		Curve  sexScores `json:"population_curve"`
		Offset sexScores `json:"curve_plus_offset"`
	} `json:"baselines"`
	// CV is the K-fold cross-validated score on the training swimmers (--cv).
	CV      *sexScores `json:"train_cv,omitempty"`
	Method  string     `json:"method"`
	Seconds float64    `json:"seconds"`
}

func runBacktestTrajectory(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "backtest trajectory", backtestTrajectorySynopsis)
	db := dbFlag(fs)
	splitFile := fs.String("split", "", "train/test split CSV: ID,Gender,split (split_magmaclust.csv)")
	predFile := fs.String("predictions", "", "write ID,Age,predicted,lower95,upper95 for every predicted point to this CSV")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	cvFolds := fs.Int("cv", 0, "also cross-validate on the training swimmers with this many folds (0: no)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *splitFile == "" || fs.NArg() > 0 || *cvFolds == 1 || *cvFolds < 0 {
		fs.Usage()
		return errUsage
	}
	start := time.Now()
	split, err := readSplitFile(*splitFile)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	bySex, err := readSwimmers(ctx, st, split)
	if err != nil {
		return err
	}
	rep := trajectoryReport{Method: trajectoryMethod}
	if *cvFolds > 0 {
		rep.CV = &sexScores{}
	}
	var preds []trajectory.Prediction
	for _, sex := range []string{"F", "M"} {
		p, err := backtestSex(bySex[sex], sex, *cvFolds, &rep)
		if err != nil {
			return err
		}
		preds = append(preds, p...)
	}
	rep.Seconds = time.Since(start).Seconds()
	if *predFile != "" {
		if err := writePredictions(*predFile, preds); err != nil {
			return err
		}
	}
	if *asJSON {
		return writeJSON(env.stdout, rep)
	}
	printTrajectoryReport(env, rep)
	return nil
}

// trajectoryMethod names the model in the report.
const trajectoryMethod = "functional mixed model: log time = cubic B-spline population mean + random B-spline deviation " +
	"(EM), BLUP forecast, 95 % interval calibrated on held-out later points of the training swimmers"

func readSplitFile(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("backtest trajectory: %w", err)
	}
	defer f.Close()
	return trajectory.ReadSplit(f, path)
}

// split holds one sex's training and test swimmers.
type split struct{ train, test []trajectory.Series }

// readSwimmers reads the FFN swimmers of the split from the store, by sex
// (M, F). Every swimmer of the split must be in the store.
func readSwimmers(ctx context.Context, st *datasets.Store, sets map[string]string) (map[string]*split, error) {
	rr, err := st.QueryArrow(ctx, swimmingQuery)
	if err != nil {
		return nil, fmt.Errorf("backtest trajectory: read swimmers: %w", err)
	}
	defer rr.Release()
	series, sexOf := map[string]*trajectory.Series{}, map[string]string{}
	var order []string
	for rr.Next() {
		rec := rr.Record()
		id, okID := rec.Column(0).(*array.String)
		sex, okSex := rec.Column(1).(*array.String)
		age, okAge := rec.Column(2).(*array.Float64)
		mark, okMark := rec.Column(3).(*array.Float64)
		if !okID || !okSex || !okAge || !okMark {
			return nil, fmt.Errorf("backtest trajectory: read swimmers: unexpected column types %s", rec.Schema())
		}
		for i := range int(rec.NumRows()) {
			s := series[id.Value(i)]
			if s == nil {
				// Value points into the record's buffer: copy what outlives it.
				s = &trajectory.Series{ID: strings.Clone(id.Value(i))}
				series[s.ID], sexOf[s.ID] = s, strings.Clone(sex.Value(i))
				order = append(order, s.ID)
			}
			s.Ages, s.Values = append(s.Ages, age.Value(i)), append(s.Values, mark.Value(i))
		}
	}
	if err := rr.Err(); err != nil {
		return nil, fmt.Errorf("backtest trajectory: read swimmers: %w", err)
	}
	out := map[string]*split{"F": {}, "M": {}}
	for _, id := range order {
		sp := out[sexOf[id]]
		switch sets[id] {
		case "train":
			sp.train = append(sp.train, *series[id])
		case "test":
			sp.test = append(sp.test, *series[id])
		}
	}
	if n := len(out["F"].train) + len(out["F"].test) + len(out["M"].train) + len(out["M"].test); n != len(sets) {
		return nil, fmt.Errorf("backtest trajectory: %d swimmers of the split file found in the store (source ffn), want %d: import them with `podium import swimming DIR`",
			n, len(sets))
	}
	return out, nil
}

// backtestSex fits one sex's model on its training swimmers and scores it
// and the two baselines on its test swimmers, and cross-validates it on the
// training swimmers when cvFolds > 0.
func backtestSex(sp *split, sex string, cvFolds int, rep *trajectoryReport) ([]trajectory.Prediction, error) {
	if cvFolds > 0 {
		sc, err := trajectory.CrossValidate(sp.train, trajectory.Config{}, cvFolds, inputShare)
		if err != nil {
			return nil, fmt.Errorf("backtest trajectory: cross-validate sex %s: %w", sex, err)
		}
		rep.CV.set(sex, sc)
	}
	m, err := trajectory.Fit(sp.train, trajectory.Config{})
	if err != nil {
		return nil, fmt.Errorf("backtest trajectory: fit sex %s: %w", sex, err)
	}
	curve := func(_ trajectory.Series, ages []float64) ([]trajectory.Point, error) { return m.Curve(ages), nil }
	methods := []struct {
		f    trajectory.Forecaster
		into *sexScores
	}{{m.Forecast, &rep.sexScores}, {curve, &rep.Baselines.Curve}, {m.OffsetForecast, &rep.Baselines.Offset}}
	var preds []trajectory.Prediction
	for i, meth := range methods {
		sc, p, err := trajectory.Backtest(meth.f, sp.test, inputShare)
		if err != nil {
			return nil, fmt.Errorf("backtest trajectory: sex %s: %w", sex, err)
		}
		meth.into.set(sex, sc)
		if i == 0 {
			preds = p
		}
	}
	if sex == "F" {
		rep.Train.Women = len(sp.train)
	} else {
		rep.Train.Men = len(sp.train)
	}
	return preds, nil
}

func writePredictions(path string, preds []trajectory.Prediction) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("backtest trajectory: predictions: %w", err)
	}
	w := csv.NewWriter(f)
	w.Write([]string{"ID", "Age", "predicted", "lower95", "upper95"})
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', 4, 64) }
	for _, p := range preds {
		w.Write([]string{p.ID, num(p.Age), num(p.Mean), num(p.Lower95), num(p.Upper95)})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		f.Close()
		return fmt.Errorf("backtest trajectory: predictions %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("backtest trajectory: predictions %s: %w", path, err)
	}
	return nil
}

func printTrajectoryReport(env *cliEnv, rep trajectoryReport) {
	w := env.stdout
	fmt.Fprintf(w, "%-20s %10s %10s %10s %10s\n", "method", "women MSE", "women 95%", "men MSE", "men 95%")
	row := func(name string, s sexScores) {
		fmt.Fprintf(w, "%-20s %10.3f %9.1f%% %10.3f %9.1f%%\n", name,
			s.Women.MSE, 100*s.Women.Coverage95, s.Men.MSE, 100*s.Men.Coverage95)
	}
	row("trajectory model", rep.sexScores)
	row("population curve", rep.Baselines.Curve)
	row("curve + offset", rep.Baselines.Offset)
	if rep.CV != nil {
		row("model, training CV", *rep.CV)
	}
	fmt.Fprintf(w, "test swimmers: %d women (%d input, %d predicted points), %d men (%d input, %d predicted); training: %d women, %d men\n",
		rep.Women.Swimmers, rep.Women.InputPoints, rep.Women.Points, rep.Men.Swimmers, rep.Men.InputPoints, rep.Men.Points,
		rep.Train.Women, rep.Train.Men)
	fmt.Fprintf(w, "MSE: mean over test swimmers of each one's mean squared error (s²). Published on this split: Magma women 4.9 / men 3.0, MagmaClust 4.1 / 2.7. (%.1f s)\n",
		rep.Seconds)
}
