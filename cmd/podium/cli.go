package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/mattn/go-isatty"
	"github.com/podium-sport/podium/datasets"
	"github.com/schollz/progressbar/v3"
)

// Exit codes: scripts can tell bad input from a failure of the tool.
const (
	exitOK      = 0
	exitFailure = 1 // I/O, database or internal error
	exitUsage   = 2 // bad flags or arguments
	exitInvalid = 3 // input data rejected by validation; nothing was loaded
)

// errUsage marks a usage error; the message has been printed already.
var errUsage = errors.New("usage")

// cliEnv is what commands print to; tests replace it.
type cliEnv struct {
	stdout, stderr io.Writer
	tty            bool // stderr is a terminal: show progress bars
}

func newCLIEnv() *cliEnv {
	return &cliEnv{stdout: os.Stdout, stderr: os.Stderr, tty: isatty.IsTerminal(os.Stderr.Fd())}
}

func exitCode(env *cliEnv, err error) int {
	var lerr *datasets.LoadError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errUsage), errors.Is(err, flag.ErrHelp):
		return exitUsage
	case errors.As(err, &lerr):
		fmt.Fprintln(env.stderr, "podium:", err)
		return exitInvalid
	default:
		fmt.Fprintln(env.stderr, "podium:", err)
		return exitFailure
	}
}

// newFlags returns a flag set that prints its usage to env.stderr.
func newFlags(env *cliEnv, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.stderr, "usage: podium %s\n\nflags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, mapping errors to errUsage.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

// dbFlag adds the --db flag shared by every command that opens the store.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "DuckDB database file (default $PODIUM_DB or "+datasets.DefaultPath+")")
}

func openStore(ctx context.Context, db string) (*datasets.Store, error) {
	return datasets.Open(ctx, datasets.PathFromEnv(db))
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// progress is a progress bar on a terminal and silent elsewhere (pipes, CI).
type progress struct{ bar *progressbar.ProgressBar }

// newProgress starts a bar of total units (-1 when unknown) described by desc.
func (env *cliEnv) newProgress(total int64, desc string) *progress {
	if !env.tty {
		return &progress{}
	}
	return &progress{bar: progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(env.stderr),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionThrottle(100_000_000),
		progressbar.OptionClearOnFinish(),
	)}
}

// Add advances the bar by n units. A nil bar is valid and does nothing.
func (p *progress) Add(n int64) {
	if p != nil && p.bar != nil {
		p.bar.Add64(n)
	}
}

// Finish clears the bar.
func (p *progress) Finish() {
	if p != nil && p.bar != nil {
		p.bar.Finish()
	}
}

// Stage shows the stage of a bar of 100 units and the percent done.
func (p *progress) Stage(stage string, percent float64) {
	if p != nil && p.bar != nil {
		p.bar.Describe(stage)
		_ = p.bar.Set64(int64(percent))
	}
}
