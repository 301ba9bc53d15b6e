package api

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/storetest"
)

// Bad input answers 400 with the bad fields named, and writes nothing.
func TestBadInput(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name, method, path, body string
		status                   int
		fields                   []string // field names expected in the error
	}{
		{"unknown status filter", "GET", "/v1/alerts?status=closed", "", 400, []string{"status"}},
		{"several bad params", "GET", "/v1/alerts?limit=0&min_severity=2&from=yesterday&color=red", "", 400, []string{"color", "from", "limit", "min_severity"}},
		{"repeated param", "GET", "/v1/alerts?type=a&type=b", "", 400, []string{"type"}},
		{"from after to", "GET", "/v1/alerts?from=2026-02-01&to=2026-01-01", "", 400, []string{"to"}},
		{"bad id", "GET", "/v1/alerts/abc", "", 400, []string{"id"}},
		{"missing alert", "GET", "/v1/alerts/99", "", 404, nil},
		{"missing alert audit", "GET", "/v1/alerts/99/audit", "", 404, nil},
		{"patch missing alert", "PATCH", "/v1/alerts/99", `{"version":1,"status":"triage"}`, 404, nil},
		{"patch no version", "PATCH", "/v1/alerts/1", `{"status":"triage"}`, 400, []string{"version"}},
		{"patch wrong type", "PATCH", "/v1/alerts/1", `{"version":"1"}`, 400, []string{"version"}},
		{"patch unknown field", "PATCH", "/v1/alerts/1", `{"version":1,"state":"triage"}`, 400, []string{"state"}},
		{"patch not json", "PATCH", "/v1/alerts/1", `status=triage`, 400, []string{"body"}},
		{"patch empty", "PATCH", "/v1/alerts/1", ``, 400, []string{"body"}},
		{"patch trailing", "PATCH", "/v1/alerts/1", `{"version":1,"status":"triage"}{}`, 400, []string{"body"}},
		{"patch nothing to do", "PATCH", "/v1/alerts/1", `{"version":1}`, 400, []string{"status"}},
		{"patch unknown status", "PATCH", "/v1/alerts/1", `{"version":1,"status":"closed"}`, 400, []string{"status"}},
		{"patch illegal move", "PATCH", "/v1/alerts/1", `{"version":1,"status":"confirmed"}`, 400, []string{"status"}},
		{"user bad role", "POST", "/v1/users", `{"name":"x","role":"coach"}`, 400, []string{"role"}},
		{"user bad name", "POST", "/v1/users", `{"name":"X Y","role":"data"}`, 400, []string{"name"}},
		{"user taken", "POST", "/v1/users", `{"name":"test-data","role":"data"}`, 409, nil},
		{"disable unknown", "DELETE", "/v1/users/nobody", "", 404, nil},
		{"no route", "GET", "/v1/nothing", "", 404, nil},
		{"wrong method", "PUT", "/v1/alerts/1", "", 405, nil},
	}
	audit := storetest.Count(t, f.st, "SELECT count(*) FROM audit_log")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := f.do("admin", jsonReq(tc.method, tc.path, tc.body))
			env, _ := envelope(t, w)
			if w.Code != tc.status || env.Error == nil || env.Error.RequestID == "" {
				t.Fatalf("status %d, want %d: %s", w.Code, tc.status, w.Body)
			}
			var got []string
			for _, fe := range env.Error.Fields {
				got = append(got, fe.Field)
			}
			if strings.Join(got, ",") != strings.Join(tc.fields, ",") {
				t.Fatalf("fields %v, want %v: %s", got, tc.fields, w.Body)
			}
		})
	}
	if n := storetest.Count(t, f.st, "SELECT count(*) FROM audit_log"); n != audit {
		t.Fatalf("audit entries %d → %d: bad input wrote something", audit, n)
	}
	if n := storetest.Count(t, f.st, "SELECT count(*) FROM alerts WHERE version <> 1 OR status <> 'open'"); n != 0 {
		t.Fatalf("%d alerts changed by bad input", n)
	}
}

func TestPatchAlertFlow(t *testing.T) {
	f := newFixture(t)
	steps := []struct {
		body   string
		status int
		after  string // status of alert 1 afterwards
		ver    int    // and its version
	}{
		{`{"version":1,"status":"triage","assignee":"lan","comment":"looking"}`, 200, "triage", 2},
		{`{"version":1,"status":"investigating"}`, 409, "triage", 2}, // stale
		{`{"version":2,"status":"investigating"}`, 200, "investigating", 3},
		{`{"version":3,"status":"dismissed","comment":"line move explained by injury news"}`, 200, "dismissed", 4},
	}
	for i, s := range steps {
		w := f.do("integrity", jsonReq("PATCH", "/v1/alerts/1", s.body))
		env, data := envelope(t, w)
		if w.Code != s.status {
			t.Fatalf("step %d: %d %s", i, w.Code, w.Body)
		}
		if s.status == 409 && env.Error.Code != "conflict" {
			t.Fatalf("step %d: %s", i, w.Body)
		}
		if s.status == 200 {
			var a AlertDetail
			json.Unmarshal(data, &a)
			if a.Status != s.after || a.Version != s.ver {
				t.Fatalf("step %d: %+v", i, a)
			}
		}
	}
	w := f.do("integrity", jsonReq("GET", "/v1/alerts/1/audit", ""))
	_, data := envelope(t, w)
	var trail []datasets.AuditEntry
	if err := json.Unmarshal(data, &trail); err != nil || len(trail) != 3 || trail[0].Actor != "test-integrity" ||
		!strings.Contains(string(trail[2].Detail), "injury news") {
		t.Fatalf("audit trail %s", data)
	}
	w = f.do("integrity", jsonReq("GET", "/v1/alerts/1", ""))
	_, data = envelope(t, w)
	var a AlertDetail
	json.Unmarshal(data, &a)
	if a.Version != 4 || a.Assignee != "lan" || len(a.Next) != 0 || string(a.Evidence) != `{"books":3}` {
		t.Fatalf("alert %s", data)
	}
	if n := storetest.Count(t, f.st, "SELECT count(*) FROM alert_labels WHERE alert_id = 1 AND label = 'dismissed'"); n != 1 {
		t.Fatal("dismissal not recorded as a label")
	}
}

func TestListAlertsPage(t *testing.T) {
	f := newFixture(t)
	w := f.do("integrity", jsonReq("GET", "/v1/alerts?type=odds-steam&limit=1&offset=1", ""))
	env, data := envelope(t, w)
	var alerts []datasets.Alert
	json.Unmarshal(data, &alerts)
	if w.Code != 200 || env.Page == nil || *env.Page != (Page{Limit: 1, Offset: 1, Total: 2}) || len(alerts) != 1 || alerts[0].ID != 2 {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
}

// sort=priority orders by the calibrated P(confirmed), which the alert
// carries; an unknown order is a 400 naming the parameter.
func TestListAlertsByPriority(t *testing.T) {
	f := newFixture(t)
	if _, err := f.st.CalibrateAlerts(context.Background(), 1, map[int64]float64{1: 0.05, 2: 0.4, 3: 0.8}); err != nil {
		t.Fatal(err)
	}
	w := f.do("integrity", jsonReq("GET", "/v1/alerts?sort=priority", ""))
	_, data := envelope(t, w)
	var alerts []datasets.Alert
	json.Unmarshal(data, &alerts)
	if w.Code != 200 || len(alerts) != 3 || alerts[0].ID != 3 || alerts[2].ID != 1 || alerts[0].PConfirmed == nil ||
		*alerts[0].PConfirmed != 0.8 || alerts[0].CalibratedBy != 1 {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	if w := f.do("integrity", jsonReq("GET", "/v1/alerts?sort=newest", "")); w.Code != 400 || !strings.Contains(w.Body.String(), `"sort"`) {
		t.Errorf("sort=newest: %d %s", w.Code, w.Body)
	}
}

// Two reviewers PATCH the same version at once: exactly one wins, the
// others get 409.
func TestPatchRace(t *testing.T) {
	f := newFixture(t)
	const n = 6
	codes := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			codes[i] = f.do("integrity", jsonReq("PATCH", "/v1/alerts/3", `{"version":1,"status":"triage"}`)).Code
		})
	}
	wg.Wait()
	won := 0
	for _, c := range codes {
		switch c {
		case 200:
			won++
		case 409:
		default:
			t.Fatalf("codes %v", codes)
		}
	}
	if won != 1 {
		t.Fatalf("codes %v: want exactly one 200", codes)
	}
}

func TestLimits(t *testing.T) {
	f := newFixture(t, WithLimits(Limits{BodyBytes: 64, UploadBytes: 512, RatePerSecond: 0.001, Burst: 3}))
	big := `{"version":1,"comment":"` + strings.Repeat("x", 100) + `"}`
	if w := f.do("integrity", jsonReq("PATCH", "/v1/alerts/1", big)); w.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("big PATCH: %d %s", w.Code, w.Body)
	}
	// Without a declared length the limit still holds while reading.
	req := jsonReq("PATCH", "/v1/alerts/1", big)
	req.ContentLength = -1
	if w := f.do("admin", req); w.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("big chunked PATCH: %d %s", w.Code, w.Body)
	}
	up := uploadReq(t, [3]string{"athletes", "a.csv", strings.Repeat("x", 600)})
	up.ContentLength = -1
	if w := f.do("data", up); w.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("big upload: %d %s", w.Code, w.Body)
	}
	// data has used 1 of its 3; two more pass, then 429.
	for i, want := range []int{200, 200, 429} {
		w := f.do("data", jsonReq("GET", "/v1/health", ""))
		if w.Code != want || (want == 429 && w.Header().Get("Retry-After") == "") {
			t.Fatalf("request %d: %d %s", i, w.Code, w.Body)
		}
	}
	// Other tokens have their own buckets.
	if w := f.do("selection", jsonReq("GET", "/v1/health", "")); w.Code != 200 {
		t.Fatalf("other token: %d", w.Code)
	}
	if n := storetest.Count(t, f.st, "SELECT count(*) FROM alerts WHERE version <> 1"); n != 0 {
		t.Fatal("a refused request changed an alert")
	}
}
