package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/scoring/retrain"
)

// detector is one integrity detector: it reads the store and returns its
// findings as alerts (and a summary of what it looked at for --json).
type detector struct {
	name    string
	summary string
	run     func(ctx context.Context, st *datasets.Store) ([]datasets.NewAlert, any, error)
}

// detectors is the table of integrity detectors `podium detect` runs, in order;
// each lives in its own file (detect_<name>.go).
var detectors = []detector{
	{"blood", "blood passport: adaptive Bayesian individual ranges of HGB, RET% and OFF-score at 99 % specificity, and a level-change scan of each profile", detectBlood},
	{"age", "age fraud: growth and maturity older than the stated age, one athlete with two birth dates, 1-January heaping of birth dates", detectAgeFraud},
	{"match", "match-fixing: odds movements, steam, divergence, model-vs-market gap and improbable results per match; team and referee runs with FDR", detectMatches},
	{"jumps", "performance passport: each result against the athlete's own walk-forward trajectory forecast; sudden jumps (innovation z) and sustained shifts (CUSUM) at a 0.5 % alert budget", detectJumps}}

const detectSynopsis = `detect --db DB [--only NAME,...] [--json]

Runs the integrity detectors over the store and records their findings as
alerts for review (new findings open an alert; an open alert found again is
refreshed; reviewed alerts are never reopened). When an alert-calibration
model has been promoted (podium retrain), every undecided alert is then
scored with its P(confirmed).`

// detectReport is what --json prints.
type detectReport struct {
	Detectors []detectorReport       `json:"detectors"`
	Alerts    *datasets.AlertsReport `json:"alerts"`
	// Calibrated counts the undecided alerts scored with P(confirmed) (0
	// before any alert calibration is promoted).
	Calibrated int     `json:"calibrated"`
	Seconds    float64 `json:"seconds"`
}

type detectorReport struct {
	Name    string  `json:"name"`
	Alerts  int     `json:"alerts"`
	Summary any     `json:"summary"`
	Seconds float64 `json:"seconds"`
}

func runDetect(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "detect", detectSynopsis)
	db := dbFlag(fs)
	only := fs.String("only", "", "comma-separated detectors to run (default all): "+detectorNames())
	asJSON := fs.Bool("json", false, `print {"detectors": [{"name", "alerts", "summary", "seconds"}], "alerts": {...}, "seconds"}`)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	chosen, err := chooseDetectors(*only)
	if err != nil {
		fmt.Fprintln(env.stderr, "podium detect:", err)
		return errUsage
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	start := time.Now()
	rep := detectReport{}
	var all []datasets.NewAlert
	for _, d := range chosen {
		t := time.Now()
		alerts, summary, err := d.run(ctx, st)
		if err != nil {
			return fmt.Errorf("detect %s: %w", d.name, err)
		}
		all = append(all, alerts...)
		rep.Detectors = append(rep.Detectors, detectorReport{d.name, len(alerts), summary, time.Since(t).Seconds()})
	}
	if rep.Alerts, err = st.UpsertAlerts(ctx, all); err != nil {
		return err
	}
	if rep.Calibrated, err = retrain.Recalibrate(ctx, st); err != nil {
		return err
	}
	rep.Seconds = time.Since(start).Seconds()
	if *asJSON {
		return writeJSON(env.stdout, rep)
	}
	for _, d := range rep.Detectors {
		fmt.Fprintf(env.stdout, "%-20s %6d findings  (%.1f s)\n", d.Name, d.Alerts, d.Seconds)
	}
	a := rep.Alerts
	fmt.Fprintf(env.stdout, "alerts: %d new, %d refreshed, %d unchanged, %d already reviewed\n",
		a.Created, a.Refreshed, a.Unchanged, a.Decided)
	if rep.Calibrated > 0 {
		fmt.Fprintf(env.stdout, "P(confirmed) of %d undecided alerts from the %s champion\n", rep.Calibrated, retrain.AlertCalibration)
	}
	return nil
}

func detectorNames() string {
	names := make([]string, len(detectors))
	for i, d := range detectors {
		names[i] = d.name
	}
	return strings.Join(names, ", ")
}

func chooseDetectors(only string) ([]detector, error) {
	if only == "" {
		return detectors, nil
	}
	var out []detector
	for _, name := range strings.Split(only, ",") {
		found := false
		for _, d := range detectors {
			if d.name == strings.TrimSpace(name) {
				out = append(out, d)
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("unknown detector %q (have: %s)", name, detectorNames())
		}
	}
	return out, nil
}
