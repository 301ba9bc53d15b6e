package main

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

func TestCLIDetectMatch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.duckdb")
	if code, _, errOut := runCLI(t, "generate", "--db", db, "--athletes", "50", "--seed", "3"); code != exitOK {
		t.Fatalf("generate: exit %d: %s", code, errOut)
	}
	code, out, errOut := runCLI(t, "detect", "--db", db, "--only", "match", "--json")
	if code != exitOK {
		t.Fatalf("detect: exit %d: %s", code, errOut)
	}
	var rep struct {
		Detectors []struct {
			Name    string `json:"name"`
			Alerts  int    `json:"alerts"`
			Summary struct {
				Scored      int `json:"scored"`
				MatchAlerts int `json:"match_alerts"`
			} `json:"summary"`
		} `json:"detectors"`
		Alerts struct {
			Created int `json:"created"`
		} `json:"alerts"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	// The simulated league has 910 matches, all with five books' prices at
	// three moments; the alert budget is 0.5 % of them (5).
	d := rep.Detectors[0]
	if d.Name != "match" || d.Summary.Scored != 910 || d.Summary.MatchAlerts < 1 || d.Summary.MatchAlerts > 5 {
		t.Errorf("detector report %+v", d)
	}
	if rep.Alerts.Created != d.Alerts {
		t.Errorf("created %d alerts, detector found %d", rep.Alerts.Created, d.Alerts)
	}
	code, out, _ = runCLI(t, "detect", "--db", db, "--only", "match", "--json")
	if err := json.Unmarshal([]byte(out), &rep); code != exitOK || err != nil || rep.Alerts.Created != 0 {
		t.Errorf("second run: exit %d, created %d (want 0: the same findings refresh nothing)", code, rep.Alerts.Created)
	}
}
