package datasets_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/storetest"
)

// reviewStore is a store with three open alerts: 1 (0.9), 2 (0.5), 3 (0.2).
func reviewStore(t *testing.T) *datasets.Store {
	t.Helper()
	st := storetest.Open(t)
	_, err := st.UpsertAlerts(context.Background(), []datasets.NewAlert{
		{Type: "odds-steam", Subject: "match:1", Severity: 0.9, Evidence: json.RawMessage(`{"books":3}`)},
		{Type: "odds-steam", Subject: "match:2", Severity: 0.5, Evidence: json.RawMessage(`{"books":2}`)},
		{Type: "blood-passport", Subject: "athlete:7", Severity: 0.2, Evidence: json.RawMessage(`{"hgb":171}`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestListAlerts(t *testing.T) {
	ctx := context.Background()
	st := reviewStore(t)
	tests := []struct {
		name    string
		f       datasets.AlertFilter
		ids     []int64
		total   int
		invalid bool
	}{
		{"all, most severe first", datasets.AlertFilter{}, []int64{1, 2, 3}, 3, false},
		{"by type", datasets.AlertFilter{Type: "odds-steam"}, []int64{1, 2}, 2, false},
		{"min severity", datasets.AlertFilter{MinSeverity: 0.5}, []int64{1, 2}, 2, false},
		{"page", datasets.AlertFilter{Limit: 1, Offset: 1}, []int64{2}, 3, false},
		{"status", datasets.AlertFilter{Status: "triage"}, nil, 0, false},
		{"future", datasets.AlertFilter{From: time.Now().Add(time.Hour)}, nil, 0, false},
		{"past window", datasets.AlertFilter{To: time.Now().Add(time.Hour)}, []int64{1, 2, 3}, 3, false},
		{"bad status", datasets.AlertFilter{Status: "closed"}, nil, 0, true},
		{"bad severity", datasets.AlertFilter{MinSeverity: 2}, nil, 0, true},
		{"bad limit", datasets.AlertFilter{Limit: 501}, nil, 0, true},
		{"from after to", datasets.AlertFilter{From: time.Now(), To: time.Now().Add(-time.Hour)}, nil, 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, total, err := st.ListAlerts(ctx, tc.f)
			if tc.invalid {
				if !errors.Is(err, datasets.ErrInvalid) {
					t.Fatalf("err = %v, want ErrInvalid", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, a := range got {
				ids = append(ids, a.ID)
			}
			if total != tc.total || len(ids) != len(tc.ids) || (len(ids) > 0 && ids[0] != tc.ids[0]) {
				t.Fatalf("ids %v total %d, want %v total %d", ids, total, tc.ids, tc.total)
			}
		})
	}
}

func TestUpdateAlertWorkflow(t *testing.T) {
	ctx := context.Background()
	st := reviewStore(t)
	steps := []struct {
		name    string
		ch      datasets.AlertChange
		want    error  // nil, ErrConflict, ErrInvalid, ErrNotFound
		status  string // status after the step
		version int
	}{
		{"skip to confirmed", datasets.AlertChange{Status: "confirmed", Version: 1}, datasets.ErrInvalid, "open", 1},
		{"triage", datasets.AlertChange{Status: "triage", Version: 1, Assignee: "lan"}, nil, "triage", 2},
		{"stale version", datasets.AlertChange{Status: "investigating", Version: 1}, datasets.ErrConflict, "triage", 2},
		{"comment only", datasets.AlertChange{Version: 2, Comment: "bookmaker logs requested"}, nil, "triage", 3},
		{"nothing", datasets.AlertChange{Version: 3}, datasets.ErrInvalid, "triage", 3},
		{"no version", datasets.AlertChange{Status: "investigating"}, datasets.ErrInvalid, "triage", 3},
		{"unknown status", datasets.AlertChange{Status: "closed", Version: 3}, datasets.ErrInvalid, "triage", 3},
		{"investigate", datasets.AlertChange{Status: "investigating", Version: 3}, nil, "investigating", 4},
		{"escalate", datasets.AlertChange{Status: "escalated", Version: 4}, nil, "escalated", 5},
		{"confirm", datasets.AlertChange{Status: "confirmed", Version: 5, Comment: "fixed match"}, nil, "confirmed", 6},
		{"final", datasets.AlertChange{Status: "dismissed", Version: 6}, datasets.ErrInvalid, "confirmed", 6},
	}
	for _, s := range steps {
		s.ch.Actor = "lan"
		_, err := st.UpdateAlert(ctx, 1, s.ch)
		if (s.want == nil) != (err == nil) || (s.want != nil && !errors.Is(err, s.want)) {
			t.Fatalf("%s: err = %v, want %v", s.name, err, s.want)
		}
		a, err := st.GetAlert(ctx, 1)
		if err != nil || a.Status != s.status || a.Version != s.version {
			t.Fatalf("%s: alert = %+v, %v; want %s v%d", s.name, a, err, s.status, s.version)
		}
	}
	if _, err := st.UpdateAlert(ctx, 99, datasets.AlertChange{Status: "triage", Version: 1, Actor: "x"}); !errors.Is(err, datasets.ErrNotFound) {
		t.Fatalf("missing alert: %v", err)
	}
	trail, err := st.AlertAudit(ctx, 1)
	if err != nil || len(trail) != 5 {
		t.Fatalf("AlertAudit = %d entries, %v; want the 5 successful steps", len(trail), err)
	}
	var last struct{ From, To, Comment string }
	json.Unmarshal(trail[4].Detail, &last)
	if last.From != "escalated" || last.To != "confirmed" || last.Comment != "fixed match" {
		t.Fatalf("last audit detail %s", trail[4].Detail)
	}
	if n := storetest.Count(t, st, "SELECT count(*) FROM alert_labels WHERE alert_id = 1 AND label = 'confirmed' AND audit_seq = ?", trail[4].Seq); n != 1 {
		t.Fatal("no confirmed label recorded")
	}
	if n, err := st.VerifyAudit(ctx); n != 5 || err != nil {
		t.Fatalf("VerifyAudit = %d, %v", n, err)
	}
}

// Two reviewers change the same version at once: exactly one wins.
func TestUpdateAlertRace(t *testing.T) {
	ctx := context.Background()
	st := reviewStore(t)
	const n = 8
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			_, errs[i] = st.UpdateAlert(ctx, 2, datasets.AlertChange{Status: "triage", Version: 1, Actor: "r", Comment: "mine"})
		})
	}
	wg.Wait()
	wins := 0
	for _, err := range errs {
		switch {
		case err == nil:
			wins++
		case !errors.Is(err, datasets.ErrConflict):
			t.Fatalf("loser got %v, want ErrConflict", err)
		}
	}
	if wins != 1 || storetest.Count(t, st, "SELECT count(*) FROM audit_log") != 1 {
		t.Fatalf("%d winners, want 1", wins)
	}
}

func TestNextStatuses(t *testing.T) {
	if got := datasets.NextStatuses("escalated"); len(got) != 2 || got[0] != "confirmed" {
		t.Fatalf("NextStatuses(escalated) = %v", got)
	}
	if got := datasets.NextStatuses("dismissed"); len(got) != 0 {
		t.Fatalf("NextStatuses(dismissed) = %v", got)
	}
}

// A reviewer moves an alert along; a second reviewer still holding the old
// version is refused with ErrConflict and must re-read.
func ExampleStore_UpdateAlert() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	st, err := datasets.Open(ctx, filepath.Join(dir, "p.duckdb"))
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	st.UpsertAlerts(ctx, []datasets.NewAlert{{Type: "odds-steam", Subject: "match:1", Severity: 0.8, Evidence: json.RawMessage(`{}`)}})

	a, err := st.UpdateAlert(ctx, 1, datasets.AlertChange{Status: "triage", Version: 1, Actor: "lan", Comment: "odd line move"})
	fmt.Println(a.Status, a.Version, err, datasets.NextStatuses(a.Status))
	_, err = st.UpdateAlert(ctx, 1, datasets.AlertChange{Status: "dismissed", Version: 1, Actor: "minh"})
	fmt.Println(errors.Is(err, datasets.ErrConflict))
	n, err := st.VerifyAudit(ctx)
	fmt.Println(n, err)
	// Output:
	// triage 2 <nil> [investigating dismissed]
	// true
	// 1 <nil>
}
