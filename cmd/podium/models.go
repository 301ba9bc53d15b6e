package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/models/drift"
	"github.com/podium-sport/podium/scoring/live"
)

const modelsSynopsis = `models [list] --db DB [--json]
       podium models promote --db DB --model NAME --version N [--reason TEXT]
       podium models rollback --db DB --model NAME [--reason TEXT]
       podium models drift --db DB [--json]

Lists the model registry (every trained version with its checksum, training
data fingerprint, seed, code version and held-out metrics; * marks the
champion that serves), promotes a version, or rolls back to the champion
before the current one. A version whose artifact fails its checksum is never
promoted. drift prints the population stability index of each feature of the
talent model in use: the athletes ranked now against those ranked when it was
trained (above 0.25: major drift, also raised as a data-quality alert).`

func runModels(ctx context.Context, env *cliEnv, args []string) error {
	op := "list"
	if len(args) > 0 && (args[0] == "list" || args[0] == "promote" || args[0] == "rollback" || args[0] == "drift") {
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
	if (op == "promote" || op == "rollback") && (*model == "" || op == "promote" && *version < 1) {
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
	case "drift":
		return printDrift(ctx, env, st, *asJSON)
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

// printDrift builds the talent board with the model in use and prints each
// feature's PSI, largest first.
func printDrift(ctx context.Context, env *cliEnv, st *datasets.Store, asJSON bool) error {
	t := live.NewTalent(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err := t.Load(ctx); err != nil {
		return err
	}
	b, err := t.Board()
	if err != nil {
		return err
	}
	psi := b.Drift()
	if asJSON {
		return writeJSON(env.stdout, map[string]any{"model": "talent", "version": t.Version(), "psi": psi, "threshold": drift.Alert})
	}
	if len(psi) == 0 {
		fmt.Fprintln(env.stdout, "no trained talent model: nothing to compare")
		return nil
	}
	names := make([]string, 0, len(psi))
	for f := range psi {
		names = append(names, f)
	}
	sort.Slice(names, func(i, j int) bool { return psi[names[i]] > psi[names[j]] })
	fmt.Fprintf(env.stdout, "talent model v%d (0: fitted now); PSI above %.2f is a major drift\n", t.Version(), drift.Alert)
	for _, f := range names {
		flag := ""
		if psi[f] > drift.Alert {
			flag = "  DRIFT"
		}
		fmt.Fprintf(env.stdout, "  %-20s %7.3f%s\n", f, psi[f], flag)
	}
	return nil
}
