package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/scoring"
	"github.com/podium-sport/podium/scoring/bench"
	"github.com/podium-sport/podium/scoring/live"
	"github.com/podium-sport/podium/scoring/retrain"
)

const benchSynopsis = `bench [--results N] [--seed S] [--dir DIR] [--python PY] [--json]

Builds a simulated database of N results and measures, in one run on the same
data: the simulator, validated CSV ingestion, the progression feature set
through Arrow, the same SQL by DuckDB alone (the floor) and through
database/sql row scans, and the same aggregates in pandas (computation only),
with each step's peak memory and the ratios between them.`

func runBench(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "bench", benchSynopsis)
	results := fs.Int("results", 10_000_000, "results to simulate (≈ 10 per athlete)")
	seed := fs.Uint64("seed", 1, "simulator seed")
	dir := fs.String("dir", "", "working directory (default a temporary one, removed afterwards)")
	python := fs.String("python", "/usr/bin/python3", `python3 with pandas for the pandas case ("" skips it)`)
	asJSON := fs.Bool("json", false, `print {"ingest_rows_per_s", "cases": [...], "ratios": {...}}`)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	work := *dir
	if work == "" {
		tmp, err := os.MkdirTemp("", "podium-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		work = tmp
	}
	if *python != "" && exec.CommandContext(ctx, *python, "-c", "import pandas").Run() != nil {
		fmt.Fprintf(env.stderr, "podium bench: %s has no pandas (apt-get install python3-pandas): pandas case skipped\n", *python)
		*python = ""
	}
	cfg := bench.Config{Results: *results, Seed: *seed, Dir: work, Python: *python,
		Stage: func(name string) {
			if env.tty || !*asJSON {
				fmt.Fprintln(env.stderr, "bench:", name, "…")
			}
		}, Extra: benchModels}
	rep, err := bench.Run(ctx, cfg)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.stdout, rep)
	}
	fmt.Fprintf(env.stdout, "%d results, %d athletes, %d CPUs, %s\n\n", rep.Results, rep.Athletes, rep.CPUs, rep.GoVersion)
	fmt.Fprintf(env.stdout, "%-16s %12s %9s %12s %9s\n", "case", "rows", "seconds", "rows/s", "peak MB")
	for _, c := range rep.Cases {
		fmt.Fprintf(env.stdout, "%-16s %12d %9.3f %12.0f %9.0f  %s\n", c.Name, c.Rows, c.Seconds, c.RowsPerS, c.PeakRSSMB, c.Note)
	}
	fmt.Fprintln(env.stdout)
	for _, k := range []string{"features_vs_duckdb_raw", "sql_scan_vs_arrow", "pandas_vs_features"} {
		if v, ok := rep.Ratios[k]; ok {
			fmt.Fprintf(env.stdout, "%-24s %.2f\n", k, v)
		}
	}
	return nil
}

// benchModels are the model cases of podium bench: training the talent
// model (the whole retrain pipeline), scoring the full cohort with it, and
// running every integrity detector.
var benchModels = []bench.Extra{
	{Name: "retrain-talent", Run: func(ctx context.Context, st *datasets.Store) (int64, error) {
		rep, err := retrain.Run(ctx, st, retrain.Options{Models: []string{retrain.Talent}, Seed: 1, Actor: "bench"}, nil)
		if err != nil {
			return 0, err
		}
		return int64(len(rep.Board.Rows)), nil
	}},
	{Name: "rank-full-cohort", Run: func(ctx context.Context, st *datasets.Store) (int64, error) {
		t := live.NewTalent(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err := t.Load(ctx); err != nil {
			return 0, err
		}
		b, err := t.Board()
		if err != nil {
			return 0, err
		}
		r, err := b.Rank(scoring.Query{})
		return int64(r.Total), err
	}},
	{Name: "detect-integrity", Run: func(ctx context.Context, st *datasets.Store) (int64, error) {
		for _, d := range detectors {
			if _, _, err := d.run(ctx, st); err != nil {
				return 0, fmt.Errorf("%s: %w", d.name, err)
			}
		}
		var n int64 // the rows the detectors read
		err := st.QueryRow(ctx, `SELECT (SELECT count(*) FROM results) + (SELECT count(*) FROM matches)
			+ (SELECT count(*) FROM odds) + (SELECT count(*) FROM physio_tests)`, nil, &n)
		return n, err
	}},
}
