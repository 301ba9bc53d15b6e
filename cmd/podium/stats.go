package main

import (
	"context"
	"fmt"

	"github.com/podium-sport/podium/datasets"
)

func runStats(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "stats", "stats --db DB [--json]\n\nRow counts of every table.")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, `print {"tables": {"athletes": n, ...}}`)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.stdout, stats)
	}
	fmt.Fprintf(env.stdout, "%s (schema version %d)\n", datasets.PathFromEnv(*db), stats.Schema)
	for _, t := range datasets.StatsTables {
		fmt.Fprintf(env.stdout, "  %-16s %12d\n", t, stats.Tables[t])
	}
	return nil
}
