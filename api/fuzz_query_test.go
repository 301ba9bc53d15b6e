package api

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/podium-sport/podium/datasets"
)

// FuzzDecodeRankingQuery: any query string gives a query within bounds or
// a 400 naming only parameters of the route.
func FuzzDecodeRankingQuery(f *testing.F) {
	for _, s := range []string{"sport=athletics&discipline=100m&sex=F&as_of=2026-01-01&limit=20&offset=40", "as_of=2026-02-30",
		"limit=0&offset=-1&sex=x", "as_of=2026-01-01T00:00:00%2B07:00", "limit=1e3", "sex=M&sex=F", "as_of=", "limit=%2B5"} {
		f.Add(s)
	}
	names := make([]string, len(rankingQuery))
	for i, p := range rankingQuery {
		names[i] = p.name
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, err := decodeRankingQuery(v)
		if err != nil {
			status, e := toError(err)
			if status != http.StatusBadRequest || len(e.Fields) == 0 {
				t.Fatalf("%q: status %d %+v", raw, status, e)
			}
			for _, fe := range e.Fields {
				if !slices.Contains(names, fe.Field) || fe.Reason == "" {
					t.Fatalf("%q: field error %+v", raw, fe)
				}
			}
			return
		}
		if q.Limit < 1 || q.Limit > 500 || q.Offset < 0 || q.Offset > 1_000_000_000 || (q.Sex != "" && q.Sex != "M" && q.Sex != "F") {
			t.Fatalf("%q: query out of bounds %+v", raw, q)
		}
	})
}

// FuzzParseTime: a time that parses is the instant its text names: it
// survives a round trip through RFC 3339, and an error quotes the input.
func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"2026-11-24", "2026-11-24T21:20:00Z", "2026-11-24T21:20:00.123456789+07:00", "2026-02-29", "0000-01-01",
		"9999-12-31T23:59:60Z", "2026-11-24T24:00:00Z", "2026-11-24 21:20:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, err := parseTime(s)
		if err != nil {
			if !strings.Contains(err.Error(), "want RFC 3339 or YYYY-MM-DD") {
				t.Fatalf("%q: unclear error %v", s, err)
			}
			return
		}
		back, err := time.Parse(time.RFC3339Nano, tm.Format(time.RFC3339Nano))
		if err != nil || !back.Equal(tm) {
			t.Fatalf("%q → %v does not round-trip: %v %v", s, tm, back, err)
		}
	})
}

// FuzzDecodeBody: any body for the JSON routes other than PATCH (users,
// retrain) decodes or is a 400 with field errors; it never panics.
func FuzzDecodeBody(f *testing.F) {
	for _, s := range []string{`{"name":"lan","role":"data"}`, `{"model":"talent"}`, `{"name":5}`, `{"role":"data","x":1}`, `[]`, `null`,
		`{"name":"a"}{"name":"b"}`, `{"model":"` + strings.Repeat("m", 100) + `"}`, "{\"name\":\"\xff\"}", `{"name":"a","name":"b"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, v := range []any{&newUser{}, &retrainRequest{}} {
			err := decodeJSON(bytes.NewReader(body), v)
			if err == nil {
				continue
			}
			if status, e := toError(err); status != http.StatusBadRequest || len(e.Fields) == 0 {
				t.Fatalf("%T from %q: status %d %+v", v, body, status, e)
			}
		}
	})
}

// FuzzSaveUploads: any multipart body either gives files named by a known
// kind and a plain file name inside the upload folder, or a 400/413; never
// a 500 and never a file outside the folder.
func FuzzSaveUploads(f *testing.F) {
	part := func(headers, body string) string { return "--B\r\n" + headers + "\r\n\r\n" + body + "\r\n" }
	for _, s := range []string{
		part(`Content-Disposition: form-data; name="source"`, "hn") + part(`Content-Disposition: form-data; name="results"; filename="r.csv"`, "a,b\n1,2\n") + "--B--\r\n",
		part(`Content-Disposition: form-data; name="athletes"; filename="../../etc/passwd.csv"`, "x") + "--B--\r\n",
		part(`Content-Disposition: form-data; name="odds"; filename="..\\..\\o.csv"`, "x") + "--B--\r\n",
		part(`Content-Disposition: form-data; name="athletes"; filename=".csv"`, "") + "--B--\r\n",
		part(`Content-Disposition: form-data; name="source"`, strings.Repeat("s", 200)) + "--B--\r\n",
		part(`Content-Disposition: form-data; name="matches"; filename="m.parquet.gz"`, "x") + "--B--\r\n",
		"--B\r\nContent-Disposition: form-data; name=\"results\"; filename=\"r.csv\"\r\n\r\nunterminated",
		"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		dir, err := os.MkdirTemp("", "fuzz-upload-")
		if err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(dir)
		req := httptest.NewRequest("POST", "/v1/ingest", bytes.NewReader(body))
		req.Header.Set("Content-Type", "multipart/form-data; boundary=B")
		files, source, err := saveUploads(req, dir)
		if err != nil {
			if status, e := toError(err); status != http.StatusBadRequest && status != http.StatusRequestEntityTooLarge {
				t.Fatalf("%q: status %d %+v", body, status, e)
			}
			return
		}
		if len(files) == 0 || source == "" || len(source) > 128 {
			t.Fatalf("%q: %d files, source %q", body, len(files), source)
		}
		for _, u := range files {
			if _, err := datasets.ParseKind(string(u.kind)); err != nil {
				t.Fatalf("%q: kind %q", body, u.kind)
			}
			rel, err := filepath.Rel(dir, u.path)
			if err != nil || strings.HasPrefix(rel, "..") || filepath.Base(u.path) != u.name || strings.Contains(u.name, "/") {
				t.Fatalf("%q: file %q saved at %q", body, u.name, u.path)
			}
		}
	})
}
