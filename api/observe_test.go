package api

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestRequestIDLogsAndMetrics(t *testing.T) {
	f := newFixture(t)
	req := jsonReq("GET", "/v1/alerts/1", "")
	req.Header.Set("X-Request-ID", "abc-123")
	if w := f.do("integrity", req); w.Code != 200 || w.Header().Get("X-Request-ID") != "abc-123" {
		t.Fatalf("%d, X-Request-ID %q", w.Code, w.Header().Get("X-Request-ID"))
	}
	req = jsonReq("GET", "/v1/health", "")
	req.Header.Set("X-Request-ID", "bad id with spaces")
	if id := f.do("", req).Header().Get("X-Request-ID"); id == "" || strings.Contains(id, " ") {
		t.Fatalf("replacement id %q", id)
	}
	var line struct {
		RequestID string `json:"request_id"`
		Status    int    `json:"status"`
	}
	first, _, _ := strings.Cut(f.logs.String(), "\n")
	if err := json.Unmarshal([]byte(first), &line); err != nil {
		t.Fatalf("log line %q: %v", first, err)
	}
	if line.RequestID != "abc-123" || line.Status != 200 {
		t.Fatalf("log line %s", first)
	}
	if !strings.Contains(first, `"route":"/v1/alerts/:id"`) || !strings.Contains(first, `"user":"test-integrity"`) {
		t.Fatalf("log line %s", first)
	}
	w := f.do("", jsonReq("GET", "/metrics", ""))
	for _, want := range []string{
		`podium_http_requests_total{method="GET",route="/v1/alerts/:id",status="200"} 1`,
		`podium_http_request_duration_seconds_bucket{method="GET",route="/v1/health",status="200",le="+Inf"} 1`,
	} {
		if !strings.Contains(w.Body.String(), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestPanicIs500WithoutInternals(t *testing.T) {
	f := newFixture(t, WithProfiles(panicky{}))
	w := f.do("admin", jsonReq("GET", "/v1/athletes/1", ""))
	if w.Code != 500 || strings.Contains(w.Body.String(), "secret") || !strings.Contains(f.logs.String(), "secret") {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
}

type panicky struct{}

func (panicky) Profile(context.Context, int64, bool) (any, error) { panic("secret detail") }

// Serve drains on cancel: a request in flight completes, then Serve returns nil.
func TestServeGracefulShutdown(t *testing.T) {
	slow := make(chan struct{})
	f := newFixture(t, WithProfiles(slowProfiles{slow}))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- f.srv.Serve(ctx, ln) }()
	got := make(chan int, 1)
	go func() {
		req, _ := http.NewRequest("GET", "http://"+ln.Addr().String()+"/v1/athletes/1", nil)
		req.Header.Set("Authorization", "Bearer "+f.tokens["integrity"])
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			got <- 0
			return
		}
		resp.Body.Close()
		got <- resp.StatusCode
	}()
	slow <- struct{}{} // the request is in the handler
	cancel()
	time.Sleep(50 * time.Millisecond)
	close(slow)
	if code := <-got; code != 200 {
		t.Fatalf("in-flight request got %d", code)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := net.Dial("tcp", ln.Addr().String()); err == nil {
		t.Fatal("still accepting after shutdown")
	}
}

type slowProfiles struct{ gate chan struct{} }

func (s slowProfiles) Profile(ctx context.Context, id int64, physio bool) (any, error) {
	<-s.gate
	<-s.gate // closed after shutdown began
	if ctx.Err() != nil {
		return nil, errors.New("cancelled")
	}
	return map[string]int64{"athlete_id": id}, nil
}

// A handler still working when the request's deadline passes answers 503.
func TestRequestTimeout(t *testing.T) {
	f := newFixture(t, WithProfiles(waitForDeadline{}), WithLimits(Limits{RequestTimeout: 50 * time.Millisecond}))
	w := f.do("integrity", jsonReq("GET", "/v1/athletes/1", ""))
	env, _ := envelope(t, w)
	if w.Code != http.StatusServiceUnavailable || env.Error.Code != "timeout" {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
}

type waitForDeadline struct{}

func (waitForDeadline) Profile(ctx context.Context, id int64, physio bool) (any, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}
