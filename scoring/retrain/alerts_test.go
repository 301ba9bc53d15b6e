package retrain

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/sim"
	"github.com/podium-sport/podium/datasets/storetest"
)

// verdictStore is a simulated store with alerts on athletes with a planted
// case (of the type that finds it, severity raised by 0.3) and on honest
// ones (a "performance" alert on one in nine, severity uniform), 70 % of
// them decided by the simulated officer.
func verdictStore(t *testing.T) *datasets.Store {
	t.Helper()
	ctx := context.Background()
	st := simStore(t, 3000, 4)
	rows, err := st.Query(ctx, `SELECT al.athlete_id, coalesce(min(e.kind), '') FROM athlete_aliases al
		LEFT JOIN truth_events e ON e.subject = al.source_id AND e.kind <> 'duplicate-identity'
		WHERE al.source = 'sim' GROUP BY al.athlete_id ORDER BY al.athlete_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	r := rand.New(rand.NewPCG(1, 2))
	var alerts []datasets.NewAlert
	for rows.Next() {
		var id int64
		var kind string
		if err := rows.Scan(&id, &kind); err != nil {
			t.Fatal(err)
		}
		a := datasets.NewAlert{Type: "performance", Subject: fmt.Sprintf("athlete:%d", id), Severity: 0.3 + 0.4*r.Float64(), Evidence: json.RawMessage(`{}`)}
		switch kind {
		case "":
			if id%9 != 0 {
				continue
			}
		case "blood-manipulation":
			a.Type, a.Severity = "blood-passport", a.Severity+0.3
		case "age-fraud":
			a.Type, a.Severity = "age-growth", a.Severity+0.3
		default:
			a.Severity += 0.3
		}
		alerts = append(alerts, a)
	}
	if _, err := st.UpsertAlerts(ctx, alerts); err != nil {
		t.Fatal(err)
	}
	if _, err := sim.Review(ctx, st, sim.ReviewConfig{Seed: 1, Share: 0.7, ErrorRate: 0.02}); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestRetrainAlertCalibration(t *testing.T) {
	ctx := context.Background()
	st := verdictStore(t)
	if n, err := Recalibrate(ctx, st); n != 0 || err != nil {
		t.Fatalf("recalibrate with no champion: %d, %v", n, err)
	}
	var shas []string
	for range 2 {
		rep, err := Run(ctx, st, Options{Models: []string{AlertCalibration}, Seed: 3, Actor: "test"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		v := rep.Versions[0]
		var m AlertMetrics
		if err := json.Unmarshal(v.Metrics, &m); err != nil || v.Version == 0 {
			t.Fatalf("version %+v: %v", v, err)
		}
		if m.TypePenalty <= 0 || m.SlopePenalty <= 0 {
			t.Errorf("penalties chosen by CV not recorded: %+v", m)
		}
		if !(m.LogLoss < m.BaseRateLogLoss) || !(m.LogLoss < m.SeverityLogLoss) {
			t.Errorf("held-out log-loss %.4f against base rate %.4f and raw severity %.4f", m.LogLoss, m.BaseRateLogLoss, m.SeverityLogLoss)
		}
		shas = append(shas, v.SHA256)
	}
	if shas[0] != shas[1] {
		t.Errorf("the same verdicts and seed gave %v", shas)
	}
	undecided, err := st.UndecidedAlerts(ctx)
	if err != nil || len(undecided) == 0 {
		t.Fatalf("%d undecided alerts, %v", len(undecided), err)
	}
	for _, u := range undecided {
		a, err := st.GetAlert(ctx, u.ID)
		if err != nil || a.PConfirmed == nil || a.CalibratedBy != 2 {
			t.Fatalf("undecided alert %d after the promotion of v2: %+v, %v", u.ID, a, err)
		}
	}
	if _, err := st.Exec(ctx, "UPDATE model_versions SET artifact = 'tampered'::BLOB WHERE model = ? AND version = 2", AlertCalibration); err != nil {
		t.Fatal(err)
	}
	if _, err := Recalibrate(ctx, st); !errors.Is(err, datasets.ErrCorrupt) {
		t.Errorf("recalibrate with a tampered champion: %v", err)
	}
}

func TestRetrainAlertCalibrationSkipsWithoutVerdicts(t *testing.T) {
	st := storetest.Open(t)
	rep, err := Run(context.Background(), st, Options{Models: []string{AlertCalibration}, Actor: "test"}, nil)
	if err != nil || len(rep.Versions) != 1 || rep.Versions[0].Version != 0 || rep.Versions[0].SHA256 != "" {
		t.Fatalf("retrain without verdicts: %+v, %v", rep, err)
	}
	if list, _ := st.ListModels(context.Background()); len(list) != 0 {
		t.Errorf("a skipped model was registered: %+v", list)
	}
}

// TestRetrainEveryModelTwice is the reproducibility check: every
// model retrained twice with the same seed gives the same sha256.
func TestRetrainEveryModelTwice(t *testing.T) {
	if testing.Short() {
		t.Skip("fits every model twice")
	}
	ctx := context.Background()
	st := verdictStore(t)
	sums := map[string][]string{}
	for range 2 {
		rep, err := Run(ctx, st, Options{Seed: 7, Actor: "test"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range rep.Versions {
			sums[v.Model] = append(sums[v.Model], v.SHA256)
		}
	}
	for _, m := range Models {
		if s := sums[m]; len(s) != 2 || s[0] == "" || s[0] != s[1] {
			t.Errorf("%s: sha256 of the two runs %v, want one and the same", m, s)
		}
	}
}
