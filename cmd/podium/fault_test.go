package main

// Fault injection. Each fault test runs podium (or a write loop over the
// store API) in a child process — this test binary re-executed with
// PODIUM_FAULT_CHILD set — and kills it with SIGKILL at a random point, or
// damages the database file, or runs two writers at once; then it reopens
// the database and checks that it is consistent: nothing half-written,
// nothing acknowledged lost. Kill points are drawn from a seed the test
// logs, over the duration of an uninterrupted run measured first (so that
// they spread over the whole run on a slow or loaded machine too).
//
//	fault_kill_test.go        SIGKILL during podium ingest, detect, retrain
//	fault_loop_test.go        SIGKILL during alert review and model registration loops
//	fault_damage_test.go      damaged database files and WAL, corrupt model artifacts
//	fault_concurrent_test.go  two ingests, an ingest during detect: serialised or refused

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/podium-sport/podium/datasets"
)

const faultChildEnv = "PODIUM_FAULT_CHILD"

// TestFaultChild is the child process of the fault tests; it does nothing
// unless PODIUM_FAULT_CHILD is set. Modes: "cli" runs podium with the
// newline-separated PODIUM_FAULT_ARGS; "review" and "register" run
// reviewLoop and registerLoop on the database PODIUM_FAULT_ARGS.
func TestFaultChild(t *testing.T) {
	mode, args := os.Getenv(faultChildEnv), strings.Split(os.Getenv("PODIUM_FAULT_ARGS"), "\n")
	ctx := context.Background()
	switch mode {
	case "":
		t.Skip("child process of the fault-injection tests only")
	case "cli":
		if code := run(ctx, newCLIEnv(), args); code != exitOK {
			os.Exit(code) // the testing package refuses os.Exit(0)
		}
	case "review":
		t.Fatal(reviewLoop(ctx, args[0], os.Stdout))
	case "register":
		t.Fatal(registerLoop(ctx, args[0], os.Stdout))
	default:
		t.Fatalf("unknown %s mode %q", faultChildEnv, mode)
	}
}

// child returns the command that runs this test binary as a fault child.
func child(mode string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestFaultChild$")
	cmd.Env = append(os.Environ(), faultChildEnv+"="+mode, "PODIUM_FAULT_ARGS="+strings.Join(args, "\n"))
	return cmd
}

// faultRand returns a generator for the random kill points, logging its
// seed; PODIUM_FAULT_SEED replays a logged seed.
func faultRand(t *testing.T) *rand.Rand {
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("PODIUM_FAULT_SEED"); s != "" {
		if _, err := fmt.Sscan(s, &seed); err != nil {
			t.Fatalf("PODIUM_FAULT_SEED=%q: %v", s, err)
		}
	}
	t.Logf("kill points drawn with seed %d (PODIUM_FAULT_SEED replays it)", seed)
	return rand.New(rand.NewPCG(seed, 0))
}

// faultTrials is how many kills a test makes: 3, or 1 under -short.
func faultTrials() int { return bySize(3, 1) }

// bySize returns full, or short under -short.
func bySize(full, short int) int {
	if testing.Short() {
		return short
	}
	return full
}

// simDB generates a simulated database of athletes identities (200 under
// -short) from seed and returns its path.
func simDB(t *testing.T, athletes, seed int) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "sim.duckdb")
	code, out, errOut := runCLI(t, "generate", "--db", db, "--athletes", fmt.Sprint(bySize(athletes, 200)), "--seed", fmt.Sprint(seed))
	if code != exitOK {
		t.Fatalf("generate: exit %d\n%s%s", code, out, errOut)
	}
	return db
}

// timed runs cmd to completion and returns how long it took.
func timed(t *testing.T, cmd *exec.Cmd) time.Duration {
	t.Helper()
	start := time.Now()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("uninterrupted run %v: %v\n%s", cmd.Args, err, out)
	}
	return time.Since(start)
}

// killPoint draws a kill delay uniformly from 20 % to 110 % of an
// uninterrupted run's duration: past the process start-up, most kills land
// mid-run, some after the end.
func killPoint(rng *rand.Rand, run time.Duration) time.Duration {
	return run/5 + time.Duration(rng.Int64N(int64(run)*9/10))
}

// killed is how a child run under killAt ended.
type killed struct {
	delay          time.Duration
	exited         bool // finished by itself before the kill
	stdout, stderr string
}

// killAt starts cmd, sends it SIGKILL delay later and waits for it. A child
// that exits by itself before the kill must have succeeded.
func killAt(t *testing.T, cmd *exec.Cmd, delay time.Duration) killed {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	timer := time.AfterFunc(delay, func() { cmd.Process.Signal(syscall.SIGKILL) })
	err := cmd.Wait()
	timer.Stop()
	k := killed{delay, cmd.ProcessState.Exited(), out.String(), errOut.String()}
	if k.exited && err != nil {
		t.Fatalf("child %v failed before the kill at %v: %v\n%s%s", cmd.Args, delay, err, k.stdout, k.stderr)
	}
	return k
}

// killAfterAcks runs a write-loop child, kills it delay after its first
// "ack" line, passes every "ack" line it printed to parse and returns how
// many there were. The child must have been killed (a loop never ends by
// itself) and must have acknowledged something.
func killAfterAcks(t *testing.T, cmd *exec.Cmd, delay time.Duration, parse func(ack string) error) int {
	t.Helper()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	first := make(chan struct{})
	go func() {
		select {
		case <-first:
			time.Sleep(delay)
		case <-time.After(2 * time.Minute):
		}
		cmd.Process.Signal(syscall.SIGKILL)
	}()
	var acks, other []string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if !strings.HasPrefix(sc.Text(), "ack ") {
			other = append(other, sc.Text()) // the testing package's own output
			continue
		}
		if acks = append(acks, sc.Text()); len(acks) == 1 {
			close(first)
		}
	}
	cmd.Wait()
	if status := cmd.ProcessState.Sys().(syscall.WaitStatus); !status.Signaled() || len(acks) == 0 {
		t.Fatalf("write loop ended by itself (%v) after %d acks:\n%s\n%s", cmd.ProcessState, len(acks), strings.Join(other, "\n"), stderr.String())
	}
	for _, line := range acks {
		if err := parse(line); err != nil {
			t.Fatalf("write loop printed %q: %v", line, err)
		}
	}
	return len(acks)
}

// loadFiles are an athletes file and a results file of one source.
type loadFiles struct{ source, athletes, results string }

// args returns the podium ingest arguments that load both files into db as
// one load.
func (l loadFiles) args(db string) []string {
	return []string{"ingest", "--db", db, "--source", l.source, "--kind", "athletes", l.athletes, "--kind", "results", l.results}
}

// writeLoad writes n athletes (source ids PREFIX0…) and rows results for
// them to dir.
func writeLoad(t *testing.T, dir, prefix, source string, n, rows int) loadFiles {
	t.Helper()
	var a, r bytes.Buffer
	a.WriteString("source_id,name,sex,birth_date,province\n")
	for i := range n {
		fmt.Fprintf(&a, "%s%d,Vận Động Viên %s %d,F,2006-02-%02d,Đà Nẵng\n", prefix, i, prefix, i, 1+i%28)
	}
	r.WriteString("athlete_source_id,date,sport,discipline,mark,unit,source_ref\n")
	for i := range rows {
		fmt.Fprintf(&r, "%s%d,2021-%02d-%02d,athletics,400m,%.2f,s,%s-r%d\n", prefix, i%n, 1+i%12, 1+i%28, 52+float64(i%301)/100, prefix, i)
	}
	ath, res := filepath.Join(dir, prefix+"-athletes.csv"), filepath.Join(dir, prefix+"-results.csv")
	for path, b := range map[string][]byte{ath: a.Bytes(), res: r.Bytes()} {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return loadFiles{source, ath, res}
}

// ingestFiles loads l through st as one load.
func ingestFiles(ctx context.Context, st *datasets.Store, l loadFiles) error {
	var load datasets.Load
	for kind, path := range map[datasets.Kind]string{datasets.KindAthletes: l.athletes, datasets.KindResults: l.results} {
		part, c, err := st.OpenFile(ctx, kind, l.source, path)
		if err != nil {
			return err
		}
		defer c.Close()
		load.Parts = append(load.Parts, part)
	}
	_, err := st.Ingest(ctx, load)
	return err
}

// loaded counts athletes and results of source and the rows its batches
// recorded, by kind.
type loaded struct{ athletes, results, batchAthletes, batchResults, batches int64 }

func countLoaded(t *testing.T, st *datasets.Store, source string) loaded {
	t.Helper()
	var l loaded
	err := st.QueryRow(context.Background(), `SELECT
		(SELECT count(*) FROM athlete_aliases WHERE source = ?),
		(SELECT count(*) FROM results WHERE batch_id IN (SELECT batch_id FROM ingest_batches WHERE source = ?)),
		(SELECT coalesce(sum(rows), 0) FROM ingest_batches WHERE source = ? AND kind = 'athletes'),
		(SELECT coalesce(sum(rows), 0) FROM ingest_batches WHERE source = ? AND kind = 'results'),
		(SELECT count(*) FROM ingest_batches WHERE source = ?)`,
		[]any{source, source, source, source, source}, &l.athletes, &l.results, &l.batchAthletes, &l.batchResults, &l.batches)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// inStore opens db, calls f and closes db again, so that podium can open it
// next in this process (two Stores on one file in one process lose writes:
// see TestFaultOpenTwiceInProcess).
func inStore(t *testing.T, db string, f func(*datasets.Store)) {
	t.Helper()
	st, err := datasets.Open(context.Background(), db)
	if err != nil {
		t.Fatalf("database %s does not reopen: %v", db, err)
	}
	defer st.Close()
	f(st)
}

// copyDB copies the closed database file src to a new file in a temp dir.
func copyDB(t *testing.T, src string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

// waitOpen waits until process pid has path open (Linux: /proc/PID/fd),
// that is, holds DuckDB's lock on it.
func waitOpen(t *testing.T, pid int, path string) {
	t.Helper()
	fds := fmt.Sprintf("/proc/%d/fd", pid)
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		entries, err := os.ReadDir(fds)
		if err != nil {
			t.Logf("cannot watch process %d's open files (%v): it has ended, or this is not Linux", pid, err)
			return
		}
		for _, e := range entries {
			if target, _ := os.Readlink(filepath.Join(fds, e.Name())); target == path {
				return
			}
		}
	}
	t.Fatalf("process %d never opened %s", pid, path)
}
