package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/podium-sport/podium/models/talent/talenttest"
)

func TestCLIBacktestTalent(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "tennis-atp")
	if err := os.Mkdir(data, 0o755); err != nil {
		t.Fatal(err)
	}
	talenttest.Generate(300, 5).Write(t, data)
	db := filepath.Join(dir, "p.duckdb")
	if code, _, errOut := runCLI(t, "import", "--db", db, "tennis-atp", data); code != exitOK {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	preds := filepath.Join(dir, "p.csv")
	ok := []string{"--db", db, "--freeze-age", "18", "--elite-rank", "50", "--train-born", "1980-1989", "--test-born", "1990-1995"}
	tests := []struct {
		name           string
		args           []string
		code           int
		stdout, stderr string
	}{
		{"no cohorts", []string{"--db", db}, exitUsage, "", "--train-born"},
		{"bad range", []string{"--db", db, "--train-born", "1989-1978", "--test-born", "1990-1997"}, exitUsage, "", "want birth years Y1-Y2"},
		{"other sport", append([]string{"--sport", "golf"}, ok...), exitUsage, "", "only tennis"},
		{"bad age", append(ok, "--freeze-age", "0"), exitUsage, "", "--freeze-age 0"},
		{"no test athletes", []string{"--db", db, "--train-born", "1980-1989", "--test-born", "2030-2031"}, exitFailure, "", "the test needs both"},
		{"table", append(ok, "--predictions", preds), exitOK, "best_rank_before_cutoff", ""},
		{"json", append(ok, "--json"), exitOK, `"precision_at_k"`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, append([]string{"backtest", "talent"}, tc.args...)...)
			if code != tc.code || !strings.Contains(out, tc.stdout) || !strings.Contains(errOut, tc.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d, stdout ~ %q, stderr ~ %q", code, out, errOut, tc.code, tc.stdout, tc.stderr)
			}
		})
	}

	_, out, _ := runCLI(t, append([]string{"backtest", "talent", "--json"}, ok...)...)
	var rep struct {
		Model struct {
			AUC       float64 `json:"auc"`
			N         int     `json:"n"`
			Positives int     `json:"positives"`
		} `json:"model"`
		Baselines map[string]json.RawMessage `json:"baselines"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("--json output: %v\n%s", err, out)
	}
	// Skill drives both the early results and the career: the model must rank
	// far better than chance on the synthetic data.
	if rep.Model.AUC < 0.75 || rep.Model.Positives == 0 || len(rep.Baselines) != 3 {
		t.Errorf("synthetic back-test: %+v with baselines %v", rep.Model, rep.Baselines)
	}
	b, err := os.ReadFile(preds)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if lines[0] != "source_id,p_elite,label" || len(lines) != rep.Model.N+1 {
		t.Errorf("predictions: %d lines, header %q; want %d rows", len(lines), lines[0], rep.Model.N)
	}
}
