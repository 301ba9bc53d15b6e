package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestCLIGenerate(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.duckdb")
	code, out, errOut := runCLI(t, "generate", "--db", db, "--athletes", "300", "--seed", "2", "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var sum struct {
		Athletes      int              `json:"athletes"`
		Rows          map[string]int64 `json:"rows"`
		Truth         map[string]int64 `json:"truth"`
		AlreadyLoaded bool             `json:"already_loaded"`
	}
	if err := json.Unmarshal([]byte(out), &sum); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if sum.Athletes != 300 || sum.Rows["athletes"] < 300 || sum.Rows["results"] == 0 || sum.Truth["truth_athletes"] != sum.Rows["athletes"] || sum.AlreadyLoaded {
		t.Errorf("summary %+v", sum)
	}
	code, out, _ = runCLI(t, "generate", "--db", db, "--athletes", "300", "--seed", "2")
	if code != exitOK || !strings.Contains(out, "nothing to load") {
		t.Errorf("second run: exit %d, %q", code, out)
	}
	tests := []struct {
		name string
		args []string
	}{
		{"stray argument", []string{"generate", "--db", db, "extra"}},
		{"too few athletes", []string{"generate", "--db", db, "--athletes", "0"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if code, _, _ := runCLI(t, tc.args...); code != exitUsage {
				t.Errorf("exit %d, want %d (usage)", code, exitUsage)
			}
		})
	}
}
