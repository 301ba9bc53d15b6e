package main

import (
	"context"
	"fmt"

	"github.com/podium-sport/podium/datasets/sim"
)

const reviewSynopsis = `simulate-review --db DB [--share S] [--error-rate E] [--seed N] [--json]

Stands in for an integrity officer on simulated data: decides a seeded share
of the open alerts whose type the simulator's planted truth can settle
(match-fixing, performance, blood-passport, age-growth, age-birth-date)
through the review workflow, audited as sim-officer — a planted case is
confirmed, anything else dismissed, each verdict wrong with probability E.
The verdicts are the labels "podium retrain --models alert-calibration"
learns from. For demos and evaluations only: real verdicts come from
officers through the API and console.`

func runSimulateReview(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "simulate-review", reviewSynopsis)
	db := dbFlag(fs)
	share := fs.Float64("share", 0.6, "share of the checkable open alerts to decide")
	errRate := fs.Float64("error-rate", 0.05, "chance that a verdict is wrong")
	seed := fs.Uint64("seed", 1, "seed of which alerts are decided and which verdicts are wrong")
	asJSON := fs.Bool("json", false, `print {"checkable", "confirmed", "dismissed", "wrong"}`)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 || !(*share > 0 && *share <= 1) || !(*errRate > 0 && *errRate < 0.5) {
		fs.Usage()
		return errUsage
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	sum, err := sim.Review(ctx, st, sim.ReviewConfig{Seed: *seed, Share: *share, ErrorRate: *errRate})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.stdout, sum)
	}
	fmt.Fprintf(env.stdout, "%d checkable open alerts: %d confirmed, %d dismissed (%d of them against the planted truth)\n",
		sum.Checkable, sum.Confirmed, sum.Dismissed, sum.Wrong)
	return nil
}
