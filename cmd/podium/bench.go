package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"

	"github.com/podium-sport/podium/scoring/bench"
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
		}}
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
