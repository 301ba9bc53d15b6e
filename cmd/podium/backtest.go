package main

import (
	"context"
)

// backtests is the table of `podium backtest` subcommands; each lives in its
// own file (backtest_<name>.go).
var backtests = []command{
	{"talent", "P(elite) from features frozen at an age, on older vs younger cohorts", runBacktestTalent},
	{"board", "the talent board (marks sports) on simulated data: P(elite), relative-age fairness, planted potential", runBacktestBoard},
	{"trajectory", "trajectory model on the FFN swimmers (MagmaClust protocol) vs baselines", runBacktestTrajectory}}

const backtestSynopsis = `backtest KIND [flags]   (podium backtest KIND --help for its flags)

Honest back-tests: every feature is frozen at a cut-off and outcomes are read
only after it.`

func runBacktest(ctx context.Context, env *cliEnv, args []string) error {
	return runKind(ctx, env, args, "backtest", backtestSynopsis, backtests)
}
