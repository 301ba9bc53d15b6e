package console

import (
	"math"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

func TestRoleChecks(t *testing.T) {
	paths := []string{"/console/alerts", "/console/alerts/1", "/console/rankings", "/console/rankings.csv",
		"/console/athletes/11", "/console/models"}
	tests := []struct {
		name, user string
		want       []int // status per path, in the order of paths
	}{
		{"selection", "minh", []int{403, 403, 200, 200, 200, 403}},
		{"integrity", "hoa", []int{200, 200, 403, 403, 200, 403}}, // profiles: like the API
		{"data", "lan", []int{403, 403, 403, 403, 403, 200}},
		{"admin", "admin", []int{200, 200, 200, 200, 200, 200}},
	}
	backends(t, func(t *testing.T, h *harness) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				c := h.login(t, tt.user)
				for i, p := range paths {
					if r := c.get(p); r.status != tt.want[i] {
						t.Errorf("GET %s as %s: %d, want %d", p, tt.name, r.status, tt.want[i])
					}
				}
			})
		}
	})
}

// The athlete page shows physiological data to integrity and admin only,
// whatever the provider returns.
func TestAthletePageSectionsByRole(t *testing.T) {
	tests := []struct {
		user              string
		wantChart, wantHb bool
	}{
		{"minh", true, false},
		{"hoa", true, true},
		{"admin", true, true},
	}
	h := newHarness(t, nil)
	for _, tt := range tests {
		t.Run(tt.user, func(t *testing.T) {
			c := h.login(t, tt.user)
			body := c.get("/console/athletes/11?lang=en").body
			if got := strings.Contains(body, "<svg"); got != tt.wantChart {
				t.Errorf("trajectory chart shown: %v, want %v", got, tt.wantChart)
			}
			if got := strings.Contains(body, "haemoglobin"); got != tt.wantHb {
				t.Errorf("physiological data shown: %v, want %v", got, tt.wantHb)
			}
		})
	}
}

func TestHomeRedirectsByRole(t *testing.T) {
	h := newHarness(t, nil)
	for user, want := range map[string]string{"hoa": "/console/alerts", "minh": "/console/rankings", "lan": "/console/models"} {
		c := h.login(t, user)
		if r := c.get("/console/"); r.location != want {
			t.Errorf("%s: home redirects to %q, want %q", user, r.location, want)
		}
	}
}

func TestLogin(t *testing.T) {
	tests := []struct {
		name, user, tokenOf string // tokenOf: whose token is typed; "" for a made-up one
		want                int
	}{
		{"valid", "hoa", "hoa", http.StatusSeeOther},
		{"wrong token", "hoa", "", http.StatusUnauthorized},
		{"token of another user", "hoa", "minh", http.StatusUnauthorized},
		{"disabled user", "old", "old", http.StatusUnauthorized},
		{"empty", "", "", http.StatusUnauthorized},
	}
	backends(t, func(t *testing.T, h *harness) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				token := "pdm_made-up"
				if tt.tokenOf != "" {
					token = h.tokens[tt.tokenOf]
				}
				c := h.client(t)
				r := c.post("/console/login", url.Values{"csrf": {c.csrf("/console/login")}, "name": {tt.user}, "token": {token}})
				if r.status != tt.want {
					t.Fatalf("status %d, want %d", r.status, tt.want)
				}
				if tt.want == http.StatusUnauthorized && !strings.Contains(r.body, locales["vi"].T("login.invalid")) {
					t.Error("no 'wrong name or token' message")
				}
			})
		}
	})
}

func TestAnonymousIsSentToLogin(t *testing.T) {
	h := newHarness(t, nil)
	r := h.client(t).get("/console/alerts?status=open")
	if r.status != http.StatusSeeOther || r.location != "/console/login?next=%2Fconsole%2Falerts%3Fstatus%3Dopen" {
		t.Fatalf("got %d → %q", r.status, r.location)
	}
	// and after login it comes back there
	c := h.client(t)
	r = c.post("/console/login", url.Values{"csrf": {c.csrf("/console/login?next=%2Fconsole%2Falerts%3Fstatus%3Dopen")},
		"name": {"hoa"}, "token": {"tok-hoa"}, "next": {"/console/alerts?status=open"}})
	if r.location != "/console/alerts?status=open" {
		t.Errorf("after login: → %q", r.location)
	}
}

func TestSafeNext(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/console/alerts", "/console/alerts"},
		{"https://evil.example/console/", ""},
		{"//evil.example/console/", ""},
		{"/console/\\evil", ""},
		{"/v1/alerts", ""},
	}
	for _, tt := range tests {
		if got := safeNext(tt.in); got != tt.want {
			t.Errorf("safeNext(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCSRFRejected(t *testing.T) {
	h := newHarness(t, nil)
	c := h.login(t, "hoa")
	tests := []struct {
		name, path string
		form       url.Values
	}{
		{"logout without token", "/console/logout", url.Values{}},
		{"decision with a wrong token", "/console/alerts/1", url.Values{"csrf": {"forged"}, "version": {"1"}, "status": {"triage"}}},
		{"login without the cookie's token", "/console/login", url.Values{"csrf": {"forged"}, "name": {"hoa"}, "token": {"tok-hoa"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if r := c.post(tt.path, tt.form); r.status != http.StatusForbidden {
				t.Errorf("status %d, want 403", r.status)
			}
		})
	}
	if a, _ := h.alerts.GetAlert(t.Context(), 1); a.Status != "open" || a.Version != 1 {
		t.Errorf("a forged decision changed the alert: %+v", a)
	}
	// the session survived the forged logout
	if r := c.get("/console/alerts"); r.status != http.StatusOK {
		t.Errorf("after forged logout: %d", r.status)
	}
}

func TestLogout(t *testing.T) {
	h := newHarness(t, nil)
	c := h.login(t, "hoa")
	if r := c.post("/console/logout", url.Values{"csrf": {c.csrf("/console/alerts")}}); r.location != "/console/login" {
		t.Fatalf("logout → %d %q", r.status, r.location)
	}
	if r := c.get("/console/alerts"); r.status != http.StatusSeeOther {
		t.Errorf("after logout: %d, want 303 to login", r.status)
	}
}

func TestSessionExpiry(t *testing.T) {
	h := newHarness(t, nil) // SessionTTL: one hour
	c := h.login(t, "hoa")
	h.clock.advance(59 * time.Minute)
	if r := c.get("/console/alerts"); r.status != http.StatusOK {
		t.Fatalf("at 59 min: %d, want 200", r.status)
	}
	h.clock.advance(time.Minute)
	if r := c.get("/console/alerts"); r.status != http.StatusSeeOther {
		t.Fatalf("at 60 min: %d, want 303 to login", r.status)
	}
}

func TestDisabledUserLosesSession(t *testing.T) {
	h := newHarness(t, nil)
	c := h.login(t, "hoa")
	u := h.users["tok-hoa"]
	u.Disabled = true
	h.users["tok-hoa"] = u
	if r := c.get("/console/alerts"); r.status != http.StatusSeeOther {
		t.Fatalf("disabled user: %d, want 303 to login", r.status)
	}
}

func TestSessionCookieFlags(t *testing.T) {
	for _, tt := range []struct{ tls, force, secure bool }{{false, false, false}, {true, false, true}, {false, true, true}} {
		tls := tt.tls
		srv := serve(t, Deps{Users: testUsers, Alerts: newFakeAlerts(testNow), SecureCookies: tt.force}, tls)
		c := newClient(t, srv)
		r := c.post("/console/login", url.Values{"csrf": {c.csrf("/console/login")}, "name": {"hoa"}, "token": {"tok-hoa"}})
		var got *http.Cookie
		for _, ck := range (&http.Response{Header: r.header}).Cookies() {
			if ck.Name == sessionCookie {
				got = ck
			}
		}
		if got == nil {
			t.Fatalf("tls=%v: no session cookie", tls)
		}
		if !got.HttpOnly || got.SameSite != http.SameSiteStrictMode || got.Secure != tt.secure || got.MaxAge != int(DefaultSessionTTL.Seconds()) {
			t.Errorf("tls=%v: cookie %+v", tls, got)
		}
		if strings.Contains(got.Value, "tok-hoa") {
			t.Error("the API token leaks into the cookie")
		}
	}
}

func TestLanguageSwitch(t *testing.T) {
	h := newHarness(t, nil)
	c := h.client(t)
	if !strings.Contains(c.get("/console/login").body, "Đăng nhập") {
		t.Error("default language is not Vietnamese")
	}
	if !strings.Contains(c.get("/console/login?lang=en").body, "Log in") {
		t.Error("?lang=en is not English")
	}
	if !strings.Contains(c.get("/console/login").body, `lang="en"`) {
		t.Error("the choice of English is not remembered")
	}
	req, _ := http.NewRequest(http.MethodGet, h.srv.URL+"/console/login", nil)
	req.Header.Set("Accept-Language", "en-GB,en;q=0.8")
	if !strings.Contains(newClient(t, h.srv).do(req).body, `lang="en"`) {
		t.Error("Accept-Language: en is not honoured")
	}
}

func TestLocaleFormats(t *testing.T) {
	d := time.Date(2026, 3, 14, 17, 5, 0, 0, time.UTC)
	tests := []struct {
		lang, date, num, pct string
	}{
		// x/text gives Vietnamese a decimal comma and a dot for thousands
		{"vi", "14/03/2026 17:05 UTC", "1.234,50", "45,0%"},
		{"en", "14 Mar 2026 17:05 UTC", "1,234.50", "45.0%"},
	}
	for _, tt := range tests {
		l := locales[tt.lang]
		if got := l.DateTime(d); got != tt.date {
			t.Errorf("%s DateTime = %q, want %q", tt.lang, got, tt.date)
		}
		if got := l.Num(2, 1234.5); got != tt.num {
			t.Errorf("%s Num = %q, want %q", tt.lang, got, tt.num)
		}
		if got := l.Pct(0.45); got != tt.pct {
			t.Errorf("%s Pct = %q, want %q", tt.lang, got, tt.pct)
		}
		if got, got2 := l.Num(0, math.NaN()), l.Pct(math.Inf(1)); got != "–" || got2 != "–" {
			t.Errorf("%s: a missing score shows as %q / %q, want –", tt.lang, got, got2)
		}
	}
}

func TestUnavailablePages(t *testing.T) {
	h := newHarness(t, func(d *Deps) { d.Rankings, d.Athletes, d.Models, d.Jobs = nil, nil, nil, nil })
	c := h.login(t, "admin")
	for _, p := range []string{"/console/rankings", "/console/rankings.csv", "/console/athletes/11", "/console/models", "/console/jobs/j1"} {
		r := c.get(p + "?lang=en")
		if r.status != http.StatusServiceUnavailable || !strings.Contains(r.body, "not available yet") {
			t.Errorf("GET %s: %d, want 503 'not available yet'", p, r.status)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	h := newHarness(t, nil)
	r := h.client(t).get("/console/login")
	for k, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"} {
		if got := r.header.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	if csp := r.header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP %q", csp)
	}
}
