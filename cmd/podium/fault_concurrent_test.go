package main

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/storetest"
	"github.com/podium-sport/podium/scoring/retrain"
)

// Concurrent writers. In one process (podium serve: API uploads and
// background jobs) writers share one Store, which serialises them; across
// processes DuckDB's file lock lets one process open the file and refuses
// the others. Either way two writers never interleave.

// TestFaultConcurrentIngest runs two loads of different files into one
// database at the same time: in one process through one Store (both commit,
// the rows add up, no batch mixes the two loads' rows), and from two
// processes (the second is refused with a lock error and writes nothing;
// the first loads fully).
func TestFaultConcurrentIngest(t *testing.T) {
	athletes, rows := 100, bySize(50_000, 20_000)
	dir := t.TempDir()
	loads := []loadFiles{writeLoad(t, dir, "p", "first", athletes, rows), writeLoad(t, dir, "q", "second", athletes, rows)}
	full := loaded{int64(athletes), int64(rows), int64(athletes), int64(rows), 2}
	t.Run("one process", func(t *testing.T) {
		ctx := context.Background()
		inStore(t, filepath.Join(t.TempDir(), "one.duckdb"), func(st *datasets.Store) {
			errs := make(chan error, len(loads))
			for _, l := range loads {
				go func() { errs <- ingestFiles(ctx, st, l) }()
			}
			for range loads {
				if err := <-errs; err != nil {
					t.Fatal(err)
				}
			}
			for _, source := range []string{"first", "second"} {
				if got := countLoaded(t, st, source); got != full {
					t.Errorf("%s: %+v, want %+v", source, got, full)
				}
			}
			var mixed int64 // batches holding results of both sources
			if err := st.QueryRow(ctx, `SELECT count(*) FROM (SELECT r.batch_id FROM results r
				JOIN athletes a USING (athlete_id) JOIN athlete_aliases s USING (athlete_id)
				GROUP BY r.batch_id HAVING count(DISTINCT s.source) > 1)`, nil, &mixed); err != nil || mixed != 0 {
				t.Errorf("%d batches mix the two loads' rows (%v)", mixed, err)
			}
		})
	})
	t.Run("two processes", func(t *testing.T) {
		db := filepath.Join(t.TempDir(), "two.duckdb")
		refused := secondWhileFirst(t, db, loads[0].args(db), loads[1].args(db))
		inStore(t, db, func(st *datasets.Store) {
			if got := countLoaded(t, st, "first"); got != full {
				t.Errorf("first: %+v, want %+v", got, full)
			}
			want := full
			if refused {
				want = loaded{}
			}
			if got := countLoaded(t, st, "second"); got != want {
				t.Errorf("second (refused: %v): %+v, want %+v", refused, got, want)
			}
		})
	})
}

// secondWhileFirst runs podium with first in a child process and, once it
// holds the database db, podium with second in another. The first must
// succeed. The second must either be refused with a clear lock error (exit
// 1) or, when the first had already finished, succeed; it reports whether
// the second was refused. The first run should be long enough (seconds) for
// the refusal to be the usual outcome.
func secondWhileFirst(t *testing.T, db string, first, second []string) (refused bool) {
	t.Helper()
	one := child("cli", first...)
	var oneOut strings.Builder
	one.Stdout, one.Stderr = &oneOut, &oneOut
	if err := one.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- one.Wait() }()
	defer func() {
		if err := <-done; err != nil {
			t.Errorf("first process (%v): %v\n%s", first, err, oneOut.String())
		}
	}()
	waitOpen(t, one.Process.Pid, db)
	cmd := child("cli", second...)
	out, err := cmd.CombinedOutput()
	if msg := string(out); strings.Contains(msg, "Could not set lock") {
		if code := cmd.ProcessState.ExitCode(); code != exitFailure || !strings.HasPrefix(msg, "podium: ") || !strings.Contains(msg, db) {
			t.Errorf("second process while the first holds %s: exit %d, want %d with a \"podium: \" error naming the file: %s",
				db, code, exitFailure, msg)
		}
		return true
	}
	if err != nil {
		t.Fatalf("second process failed without a lock error: %v\n%s", err, out)
	}
	select { // it got the lock: the first must have let go of the file
	case err := <-done:
		done <- err
		t.Logf("the first process had finished: the second ran after it")
	case <-time.After(10 * time.Second):
		t.Errorf("the second process opened %s while the first still runs", db)
	}
	return false
}

// TestFaultWriteDuringIngest runs `podium detect` and `podium retrain` while
// a load is being ingested into a simulated database. From another process
// each is refused with a lock error and writes nothing (or, when the load
// had already finished, runs on the loaded data); the load completes. In one
// process, sharing the Store as podium serve's jobs do, both complete and
// what detect or retrain stored is exactly what it stores when run before
// the load or after it — the same alerts; the same artifact checksum, since
// retrain is deterministic given data and seed — never a mixture.
//
// The load is 200 athletes' results in one event: 20,000 rows (10,000 under
// -short) for detect, 5,000 for retrain, whose time grows steeply with
// results per athlete (about 150 s at 250 each on a loaded 2-core machine).
func TestFaultWriteDuringIngest(t *testing.T) {
	tests := []struct {
		name     string
		athletes int                                                 // in the simulation
		rows     int                                                 // in the load
		run      func(ctx context.Context, st *datasets.Store) error // in process
		state    func(t *testing.T, db string) []string              // what it stored
	}{
		{"detect", 1000, bySize(20_000, 10_000), detectInto, alertKeys},
		{"retrain", 500, 5000, func(ctx context.Context, st *datasets.Store) error {
			_, err := retrain.Run(ctx, st, retrain.Options{Seed: 1, Actor: "fault"}, nil)
			return err
		}, modelSums},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			load := writeLoad(t, t.TempDir(), "late", "late", 200, tc.rows)
			full := loaded{200, int64(tc.rows), 200, int64(tc.rows), 2}
			base := simDB(t, tc.athletes, 11)
			before, after := copyDB(t, base), copyDB(t, base)
			for _, argv := range [][]string{{tc.name, "--db", before}, load.args(after), {tc.name, "--db", after}} {
				if code, out, errOut := runCLI(t, argv...); code != exitOK {
					t.Fatalf("%v: exit %d\n%s%s", argv, code, out, errOut)
				}
			}
			outcomes := [][]string{tc.state(t, before), tc.state(t, after)}
			t.Logf("%s run before the load stores %v; after it %v", tc.name, outcomes[0], outcomes[1])
			t.Run("two processes", func(t *testing.T) {
				db := copyDB(t, base)
				refused := secondWhileFirst(t, db, load.args(db), []string{tc.name, "--db", db})
				if got := tc.state(t, db); refused && len(got) != 0 || !refused && !slices.Equal(got, outcomes[1]) {
					t.Errorf("%s (refused: %v) stored %v", tc.name, refused, got)
				}
				inStore(t, db, func(st *datasets.Store) {
					if got := countLoaded(t, st, "late"); got != full {
						t.Errorf("load: %+v, want %+v", got, full)
					}
				})
			})
			t.Run("one process", func(t *testing.T) {
				ctx := context.Background()
				db := copyDB(t, base)
				inStore(t, db, func(st *datasets.Store) {
					errs := make(chan error, 2)
					go func() { errs <- ingestFiles(ctx, st, load) }()
					go func() { errs <- tc.run(ctx, st) }()
					for range 2 {
						if err := <-errs; err != nil {
							t.Fatal(err)
						}
					}
					if got := countLoaded(t, st, "late"); got != full {
						t.Errorf("load: %+v, want %+v", got, full)
					}
				})
				got := tc.state(t, db)
				switch {
				case slices.Equal(got, outcomes[0]):
					t.Logf("%s ran on the data before the load", tc.name)
				case slices.Equal(got, outcomes[1]):
					t.Logf("%s ran on the data after the load", tc.name)
				default:
					t.Errorf("%s during the load stored %v; want what a run before the load or after it stores", tc.name, got)
				}
			})
		})
	}
}

// modelSums returns "model vN sha256" of every registered version in db.
func modelSums(t *testing.T, db string) []string {
	t.Helper()
	var sums []string
	inStore(t, db, func(st *datasets.Store) {
		list, err := st.ListModels(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, mv := range list {
			sums = append(sums, fmt.Sprintf("%s v%d %s", mv.Model, mv.Version, mv.SHA256))
		}
	})
	return sums
}

// detectInto runs every detector on st and stores their alerts, as podium
// detect does on the store that podium serve shares with its uploads.
func detectInto(ctx context.Context, st *datasets.Store) error {
	var all []datasets.NewAlert
	for _, d := range detectors {
		alerts, _, err := d.run(ctx, st)
		if err != nil {
			return err
		}
		all = append(all, alerts...)
	}
	_, err := st.UpsertAlerts(ctx, all)
	return err
}

// TestFaultOpenTwiceInProcess opens one database file twice in one process
// and writes through both Stores. DuckDB's file lock is per process, so it
// does not refuse the second open; the two instances then overwrite each
// other's checkpoints and a committed write is lost. The store must refuse
// the second open (or share the first), or this loses data.
func TestFaultOpenTwiceInProcess(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "twice.duckdb")
	a, err := datasets.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	b, err := datasets.Open(ctx, db)
	if err != nil {
		a.Close()
		if !strings.Contains(err.Error(), db) {
			t.Errorf("second open refused without naming the file: %v", err)
		}
		return
	}
	for name, st := range map[string]*datasets.Store{"ta": a, "tb": b} {
		if _, err := st.Exec(ctx, "CREATE TABLE "+name+" AS SELECT range AS x FROM range(1000)"); err != nil {
			t.Fatal(err)
		}
	}
	a.Close()
	b.Close()
	inStore(t, db, func(st *datasets.Store) {
		for _, name := range []string{"ta", "tb"} {
			if n := storetest.Count(t, st, "SELECT count(*) FROM "+name); n != 1000 {
				t.Errorf("table %s committed through one of two Stores: %d rows after reopening, want 1000", name, n)
			}
		}
	})
}
