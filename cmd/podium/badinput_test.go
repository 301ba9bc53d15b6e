package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/storetest"
)

// The flag is not called -update: other tests of this package may define
// that one, and a flag defined twice panics.
var updateBad = flag.Bool("update-bad", false, "rewrite testdata/bad's Parquet files and README.md")

// badDir is the bad-input corpus; see testdata/bad/README.md.
var badDir = filepath.Join("..", "..", "testdata", "bad")

// badToday is the date the corpus's "future" and "under 3" cases are
// written against.
var badToday = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)

// TestBadInputs feeds every file of the corpus to `podium ingest` (or a
// folder to `podium import`) on a copy of a seeded database and checks that
// the input is rejected with exit 3, that the message and the --report CSV
// name the file, line, field and reason, and that no table changed.
func TestBadInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("bad-input corpus: about 100 loads of a seeded database; skipped under -short")
	}
	fixToday(t)
	seed := seedBadDB(t)
	want := fingerprint(t, seed)
	for _, tc := range badCases {
		t.Run(tc.file, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "bad.duckdb")
			copyFile(t, seed, db)
			report := filepath.Join(t.TempDir(), "problems.csv")
			code, out, errOut := runCLI(t, tc.args(db, report)...)
			var failed []string
			fail := func(format string, a ...any) { failed = append(failed, fmt.Sprintf(format, a...)) }
			if code != exitInvalid {
				fail("exit %d, want %d (input rejected)", code, exitInvalid)
			}
			if !hasProblem(errOut, tc) {
				fail("stderr does not say %q … %q", tc.location(), tc.reason)
			}
			if !reportHas(report, tc) {
				fail("--report does not list %s line %d field %s", tc.member(), tc.line, tc.field)
			}
			changed := fingerprint(t, db) != want
			if changed && !strings.HasPrefix(tc.bug, "accepted") {
				t.Errorf("the database changed\nstdout: %s\nstderr: %s", out, errOut)
			}
			if changed {
				fail("the database changed")
			}
			switch {
			case tc.bug != "" && len(failed) > 0:
				t.Skipf("KNOWN BUG (testdata/bad/README.md): %s\n%s\nstdout: %s\nstderr: %s", tc.bug, strings.Join(failed, "\n"), out, errOut)
			case tc.bug != "":
				t.Errorf("passes now: remove the bug note %q from badCases and run with -update-bad", tc.bug)
			case len(failed) > 0:
				t.Errorf("%s\nstdout: %s\nstderr: %s", strings.Join(failed, "\n"), out, errOut)
			}
		})
	}
}

// fixToday pins datasets.Today to badToday for the test.
func fixToday(t *testing.T) {
	old := datasets.Today
	datasets.Today = func() int32 { return int32(badToday.Unix() / 86400) }
	t.Cleanup(func() { datasets.Today = old })
}

// seedBadDB loads testdata/bad/seed (two athletes with results and tests,
// a match with odds) into a new database, source hn.
func seedBadDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "seed.duckdb")
	args := []string{"ingest", "--db", db, "--source", "hn"}
	for _, k := range datasets.Kinds {
		args = append(args, "--kind", string(k), filepath.Join(badDir, "seed", string(k)+".csv"))
	}
	if code, out, errOut := runCLI(t, args...); code != exitOK {
		t.Fatalf("seed: exit %d\n%s%s", code, out, errOut)
	}
	return db
}

// args is the podium command line of the case.
func (tc badCase) args(db, report string) []string {
	path := filepath.Join(badDir, tc.file)
	if ds, ok := strings.CutPrefix(tc.kind, "import:"); ok {
		return []string{"import", "--db", db, ds, path}
	}
	return []string{"ingest", "--db", db, "--source", "hn", "--report", report, "--kind", tc.kind, path}
}

// member is the file the problem is in: the case's file, or a file of its folder.
func (tc badCase) member() string {
	if tc.in != "" {
		return tc.file + "/" + tc.in
	}
	return tc.file
}

// location is how a problem starts: file:line: field: (file: field: for
// a whole-file problem).
func (tc badCase) location() string {
	if tc.line == 0 {
		return fmt.Sprintf("%s: %s: ", tc.member(), tc.field)
	}
	return fmt.Sprintf("%s:%d: %s: ", tc.member(), tc.line, tc.field)
}

// hasProblem reports whether one line of the message gives the case's
// location and reason.
func hasProblem(msg string, tc badCase) bool {
	for _, l := range strings.Split(filepath.ToSlash(msg), "\n") {
		if i := strings.Index(l, tc.location()); i >= 0 && strings.Contains(l[i:], tc.reason) {
			return true
		}
	}
	return false
}

// reportHas reports whether the --report CSV lists the case's problem.
func reportHas(path string, tc badCase) bool {
	if strings.HasPrefix(tc.kind, "import:") {
		return true // podium import has no --report
	}
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return false
	}
	return slices.ContainsFunc(recs, func(r []string) bool {
		return len(r) == 4 && strings.HasSuffix(filepath.ToSlash(r[0]), tc.member()) &&
			r[1] == fmt.Sprint(tc.line) && r[2] == tc.field && strings.Contains(r[3], tc.reason)
	})
}

// fingerprint is storetest.Fingerprint of the database file db.
func fingerprint(t *testing.T, db string) string {
	t.Helper()
	st, err := datasets.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return storetest.Fingerprint(t, st)
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBadCorpusIndex checks that every file of testdata/bad is a case (and
// every case a file) and that README.md lists them; -update-bad rewrites
// the Parquet files from parquetCorpus and the README from badCases.
func TestBadCorpusIndex(t *testing.T) {
	if *updateBad {
		writeParquetCorpus(t)
		if err := os.WriteFile(filepath.Join(badDir, "README.md"), badReadme(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	entries, err := os.ReadDir(badDir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		if e.Name() == "README.md" || e.Name() == "seed" {
			continue
		}
		if e.Name() == "import" {
			sub, _ := os.ReadDir(filepath.Join(badDir, "import"))
			for _, s := range sub {
				files = append(files, "import/"+s.Name())
			}
			continue
		}
		files = append(files, e.Name())
	}
	var cases []string
	for _, tc := range badCases {
		cases = append(cases, tc.file)
	}
	slices.Sort(files)
	slices.Sort(cases)
	if !slices.Equal(files, cases) {
		t.Errorf("files in testdata/bad and badCases differ:\nfiles: %v\ncases: %v", files, cases)
	}
	if len(cases) < 50 {
		t.Errorf("%d cases, want at least 50", len(cases))
	}
	got, err := os.ReadFile(filepath.Join(badDir, "README.md"))
	if err != nil || !bytes.Equal(got, badReadme()) {
		t.Errorf("testdata/bad/README.md is stale (%v): run go test ./cmd/podium -run TestBadCorpusIndex -update-bad", err)
	}
}
