package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/storetest"
)

// Write loops killed after acknowledgements: a child commits one change
// after another through the store API and prints "ack …" after each commit;
// the test kills it at a random point after its first ack and checks that
// every acknowledged change is stored, that at most one change committed
// without its ack (the kill can land between the two), and that nothing is
// half-written.

// reviewLoop reviews every alert of db round-robin through the store API
// until it fails or is killed: a status move along open → triage →
// investigating → escalated → confirmed (every fifth alert is dismissed
// instead), or a comment on alerts already decided. After each committed
// change it writes "ack ID VERSION" to w.
func reviewLoop(ctx context.Context, db string, w io.Writer) error {
	st, err := datasets.Open(ctx, db)
	if err != nil {
		return err
	}
	defer st.Close()
	alerts, _, err := st.ListAlerts(ctx, datasets.AlertFilter{Limit: datasets.MaxAlertLimit})
	if err != nil || len(alerts) == 0 {
		return fmt.Errorf("review loop: %d alerts: %v", len(alerts), err)
	}
	for step := 0; ; step++ {
		i := step % len(alerts)
		a := alerts[i]
		ch := datasets.AlertChange{Version: a.Version, Actor: "fault", Comment: fmt.Sprintf("step %d", step),
			Assignee: fmt.Sprintf("officer-%d", step%3)}
		if next := datasets.NextStatuses(a.Status); len(next) > 0 {
			ch.Status = next[0]
			if a.ID%5 == 0 {
				ch.Status = next[len(next)-1]
			}
		}
		if alerts[i], err = st.UpdateAlert(ctx, a.ID, ch); err != nil {
			return err
		}
		if _, err := fmt.Fprintf(w, "ack %d %d\n", a.ID, alerts[i].Version); err != nil {
			return err
		}
	}
}

// TestFaultKillReview kills a child that reviews alerts through
// Store.UpdateAlert (status changes, assignments, comments) at random points,
// three times over the same database (once under -short), and checks after
// each kill that every acknowledged change is there, that at most one change
// committed without its acknowledgement, that each alert's version is its
// audit entries + 1 (alerts start at version 1 and only UpdateAlert moves
// them here), that decided alerts have exactly one training label, and that
// the audit hash chain verifies.
func TestFaultKillReview(t *testing.T) {
	db := alertsDB(t)
	rng := faultRand(t)
	acked := map[int64]int{} // alert → highest acknowledged version
	for trial := range faultTrials() {
		delay := time.Duration(rng.Int64N(int64(time.Second)))
		n := killAfterAcks(t, child("review", db), delay, func(line string) error {
			var id int64
			var v int
			_, err := fmt.Sscanf(line, "ack %d %d", &id, &v)
			acked[id] = max(acked[id], v)
			return err
		})
		t.Logf("trial %d: killed %v after the first ack, %d changes acknowledged", trial, delay, n)
		inStore(t, db, func(st *datasets.Store) { checkReview(t, st, acked) })
	}
}

// alertsDB returns a new database holding 20 open alerts.
func alertsDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "review.duckdb")
	inStore(t, db, func(st *datasets.Store) {
		var seed []datasets.NewAlert
		for i := range 20 {
			seed = append(seed, datasets.NewAlert{Type: "odds-steam", Subject: fmt.Sprintf("match:%d", i),
				Severity: float64(i) / 20, Evidence: json.RawMessage(`{"books":3}`)})
		}
		if _, err := st.UpsertAlerts(context.Background(), seed); err != nil {
			t.Fatal(err)
		}
	})
	return db
}

// checkReview checks the review state (checkAlerts) against the
// acknowledged versions: all there, at most one change unacknowledged. It
// moves acked on to the stored versions.
func checkReview(t *testing.T, st *datasets.Store, acked map[int64]int) {
	t.Helper()
	unacked := 0
	for _, a := range checkAlerts(t, st) {
		if a.Version < acked[a.ID] {
			t.Errorf("alert %d: version %d, but version %d was acknowledged", a.ID, a.Version, acked[a.ID])
		}
		unacked += a.Version - max(acked[a.ID], 1)
		acked[a.ID] = a.Version // the next trial counts from here
	}
	if unacked > 1 {
		t.Errorf("%d committed changes were never acknowledged; want at most 1", unacked)
	}
}

// checkAlerts checks that each alert's version is its audit entries + 1
// (alerts start at version 1 and only UpdateAlert moves them in these
// tests), that decided alerts have exactly one training label and others
// none, and that the audit hash chain verifies with exactly those entries.
// It returns the alerts.
func checkAlerts(t *testing.T, st *datasets.Store) []datasets.Alert {
	t.Helper()
	ctx := context.Background()
	alerts, _, err := st.ListAlerts(ctx, datasets.AlertFilter{Limit: datasets.MaxAlertLimit})
	if err != nil {
		t.Fatal(err)
	}
	entries := int64(0)
	for _, a := range alerts {
		trail, err := st.AlertAudit(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		entries += int64(len(trail))
		if a.Version != len(trail)+1 {
			t.Errorf("alert %d: version %d with %d audit entries; want entries + 1", a.ID, a.Version, len(trail))
		}
		want := int64(0)
		if len(datasets.NextStatuses(a.Status)) == 0 { // confirmed or dismissed
			want = 1
		}
		if labels := storetest.Count(t, st, "SELECT count(*) FROM alert_labels WHERE alert_id = ?", a.ID); labels != want {
			t.Errorf("alert %d (%s): %d training labels, want %d", a.ID, a.Status, labels, want)
		}
	}
	if n, err := st.VerifyAudit(ctx); err != nil || n != entries {
		t.Errorf("audit chain: %d entries verified (want %d): %v", n, entries, err)
	}
	return alerts
}

// faultModel is the model registerLoop registers.
const faultModel = "fault-model"

// registerLoop registers artifacts of 0.25–1 MiB of random bytes as versions of
// faultModel until it fails or is killed, promoting every third version.
// After each committed registration it writes "ack VERSION SHA256" to w,
// after each promotion "ack promoted VERSION".
func registerLoop(ctx context.Context, db string, w io.Writer) error {
	st, err := datasets.Open(ctx, db)
	if err != nil {
		return err
	}
	defer st.Close()
	rng := rand.New(rand.NewPCG(uint64(os.Getpid()), 0))
	for {
		art := make([]byte, 1<<18+rng.IntN(3<<18))
		rand.NewChaCha8([32]byte{byte(rng.Uint64())}).Read(art)
		mv, err := st.RegisterModel(ctx, datasets.ModelVersion{Model: faultModel, Seed: uint64(rng.Int64()),
			Metrics: json.RawMessage(`{"auc":0.5}`)}, art)
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintf(w, "ack %d %s\n", mv.Version, mv.SHA256); err != nil {
			return err
		}
		if mv.Version%3 != 0 {
			continue
		}
		if err := st.Promote(ctx, faultModel, mv.Version, "fault", "loop"); err != nil {
			return err
		}
		if _, err := fmt.Fprintf(w, "ack promoted %d\n", mv.Version); err != nil {
			return err
		}
	}
}

// TestFaultKillRegister kills a child that registers and promotes model
// versions of 0.25–1 MiB (a retrain registers ~120 KB) at random points, three
// times over the same database (once under -short), and checks after each
// kill that versions run 1…n without gaps, that every acknowledged version
// is stored with its acknowledged checksum, that at most one version and
// one promotion committed unacknowledged, that every stored artifact loads
// (LoadModel verifies its SHA-256: none is half-written), that the champion
// is the last promoted version and that the audit chain holds exactly one
// entry per promotion.
func TestFaultKillRegister(t *testing.T) {
	db := filepath.Join(t.TempDir(), "registry.duckdb")
	inStore(t, db, func(*datasets.Store) {})
	rng := faultRand(t)
	sums := map[int]string{} // acknowledged version → checksum
	promoted := 0            // highest acknowledged promotion
	for trial := range faultTrials() {
		delay := time.Duration(rng.Int64N(int64(time.Second)))
		n := killAfterAcks(t, child("register", db), delay, func(line string) error {
			var v int
			var sum string
			if _, err := fmt.Sscanf(line, "ack promoted %d", &v); err == nil {
				promoted = max(promoted, v)
				return nil
			}
			_, err := fmt.Sscanf(line, "ack %d %s", &v, &sum)
			sums[v] = sum
			return err
		})
		t.Logf("trial %d: killed %v after the first ack, %d acks", trial, delay, n)
		inStore(t, db, func(st *datasets.Store) { promoted = checkRegistry(t, st, sums, promoted) })
	}
}

// checkRegistry checks the registry (checkModels) and then against the
// acknowledged checksums and promotion; it returns the champion's version
// (the next trial counts from there). Unacknowledged versions it finds are
// added to sums.
func checkRegistry(t *testing.T, st *datasets.Store, sums map[int]string, promoted int) int {
	t.Helper()
	ctx := context.Background()
	checkModels(t, st)
	list, err := st.ListModels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	unacked := 0
	for _, mv := range list {
		if sum, ok := sums[mv.Version]; ok && sum != mv.SHA256 {
			t.Errorf("version %d: checksum %s, %s acknowledged", mv.Version, mv.SHA256, sum)
		} else if !ok {
			unacked++
			sums[mv.Version] = mv.SHA256
		}
	}
	if len(list) < len(sums)-unacked || unacked > 1 {
		t.Errorf("%d versions stored, %d acknowledged, %d unacknowledged; want every ack and at most 1 more",
			len(list), len(sums)-unacked, unacked)
	}
	champion, _, err := st.LoadModel(ctx, faultModel, 0)
	switch {
	case promoted == 0 && errors.Is(err, datasets.ErrNotFound):
	case err != nil:
		t.Fatalf("champion after SIGKILL: %v", err)
	case champion.Version != promoted && champion.Version != promoted+3:
		t.Errorf("champion version %d; acknowledged promotion %d (or the next, %d, unacknowledged)",
			champion.Version, promoted, promoted+3)
	}
	promotions := storetest.Count(t, st, "SELECT count(*) FROM model_promotions")
	if n, err := st.VerifyAudit(ctx); err != nil || n != promotions {
		t.Errorf("audit chain: %d entries verified, want one per promotion (%d): %v", n, promotions, err)
	}
	return champion.Version
}
