package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"time"

	"github.com/podium-sport/podium/features"
)

const featuresSynopsis = `features --db DB --set NAME [--as-of DATE | --as-of-age YEARS] --out FILE [--json]
       podium features --list

Computes a named feature set as of a cut-off and writes it to FILE as Parquet,
Arrow IPC or CSV (by extension: .parquet, .arrow, .csv). The cut-off is a date
(everything known by the end of that day; default today) or, per athlete, an
age (everything before the athlete reached it, e.g. --as-of-age 18 for the 18th
birthday). No row after the cut-off is read.`

// featuresReport is what --json prints.
type featuresReport struct {
	Set     string  `json:"set"`
	Version int     `json:"version"`
	Cutoff  string  `json:"cutoff"`
	Rows    int64   `json:"rows"`
	Columns int     `json:"columns"`
	Out     string  `json:"out"`
	Seconds float64 `json:"seconds"`
}

func runFeatures(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "features", featuresSynopsis)
	db := dbFlag(fs)
	name := fs.String("set", "", "feature set to compute (see --list)")
	asOf := fs.String("as-of", "", "cut-off date YYYY-MM-DD (default today)")
	asOfAge := fs.String("as-of-age", "", "per-athlete cut-off age in years, e.g. 18")
	out := fs.String("out", "", "output file: .parquet, .arrow or .csv")
	list := fs.Bool("list", false, "list the feature sets")
	asJSON := fs.Bool("json", false, `print {"set", "version", "cutoff", "rows", "columns", "out", "seconds"}`)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *list {
		return listSets(env, *asJSON)
	}
	set, cut, err := featuresArgs(env, fs, *name, *asOf, *asOfAge, *out)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	rr, err := features.Compute(ctx, st, set, cut)
	if err != nil {
		return err
	}
	defer rr.Release()
	rows, err := features.WriteFile(ctx, *out, rr)
	if err != nil {
		return err
	}
	rep := featuresReport{Set: set.Name, Version: set.Version, Cutoff: cut.String(), Rows: rows,
		Columns: rr.Schema().NumFields(), Out: *out, Seconds: time.Since(start).Seconds()}
	if *asJSON {
		return writeJSON(env.stdout, rep)
	}
	fmt.Fprintf(env.stdout, "%s v%d as of %s: %d rows × %d columns → %s (%.2f s)\n",
		rep.Set, rep.Version, rep.Cutoff, rep.Rows, rep.Columns, rep.Out, rep.Seconds)
	return nil
}

// featuresArgs checks the flags of a computation and resolves the set and
// the cut-off.
func featuresArgs(env *cliEnv, fs *flag.FlagSet, name, asOf, asOfAge, out string) (features.Set, features.Cutoff, error) {
	usage := func(msg string) (features.Set, features.Cutoff, error) {
		fmt.Fprintln(env.stderr, "podium features:", msg)
		return features.Set{}, features.Cutoff{}, errUsage
	}
	if fs.NArg() > 0 {
		return usage(fmt.Sprintf("unexpected argument %q", fs.Arg(0)))
	}
	if name == "" || out == "" {
		fs.Usage()
		return features.Set{}, features.Cutoff{}, errUsage
	}
	set, err := features.Lookup(name)
	if err != nil {
		return usage(err.Error())
	}
	if _, err := features.FormatOf(out); err != nil {
		return usage(err.Error())
	}
	switch {
	case asOf != "" && asOfAge != "":
		return usage("give --as-of or --as-of-age, not both")
	case asOfAge != "":
		age, err := strconv.ParseFloat(asOfAge, 64)
		if err != nil || age <= 0 || age > features.MaxAgeYears {
			return usage(fmt.Sprintf("--as-of-age %q: want years in (0, %d]", asOfAge, features.MaxAgeYears))
		}
		return set, features.AsOfAge(age), nil
	case asOf != "":
		d, err := time.Parse(time.DateOnly, asOf)
		if err != nil {
			return usage(fmt.Sprintf("--as-of %q: want YYYY-MM-DD", asOf))
		}
		return set, features.AsOfDate(d), nil
	}
	return set, features.AsOfDate(time.Now()), nil
}

func listSets(env *cliEnv, asJSON bool) error {
	sets := features.Sets()
	if asJSON {
		type entry struct {
			Name    string            `json:"name"`
			Version int               `json:"version"`
			Doc     string            `json:"doc"`
			Columns []features.Column `json:"columns"`
		}
		list := make([]entry, len(sets))
		for i, s := range sets {
			list[i] = entry{s.Name, s.Version, s.Doc, s.Columns}
		}
		return writeJSON(env.stdout, map[string]any{"sets": list})
	}
	for _, s := range sets {
		fmt.Fprintf(env.stdout, "%-16s v%d  %s\n", s.Name, s.Version, s.Doc)
	}
	return nil
}
