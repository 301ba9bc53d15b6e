package console

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
)

// testNow is the fixed time of the fixtures, so that goldens are stable.
var testNow = time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// harness is a console on an httptest server with fake providers.
type harness struct {
	srv    *httptest.Server
	clock  *clock
	alerts Alerts
	tokens map[string]string // user name → API token
	fake   *fakeAlerts       // nil on a real store
	users  fakeUsers         // nil on a real store
	jobs   *fakeJobs
}

func newHarness(t testing.TB, edit func(*Deps)) *harness {
	t.Helper()
	h := &harness{clock: &clock{t: testNow}, fake: newFakeAlerts(testNow), users: fakeUsers{}, tokens: map[string]string{}, jobs: &fakeJobs{}}
	h.alerts = h.fake
	for k, v := range testUsers {
		h.users[k] = v
		h.tokens[v.Name] = k
	}
	deps := Deps{Users: h.users, Alerts: h.alerts, Rankings: fakeTalent{}, Athletes: fakeTalent{}, Models: fakeTalent{}, Jobs: h.jobs,
		SessionTTL: time.Hour, Now: h.clock.Now}
	if edit != nil {
		edit(&deps)
	}
	h.srv = serve(t, deps, false)
	return h
}

// login opens a browser and signs in as the named user.
func (h *harness) login(t testing.TB, name string) *client {
	t.Helper()
	c := h.client(t)
	c.login(name, h.tokens[name])
	return c
}

// serve mounts a console on a fresh gin engine behind an httptest server.
func serve(t testing.TB, deps Deps, tls bool) *httptest.Server {
	gin.SetMode(gin.TestMode)
	r := gin.New()
	New(deps).Mount(r)
	var srv *httptest.Server
	if tls {
		srv = httptest.NewTLSServer(r)
	} else {
		srv = httptest.NewServer(r)
	}
	t.Cleanup(srv.Close)
	return srv
}

// client is one browser: a cookie jar, redirects not followed.
type client struct {
	t    testing.TB
	base string
	hc   *http.Client
}

func (h *harness) client(t testing.TB) *client {
	return newClient(t, h.srv)
}

func newClient(t testing.TB, srv *httptest.Server) *client {
	jar, _ := cookiejar.New(nil)
	hc := srv.Client()
	hc.Jar = jar
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &client{t: t, base: srv.URL, hc: hc}
}

// resp is what a request gave back.
type resp struct {
	status   int
	body     string
	location string
	header   http.Header
}

func (c *client) do(req *http.Request) resp {
	c.t.Helper()
	res, err := c.hc.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return resp{status: res.StatusCode, body: string(b), location: res.Header.Get("Location"), header: res.Header}
}

func (c *client) get(path string) resp {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.base+path, nil)
	return c.do(req)
}

func (c *client) post(path string, form url.Values) resp {
	c.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

var csrfRe = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

// csrf is the CSRF token of the form on the page at path.
func (c *client) csrf(path string) string {
	c.t.Helper()
	r := c.get(path)
	m := csrfRe.FindStringSubmatch(r.body)
	if m == nil {
		c.t.Fatalf("GET %s: %d, no csrf field in the page", path, r.status)
	}
	return m[1]
}

// login signs in through the login form and fails the test unless it works.
func (c *client) login(name, token string) {
	c.t.Helper()
	r := c.post("/console/login", url.Values{"csrf": {c.csrf("/console/login")}, "name": {name}, "token": {token}})
	if r.status != http.StatusSeeOther {
		c.t.Fatalf("login %s: status %d, want 303\n%s", name, r.status, r.body)
	}
}
