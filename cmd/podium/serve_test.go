package main

import (
	"bytes"
	"context"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer the server's goroutines may write to while
// the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var servingOn = regexp.MustCompile(`serving .* on (http://\S+)`)

// startServe runs podium serve on a free port until the test ends and
// returns its base URL and stderr.
func startServe(t *testing.T, args ...string) (string, *lockedBuffer, func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stdout bytes.Buffer
	stderr := &lockedBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, &cliEnv{stdout: &stdout, stderr: stderr}, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...))
	}()
	stop := func() int { cancel(); return <-done }
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if m := servingOn.FindStringSubmatch(stderr.String()); m != nil {
			return m[1], stderr, stop
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited %d: %s", code, stderr)
		case <-time.After(20 * time.Millisecond):
		}
	}
	cancel()
	t.Fatalf("serve did not start: %s", stderr)
	return "", nil, nil
}

func TestCLIServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.duckdb")
	if code, out, errOut := runCLI(t, "users", "add", "--db", db, "--name", "root", "--role", "admin"); code != exitOK {
		t.Fatalf("%d %s %s", code, out, errOut)
	}
	base, stderr, stop := startServe(t, "--db", db)
	resp, err := http.Get(base + "/v1/health")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("health: %v %v", resp, err)
	}
	resp.Body.Close()
	if resp, err = http.Get(base + "/v1/alerts"); err != nil || resp.StatusCode != 401 {
		t.Fatalf("alerts without token: %v %v", resp, err)
	}
	resp.Body.Close()
	if code := stop(); code != exitOK {
		t.Fatalf("serve exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr.String(), `"msg":"request"`) || !strings.Contains(stderr.String(), `"msg":"shutting down"`) {
		t.Fatalf("stderr lacks the JSON logs: %s", stderr)
	}
}

func TestCLIServeDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the demo database (seconds); skipped under -short")
	}
	db := filepath.Join(t.TempDir(), "demo.duckdb")
	base, stderr, stop := startServe(t, "--db", db, "--demo")
	token := regexp.MustCompile(`demo-integrity\s+role integrity\s+token (pdm_[0-9a-f]+)`).FindStringSubmatch(stderr.String())
	if token == nil {
		t.Fatalf("no integrity token printed: %s", stderr)
	}
	req, _ := http.NewRequest("GET", base+"/v1/alerts", nil)
	req.Header.Set("Authorization", "Bearer "+token[1])
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("alerts as demo-integrity: %v %v", resp, err)
	}
	resp.Body.Close()
	if code := stop(); code != exitOK {
		t.Fatalf("serve exit %d", code)
	}
	// Serving the built database again builds nothing and makes no new users.
	_, stderr, stop = startServe(t, "--db", db, "--demo")
	stop()
	if strings.Contains(stderr.String(), "demo database built") || !strings.Contains(stderr.String(), "demo user demo-admin exists") {
		t.Fatalf("second --demo run: %s", stderr)
	}
}
