// Command podium is the Podium engine's command line: data loads, imports,
// simulation, features and (later) the scoring server. main only wires: each
// subcommand parses its flags and calls the packages that do the work.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

// command is one podium subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *cliEnv, args []string) error
}

// commands is the table of subcommands, in the order `podium help` lists them.
var commands = []command{
	{"ingest", "validate and load athletes, results, physio, matches or odds files", runIngest},
	{"stats", "row counts per table", runStats},
	{"generate", "generate a seeded synthetic national dataset with planted ground truth", runGenerate},
	{"athletes", "athlete identity tools (duplicates)", runAthletes},
	{"import", "import a public dataset (tennis-atp, athletics, swimming, football-data)", runImport},
	{"features", "compute a named feature set as of a cut-off to Parquet, Arrow or CSV", runFeatures},
	{"demo", "build the demo database (seeded simulated data) and print a summary", runDemo},
	{"detect", "run the integrity detectors and record their findings as alerts", runDetect},
	{"simulate-review", "decide open alerts of simulated data as an officer would, from the planted truth", runSimulateReview},
	{"evaluate", "planted-case evaluations of the integrity detectors (integrity)", runEvaluate},
	{"rank", "rank a youth cohort by P(elite) with its fairness audit and cut-off simulator", runRank},
	{"retrain", "retrain, evaluate against the champion, register and promote models", runRetrain},
	{"models", "the model registry: list versions, promote, roll back", runModels},
	{"bench", "measure ingest, features and models against DuckDB-alone, database/sql and pandas", runBench},
	{"backtest", "honest back-tests of the talent and trajectory models (talent, trajectory)", runBacktest},
	{"serve", "serve the HTTP API (alerts review, ingest, users; --demo for a demo database)", runServe},
	{"users", "manage API users and their tokens (add, list, disable)", runUsers},
	{"audit", "verify the audit log's hash chain", runAudit},
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, newCLIEnv(), os.Args[1:])
	stop()
	os.Exit(code)
}

func run(ctx context.Context, env *cliEnv, args []string) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return exitCode(env, c.run(ctx, env, args[1:]))
		}
	}
	fmt.Fprintf(env.stderr, "podium: unknown command %q\n", args[0])
	usage(env)
	return exitUsage
}

func usage(env *cliEnv) {
	fmt.Fprintln(env.stderr, "usage: podium COMMAND [flags]   (podium COMMAND --help for its flags)")
	fmt.Fprintln(env.stderr, "\ncommands:")
	for _, c := range commands {
		fmt.Fprintf(env.stderr, "  %-10s %s\n", c.name, c.summary)
	}
}
