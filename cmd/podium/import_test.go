package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestCLIImport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.duckdb")
	fixtures := filepath.Join("..", "..", "datasets", "importers", "testdata")
	tests := []struct {
		name     string
		args     []string
		code     int
		contains string
	}{
		{"no arguments", []string{"import"}, exitUsage, ""},
		{"unknown dataset", []string{"import", "--db", db, "cricket", fixtures}, exitUsage, ""},
		{"tennis", []string{"import", "--db", db, "tennis-atp", fixtures}, exitOK, "1 source rows not loaded"},
		{"flags after the arguments", []string{"import", "swimming", fixtures, "--db", db}, exitOK, "39 rows: 39 inserted"},
		{"again: nothing to do", []string{"import", "--db", db, "swimming", fixtures}, exitOK, "(1 of 1 parts already loaded)"},
		{"missing folder", []string{"import", "--db", db, "athletics", filepath.Join(fixtures, "nope")}, exitFailure, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.args...)
			if code != tt.code || !strings.Contains(out, tt.contains) {
				t.Errorf("exit %d, want %d; stdout:\n%s\nstderr:\n%s", code, tt.code, out, errOut)
			}
		})
	}
	// One load per file: the fixture has eleven football files.
	code, out, _ := runCLI(t, "import", "--db", db, "--json", "football-data", fixtures)
	var sum struct {
		Dataset string `json:"dataset"`
		Reports []struct {
			Parts []struct {
				Kind string `json:"kind"`
				Rows int64  `json:"rows"`
			} `json:"parts"`
		} `json:"reports"`
		Notes []struct {
			Field string `json:"field"`
		} `json:"notes"`
	}
	if code != exitOK || json.Unmarshal([]byte(out), &sum) != nil || sum.Dataset != "football-data" || len(sum.Reports) != 11 || len(sum.Notes) == 0 {
		t.Errorf("--json: exit %d, %+v\n%s", code, sum, out)
	}
}
