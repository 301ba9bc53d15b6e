package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/podium-sport/podium/scoring/retrain"
)

var retrainSynopsis = `retrain --db DB [--models NAMES] [--seed S] [--tolerance T] [--force] [--json]

Retrains the models on the data as of its latest result, evaluates each new
version on held-out data against the champion, registers it (sha256, data
fingerprint, seed, code version) and promotes it when its held-out log-loss
is not worse than the champion's by more than the tolerance (or with
--force, audited). The same data and seed give byte-identical artifacts.
Models: ` + strings.Join(retrain.Models, ", ") + "."

func runRetrain(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "retrain", retrainSynopsis)
	db := dbFlag(fs)
	models := fs.String("models", "", "comma-separated models to retrain (default all)")
	seed := fs.Uint64("seed", 1, "seed of every random choice")
	tol := fs.Float64("tolerance", 0.02, "relative held-out log-loss a new version may lose and still be promoted")
	force := fs.Bool("force", false, "promote whatever the metrics say (audited)")
	asJSON := fs.Bool("json", false, `print {"versions": [{"model", "version", "sha256", "metrics", "promoted", "reason"}], "seconds"}`)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 || *tol < 0 {
		fs.Usage()
		return errUsage
	}
	var names []string
	if *models != "" {
		names = strings.Split(*models, ",")
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	bar := env.newProgress(100, "retrain")
	rep, err := retrain.Run(ctx, st, retrain.Options{Models: names, Seed: *seed, Tolerance: *tol, Force: *force,
		Actor: "cli:" + os.Getenv("USER")}, bar.Stage)
	bar.Finish()
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.stdout, rep)
	}
	for _, v := range rep.Versions {
		if v.Version == 0 {
			fmt.Fprintf(env.stdout, "%s %s\n", v.Model, v.Reason)
			continue
		}
		state := "kept the champion"
		if v.Promoted {
			state = "promoted"
		}
		fmt.Fprintf(env.stdout, "%s v%d  %s  %s (%s)\n  held-out: %s\n", v.Model, v.Version, v.SHA256[:12], state, v.Reason, v.Metrics)
	}
	fmt.Fprintf(env.stdout, "retrained in %.1f s\n", rep.Seconds)
	return nil
}
