package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/podium-sport/podium/datasets"
)

// TestFaultKillIngest kills `podium ingest` of one load (100 athletes and
// 60,000 results; 20,000 under -short) at random points and checks that the
// load is wholly there or wholly absent, that ingest_batches records exactly
// the rows loaded, that a load podium reported committed is there, and that
// running the same command again completes the load.
func TestFaultKillIngest(t *testing.T) {
	athletes, rows := 100, bySize(60_000, 20_000)
	full := loaded{int64(athletes), int64(rows), int64(athletes), int64(rows), 2}
	dir := t.TempDir()
	files := writeLoad(t, dir, "k", "fault", athletes, rows)
	took := timed(t, child("cli", files.args(filepath.Join(dir, "calibrate.duckdb"))...))
	t.Logf("uninterrupted ingest of %d rows: %v", rows, took)
	rng := faultRand(t)
	for trial := range faultTrials() {
		t.Run(fmt.Sprint(trial), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "kill.duckdb")
			argv := files.args(db)
			k := killAt(t, child("cli", argv...), killPoint(rng, took))
			var got loaded
			inStore(t, db, func(st *datasets.Store) { got = countLoaded(t, st, "fault") })
			t.Logf("killed at %v (exited first: %v): %+v", k.delay, k.exited, got)
			if got != full && got != (loaded{}) {
				t.Fatalf("half a load after SIGKILL at %v: %+v; want all (%+v) or nothing", k.delay, got, full)
			}
			if strings.Contains(k.stdout, "committed") && got != full {
				t.Fatalf("podium ingest reported the load committed but it is missing: %+v", got)
			}
			if code, out, errOut := runCLI(t, argv...); code != exitOK {
				t.Fatalf("re-run: exit %d\n%s%s", code, out, errOut)
			}
			inStore(t, db, func(st *datasets.Store) {
				if again := countLoaded(t, st, "fault"); again != full {
					t.Fatalf("after the re-run: %+v, want %+v", again, full)
				}
			})
		})
	}
}

// TestFaultKillDetect kills `podium detect` on a simulated database (600
// athletes; 200 under -short) at random points and checks that its alerts
// are all there or none (they are written in one transaction at the end),
// that a run podium reported finished left all of them, and that running it
// again gives exactly the alerts of an uninterrupted run.
func TestFaultKillDetect(t *testing.T) {
	base := simDB(t, 600, 7)
	ref := copyDB(t, base)
	took := timed(t, child("cli", "detect", "--db", ref))
	want := alertKeys(t, ref)
	t.Logf("uninterrupted detect: %v, %d alerts", took, len(want))
	if len(want) < 2 {
		t.Fatalf("detect found %d alerts on the simulation: too few to tell a half-written run", len(want))
	}
	rng := faultRand(t)
	for trial := range faultTrials() {
		t.Run(fmt.Sprint(trial), func(t *testing.T) {
			db := copyDB(t, base)
			k := killAt(t, child("cli", "detect", "--db", db), killPoint(rng, took))
			got := alertKeys(t, db)
			t.Logf("killed at %v (exited first: %v): %d alerts", k.delay, k.exited, len(got))
			if len(got) != 0 && !slices.Equal(got, want) {
				t.Fatalf("half a detect run after SIGKILL at %v: %d alerts %v; want none or %v", k.delay, len(got), got, want)
			}
			if strings.Contains(k.stdout, "alerts:") && len(got) == 0 {
				t.Fatalf("podium detect reported its alerts but none is stored")
			}
			if code, out, errOut := runCLI(t, "detect", "--db", db); code != exitOK {
				t.Fatalf("re-run: exit %d\n%s%s", code, out, errOut)
			}
			if again := alertKeys(t, db); !slices.Equal(again, want) {
				t.Fatalf("after the re-run: %v, want %v", again, want)
			}
		})
	}
}

// alertKeys returns "type subject status version" of every alert in db, sorted.
func alertKeys(t *testing.T, db string) []string {
	t.Helper()
	var keys []string
	inStore(t, db, func(st *datasets.Store) {
		alerts, total, err := st.ListAlerts(context.Background(), datasets.AlertFilter{Limit: datasets.MaxAlertLimit})
		if err != nil || total > len(alerts) {
			t.Fatalf("list alerts: %d of %d: %v", len(alerts), total, err)
		}
		for _, a := range alerts {
			keys = append(keys, fmt.Sprintf("%s %s %s v%d", a.Type, a.Subject, a.Status, a.Version))
		}
	})
	slices.Sort(keys)
	return keys
}

// TestFaultKillRetrain kills `podium retrain` on a simulated database (500
// athletes; 200 under -short) at random points and checks that the model
// registry is consistent: every model's versions run 1…n, every stored
// artifact and every champion loads (checksums match: nothing half-written),
// the audit chain verifies, a run podium reported finished left all its
// versions, and running retrain again succeeds and leaves every model a
// champion.
func TestFaultKillRetrain(t *testing.T) {
	if !slices.ContainsFunc(commands, func(c command) bool { return c.name == "retrain" }) {
		t.Skip("podium retrain is not wired yet")
	}
	base := simDB(t, 500, 5)
	ref := copyDB(t, base)
	took := timed(t, child("cli", "retrain", "--db", ref))
	var trained int
	inStore(t, ref, func(st *datasets.Store) { trained = checkModels(t, st) })
	t.Logf("uninterrupted retrain: %v, %d model versions", took, trained)
	rng := faultRand(t)
	for trial := range faultTrials() {
		t.Run(fmt.Sprint(trial), func(t *testing.T) {
			db := copyDB(t, base)
			k := killAt(t, child("cli", "retrain", "--db", db), killPoint(rng, took))
			var got int
			inStore(t, db, func(st *datasets.Store) { got = checkModels(t, st) })
			t.Logf("killed at %v (exited first: %v): %d model versions", k.delay, k.exited, got)
			if strings.Contains(k.stdout, "retrained in") && got != trained {
				t.Errorf("podium retrain finished but stored %d model versions, an uninterrupted run %d", got, trained)
			}
			if code, out, errOut := runCLI(t, "retrain", "--db", db); code != exitOK {
				t.Fatalf("re-run: exit %d\n%s%s", code, out, errOut)
			}
			inStore(t, db, func(st *datasets.Store) {
				checkModels(t, st)
				list, err := st.ListModels(context.Background())
				if err != nil || len(list) == 0 {
					t.Fatalf("after the re-run: %d model versions (%v)", len(list), err)
				}
				for _, mv := range list {
					if _, _, err := st.LoadModel(context.Background(), mv.Model, 0); err != nil {
						t.Errorf("no champion of %s after the re-run: %v", mv.Model, err)
					}
				}
			})
		})
	}
}

// checkModels checks that each model's versions run 1…n, that every
// version and every champion loads (LoadModel verifies the checksum) and
// that the audit chain verifies; it returns how many versions are stored.
func checkModels(t *testing.T, st *datasets.Store) int {
	t.Helper()
	ctx := context.Background()
	list, err := st.ListModels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	next := map[string]int{}
	for _, mv := range list {
		if next[mv.Model]++; mv.Version != next[mv.Model] {
			t.Errorf("model %s: version %d stored in place %d: a gap or a duplicate", mv.Model, mv.Version, next[mv.Model])
		}
		if _, _, err := st.LoadModel(ctx, mv.Model, mv.Version); err != nil {
			t.Errorf("model %s version %d does not load: %v", mv.Model, mv.Version, err)
		}
	}
	for model := range next {
		if _, _, err := st.LoadModel(ctx, model, 0); err != nil && !errors.Is(err, datasets.ErrNotFound) {
			t.Errorf("champion of %s does not load: %v", model, err)
		}
	}
	if _, err := st.VerifyAudit(ctx); err != nil {
		t.Errorf("audit chain: %v", err)
	}
	return len(list)
}
