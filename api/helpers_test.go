package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/storetest"
)

// fixture is a server over a temp store with three open alerts (ids 1–3)
// and one user per role.
type fixture struct {
	t      *testing.T
	st     *datasets.Store
	srv    *Server
	tokens map[string]string // role → token
	logs   *bytes.Buffer
}

func newFixture(t *testing.T, opts ...Option) *fixture {
	t.Helper()
	ctx := context.Background()
	st := storetest.Open(t)
	_, err := st.UpsertAlerts(ctx, []datasets.NewAlert{
		{Type: "odds-steam", Subject: "match:1", Severity: 0.9, Evidence: json.RawMessage(`{"books":3}`)},
		{Type: "odds-steam", Subject: "match:2", Severity: 0.5, Evidence: json.RawMessage(`{"books":2}`)},
		{Type: "blood-passport", Subject: "athlete:7", Severity: 0.2, Evidence: json.RawMessage(`{"hgb":171}`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, st: st, tokens: map[string]string{}, logs: &bytes.Buffer{}}
	for _, role := range datasets.Roles {
		_, token, err := st.AddUser(ctx, "test-"+role, role, "setup")
		if err != nil {
			t.Fatal(err)
		}
		f.tokens[role] = token
	}
	opts = append([]Option{WithLogger(slog.New(slog.NewJSONHandler(f.logs, nil)))}, opts...)
	f.srv = New(st, opts...)
	return f
}

func discardLogger() *slog.Logger { return slog.New(slog.NewJSONHandler(io.Discard, nil)) }

// do sends a request as role ("" for none) and returns the recorder.
func (f *fixture) do(role string, req *http.Request) *httptest.ResponseRecorder {
	f.t.Helper()
	if role != "" {
		req.Header.Set("Authorization", "Bearer "+f.tokens[role])
	}
	w := httptest.NewRecorder()
	f.srv.Handler().ServeHTTP(w, req)
	return w
}

func jsonReq(method, path, body string) *http.Request {
	var r io.Reader
	if body != "" {
		r = bytes.NewBufferString(body)
	}
	req := httptest.NewRequest(method, path, r)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	return req
}

// uploadReq builds a multipart ingest request: field (kind) → file name → content.
func uploadReq(t *testing.T, files ...[3]string) *http.Request {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("source", "test")
	for _, f := range files {
		w, err := mw.CreateFormFile(f[0], f[1])
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, f[2])
	}
	mw.Close()
	req := httptest.NewRequest("POST", "/v1/ingest", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return req
}

// envelope decodes a response body.
func envelope(t *testing.T, w *httptest.ResponseRecorder) (Envelope, json.RawMessage) {
	t.Helper()
	var raw struct {
		Data  json.RawMessage `json:"data"`
		Page  *Page           `json:"page"`
		Error *Error          `json:"error"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &raw); err != nil {
		t.Fatalf("status %d, body not JSON: %q", w.Code, w.Body.String())
	}
	return Envelope{Page: raw.Page, Error: raw.Error}, raw.Data
}

// fake backends for the routes other packages serve.
type fakeRankings struct{}

func (fakeRankings) Rankings(ctx context.Context, q RankingQuery) (any, int, error) {
	return []map[string]any{{"athlete_id": 1, "score": 0.9}}, 1, nil
}

type fakeProfiles struct{}

func (fakeProfiles) Profile(ctx context.Context, id int64, physio bool) (any, error) {
	if id != 1 {
		return nil, datasets.ErrNotFound
	}
	return map[string]any{"athlete_id": id, "physio": physio}, nil
}

type fakeJobs struct{}

func (fakeJobs) Models(ctx context.Context) (any, error) { return []string{"talent"}, nil }
func (fakeJobs) StartRetrain(ctx context.Context, model, actor string) (any, error) {
	return map[string]string{"id": "job-1", "model": model}, nil
}
func (fakeJobs) Job(ctx context.Context, id string) (any, error) {
	return map[string]string{"id": id, "state": "done"}, nil
}
func (fakeJobs) CancelJob(ctx context.Context, id, actor string) (any, error) {
	return map[string]string{"id": id, "state": "cancelled"}, nil
}

var withFakes = []Option{WithRankings(fakeRankings{}), WithProfiles(fakeProfiles{}), WithJobs(fakeJobs{})}
