package main

import (
	"context"
	"fmt"
)

// evaluations is the table of `podium evaluate` subcommands; each lives in
// its own file (evaluate_<name>.go).
var evaluations = []command{
	{"integrity", "planted match fixes in a copy of the football matches; planted blood doping and age fraud in simulated athletes", runEvaluateIntegrity}}

const evaluateSynopsis = `evaluate KIND [flags]   (podium evaluate KIND --help for its flags)

Planted-case evaluations: known cases are planted into a copy of the data (in
memory; the store is never modified) and the detectors are run at their
default operating points.`

func runEvaluate(ctx context.Context, env *cliEnv, args []string) error {
	return runKind(ctx, env, args, "evaluate", evaluateSynopsis, evaluations)
}

// runKind runs the subcommand of kinds named by args[0], or prints the
// usage of podium name (synopsis and kinds) and returns errUsage.
func runKind(ctx context.Context, env *cliEnv, args []string, name, synopsis string, kinds []command) error {
	if len(args) > 0 {
		for _, c := range kinds {
			if c.name == args[0] {
				return c.run(ctx, env, args[1:])
			}
		}
	}
	fmt.Fprintln(env.stderr, "usage: podium "+synopsis)
	fmt.Fprintln(env.stderr, "\nkinds:")
	for _, c := range kinds {
		fmt.Fprintf(env.stderr, "  %-12s %s\n", c.name, c.summary)
	}
	if len(args) > 0 && args[0] != "help" && args[0] != "-h" && args[0] != "--help" {
		fmt.Fprintf(env.stderr, "podium %s: unknown kind %q\n", name, args[0])
	}
	return errUsage
}
