package api

import (
	"bytes"
	"net/http"
	"net/url"
	"testing"
)

// FuzzDecodePatch: any body either decodes to a change with a version or is
// refused as a 400 (or 413); it never panics.
func FuzzDecodePatch(f *testing.F) {
	for _, s := range []string{`{"version":1,"status":"triage"}`, `{"version":"1"}`, `{}`, ``, `[]`, `{"version":1}{}`,
		`{"version":1e99}`, `{"comment":"\u0000"}`, `{"status":null,"version":2}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		ch, err := decodePatch(bytes.NewReader(body))
		if err != nil {
			if status, e := toError(err); status != http.StatusBadRequest || len(e.Fields) == 0 {
				t.Fatalf("body %q: status %d %+v", body, status, e)
			}
			return
		}
		if ch.Actor != "" {
			t.Fatalf("actor taken from the body %q", body)
		}
	})
}

// FuzzDecodeAlertFilter: any query string gives a filter within bounds or a
// 400 naming the bad fields.
func FuzzDecodeAlertFilter(f *testing.F) {
	for _, s := range []string{"status=open&limit=10", "min_severity=NaN", "from=2026-01-01&to=2025-01-01", "limit=-1", "x=1&x=2", "offset=99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		flt, err := decodeAlertFilter(q)
		if err != nil {
			if status, e := toError(err); status != http.StatusBadRequest || len(e.Fields) == 0 {
				t.Fatalf("%q: status %d %+v", raw, status, e)
			}
			return
		}
		if flt.Limit < 1 || flt.Limit > 500 || flt.Offset < 0 || !(flt.MinSeverity >= 0 && flt.MinSeverity <= 1) {
			t.Fatalf("%q: filter out of bounds %+v", raw, flt)
		}
	})
}
