package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/podium-sport/podium/datasets"
)

// TestCLIDetectMatchRatings checks which football Elo podium detect prices
// matches with: the built-in one before any retrain, the champion
// rating-football after one; a corrupt or unreadable champion stops the
// run with a message naming the model and version, and writes no alerts.
func TestCLIDetectMatchRatings(t *testing.T) {
	ctx := context.Background()
	fresh := filepath.Join(t.TempDir(), "d.duckdb")
	if code, _, errOut := runCLI(t, "generate", "--db", fresh, "--athletes", "50", "--seed", "3"); code != exitOK {
		t.Fatalf("generate: exit %d: %s", code, errOut)
	}
	trained := copyDB(t, fresh)
	if code, out, errOut := runCLI(t, "retrain", "--db", trained, "--models", "rating-football", "--json"); code != exitOK {
		t.Fatalf("retrain: exit %d: %s%s", code, out, errOut)
	}
	corrupt, unreadable := copyDB(t, trained), copyDB(t, trained)
	inStore(t, corrupt, func(st *datasets.Store) {
		if _, err := st.Exec(ctx, "UPDATE model_versions SET artifact = ? WHERE model = 'rating-football' AND version = 1",
			[]byte(`{"format":"podium/rating-football/v1"}`)); err != nil {
			t.Fatal(err)
		}
	})
	inStore(t, unreadable, func(st *datasets.Store) {
		if _, err := st.RegisterModel(ctx, datasets.ModelVersion{Model: "rating-football"}, []byte("not an Elo")); err != nil {
			t.Fatal(err)
		}
		if err := st.Promote(ctx, "rating-football", 2, "test", "setup"); err != nil {
			t.Fatal(err)
		}
	})
	for _, tc := range []struct {
		name    string
		db      string
		ratings string   // prefix of the summary's ratings; "" when the run must fail
		errs    []string // in the message of a failed run
	}{
		{"no champion", fresh, "built-in K 20, home 35", nil},
		{"champion", trained, "rating-football v1 (K ", nil},
		{"corrupt champion", corrupt, "", []string{"rating-football version 1", "does not match", "corrupt artifact"}},
		{"unreadable champion", unreadable, "", []string{"rating-football version 2", "invalid character"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, "detect", "--db", tc.db, "--only", "match", "--json")
			if tc.ratings == "" {
				for _, want := range tc.errs {
					if code != exitFailure || !strings.Contains(errOut, want) {
						t.Errorf("exit %d, message %q: want failure saying %q", code, errOut, want)
					}
				}
				inStore(t, tc.db, func(st *datasets.Store) {
					rows, err := st.Query(ctx, "SELECT count(*) FROM alerts")
					if err != nil {
						t.Fatal(err)
					}
					defer rows.Close()
					var n int
					if !rows.Next() || rows.Scan(&n) != nil || n != 0 {
						t.Errorf("%d alerts written by a failed run (%v)", n, rows.Err())
					}
				})
				return
			}
			var rep struct {
				Detectors []struct {
					Summary struct {
						Ratings string `json:"ratings"`
						Scored  int    `json:"scored"`
					} `json:"summary"`
				} `json:"detectors"`
			}
			if err := json.Unmarshal([]byte(out), &rep); code != exitOK || err != nil {
				t.Fatalf("exit %d, %v: %s%s", code, err, out, errOut)
			}
			if s := rep.Detectors[0].Summary; !strings.HasPrefix(s.Ratings, tc.ratings) || s.Scored != 910 {
				t.Errorf("summary %+v, want ratings %q… on 910 matches", s, tc.ratings)
			}
		})
	}
}
