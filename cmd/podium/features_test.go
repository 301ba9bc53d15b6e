package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCLIFeatures(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.duckdb")
	ath := write(t, dir, "a.csv", "source_id,name,sex,birth_date,province\na1,Nguyễn Văn An,M,2008-03-14,Hà Nội\na2,Lê Thị Hoa,F,2009-01-02,Huế\n")
	res := write(t, dir, "r.csv", "athlete_source_id,date,sport,discipline,mark,unit\n"+
		"a1,2023-05-01,athletics,100m,11.84,s\na1,2024-05-01,athletics,100m,11.60,s\na2,2023-05-01,athletics,100m,12.9,s\n")
	if code, _, errOut := runCLI(t, "ingest", "--db", db, "--source", "hn", "--kind", "athletes", ath, "--kind", "results", res); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, errOut)
	}
	csvOut := filepath.Join(dir, "p.csv")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // substring expected on stdout
		stderr string // substring expected on stderr
	}{
		{"list", []string{"--list"}, exitOK, "progression      v1", ""},
		{"list json", []string{"--list", "--json"}, exitOK, `"name": "physio_latest"`, ""},
		{"no set", []string{"--db", db, "--out", csvOut}, exitUsage, "", "usage: podium features"},
		{"unknown set", []string{"--db", db, "--set", "speed", "--out", csvOut}, exitUsage, "", `unknown set "speed"`},
		{"two cut-offs", []string{"--db", db, "--set", "progression", "--as-of", "2024-01-01", "--as-of-age", "18", "--out", csvOut}, exitUsage, "", "not both"},
		{"bad date", []string{"--db", db, "--set", "progression", "--as-of", "1/1/2024", "--out", csvOut}, exitUsage, "", "want YYYY-MM-DD"},
		{"bad age", []string{"--db", db, "--set", "progression", "--as-of-age", "-3", "--out", csvOut}, exitUsage, "", "want years"},
		{"bad format", []string{"--db", db, "--set", "progression", "--out", filepath.Join(dir, "p.xlsx")}, exitUsage, "", "unknown format"},
		// a1's 2024 race is after the cut-off: two groups, a1 with one result
		{"as of a date", []string{"--db", db, "--set", "progression", "--as-of", "2023-12-31", "--out", csvOut}, exitOK, "progression v1 as of 2023-12-31: 2 rows × 13 columns", ""},
		// both athletes raced in 2023, before turning 16
		{"as of an age, json", []string{"--db", db, "--set", "athlete_profile", "--as-of-age", "16", "--out", filepath.Join(dir, "p.parquet"), "--json"}, exitOK, `"rows": 2`, ""},
		{"default today", []string{"--db", db, "--set", "progression", "--out", filepath.Join(dir, "p.arrow")}, exitOK, "2 rows", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, append([]string{"features"}, tc.args...)...)
			if code != tc.code || !strings.Contains(out, tc.stdout) || !strings.Contains(errOut, tc.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d, stdout ~ %q, stderr ~ %q", code, out, errOut, tc.code, tc.stdout, tc.stderr)
			}
		})
	}

	b, err := os.ReadFile(csvOut)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "athlete_id,sport,discipline") || !strings.Contains(lines[1], ",100m,s,true,1,11.84,") {
		t.Errorf("progression CSV:\n%s", b)
	}

	code, out, _ := runCLI(t, "features", "--db", db, "--set", "match_record", "--as-of", "2024-06-01", "--out", filepath.Join(dir, "m.csv"), "--json")
	var rep featuresReport
	if err := json.Unmarshal([]byte(out), &rep); code != exitOK || err != nil {
		t.Fatalf("exit %d, %v: %s", code, err, out)
	}
	if rep.Set != "match_record" || rep.Version != 1 || rep.Cutoff != "2024-06-01" || rep.Rows != 0 || rep.Columns != 8 {
		t.Errorf("report %+v", rep)
	}
}
