package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs podium with args and returns the exit code and outputs.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), &cliEnv{stdout: &out, stderr: &errOut}, args)
	return code, out.String(), errOut.String()
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCLIIngestAndStats(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.duckdb")
	ath := write(t, dir, "a.csv", "source_id,name,sex,birth_date,province\na1,Nguyễn Văn An,M,2008-03-14,Hà Nội\na2,Lê Thị Hoa,F,2009-01-02,Huế\n")
	good := write(t, dir, "r.csv", "athlete_source_id,date,sport,discipline,mark,unit\na1,2023-05-01,athletics,100m,11.84,s\na2,2023-05-01,athletics,100m,12.9,s\n")
	// The bad row sits in the middle: line 3 of 4.
	bad := write(t, dir, "bad.csv", "athlete_source_id,date,sport,discipline,mark,unit\na1,2024-05-01,athletics,100m,11.7,s\na1,2024-05-02,athletics,100m,fast,s\na2,2024-05-01,athletics,100m,12.8,s\n")
	report := filepath.Join(dir, "errors.csv")

	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // substring expected on stdout
		stderr string // substring expected on stderr
	}{
		{"no command", nil, exitUsage, "", "usage: podium"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "", `unknown command "frobnicate"`},
		{"ingest without kind", []string{"ingest", "--db", db, good}, exitUsage, "", "--kind is required"},
		{"unknown kind", []string{"ingest", "--db", db, "--kind", "scores", good}, exitUsage, "", `unknown kind "scores"`},
		{"ingest help", []string{"ingest", "--help"}, exitUsage, "", "athlete_source_id"},
		{"load athletes and results", []string{"ingest", "--db", db, "--source", "hn", "--kind", "athletes", ath, "--kind", "results", good}, exitOK, "2 inserted", ""},
		{"same files again", []string{"ingest", "--db", db, "--source", "hn", "--kind", "athletes", ath, "--kind", "results", good}, exitOK, "already loaded", ""},
		{"bad row in the middle", []string{"ingest", "--db", db, "--source", "hn", "--kind", "results", "--report", report, bad}, exitInvalid, "", "bad.csv:3: mark: \"fast\": not a number"},
		{"missing file", []string{"ingest", "--db", db, "--kind", "results", filepath.Join(dir, "nope.csv")}, exitFailure, "", "no such file"},
		{"unknown format", []string{"ingest", "--db", db, "--kind", "results", write(t, dir, "r.xlsx", "x")}, exitFailure, "", "unknown format"},
		{"athletes duplicates", []string{"athletes", "duplicates", "--db", db}, exitOK, "no candidate duplicates", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.stdout) || !strings.Contains(errOut, tc.stderr) {
				t.Fatalf("exit %d (want %d)\nstdout: %s\nstderr: %s", code, tc.code, out, errOut)
			}
		})
	}

	b, err := os.ReadFile(report)
	if err != nil || !strings.Contains(string(b), "file,line,field,reason\n") || !strings.Contains(string(b), ",3,mark,") {
		t.Fatalf("report = %q, %v", b, err)
	}
	code, out, _ := runCLI(t, "stats", "--db", db, "--json")
	var st struct{ Tables map[string]int64 }
	if code != exitOK || json.Unmarshal([]byte(out), &st) != nil {
		t.Fatalf("stats: %d %s", code, out)
	}
	// The rejected file changed nothing: 2 results, 2 batches.
	if st.Tables["results"] != 2 || st.Tables["athletes"] != 2 || st.Tables["ingest_batches"] != 2 {
		t.Fatalf("tables = %v", st.Tables)
	}
}
