package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/podium-sport/podium/datasets"
)

// parquetCorpus is how each Parquet file of the corpus is made (-update-bad):
// the query's rows, written by DuckDB. A Parquet row's "line" is its row
// number (1 = first row).
var parquetCorpus = map[string]string{
	"results_wrong_header.parquet": `SELECT 'a1' AS athlete, DATE '2023-06-01' AS "when", 'athletics' AS sport, '100m' AS discipline,
		11.9 AS mark, 's' AS unit`,
	"results_negative_mark.parquet": `SELECT * FROM (VALUES ('a1', DATE '2023-06-01', 'athletics', '100m', 11.9, 's'),
		('a2', DATE '2023-06-01', 'athletics', '100m', -12.8, 's')) v(athlete_source_id, date, sport, discipline, mark, unit)`,
	"results_struct_mark.parquet": `SELECT 'a2' AS athlete_source_id, DATE '2023-06-01' AS date, 'athletics' AS sport, '100m' AS discipline,
		{'value': 12.8, 'unit': 's'} AS mark, 's' AS unit`,
	"athletes_bad_date.parquet": `SELECT * FROM (VALUES ('x1', 'Trần Văn Bình', 'M', '2008-05-01', 'Hà Nội'),
		('x2', 'Phạm Thu Trang', 'F', '14/03/2008', 'Hà Nội')) v(source_id, name, sex, birth_date, province)`,
}

// truncatedParquet is cut from the first half of its source file.
const truncatedParquet, truncatedFrom = "results_truncated.parquet", "results_negative_mark.parquet"

func writeParquetCorpus(t *testing.T) {
	ctx := context.Background()
	st, err := datasets.Open(ctx, filepath.Join(t.TempDir(), "gen.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for name, q := range parquetCorpus {
		path, err := filepath.Abs(filepath.Join(badDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Exec(ctx, fmt.Sprintf("COPY (%s) TO '%s' (FORMAT parquet)", q, path)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	b, err := os.ReadFile(filepath.Join(badDir, truncatedFrom))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(badDir, truncatedParquet), b[:len(b)/2], 0o644); err != nil {
		t.Fatal(err)
	}
}

// badReadme is testdata/bad/README.md, made from badCases.
func badReadme() []byte {
	var b bytes.Buffer
	b.WriteString(`# Bad-input corpus

Malformed inputs that Podium must reject. ` + "`go test ./cmd/podium -run TestBadInputs`" + ` loads each
file with ` + "`podium ingest --source hn --kind KIND FILE`" + ` (folders under import/ with
` + "`podium import DATASET FOLDER`" + `) into a copy of a database seeded from seed/ (athletes a1, born
2008-03-14, M, and a2, born 2009-01-02, F; their results and tests; match m1 with odds), with
today pinned to 2026-11-24, and checks that:

- the command exits 3 (input rejected, nothing loaded);
- the message and the --report CSV give file:line: field: reason (line 0 is a whole-file problem;
  in Parquet files a line is a row number);
- no table changed (row counts and a hash of every row of every table, audit log included).

api/badinput_test.go sends bad API requests (and some of these files as uploads) and checks
for a 4xx JSON error naming the fields and for an unchanged database.

Rows marked **BUG** are findings: the input is accepted, or the error is unclear or has the wrong
exit code. Their test is skipped with a loud "KNOWN BUG" message until the fix lands; then the
test fails until the note is removed from badCases (cmd/podium/badinput_cases_test.go).

This file is generated: ` + "`go test ./cmd/podium -run TestBadCorpusIndex -update-bad`" + ` (which also
rewrites the Parquet files from parquetCorpus in cmd/podium/badinput_corpus_test.go).

| file | kind | what it breaks | expected problem |
|---|---|---|---|
`)
	for _, tc := range badCases {
		want := fmt.Sprintf("`%s` … %s", strings.TrimSuffix(tc.location(), " "), tc.reason)
		if tc.bug != "" {
			want += " — **BUG**: " + tc.bug
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", tc.file, tc.kind, tc.breaks, strings.ReplaceAll(want, "|", `\|`))
	}
	return b.Bytes()
}
