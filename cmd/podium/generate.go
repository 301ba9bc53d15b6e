package main

import (
	"context"
	"fmt"
	"sort"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/sim"
)

const generateSynopsis = `generate --db DB [--athletes N] [--seed S] [--json]

Simulates a national youth-sport dataset (athletics and swimming results,
physical tests, blood samples, a football league with bookmaker odds) and
loads it as source "sim", with the planted ground truth in truth_athletes and
truth_events. The same seed and size always give the same data; generating
them again loads nothing.`

func runGenerate(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "generate", generateSynopsis)
	db := dbFlag(fs)
	athletes := fs.Int("athletes", 2000, "number of athletes (1 … 5000000)")
	seed := fs.Uint64("seed", 1, "random seed")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	if *athletes < 1 || *athletes > 5_000_000 {
		fmt.Fprintln(env.stderr, "podium generate: --athletes must be 1 … 5000000")
		return errUsage
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	sum, err := generate(ctx, env, st, sim.Config{Athletes: *athletes, Seed: *seed})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.stdout, sum)
	}
	printGenerateSummary(env, datasets.PathFromEnv(*db), sum)
	return nil
}

// generate runs the simulator with a progress bar per stage.
func generate(ctx context.Context, env *cliEnv, st *datasets.Store, cfg sim.Config) (*sim.Summary, error) {
	bars := &stageBars{env: env}
	defer bars.finish()
	return sim.Generate(ctx, st, cfg, bars.update)
}

// stageBars shows one progress bar per stage of the generation.
type stageBars struct {
	env   *cliEnv
	stage string
	done  int64
	bar   *progress
}

func (s *stageBars) update(stage string, done, total int64) {
	if stage != s.stage {
		s.finish()
		s.stage, s.done = stage, 0
		s.bar = s.env.newProgress(total, "generating "+stage)
	}
	s.bar.Add(done - s.done)
	s.done = done
}

func (s *stageBars) finish() {
	s.bar.Finish()
	s.bar = nil
}

func printGenerateSummary(env *cliEnv, path string, sum *sim.Summary) {
	if sum.AlreadyLoaded {
		fmt.Fprintf(env.stdout, "%s: seed %d with %d athletes (generator v%d) was loaded before: nothing to load (ground truth rewritten)\n",
			path, sum.Seed, sum.Athletes, sum.Version)
		return
	}
	fmt.Fprintf(env.stdout, "%s: generated seed %d, %d athletes (generator v%d), load %d\n",
		path, sum.Seed, sum.Athletes, sum.Version, sum.Report.LoadID)
	var total int64
	for _, p := range sum.Report.Parts {
		fmt.Fprintf(env.stdout, "  %-10s %10d rows  %10d inserted\n", p.Kind, p.Rows, p.Inserted)
		total += p.Rows
	}
	fmt.Fprintln(env.stdout, "planted ground truth:")
	kinds := make([]string, 0, len(sum.Truth))
	for k := range sum.Truth {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Fprintf(env.stdout, "  %-20s %8d\n", k, sum.Truth[k])
	}
	fmt.Fprintf(env.stdout, "%d rows in %.1fs (%.0f rows/s)\n", total, sum.Seconds, sum.RowsPerSecond)
}
