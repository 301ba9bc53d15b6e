package console

import (
	"bytes"
	"embed"
	"html/template"
	"io/fs"
	"log"
	"net/http"
	"net/url"
	"time"

	"github.com/gin-gonic/gin"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// DefaultSessionTTL is how long a console login lasts when Deps.SessionTTL is zero.
const DefaultSessionTTL = 8 * time.Hour

// Deps is what the console needs. Users and Alerts are required (a
// *datasets.Store is both); a nil talent provider makes its page say
// "not available yet".
type Deps struct {
	Users    Users
	Alerts   Alerts
	Rankings RankingSource
	Athletes AthleteSource
	Models   ModelSource
	Jobs     JobSource

	SessionTTL    time.Duration    // login lifetime; DefaultSessionTTL when zero
	SecureCookies bool             // Secure cookies even without TLS here (behind a TLS-terminating proxy)
	Now           func() time.Time // clock for session expiry; time.Now when nil
}

// Console is the web console: server-rendered pages under /console/.
type Console struct {
	deps     Deps
	sessions *sessions
	pages    map[string]*template.Template
}

// New builds the console. It panics if the embedded templates do not parse,
// which the package tests rule out.
func New(deps Deps) *Console {
	if deps.SessionTTL <= 0 {
		deps.SessionTTL = DefaultSessionTTL
	}
	if deps.Now == nil {
		deps.Now = time.Now
	}
	return &Console{deps: deps, sessions: newSessions(deps.SessionTTL, deps.Now), pages: mustParsePages()}
}

// pageNames are the templates under templates/, each rendered inside layout.html.
var pageNames = []string{"login", "error", "alerts", "alert", "rankings", "athlete", "models", "job"}

func mustParsePages() map[string]*template.Template {
	out := make(map[string]*template.Template, len(pageNames))
	for _, name := range pageNames {
		out[name] = template.Must(template.ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html"))
	}
	return out
}

// Mount adds the console's routes under /console/ to r.
func (c *Console) Mount(r *gin.Engine) {
	static, _ := fs.Sub(staticFS, "static")
	g := r.Group("/console", securityHeaders, c.withLocale)
	g.StaticFS("/static", http.FS(static))
	g.GET("/login", c.loginForm)
	g.POST("/login", c.login)

	in := g.Group("", c.requireUser, c.checkCSRF)
	in.GET("/", c.home)
	in.POST("/logout", c.logout)
	in.GET("/alerts", c.require(permAlerts), c.alertQueue)
	in.GET("/alerts/:id", c.require(permAlerts), c.alertPage)
	in.POST("/alerts/:id", c.require(permAlerts), c.decideAlert)
	in.GET("/rankings", c.require(permRankings), c.rankingsPage)
	in.GET("/rankings.csv", c.require(permRankings), c.rankingsCSV)
	in.GET("/athletes/:id", c.require(permAthletes), c.athletePage)
	in.GET("/models", c.require(permModels), c.modelsPage)
	in.POST("/models/:name/retrain", c.require(permModels), c.retrain)
	in.GET("/jobs/:id", c.require(permModels), c.jobPage)
}

// securityHeaders forbids inline scripts and styles, framing and sniffing,
// and keeps pages with personal data out of caches.
func securityHeaders(g *gin.Context) {
	h := g.Writer.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Cache-Control", "no-store")
}

// page is what every template gets: the locale's methods (T, Date, Num…),
// the signed-in user, the CSRF token and the page's own data.
type page struct {
	*locale
	User   *User
	CSRF   string
	Title  string
	Nav    []link
	Langs  []link
	Data   any
	Status int
	Path   string
}

type link struct {
	Href, Label string
	Active      bool
}

// render writes the named page with the given status, through a buffer so
// that a template error gives a clean 500 instead of half a page.
func (c *Console) render(g *gin.Context, status int, name, titleKey string, data any) {
	v := viewerOf(g)
	p := page{locale: v.loc, User: v.user, CSRF: v.csrf, Title: v.loc.T(titleKey),
		Data: data, Status: status, Path: g.Request.URL.Path}
	p.Langs = langLinks(g.Request.URL, v.loc.lang)
	if v.user != nil {
		p.Nav = navLinks(v.loc, v.user.Role, g.Request.URL.Path)
	}
	var buf bytes.Buffer
	if err := c.pages[name].ExecuteTemplate(&buf, "layout", p); err != nil {
		log.Printf("console: render %s: %v", name, err)
		g.String(http.StatusInternalServerError, "console: render %s failed", name)
		return
	}
	g.Data(status, "text/html; charset=utf-8", buf.Bytes())
}

// fail renders the error page with a translated message.
func (c *Console) fail(g *gin.Context, status int, msgKey string) {
	c.render(g, status, "error", "error.title", viewerOf(g).loc.T(msgKey))
	g.Abort()
}

func langLinks(u *url.URL, current string) []link {
	var out []link
	for _, l := range langs {
		q := u.Query()
		q.Set("lang", l)
		out = append(out, link{Href: u.Path + "?" + q.Encode(), Label: locales[l].T("lang.name"), Active: l == current})
	}
	return out
}

func navLinks(loc *locale, role, path string) []link {
	items := []struct {
		href, key string
		perm      perm
	}{
		{"/console/alerts", "nav.alerts", permAlerts},
		{"/console/rankings", "nav.rankings", permRankings},
		{"/console/models", "nav.models", permModels},
	}
	var out []link
	for _, it := range items {
		if can(role, it.perm) {
			out = append(out, link{Href: it.href, Label: loc.T(it.key), Active: path == it.href})
		}
	}
	return out
}
