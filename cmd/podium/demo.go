package main

import (
	"context"
	"fmt"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/sim"
)

// Demo dataset size and seed: large enough for rankings and alerts to mean
// something, small enough to build in seconds.
const (
	demoAthletes = 3000
	demoSeed     = 1
)

const demoSynopsis = `demo --db DB [--json]

Builds the demo database: a seeded simulated national dataset (source "sim")
with its planted ground truth, then prints a summary. Running it again on the
same database changes nothing.`

func runDemo(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "demo", demoSynopsis)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	sum, err := generate(ctx, env, st, sim.Config{Athletes: demoAthletes, Seed: demoSeed})
	if err != nil {
		return err
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	dups, err := st.DuplicateCandidates(ctx, 1000)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.stdout, map[string]any{"generate": sum, "stats": stats, "duplicate_candidates": len(dups)})
	}
	path := datasets.PathFromEnv(*db)
	printGenerateSummary(env, path, sum)
	fmt.Fprintf(env.stdout, "\n%s now holds:\n", path)
	for _, t := range datasets.StatsTables {
		if n := stats.Tables[t]; n > 0 {
			fmt.Fprintf(env.stdout, "  %-16s %10d\n", t, n)
		}
	}
	fmt.Fprintf(env.stdout, "\n%d candidate duplicate identities for review (podium athletes duplicates --db %s)\n", len(dups), path)
	return nil
}
