package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/podium-sport/podium/datasets"
)

const ingestSynopsis = `ingest --db DB --kind KIND [--source NAME] [--report FILE] [--json] FILE... [--kind KIND FILE...]

Validates and loads CSV, NDJSON or Parquet files (.csv, .ndjson, .jsonl,
.parquet; text files may be .gz). All files of one call are one load: every row
of every file is loaded, or — when any row is invalid — nothing is, and the
problems are printed as file:line: field: reason (all of them with --report).
The same file again is a no-op. Give --kind again to mix kinds in one load,
e.g. athletes and the results that reference them.

kinds and columns (* required):
`

func ingestHelp() string {
	var b strings.Builder
	b.WriteString(ingestSynopsis)
	for _, k := range datasets.Kinds {
		fmt.Fprintf(&b, "  %s:\n", k)
		for _, c := range datasets.Contracts[k] {
			star := " "
			if c.Required {
				star = "*"
			}
			fmt.Fprintf(&b, "    %s %-24s %s\n", star, c.Name, c.Doc)
		}
	}
	return b.String()
}

func runIngest(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "ingest", ingestHelp())
	db := dbFlag(fs)
	kind := fs.String("kind", "", "kind of the files that follow: "+kindList())
	source := fs.String("source", "manual", "name of the feed the files come from; scopes their source ids")
	report := fs.String("report", "", "write every problem to this CSV file (file,line,field,reason)")
	asJSON := fs.Bool("json", false, "print the load report as JSON")
	type fileKind struct {
		kind datasets.Kind
		path string
	}
	var files []fileKind
	for {
		if err := parseFlags(fs, args); err != nil {
			return err
		}
		rest := fs.Args()
		i := 0
		for i < len(rest) && !strings.HasPrefix(rest[i], "-") {
			k, err := datasets.ParseKind(*kind)
			if err != nil {
				fmt.Fprintln(env.stderr, "podium ingest: --kind is required before the files:", err)
				return errUsage
			}
			files = append(files, fileKind{k, rest[i]})
			i++
		}
		if i == len(rest) {
			break
		}
		args = rest[i:]
	}
	if len(files) == 0 {
		fs.Usage()
		return errUsage
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	var load datasets.Load
	for _, f := range files {
		part, closer, err := st.OpenFile(ctx, f.kind, *source, f.path)
		var verr *datasets.ValidationError
		if errors.As(err, &verr) { // the file refused whole (empty, not gzip, not Parquet): rejected input, exit 3
			err = &datasets.LoadError{Problems: []datasets.ValidationError{*verr}}
		}
		if err != nil {
			return writeProblems(*report, err)
		}
		defer closer.Close()
		load.Parts = append(load.Parts, part)
	}
	bar := env.newProgress(-1, "validating rows")
	load.Progress = bar.Add
	rep, err := st.Ingest(ctx, load)
	bar.Finish()
	if err != nil {
		return writeProblems(*report, err)
	}
	if *asJSON {
		return writeJSON(env.stdout, rep)
	}
	for _, p := range rep.Parts {
		if p.AlreadyLoaded {
			fmt.Fprintf(env.stdout, "%s: %s already loaded as batch %d: nothing to do\n", p.File, p.Kind, p.BatchID)
			continue
		}
		fmt.Fprintf(env.stdout, "%s: %s batch %d: %d rows, %d inserted, %d updated, %d unchanged\n",
			p.File, p.Kind, p.BatchID, p.Rows, p.Inserted, p.Updated, p.Unchanged)
	}
	fmt.Fprintf(env.stdout, "load %d committed in %.2fs\n", rep.LoadID, rep.Seconds)
	return nil
}

func kindList() string {
	var s []string
	for _, k := range datasets.Kinds {
		s = append(s, string(k))
	}
	return strings.Join(s, ", ")
}

// writeProblems writes a rejected load's problems to path as CSV (when path
// is set) and returns err unchanged for the exit code.
func writeProblems(path string, err error) error {
	if path == "" {
		return err
	}
	var probs []datasets.ValidationError
	var lerr *datasets.LoadError
	var verr *datasets.ValidationError
	switch {
	case errors.As(err, &lerr):
		probs = lerr.Problems
	case errors.As(err, &verr):
		probs = []datasets.ValidationError{*verr}
	default:
		return err
	}
	f, ferr := os.Create(path)
	if ferr != nil {
		return errors.Join(err, ferr)
	}
	werr := writeProblemCSV(f, probs)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	return errors.Join(err, werr)
}

func writeProblemCSV(w io.Writer, probs []datasets.ValidationError) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"file", "line", "field", "reason"})
	for _, p := range probs {
		cw.Write([]string{p.File, strconv.FormatInt(p.Line, 10), p.Field, p.Reason})
	}
	cw.Flush()
	return cw.Error()
}
