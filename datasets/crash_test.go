package datasets

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// writeResultsCSV writes n results for athletes a0…a99 of athletesCSVFor.
func writeResultsCSV(t testing.TB, path string, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "athlete_source_id,date,sport,discipline,mark,unit,source_ref")
	for i := 0; i < n; i++ {
		fmt.Fprintf(w, "a%d,2020-%02d-%02d,athletics,100m,%.2f,s,r%d\n", i%100, 1+i%12, 1+i%28, 11+float64(i%97)/100, i)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func athletesCSVFor(n int) string {
	s := "source_id,name,sex,birth_date,province\n"
	for i := 0; i < n; i++ {
		s += fmt.Sprintf("a%d,Vận Động Viên %d,M,2004-01-%02d,Hà Nội\n", i, i, 1+i%28)
	}
	return s
}

// TestCrashChild is the child process of TestSIGKILLDuringIngest; it does
// nothing unless PODIUM_CRASH_DB is set.
func TestCrashChild(t *testing.T) {
	db, file, marker := os.Getenv("PODIUM_CRASH_DB"), os.Getenv("PODIUM_CRASH_FILE"), os.Getenv("PODIUM_CRASH_MARKER")
	if db == "" {
		t.Skip("child of TestSIGKILLDuringIngest only")
	}
	ctx := context.Background()
	s, err := Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	part, c, err := s.OpenFile(ctx, KindResults, "crash", file)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var seen int64
	signalled := false
	_, err = s.Ingest(ctx, Load{Parts: []Part{part}, Progress: func(n int64) {
		if seen += n; seen >= 100_000 && !signalled {
			signalled = true
			os.WriteFile(marker, []byte("started"), 0o644)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(marker+".done", []byte("committed"), 0o644)
	time.Sleep(time.Hour) // wait to be killed
}

// TestSIGKILLDuringIngest kills a child process in the middle of a large
// ingest, at several delays after validation started, and checks that the
// database reopens cleanly with the batch wholly absent (or, if the child
// committed before the kill, wholly present) — never half-written.
func TestSIGKILLDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes and loads 1M rows")
	}
	const rows = 1_000_000
	dir := t.TempDir()
	file := filepath.Join(dir, "results.csv")
	writeResultsCSV(t, file, rows)
	for _, delay := range []time.Duration{0, 400 * time.Millisecond, 1500 * time.Millisecond, 3 * time.Second} {
		t.Run(delay.String(), func(t *testing.T) {
			ctx := context.Background()
			db := filepath.Join(t.TempDir(), "crash.duckdb")
			s, err := Open(ctx, db)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ingestFiles(t, s, "crash", []Kind{KindAthletes}, []string{writeFile(t, "a.csv", athletesCSVFor(100))}); err != nil {
				t.Fatal(err)
			}
			s.Close()

			marker := filepath.Join(t.TempDir(), "marker")
			cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
			cmd.Env = append(os.Environ(), "PODIUM_CRASH_DB="+db, "PODIUM_CRASH_FILE="+file, "PODIUM_CRASH_MARKER="+marker)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			deadline := time.Now().Add(2 * time.Minute)
			for {
				if _, err := os.Stat(marker); err == nil {
					break
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatal("child never started ingesting")
				}
				time.Sleep(5 * time.Millisecond)
			}
			time.Sleep(delay)
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
			_, doneErr := os.Stat(marker + ".done")
			committed := doneErr == nil

			s, err = Open(ctx, db)
			if err != nil {
				t.Fatalf("database does not reopen after SIGKILL: %v", err)
			}
			defer s.Close()
			n := count(t, s, `SELECT count(*) FROM results`)
			batches := count(t, s, `SELECT count(*) FROM ingest_batches`)
			switch {
			case committed && (n != rows || batches != 2):
				t.Fatalf("committed load: %d results, %d batches; want %d and 2", n, batches, rows)
			case !committed && (n != 0 || batches != 1):
				t.Fatalf("killed load left %d results and %d batches; want 0 and 1", n, batches)
			}
			t.Logf("killed %v after validation started: committed=%v, %d results", delay, committed, n)
			if !committed { // the same file loads normally afterwards
				if _, err := ingestFiles(t, s, "crash", []Kind{KindResults}, []string{file}); err != nil {
					t.Fatal(err)
				}
				if n := count(t, s, `SELECT count(*) FROM results`); n != rows {
					t.Fatalf("reload gave %d results", n)
				}
			}
		})
	}
}
