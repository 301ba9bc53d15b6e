package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/podium-sport/podium/datasets"
)

// DuckDB's file layout (storage/storage_info.hpp): a main header and two
// database headers of 4 KiB, then blocks of 256 KiB, each starting with the
// checksum of its content, which DuckDB checks when it reads the block.
const (
	duckHeaderBytes = 3 * 4096
	duckBlockBytes  = 256 << 10
)

// TestFaultDamagedFile damages a closed database file and runs podium on it
// in a child process (so that a panic or an abort shows as one). Damage to
// the headers, to every block (the catalog's included) or a truncated file
// must make `podium stats` exit 1 with a message naming the file; damage
// to the data blocks of results (not read when the file opens) must make the first command that reads those
// rows (features result_marks) exit 1 with DuckDB's checksum error. Never a
// panic, never an abort.
func TestFaultDamagedFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.duckdb")
	if code, out, errOut := runCLI(t, writeLoad(t, dir, "d", "damage", 50, 20_000).args(good)...); code != exitOK {
		t.Fatalf("load: exit %d\n%s%s", code, out, errOut)
	}
	blocks := liveBlocks(t, good, "results")
	orig, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	garbage := make([]byte, 4096)
	rand.NewChaCha8([32]byte{1}).Read(garbage)
	overwrite := func(b []byte, off int) { copy(b[off:min(off+64, len(b))], garbage) }
	stats := []string{"stats"}
	readResults := []string{"features", "--set", "result_marks", "--as-of", "2030-01-01", "--out", filepath.Join(dir, "marks.csv")}
	tests := []struct {
		name   string
		damage func([]byte) []byte
		cmd    []string
		want   string // in the message
	}{
		{"headers overwritten", func(b []byte) []byte { copy(b, garbage); return b }, stats, "not a valid DuckDB database file"},
		{"middle of every block overwritten", func(b []byte) []byte {
			for off := duckHeaderBytes + duckBlockBytes/2; off < len(b); off += duckBlockBytes {
				overwrite(b, off)
			}
			return b
		}, stats, "checksum"},
		{"middle of every results block overwritten", func(b []byte) []byte {
			for _, id := range blocks {
				overwrite(b, duckHeaderBytes+int(id)*duckBlockBytes+duckBlockBytes/2)
			}
			return b
		}, readResults, "checksum"},
		{"truncated to half", func(b []byte) []byte { return b[:len(b)/2] }, stats, "Could not read enough bytes"},
		{"truncated to 100 bytes", func(b []byte) []byte { return b[:100] }, stats, "Could not read enough bytes"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "damaged.duckdb")
			if err := os.WriteFile(db, tc.damage(bytes.Clone(orig)), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := child("cli", append([]string{tc.cmd[0], "--db", db}, tc.cmd[1:]...)...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			cmd.Run()
			msg := stderr.String()
			if code := cmd.ProcessState.ExitCode(); code != exitFailure {
				t.Fatalf("podium %s on a damaged file: %v, want exit %d\nstdout: %s\nstderr: %s", tc.cmd[0], cmd.ProcessState, exitFailure, stdout.String(), msg)
			}
			if !strings.HasPrefix(msg, "podium: ") || !strings.Contains(msg, tc.want) {
				t.Errorf("message does not start with \"podium: \" and say %q: %q", tc.want, msg)
			}
			if tc.cmd[0] == "stats" && !strings.Contains(msg, db) {
				t.Errorf("message does not name the file: %q", msg)
			}
			for _, crash := range []string{"panic:", "goroutine ", "SIGSEGV", "SIGABRT", "INTERNAL Error"} {
				if strings.Contains(msg, crash) {
					t.Errorf("crash marker %q in the output: %s", crash, msg)
				}
			}
		})
	}
}

// liveBlocks returns the ids of the blocks holding table's data in db.
func liveBlocks(t *testing.T, db, table string) []int64 {
	t.Helper()
	st, err := datasets.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rows, err := st.Query(context.Background(), "SELECT DISTINCT block_id FROM pragma_storage_info(?) WHERE block_id >= 0 ORDER BY 1", table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil || len(ids) == 0 {
		t.Fatalf("no data blocks of %s (%v)", table, err)
	}
	return ids
}

// TestFaultCorruptModel flips one bit in stored model artifacts (a damaged
// or tampered BLOB: same length, wrong checksum) and checks that podium
// refuses to promote or roll back to them with a message that says which
// version is corrupt and why (exit 1), that the champion does not change,
// and that listing the registry still works.
func TestFaultCorruptModel(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "models.duckdb")
	inStore(t, db, func(st *datasets.Store) {
		for v := 1; v <= 3; v++ {
			if _, err := st.RegisterModel(ctx, datasets.ModelVersion{Model: "talent"}, bytes.Repeat([]byte{byte(v)}, 4096)); err != nil {
				t.Fatal(err)
			}
		}
		for _, v := range []int{1, 3} {
			if err := st.Promote(ctx, "talent", v, "fault", "setup"); err != nil {
				t.Fatal(err)
			}
		}
	})
	tests := []struct {
		name    string
		flip    int      // version whose artifact gets a flipped bit
		args    []string // of podium models, after --db DB
		version string   // the corrupt version the message names
	}{
		{"promote a corrupt version", 2, []string{"promote", "--model", "talent", "--version", "2"}, "version 2"},
		{"roll back to a corrupt champion", 1, []string{"rollback", "--model", "talent"}, "version 1"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			inStore(t, db, func(st *datasets.Store) {
				art := bytes.Repeat([]byte{byte(tc.flip)}, 4096)
				art[1234] ^= 0x10
				if _, err := st.Exec(ctx, "UPDATE model_versions SET artifact = ? WHERE model = 'talent' AND version = ?", art, tc.flip); err != nil {
					t.Fatal(err)
				}
			})
			code, out, errOut := runCLI(t, append([]string{"models", tc.args[0], "--db", db}, tc.args[1:]...)...)
			if code != exitFailure {
				t.Fatalf("exit %d, want %d\n%s%s", code, exitFailure, out, errOut)
			}
			for _, want := range []string{"podium: ", tc.version, "does not match", "corrupt artifact"} {
				if !strings.Contains(errOut, want) {
					t.Errorf("message does not say %q: %q", want, errOut)
				}
			}
			inStore(t, db, func(st *datasets.Store) {
				if mv, _, err := st.LoadModel(ctx, "talent", 0); err != nil || mv.Version != 3 {
					t.Errorf("champion after the refusal: version %d, %v; want 3", mv.Version, err)
				}
			})
			if code, out, errOut := runCLI(t, "models", "list", "--db", db); code != exitOK || strings.Count(out, "talent") != 3 {
				t.Errorf("models list: exit %d\n%s%s", code, out, errOut)
			}
		})
	}
}

// TestFaultTornWAL damages the write-ahead log that a killed review leaves
// behind (DuckDB replays it when the file opens next): cut at random
// points, as a power cut would leave it, or with a byte flipped. The store
// must then either open with whole transactions only — each alert's version
// is its audit entries + 1, decided alerts have one label, the audit chain
// verifies (checkAlerts) — or refuse to open with a message naming the file.
func TestFaultTornWAL(t *testing.T) {
	db := alertsDB(t)
	killAfterAcks(t, child("review", db), 500*time.Millisecond, func(string) error { return nil })
	file, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	wal, err := os.ReadFile(db + ".wal")
	if err != nil || len(wal) < 64 {
		t.Fatalf("no write-ahead log after a killed review (%d bytes): %v", len(wal), err)
	}
	rng := faultRand(t)
	damages := map[string][]byte{"flipped byte in the middle": bytes.Clone(wal)}
	damages["flipped byte in the middle"][len(wal)/2] ^= 0xff
	for range bySize(6, 2) {
		cut := 1 + rng.IntN(len(wal)-1)
		damages[fmt.Sprintf("cut at %d of %d bytes", cut, len(wal))] = wal[:cut]
	}
	for name, damaged := range damages {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			torn := filepath.Join(dir, "torn.duckdb")
			if err := os.WriteFile(torn, file, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(torn+".wal", damaged, 0o644); err != nil {
				t.Fatal(err)
			}
			st, err := datasets.Open(context.Background(), torn)
			if err != nil {
				t.Logf("refused: %v", err)
				if !strings.Contains(err.Error(), torn) {
					t.Errorf("refusal does not name the file: %v", err)
				}
				return
			}
			defer st.Close()
			alerts := checkAlerts(t, st)
			versions := 0
			for _, a := range alerts {
				versions += a.Version - 1
			}
			t.Logf("opened: %d alerts, %d review changes replayed", len(alerts), versions)
		})
	}
}
