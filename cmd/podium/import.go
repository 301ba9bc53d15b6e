package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/importers"
)

const importSynopsis = `import --db DB [--json] DATASET DIR

Loads a public dataset into the store, every source row as one row (see
datasets/importers/MAPPING.md). DATASET is one of: %s.
DIR is the dataset's folder (e.g. ../shared/datasets/tennis-atp) or the
folder that holds it (../shared/datasets). One dataset is one load: all of
it is committed or, when a row is invalid, none. Importing the same files
again changes nothing.`

// showSkipped is how many skipped rows the human summary lists.
const showSkipped = 20

func runImport(ctx context.Context, env *cliEnv, args []string) error {
	names := importers.Datasets()
	fs := newFlags(env, "import", fmt.Sprintf(importSynopsis, strings.Join(names, ", ")))
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print the summary (load reports, skipped rows, notes) as JSON")
	var pos []string
	for { // flags may come before, between or after the arguments
		if err := parseFlags(fs, args); err != nil {
			return err
		}
		rest := fs.Args()
		for len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
			pos, rest = append(pos, rest[0]), rest[1:]
		}
		if len(rest) == 0 {
			break
		}
		args = rest
	}
	if len(pos) != 2 || !slices.Contains(names, pos[0]) {
		fs.Usage()
		return errUsage
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	bar := env.newProgress(-1, "importing "+pos[0])
	sum, err := importers.Import(ctx, st, pos[0], pos[1], bar.Add)
	bar.Finish()
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.stdout, sum)
	}
	printImport(env.stdout, sum)
	return nil
}

// printImport writes the human summary of an import.
func printImport(w io.Writer, sum *importers.Summary) {
	fmt.Fprintf(w, "%s from %s (source %s, %d files) in %.1fs\n", sum.Dataset, sum.Dir, sum.Source, sum.Files, sum.Seconds)
	totals := sum.Totals()
	for _, k := range datasets.Kinds {
		t, ok := totals[k]
		if !ok {
			continue
		}
		fmt.Fprintf(w, "  %-9s %9d rows: %d inserted, %d updated, %d unchanged", k, t.Rows, t.Inserted, t.Updated, t.Unchanged)
		if t.AlreadyLoaded > 0 {
			fmt.Fprintf(w, " (%d of %d parts already loaded)", t.AlreadyLoaded, t.Parts)
		}
		fmt.Fprintln(w)
	}
	if len(sum.Skipped) > 0 {
		fmt.Fprintf(w, "  %d source rows not loaded:\n", len(sum.Skipped))
		for i, n := range sum.Skipped {
			if i == showSkipped {
				fmt.Fprintf(w, "    … and %d more (--json lists them all)\n", len(sum.Skipped)-i)
				break
			}
			fmt.Fprintf(w, "    %s\n", n)
		}
	}
	if groups := importers.Group(sum.Notes); len(groups) > 0 {
		fmt.Fprintf(w, "  %d values left empty or changed on the way (their rows load; --json lists them all):\n", len(sum.Notes))
		for _, g := range groups {
			fmt.Fprintf(w, "    %6d × %s: %s\n           e.g. %s:%d %q\n", g.Count, g.Field, g.Action, g.First.File, g.First.Line, g.First.Value)
		}
	}
}
