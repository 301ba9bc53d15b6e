package api

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/podium-sport/podium/datasets/storetest"
)

// badDir is the bad-input corpus shared with cmd/podium (testdata/bad/README.md).
var badDir = filepath.Join("..", "testdata", "bad")

// badRequest is one malformed request and the error it must get.
type badRequest struct {
	name, role, method, path, body string
	upload                         [][3]string // multipart parts: form field, file name, corpus file (or content with "=" first)
	status                         int
	field, reason                  string // a field error to expect ("" for none, e.g. 404, 409, 413)
	line                           int64  // for uploads: the line of the field error
	bug                            string // a finding: accepted or unclear; the case is skipped while it fails
}

const seedAthletes = "seed/athletes.csv"

var badRequests = []badRequest{
	// PATCH /v1/alerts/{id}: body types and values
	{name: "patch body is an array", method: "PATCH", path: "/v1/alerts/1", body: `[{"version":1}]`, status: 400, field: "body", reason: "JSON object",
		bug: "unclear: answers field \"\" (json.UnmarshalTypeError.Field is empty for the top level); decodeJSON (api/alerts.go) should name the body"},
	{name: "patch body is a string", method: "PATCH", path: "/v1/alerts/1", body: `"triage"`, status: 400, field: "body", reason: "JSON object",
		bug: "unclear: answers field \"\" (see the array case)"},
	{name: "patch version float", method: "PATCH", path: "/v1/alerts/1", body: `{"version":1.5,"status":"triage"}`, status: 400, field: "version", reason: "want a JSON int"},
	{name: "patch version huge", method: "PATCH", path: "/v1/alerts/1", body: `{"version":1e99,"status":"triage"}`, status: 400, field: "version", reason: "want a JSON int"},
	{name: "patch version bool", method: "PATCH", path: "/v1/alerts/1", body: `{"version":true,"status":"triage"}`, status: 400, field: "version", reason: "want a JSON int"},
	{name: "patch version null", method: "PATCH", path: "/v1/alerts/1", body: `{"version":null,"status":"triage"}`, status: 400, field: "version", reason: "required"},
	{name: "patch version zero", method: "PATCH", path: "/v1/alerts/1", body: `{"version":0,"status":"triage"}`, status: 400, field: "version", reason: "required"},
	{name: "patch version negative", method: "PATCH", path: "/v1/alerts/1", body: `{"version":-3,"status":"triage"}`, status: 400, field: "version", reason: "required"},
	{name: "patch stale version", method: "PATCH", path: "/v1/alerts/1", body: `{"version":7,"status":"triage"}`, status: 409},
	{name: "patch status number", method: "PATCH", path: "/v1/alerts/1", body: `{"version":1,"status":5}`, status: 400, field: "status", reason: "want a JSON string"},
	{name: "patch status wrong case", method: "PATCH", path: "/v1/alerts/1", body: `{"version":1,"status":"Triage"}`, status: 400, field: "status", reason: "want one of"},
	{name: "patch status skips triage", method: "PATCH", path: "/v1/alerts/1", body: `{"version":1,"status":"escalated"}`, status: 400, field: "status", reason: "cannot move from open to escalated"},
	{name: "patch comment too long", method: "PATCH", path: "/v1/alerts/1", body: `{"version":1,"comment":"` + strings.Repeat("x", 4001) + `"}`, status: 400, field: "comment", reason: "longer than 4000"},
	{name: "patch assignee too long", method: "PATCH", path: "/v1/alerts/1", body: `{"version":1,"assignee":"` + strings.Repeat("a", 65) + `"}`, status: 400, field: "assignee", reason: "longer than 64"},
	{name: "patch unknown nested field", method: "PATCH", path: "/v1/alerts/1", body: `{"version":1,"status":"triage","evidence":{"x":1}}`, status: 400, field: "evidence", reason: "unknown field"},
	{name: "patch truncated JSON", method: "PATCH", path: "/v1/alerts/1", body: `{"version":1,"status":"tri`, status: 400, field: "body", reason: "not a JSON object"},
	{name: "patch oversize body", method: "PATCH", path: "/v1/alerts/1", body: `{"version":1,"comment":"` + strings.Repeat("x", 1<<20) + `"}`, status: 413},
	{name: "patch id zero", method: "PATCH", path: "/v1/alerts/0", body: `{"version":1,"status":"triage"}`, status: 400, field: "id", reason: "positive integer"},
	{name: "patch id overflow", method: "PATCH", path: "/v1/alerts/99999999999999999999", body: `{"version":1,"status":"triage"}`, status: 400, field: "id", reason: "positive integer"},
	{name: "patch id negative", method: "PATCH", path: "/v1/alerts/-1", body: `{"version":1,"status":"triage"}`, status: 400, field: "id", reason: "positive integer"},

	// GET /v1/alerts query parameters
	{name: "alerts min_severity NaN", method: "GET", path: "/v1/alerts?min_severity=NaN", status: 400, field: "min_severity", reason: "0–1"},
	{name: "alerts min_severity Inf", method: "GET", path: "/v1/alerts?min_severity=Inf", status: 400, field: "min_severity", reason: "0–1"},
	{name: "alerts from month 13", method: "GET", path: "/v1/alerts?from=2026-13-01", status: 400, field: "from", reason: "RFC 3339 or YYYY-MM-DD"},
	{name: "alerts from Feb 30", method: "GET", path: "/v1/alerts?from=2026-02-30", status: 400, field: "from", reason: "RFC 3339 or YYYY-MM-DD"},
	{name: "alerts to day-first", method: "GET", path: "/v1/alerts?to=24/11/2026", status: 400, field: "to", reason: "RFC 3339 or YYYY-MM-DD"},
	{name: "alerts limit over 500", method: "GET", path: "/v1/alerts?limit=501", status: 400, field: "limit", reason: "1–500"},
	{name: "alerts limit text", method: "GET", path: "/v1/alerts?limit=ten", status: 400, field: "limit", reason: "1–500"},
	{name: "alerts offset negative", method: "GET", path: "/v1/alerts?offset=-1", status: 400, field: "offset", reason: "want an integer"},
	{name: "alerts type too long", method: "GET", path: "/v1/alerts?type=" + strings.Repeat("t", 65), status: 400, field: "type", reason: "1–64 characters"},
	{name: "alerts status empty", method: "GET", path: "/v1/alerts?status=", status: 400, field: "status", reason: "want one of"},

	// GET /v1/rankings query parameters
	{name: "rankings as_of text", role: "selection", method: "GET", path: "/v1/rankings?as_of=yesterday", status: 400, field: "as_of", reason: "RFC 3339 or YYYY-MM-DD"},
	{name: "rankings as_of Feb 30", role: "selection", method: "GET", path: "/v1/rankings?as_of=2026-02-30", status: 400, field: "as_of", reason: "RFC 3339 or YYYY-MM-DD"},
	{name: "rankings limit over 500", role: "selection", method: "GET", path: "/v1/rankings?limit=501", status: 400, field: "limit", reason: "1–500"},
	{name: "rankings limit zero", role: "selection", method: "GET", path: "/v1/rankings?limit=0", status: 400, field: "limit", reason: "1–500"},
	{name: "rankings offset negative", role: "selection", method: "GET", path: "/v1/rankings?offset=-5", status: 400, field: "offset", reason: "want an integer"},
	{name: "rankings sex X", role: "selection", method: "GET", path: "/v1/rankings?sex=X", status: 400, field: "sex", reason: "want M or F"},
	{name: "rankings unknown parameter", role: "selection", method: "GET", path: "/v1/rankings?sports=athletics", status: 400, field: "sports", reason: "unknown parameter",
		bug: "accepted: decodeRankingQuery (api/plugins.go) ignores unknown parameters, so a misspelt filter (sports=, gender=) silently ranks everyone; /v1/alerts refuses them"},
	{name: "rankings repeated limit", role: "selection", method: "GET", path: "/v1/rankings?limit=10&limit=400", status: 400, field: "limit", reason: "more than once",
		bug: "accepted: decodeRankingQuery takes the first of repeated parameters (url.Values.Get); /v1/alerts refuses them"},

	// POST /v1/users and /v1/jobs/retrain
	{name: "user name number", method: "POST", path: "/v1/users", body: `{"name":5,"role":"data"}`, status: 400, field: "name", reason: "want a JSON string"},
	{name: "user empty name", method: "POST", path: "/v1/users", body: `{"name":"","role":"data"}`, status: 400, field: "name"},
	{name: "user extra field", method: "POST", path: "/v1/users", body: `{"name":"lan","role":"data","admin":true}`, status: 400, field: "admin", reason: "unknown field"},
	{name: "retrain no model", role: "data", method: "POST", path: "/v1/jobs/retrain", body: `{}`, status: 400, field: "model", reason: "required"},
	{name: "retrain model number", role: "data", method: "POST", path: "/v1/jobs/retrain", body: `{"model":5}`, status: 400, field: "model", reason: "want a JSON string"},

	// POST /v1/ingest with files of the corpus
	{name: "upload Latin-1 athletes", role: "data", upload: [][3]string{{"athletes", "athletes_latin1.csv", "athletes_latin1.csv"}},
		status: 400, field: "name", reason: "not valid UTF-8", line: 3},
	{name: "upload negative mark", role: "data", upload: [][3]string{{"athletes", "athletes.csv", seedAthletes}, {"results", "results_negative_mark.csv", "results_negative_mark.csv"}},
		status: 400, field: "mark", reason: "out of range 0", line: 3},
	{name: "upload result before birth", role: "data", upload: [][3]string{{"athletes", "athletes.csv", seedAthletes}, {"results", "results_before_birth.csv", "results_before_birth.csv"}},
		status: 400, field: "date", reason: "-1.6 years old", line: 3},
	{name: "upload bad NDJSON", role: "data", upload: [][3]string{{"athletes", "athletes.csv", seedAthletes}, {"results", "results_not_json.ndjson", "results_not_json.ndjson"}},
		status: 400, field: "json", reason: "not a JSON object", line: 2},
	{name: "upload wrong header Parquet", role: "data", upload: [][3]string{{"results", "results_wrong_header.parquet", "results_wrong_header.parquet"}},
		status: 400, field: "athlete", reason: "unknown column", line: 1},
	{name: "upload unknown kind", role: "data", upload: [][3]string{{"scores", "results.csv", "results_zero_mark.csv"}}, status: 400, field: "scores", reason: "unknown kind"},
	{name: "upload Excel", role: "data", upload: [][3]string{{"results", "results.xlsx", "results.xlsx"}}, status: 400, field: "results", reason: "unknown format"},
	{name: "upload long source", role: "data", upload: [][3]string{{"source", "", "=" + strings.Repeat("s", 200)}}, status: 400, field: "source", reason: "1–128 characters"},
	{name: "upload source with NUL", role: "data", upload: [][3]string{{"source", "", "=hn\x00x"}, {"athletes", "athletes.csv", seedAthletes}}, status: 400, field: "source", reason: "control character"},
	{name: "upload source not UTF-8", role: "data", upload: [][3]string{{"source", "", "=h\xffn"}, {"athletes", "athletes.csv", seedAthletes}}, status: 400, field: "source", reason: "UTF-8"},
	{name: "upload no files", role: "data", upload: [][3]string{}, status: 400, field: "body", reason: "want one file part per file"},
	{name: "upload oversize", role: "data", upload: [][3]string{{"athletes", "big.csv", "=" + strings.Repeat("x", 200_000)}}, status: 413},
	{name: "upload truncated gzip", role: "data", upload: [][3]string{{"athletes", "athletes.csv", seedAthletes}, {"results", "results_truncated.csv.gz", "results_truncated.csv.gz"}},
		status: 400, field: "gzip", reason: "truncated",
		bug: "500 internal: the gzip reader's unexpected EOF is a plain error in datasets/decode.go, so toError cannot tell it is bad input"},
	{name: "upload Parquet not Parquet", role: "data", upload: [][3]string{{"results", "results_not_parquet.parquet", "results_not_parquet.parquet"}},
		status: 400, field: "parquet", reason: "Parquet"},
	{name: "upload duplicate JSON key", role: "data", upload: [][3]string{{"athletes", "athletes.csv", seedAthletes}, {"results", "results_duplicate_key.ndjson", "results_duplicate_key.ndjson"}},
		status: 400, field: "mark", reason: "twice", line: 2, bug: "accepted: see testdata/bad/README.md, results_duplicate_key.ndjson"},
	{name: "patch duplicate JSON key", method: "PATCH", path: "/v1/alerts/3", body: `{"version":1,"status":"confirmed","status":"triage"}`, status: 400, field: "status", reason: "twice",
		bug: "accepted: encoding/json keeps the last of two equal keys, so a client's intended status is decided by key order (api/alerts.go decodeJSON)"},
}

// TestBadRequests sends each bad request and checks the 4xx JSON error (its
// field error, with file and line for uploads) and that no table changed.
func TestBadRequests(t *testing.T) {
	f := newFixture(t, append(withFakes, WithLimits(Limits{RatePerSecond: 1e6, Burst: 1 << 20, UploadBytes: 100_000}))...)
	for _, tc := range badRequests {
		t.Run(tc.name, func(t *testing.T) {
			before := storetest.Fingerprint(t, f.st)
			w := f.do(cmp(tc.role, "admin"), tc.request(t))
			env, _ := envelope(t, w)
			var failed []string
			fail := func(format string, a ...any) { failed = append(failed, fmt.Sprintf(format, a...)) }
			if w.Code != tc.status || env.Error == nil {
				fail("status %d, want %d", w.Code, tc.status)
			} else if tc.field != "" && !tc.hasField(env.Error.Fields) {
				fail("no field error %s (line %d) … %q", tc.field, tc.line, tc.reason)
			}
			changed := storetest.Fingerprint(t, f.st) != before
			if changed && !strings.HasPrefix(tc.bug, "accepted") {
				t.Errorf("the database changed: %s", clipBody(w.Body.String()))
			}
			if changed {
				fail("the database changed")
			}
			switch {
			case tc.bug != "" && len(failed) > 0:
				t.Skipf("KNOWN BUG: %s\n%s\nbody: %s", tc.bug, strings.Join(failed, "\n"), clipBody(w.Body.String()))
			case tc.bug != "":
				t.Errorf("passes now: remove the bug note %q", tc.bug)
			case len(failed) > 0:
				t.Errorf("%s\nbody: %s", strings.Join(failed, "\n"), clipBody(w.Body.String()))
			}
		})
	}
}

func cmp(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func clipBody(s string) string {
	if len(s) > 600 {
		return s[:600] + "…"
	}
	return s
}

// request builds the case's request: JSON, or a multipart upload of
// corpus files.
func (tc badRequest) request(t *testing.T) *http.Request {
	if tc.upload == nil {
		return jsonReq(tc.method, tc.path, tc.body)
	}
	var parts [][3]string
	for _, u := range tc.upload {
		content, ok := strings.CutPrefix(u[2], "=")
		if !ok {
			b, err := os.ReadFile(filepath.Join(badDir, u[2]))
			if err != nil {
				t.Fatal(err)
			}
			content = string(b)
		}
		parts = append(parts, [3]string{u[0], u[1], content})
	}
	return uploadParts(t, parts)
}

// hasField reports whether fields holds the case's field error.
func (tc badRequest) hasField(fields []FieldError) bool {
	for _, fe := range fields {
		if fe.Field == tc.field && strings.Contains(fe.Reason, tc.reason) && fe.Line == tc.line &&
			(tc.line == 0 || fe.File == tc.upload[len(tc.upload)-1][1]) {
			return true
		}
	}
	return false
}

// uploadParts builds a multipart ingest request: a part with no file name
// is the source field (default "test", as uploadReq).
func uploadParts(t *testing.T, parts [][3]string) *http.Request {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	source := "test"
	for _, p := range parts {
		if p[1] == "" {
			source = p[2]
		}
	}
	mw.WriteField("source", source)
	for _, p := range parts {
		if p[1] == "" {
			continue
		}
		w, err := mw.CreateFormFile(p[0], p[1])
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p[2])
	}
	mw.Close()
	req := httptest.NewRequest("POST", "/v1/ingest", &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return req
}
