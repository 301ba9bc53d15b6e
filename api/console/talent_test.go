package console

import (
	"encoding/csv"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestRankingsFilterAndCSV(t *testing.T) {
	h := newHarness(t, nil)
	c := h.login(t, "minh")
	body := c.get("/console/rankings?lang=en&province=" + "H%C3%A0+N%E1%BB%99i").body
	if !strings.Contains(body, "Trần Thị Ánh") || !strings.Contains(body, "Phạm Minh Châu") || strings.Contains(body, "Lê Văn Đức") {
		t.Error("province filter: wrong athletes listed")
	}
	if !strings.Contains(body, `href="/console/rankings.csv?province=H%C3%A0&#43;N%E1%BB%99i"`) {
		t.Error("the CSV link does not keep the filter")
	}
	r := c.get("/console/rankings.csv?sex=M")
	rows, err := csv.NewReader(strings.NewReader(r.body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[1][2] != "Lê Văn Đức" || rows[1][4] != "2010-11-20" || rows[1][6] != "0.33" {
		t.Errorf("csv rows %q", rows)
	}
	if got := r.header.Get("Content-Type"); got != "text/csv; charset=utf-8" {
		t.Errorf("content type %q", got)
	}
}

func TestCSVSafe(t *testing.T) {
	for in, want := range map[string]string{"=HYPERLINK(1)": "'=HYPERLINK(1)", "@x": "'@x", "Hà Nội": "Hà Nội", "": ""} {
		if got := csvSafe(in); got != want {
			t.Errorf("csvSafe(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFairnessShares(t *testing.T) {
	// top 3: 2 Q1 and 1 Q4 → 66.7% and 33.3%; pool of 100 → 30% … 20%
	q := quarterRows(&Fairness{TopN: 3, TopQuarters: [4]int{2, 0, 0, 1}, PoolQuarters: [4]int{30, 26, 24, 20}})
	if q[0].TopPct != 2.0/3 || q[3].PoolPct != 0.2 || q[1].Top != 0 {
		t.Errorf("quarters %+v", q)
	}
}

func TestRetrain(t *testing.T) {
	h := newHarness(t, nil)
	c := h.login(t, "lan")
	tok := c.csrf("/console/models")
	if r := c.post("/console/models/potential/retrain", url.Values{}); r.status != http.StatusForbidden {
		t.Errorf("retrain without CSRF token: %d, want 403", r.status)
	}
	r := c.post("/console/models/potential/retrain", url.Values{"csrf": {tok}})
	if r.status != http.StatusSeeOther || r.location != "/console/jobs/j1" {
		t.Fatalf("retrain: %d → %q", r.status, r.location)
	}
	body := c.get("/console/jobs/j1?lang=en").body
	for _, want := range []string{`id="job-state">Running<`, `<meta http-equiv="refresh" content="5">`, "<dd>lan</dd>"} {
		if !strings.Contains(body, want) {
			t.Errorf("job page lacks %q", want)
		}
	}
	if r := c.post("/console/models/nope/retrain", url.Values{"csrf": {tok}}); r.status != http.StatusNotFound {
		t.Errorf("unknown model: %d, want 404", r.status)
	}
	if r := h.login(t, "minh").get("/console/jobs/j1"); r.status != http.StatusForbidden {
		t.Errorf("selection sees a job: %d", r.status)
	}
}
