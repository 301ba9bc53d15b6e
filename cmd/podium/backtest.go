package main

import (
	"context"
	"fmt"
)

// backtests is the table of `podium backtest` subcommands; each lives in its
// own file (backtest_<name>.go).
var backtests = []command{
	{"talent", "P(elite) from features frozen at an age, on older vs younger cohorts", runBacktestTalent},
	{"trajectory", "trajectory model on the FFN swimmers (MagmaClust protocol) vs baselines", runBacktestTrajectory}}

const backtestSynopsis = `backtest KIND [flags]   (podium backtest KIND --help for its flags)

Honest back-tests: every feature is frozen at a cut-off and outcomes are read
only after it.`

func runBacktest(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) > 0 {
		for _, c := range backtests {
			if c.name == args[0] {
				return c.run(ctx, env, args[1:])
			}
		}
	}
	fmt.Fprintln(env.stderr, "usage: podium "+backtestSynopsis)
	fmt.Fprintln(env.stderr, "\nkinds:")
	for _, c := range backtests {
		fmt.Fprintf(env.stderr, "  %-12s %s\n", c.name, c.summary)
	}
	if len(args) > 0 && args[0] != "help" && args[0] != "-h" && args[0] != "--help" {
		fmt.Fprintf(env.stderr, "podium backtest: unknown kind %q\n", args[0])
	}
	return errUsage
}
