package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestCLIRankAndRetrain(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.duckdb")
	if code, _, errOut := runCLI(t, "generate", "--db", db, "--athletes", "500", "--seed", "3"); code != exitOK {
		t.Fatalf("generate: %d %s", code, errOut)
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		contains string
	}{
		{"table", []string{"rank", "--db", db, "--sex", "F", "--limit", "5"}, exitOK, "fairness audit of the top"},
		{"csv", []string{"rank", "--db", db, "--format", "csv", "--born", "2008-2010"}, exitOK, "rank,athlete_id,name"},
		{"bad sex", []string{"rank", "--db", db, "--sex", "X"}, exitUsage, "bad flags"},
		{"bad born", []string{"rank", "--db", db, "--born", "2010-2008"}, exitUsage, "want birth years"},
		{"bad format", []string{"rank", "--db", db, "--format", "xml"}, exitUsage, "bad flags"},
		{"backtest board", []string{"backtest", "board", "--db", db, "--test-born", "2007-2014", "--json"}, exitOK, `"top10_q1_q4_odds_ratio"`},
		{"backtest board overlapping cohorts", []string{"backtest", "board", "--db", db, "--test-born", "2004-2010", "--train-born-to", "2006"}, exitFailure, "overlaps the training cohorts"},
		{"backtest board bad years", []string{"backtest", "board", "--db", db, "--test-born", "2014-2007"}, exitUsage, "want birth years"},
		{"retrain unknown model", []string{"retrain", "--db", db, "--models", "nope"}, exitFailure, "unknown model"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(out+errOut, tc.contains) {
				t.Errorf("exit %d (want %d), output lacks %q:\n%s\n%s", code, tc.code, tc.contains, out, errOut)
			}
		})
	}

	_, out, _ := runCLI(t, "rank", "--db", db, "--format", "json", "--limit", "3", "--top", "20")
	var r struct {
		Total    int                  `json:"total"`
		TopN     int                  `json:"top_n"`
		Rows     []struct{ Rank int } `json:"rows"`
		Fairness struct {
			Selected int `json:"selected"`
		} `json:"fairness"`
		Cutoffs []json.RawMessage `json:"cutoffs"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil || len(r.Rows) != 3 || r.TopN != 20 || r.Fairness.Selected != 20 || len(r.Cutoffs) == 0 {
		t.Fatalf("rank --format json: %+v %v\n%s", r, err, out)
	}

	shas := map[string][]string{} // by model: every model, retrained twice with the same seed
	for range 2 {
		code, out, errOut := runCLI(t, "retrain", "--db", db, "--seed", "9", "--json")
		var rep struct {
			Versions []struct {
				Model    string `json:"model"`
				SHA256   string `json:"sha256"`
				Promoted bool   `json:"promoted"`
			} `json:"versions"`
		}
		if code != exitOK || json.Unmarshal([]byte(out), &rep) != nil || len(rep.Versions) < 2 {
			t.Fatalf("retrain: exit %d\n%s\n%s", code, out, errOut)
		}
		for _, v := range rep.Versions {
			shas[v.Model] = append(shas[v.Model], v.SHA256)
			if v.Model == "talent" && !v.Promoted {
				t.Errorf("talent not promoted: %+v", v)
			}
		}
	}
	if len(shas["talent"]) != 2 {
		t.Errorf("talent versions %v", shas)
	}
	for m, s := range shas {
		if s[0] != s[1] {
			t.Errorf("two retrains of %s with the same seed: %v", m, s)
		}
	}
	if code, out, _ := runCLI(t, "models", "--db", db); code != exitOK || !strings.Contains(out, "* talent") {
		t.Errorf("models list after retrain:\n%s", out)
	}
	code, out, errOut := runCLI(t, "models", "drift", "--db", db, "--json")
	var d struct {
		Version int                `json:"version"`
		PSI     map[string]float64 `json:"psi"`
	}
	if code != exitOK || json.Unmarshal([]byte(out), &d) != nil || d.Version != 2 || len(d.PSI) != 10 {
		t.Errorf("models drift: exit %d %+v\n%s\n%s", code, d, out, errOut)
	}
	for f, v := range d.PSI {
		if v > 0.25 {
			t.Errorf("feature %s drifted (PSI %.3f) on the very data the model was trained on", f, v)
		}
	}
}
