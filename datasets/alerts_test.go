package datasets_test

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/storetest"
)

func TestUpsertAlerts(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	ev := func(s string) json.RawMessage { return json.RawMessage(s) }
	steps := []struct {
		name   string
		alerts []datasets.NewAlert
		setup  string
		want   datasets.AlertsReport
		rows   int64
	}{
		{"create", []datasets.NewAlert{
			{"odds-steam", "match:1", 0.7, ev(`{"books":3}`)},
			{"blood-passport", "athlete:9", 0.9, ev(`{"hgb":181}`)},
		}, "", datasets.AlertsReport{Created: 2}, 2},
		{"same again", []datasets.NewAlert{{"odds-steam", "match:1", 0.7, ev(`{"books":3}`)}},
			"", datasets.AlertsReport{Unchanged: 1}, 2},
		{"refresh", []datasets.NewAlert{{"odds-steam", "match:1", 0.8, ev(`{"books":4}`)}},
			"", datasets.AlertsReport{Refreshed: 1}, 2},
		{"decided stays", []datasets.NewAlert{{"blood-passport", "athlete:9", 0.2, ev(`{"hgb":150}`)}},
			"UPDATE alerts SET status = 'dismissed' WHERE subject = 'athlete:9'", datasets.AlertsReport{Decided: 1}, 2},
	}
	for _, s := range steps {
		if s.setup != "" {
			if _, err := st.Exec(ctx, s.setup); err != nil {
				t.Fatal(err)
			}
		}
		rep, err := st.UpsertAlerts(ctx, s.alerts)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if *rep != s.want {
			t.Errorf("%s: report %+v, want %+v", s.name, *rep, s.want)
		}
		if n := storetest.Count(t, st, "SELECT count(*) FROM alerts"); n != s.rows {
			t.Errorf("%s: %d alerts, want %d", s.name, n, s.rows)
		}
	}
	if n := storetest.Count(t, st, "SELECT version FROM alerts WHERE subject = 'match:1'"); n != 2 {
		t.Errorf("refreshed alert at version %d, want 2", n)
	}
	if n := storetest.Count(t, st, "SELECT count(*) FROM alerts WHERE subject = 'athlete:9' AND severity = 0.9"); n != 1 {
		t.Error("a dismissed alert was rewritten")
	}
}

func TestUpsertAlertsRejectsBadInputWhole(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	for _, bad := range []datasets.NewAlert{
		{"", "match:1", 0.5, json.RawMessage(`{}`)},
		{"x", "", 0.5, json.RawMessage(`{}`)},
		{"x", "match:1", 1.5, json.RawMessage(`{}`)},
		{"x", "match:1", 0.5, json.RawMessage(`[1]`)},
	} {
		good := datasets.NewAlert{"ok", "match:2", 0.5, json.RawMessage(`{}`)}
		_, err := st.UpsertAlerts(ctx, []datasets.NewAlert{good, bad})
		if !errors.Is(err, datasets.ErrInvalid) {
			t.Errorf("%+v: err %v, want ErrInvalid", bad, err)
		}
	}
	if n := storetest.Count(t, st, "SELECT count(*) FROM alerts"); n != 0 {
		t.Errorf("%d alerts written by rejected calls", n)
	}
}
