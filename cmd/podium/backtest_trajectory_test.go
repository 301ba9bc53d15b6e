package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// trajectoryFixture is 64 swimmers of the FFN data (24 training and 8 test
// swimmers of each sex of the MagmaClust split); see
// models/trajectory/testdata/README.md.
var trajectoryFixture = filepath.Join("..", "..", "models", "trajectory", "testdata", "swimming")

func TestCLIBacktestTrajectory(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.duckdb")
	split := filepath.Join(trajectoryFixture, "split.csv")
	preds := filepath.Join(dir, "preds.csv")
	if code, _, errOut := runCLI(t, "import", "--db", db, "swimming", trajectoryFixture); code != exitOK {
		t.Fatalf("import: exit %d\n%s", code, errOut)
	}
	badSplit := write(t, dir, "bad.csv", "ID,Gender,split\n1,1,test\n2,1,holdout\n")
	missing := write(t, dir, "missing.csv", "ID,Gender,split\n999999,1,test\n")
	tests := []struct {
		name     string
		args     []string
		code     int
		contains string // in stdout (exit 0) or stderr
	}{
		{"no split", []string{"backtest", "trajectory", "--db", db}, exitUsage, "usage"},
		{"bad split: file and line", []string{"backtest", "trajectory", "--db", db, "--split", badSplit}, exitFailure, "bad.csv:3: split \"holdout\""},
		{"split swimmer not in the store", []string{"backtest", "trajectory", "--db", db, "--split", missing}, exitFailure, "0 swimmers of the split file found in the store"},
		{"table", []string{"backtest", "trajectory", "--db", db, "--split", split}, exitOK, "curve + offset"},
		{"one fold", []string{"backtest", "trajectory", "--db", db, "--split", split, "--cv", "1"}, exitUsage, "usage"},
		{"training cross-validation", []string{"backtest", "trajectory", "--db", db, "--split", split, "--cv", "3"}, exitOK, "model, training CV"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tt.args...)
			if code != tt.code || !strings.Contains(out+errOut, tt.contains) {
				t.Errorf("exit %d, want %d with %q; stdout:\n%s\nstderr:\n%s", code, tt.code, tt.contains, out, errOut)
			}
		})
	}

	code, out, errOut := runCLI(t, "backtest", "trajectory", "--db", db, "--split", split, "--json", "--predictions", preds)
	var rep trajectoryReport
	if code != exitOK || json.Unmarshal([]byte(out), &rep) != nil {
		t.Fatalf("--json: exit %d\n%s\n%s", code, out, errOut)
	}
	// The fixture's test swimmers: 8 of each sex; 24 of each sex to train.
	if rep.Women.Swimmers != 8 || rep.Men.Swimmers != 8 || rep.Train.Women != 24 || rep.Train.Men != 24 {
		t.Errorf("counts: %+v", rep)
	}
	// The model must beat the population curve even on this small sample.
	if !(rep.Women.MSE < rep.Baselines.Curve.Women.MSE) || !(rep.Men.MSE < rep.Baselines.Curve.Men.MSE) {
		t.Errorf("model %+v does not beat the population curve %+v", rep.sexScores, rep.Baselines.Curve)
	}
	f, err := os.Open(preds)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) != 1+rep.Women.Points+rep.Men.Points || strings.Join(rows[0], ",") != "ID,Age,predicted,lower95,upper95" {
		t.Errorf("predictions: %d rows, header %v, err %v; want %d points", len(rows), rows[0], err, rep.Women.Points+rep.Men.Points)
	}
}
