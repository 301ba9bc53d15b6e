package sim_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/sim"
	"github.com/podium-sport/podium/datasets/storetest"
)

// alertType is the detector that finds each planted athlete case.
var alertType = map[string]string{"doping-jump": "performance", "blood-manipulation": "blood-passport", "age-fraud": "age-growth"}

// plantedAndHonest returns alerts on up to n athletes with a planted case
// (of the type that finds it) and on n athletes with nothing planted.
func plantedAndHonest(t *testing.T, st *datasets.Store, n int) (planted, honest []datasets.NewAlert) {
	t.Helper()
	rows, err := st.Query(context.Background(), `
		SELECT 'athlete:' || al.athlete_id, coalesce(min(e.kind), '') FROM athlete_aliases al
		LEFT JOIN truth_events e ON e.subject = al.source_id
		WHERE al.source = 'sim' GROUP BY al.athlete_id ORDER BY al.athlete_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var s, kind string
		if err := rows.Scan(&s, &kind); err != nil {
			t.Fatal(err)
		}
		a := datasets.NewAlert{Type: "performance", Subject: s, Severity: 0.5, Evidence: json.RawMessage(`{}`)}
		if typ, ok := alertType[kind]; ok && len(planted) < n {
			a.Type = typ
			planted = append(planted, a)
		} else if kind == "" && len(honest) < n {
			honest = append(honest, a)
		}
	}
	if len(planted) < 5 {
		t.Fatalf("only %d planted athlete cases", len(planted))
	}
	return planted, honest
}

func TestReviewFollowsPlantedTruth(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	if _, err := sim.Generate(ctx, st, sim.Config{Athletes: 3000, Seed: 2}, nil); err != nil {
		t.Fatal(err)
	}
	planted, honest := plantedAndHonest(t, st, 10)
	alerts := append(append([]datasets.NewAlert{}, planted...), honest...)
	alerts = append(alerts, datasets.NewAlert{Type: "birth-date-heaping", Subject: "club:1", Severity: 0.5, Evidence: json.RawMessage(`{}`)})
	if _, err := st.UpsertAlerts(ctx, alerts); err != nil {
		t.Fatal(err)
	}
	sum, err := sim.Review(ctx, st, sim.ReviewConfig{Seed: 1, Share: 1, ErrorRate: 1e-12})
	if err != nil {
		t.Fatal(err)
	}
	want := sim.ReviewSummary{Checkable: len(planted) + len(honest), Confirmed: len(planted), Dismissed: len(honest)}
	if *sum != want {
		t.Errorf("summary %+v, want %+v", *sum, want)
	}
	labels, err := st.AlertLabels(ctx)
	if err != nil || len(labels) != want.Checkable {
		t.Fatalf("%d labels, %v", len(labels), err)
	}
	for _, l := range labels {
		isPlanted := slices.ContainsFunc(planted, func(a datasets.NewAlert) bool { return a.Subject == l.Subject })
		if l.Confirmed != isPlanted || l.DecidedBy != "sim-officer" {
			t.Errorf("verdict on %s: confirmed %t by %s, planted %t", l.Subject, l.Confirmed, l.DecidedBy, isPlanted)
		}
	}
	if open := storetest.Count(t, st, "SELECT count(*) FROM alerts WHERE status = 'open'"); open != 1 {
		t.Errorf("%d alerts left open, want the heaping alert only", open)
	}
	again, err := sim.Review(ctx, st, sim.ReviewConfig{Seed: 1, Share: 1})
	if err != nil || again.Checkable != 0 {
		t.Errorf("second review decided again: %+v, %v", again, err)
	}
}

func TestReviewShareAndErrors(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	if _, err := sim.Generate(ctx, st, sim.Config{Athletes: 3000, Seed: 2}, nil); err != nil {
		t.Fatal(err)
	}
	_, honest := plantedAndHonest(t, st, 400)
	if _, err := st.UpsertAlerts(ctx, honest); err != nil {
		t.Fatal(err)
	}
	sum, err := sim.Review(ctx, st, sim.ReviewConfig{Seed: 3, Share: 0.5, ErrorRate: 0.2})
	if err != nil {
		t.Fatal(err)
	}
	decided := sum.Confirmed + sum.Dismissed
	// 400 alerts at share 0.5: 200 ± 3σ (σ = 10); 20 % of them wrong: 40 ± 3σ (σ ≈ 5.7).
	if decided < 170 || decided > 230 || sum.Wrong < 23 || sum.Wrong > 57 || sum.Confirmed != sum.Wrong {
		t.Errorf("summary %+v: want about 200 decided, 40 wrong (all wrongly confirmed)", *sum)
	}
	if _, err := sim.Review(ctx, st, sim.ReviewConfig{Share: 2}); err == nil {
		t.Error("share 2 accepted")
	}
}
