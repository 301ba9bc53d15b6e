package console

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

func TestAlertQueueFilters(t *testing.T) { backends(t, testAlertQueueFilters) }

func testAlertQueueFilters(t *testing.T, h *harness) {
	c := h.login(t, "hoa")
	tests := []struct {
		name, query string
		want        []string // subjects listed, in order
	}{
		{"all, by severity", "", []string{"match:101", "athlete:7", "match:102", "referee:Nguyễn Văn A"}},
		{"type", "type=odds-steam", []string{"match:101", "match:102"}},
		{"min severity", "min=0.5", []string{"match:101", "athlete:7"}},
		{"Vietnamese decimal comma", "min=0,5", []string{"match:101", "athlete:7"}},
		{"status", "status=triage", nil},
		{"by P(confirmed), uncalibrated last", "sort=priority", []string{"match:102", "athlete:7", "match:101", "referee:Nguyễn Văn A"}},
	}
	subj := regexp.MustCompile(`<td><a href="/console/alerts/\d+">([^<0-9][^<]*)</a></td>`) // the subject link, not the id
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.get("/console/alerts?" + tt.query)
			var got []string
			for _, m := range subj.FindAllStringSubmatch(r.body, -1) {
				got = append(got, m[1])
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("listed %v, want %v", got, tt.want)
			}
		})
	}
	for _, q := range []string{"min=2", "sort=newest"} {
		if r := c.get("/console/alerts?" + q); r.status != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", q, r.status)
		}
	}
}

func TestAlertQueuePages(t *testing.T) {
	h := newHarness(t, nil)
	base := h.fake.alerts[0]
	for i := range 60 { // 2 + 60 = 62 odds-steam alerts: pages of 25, 25, 12
		a := base
		a.ID, a.Subject, a.Severity = int64(100+i), fmt.Sprintf("match:%d", 1000+i), 0.5
		h.fake.alerts = append(h.fake.alerts, a)
	}
	c := h.login(t, "hoa")
	tests := []struct {
		page           string
		rows           int
		hasPrev, hasNx bool
	}{
		{"1", 25, false, true},
		{"2", 25, true, true},
		{"3", 12, true, false},
	}
	for _, tt := range tests {
		body := c.get("/console/alerts?lang=en&type=odds-steam&page=" + tt.page).body
		rows := strings.Count(body, "<tr>\n<td><a")
		if rows != tt.rows || strings.Contains(body, `rel="prev"`) != tt.hasPrev || strings.Contains(body, `rel="next"`) != tt.hasNx {
			t.Errorf("page %s: %d rows, prev %v, next %v", tt.page, rows, strings.Contains(body, `rel="prev"`), strings.Contains(body, `rel="next"`))
		}
		if tt.hasNx && !strings.Contains(body, "type=odds-steam") {
			t.Errorf("page %s: the pager drops the filter", tt.page)
		}
	}
}

func TestAlertPage(t *testing.T) { backends(t, testAlertPage) }

func testAlertPage(t *testing.T, h *harness) {
	c := h.login(t, "hoa")
	body := c.get("/console/alerts/1?lang=en").body
	for _, want := range []string{
		"<title id=\"odds-1-0-t\">Odds movement – B365</title>", // one chart per bookmaker
		"Odds movement – Pinnacle",
		"<th>name</th><th>threshold</th><th>z</th>", // signals table, name first
		"<td>steam</td><td>3</td><td>4.2</td>",
		"V.League 2026-03-14 HAGL–SLNA",          // other evidence fields
		`<option value="triage">Triage</option>`, // the only legal next state
		`value="market-wide-move"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("alert page lacks %q", want)
		}
	}
	if strings.Contains(body, `<option value="confirmed">`) {
		t.Error("an illegal next state is offered")
	}
	// an alert without odds series draws no chart; a calibrated one shows its P(confirmed)
	if body := c.get("/console/alerts/3?lang=en").body; strings.Contains(body, "<svg") ||
		!strings.Contains(body, "<dd>0.35 <small>(alert-calibration v1, learnt from officers") {
		t.Error("alert 3 draws a chart without odds, or lacks its P(confirmed)")
	}
	if r := c.get("/console/alerts/999"); r.status != http.StatusNotFound {
		t.Errorf("unknown alert: %d", r.status)
	}
}

func TestAlertDecision(t *testing.T) { backends(t, testAlertDecision) }

func testAlertDecision(t *testing.T, h *harness) {
	c := h.login(t, "hoa")
	tok := c.csrf("/console/alerts/1")
	r := c.post("/console/alerts/1", url.Values{"csrf": {tok}, "version": {"1"}, "status": {"triage"},
		"check": {"weather", "injury-news", "bogus"}, "assignee": {"hoa"}, "comment": {"  opening price was off  "}})
	if r.status != http.StatusSeeOther || r.location != "/console/alerts/1?saved=1" {
		t.Fatalf("decision: %d → %q\n%s", r.status, r.location, r.body)
	}
	a, _ := h.alerts.GetAlert(t.Context(), 1)
	if a.Status != "triage" || a.Assignee != "hoa" || a.Version != 2 {
		t.Errorf("alert after decision: %+v", a)
	}
	audit, _ := h.alerts.AlertAudit(t.Context(), 1)
	// checklist order, unknown items dropped, comment trimmed
	if want := `"checked: injury-news, weather\nopening price was off"`; len(audit) != 1 || !strings.Contains(string(audit[0].Detail), want) || audit[0].Actor != "hoa" {
		t.Errorf("audit %+v, want comment %s by hoa", audit, want)
	}
	page := c.get("/console/alerts/1?saved=1&lang=en").body
	for _, want := range []string{"Decision saved.", "checked: injury-news, weather", "alert.update", `<option value="investigating">`} {
		if !strings.Contains(page, want) {
			t.Errorf("page after saving lacks %q", want)
		}
	}

	// a second reviewer holding version 1 gets the friendly conflict, and keeps their input
	r = c.post("/console/alerts/1?lang=en", url.Values{"csrf": {tok}, "version": {"1"}, "status": {"investigating"},
		"check": {"red-card"}, "comment": {"mine"}})
	if r.status != http.StatusConflict || !strings.Contains(r.body, "Someone else changed this alert") ||
		!strings.Contains(r.body, `value="red-card" checked`) || !strings.Contains(r.body, ">mine</textarea>") {
		t.Errorf("stale version: %d, want 409 with the message and the reviewer's input", r.status)
	}
	if !strings.Contains(r.body, `name="version" value="2"`) {
		t.Error("after a conflict the form does not carry the current version")
	}
	// an illegal move is refused, and so is a form that changes nothing
	for name, form := range map[string]url.Values{
		"illegal move":   {"csrf": {tok}, "version": {"2"}, "status": {"confirmed"}},
		"nothing to say": {"csrf": {tok}, "version": {"2"}, "status": {""}, "assignee": {"hoa"}, "assignee_was": {"hoa"}},
	} {
		if r := c.post("/console/alerts/1", form); r.status != http.StatusUnprocessableEntity {
			t.Errorf("%s: %d, want 422", name, r.status)
		}
	}
	// a comment alone keeps the status
	r = c.post("/console/alerts/1", url.Values{"csrf": {tok}, "version": {"2"}, "status": {""}, "comment": {"waiting for the federation"}})
	if a, _ := h.alerts.GetAlert(t.Context(), 1); r.status != http.StatusSeeOther || a.Status != "triage" || a.Version != 3 {
		t.Errorf("comment only: %d, alert %s v%d, want triage v3", r.status, a.Status, a.Version)
	}
}

func TestDecisionComment(t *testing.T) {
	tests := []struct {
		name    string
		ticked  []string
		comment string
		want    string
	}{
		{"nothing", nil, "", ""},
		{"comment only", nil, " ok ", "ok"},
		{"checklist only", []string{"data-error"}, "", "checked: data-error"},
		{"both, in checklist order", []string{"data-error", "weather"}, "fine", "checked: weather, data-error\nfine"},
	}
	for _, tt := range tests {
		if got := decisionComment(tt.ticked, tt.comment); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
