package main

import (
	"context"
	"fmt"
	"os"

	"github.com/podium-sport/podium/datasets"
)

const modelsSynopsis = `models [list] --db DB [--json]
       podium models promote --db DB --model NAME --version N [--reason TEXT]
       podium models rollback --db DB --model NAME [--reason TEXT]

Lists the model registry (every trained version with its checksum, training
data fingerprint, seed, code version and held-out metrics; * marks the
champion that serves), promotes a version, or rolls back to the champion
before the current one. A version whose artifact fails its checksum is never
promoted.`

func runModels(ctx context.Context, env *cliEnv, args []string) error {
	op := "list"
	if len(args) > 0 && (args[0] == "list" || args[0] == "promote" || args[0] == "rollback") {
		op, args = args[0], args[1:]
	}
	fs := newFlags(env, "models "+op, modelsSynopsis)
	db := dbFlag(fs)
	model := fs.String("model", "", "model name (promote, rollback)")
	version := fs.Int("version", 0, "version to promote")
	reason := fs.String("reason", "", "why (recorded with the promotion)")
	asJSON := fs.Bool("json", false, `print {"versions": [...]} (list)`)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if op != "list" && (*model == "" || op == "promote" && *version < 1) {
		fmt.Fprintln(env.stderr, "podium models "+op+": --model (and for promote --version ≥ 1) are required")
		return errUsage
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	actor := "cli:" + os.Getenv("USER")
	switch op {
	case "promote":
		if err := st.Promote(ctx, *model, *version, actor, *reason); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "%s version %d is the champion\n", *model, *version)
		return nil
	case "rollback":
		v, err := st.Rollback(ctx, *model, actor, *reason)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "%s rolled back: version %d is the champion\n", *model, v)
		return nil
	}
	list, err := st.ListModels(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		if list == nil {
			list = []datasets.ModelVersion{}
		}
		return writeJSON(env.stdout, map[string]any{"versions": list})
	}
	if len(list) == 0 {
		fmt.Fprintln(env.stdout, "no model registered yet (podium retrain trains and registers them)")
	}
	for _, m := range list {
		mark := " "
		if m.Champion {
			mark = "*"
		}
		fmt.Fprintf(env.stdout, "%s %-24s v%-3d %s  %s  %8d B  %s\n", mark, m.Model, m.Version, m.SHA256[:12],
			m.CreatedAt.Format("2006-01-02 15:04"), m.Bytes, m.Metrics)
	}
	return nil
}
