package main

import (
	"context"
	"fmt"
)

func runAthletes(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) == 0 || args[0] != "duplicates" {
		fmt.Fprintln(env.stderr, "usage: podium athletes duplicates --db DB [--limit N] [--json]")
		return errUsage
	}
	fs := newFlags(env, "athletes duplicates", "athletes duplicates --db DB [--limit N] [--json]\n\n"+
		"Lists athlete pairs that identity resolution did not merge but may be one person.")
	db := dbFlag(fs)
	limit := fs.Int("limit", 100, "most pairs to list")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	cands, err := st.DuplicateCandidates(ctx, *limit)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.stdout, map[string]any{"candidates": cands})
	}
	if len(cands) == 0 {
		fmt.Fprintln(env.stdout, "no candidate duplicates")
	}
	for _, c := range cands {
		fmt.Fprintf(env.stdout, "%-45s %.2f\n  #%d %s (%s, %s, %s) [%s]\n  #%d %s (%s, %s, %s) [%s]\n", c.Reason, c.Similarity,
			c.A.ID, c.A.Name, c.A.Sex, c.A.BirthDate, c.A.Province, c.A.Sources,
			c.B.ID, c.B.Name, c.B.Sex, c.B.BirthDate, c.B.Province, c.B.Sources)
	}
	return nil
}
