package console

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"
	"golang.org/x/text/unicode/norm"
)

// perm is a part of the console a role may see. The mapping mirrors the
// API's role checks: selection sees rankings and athlete performance;
// integrity sees alerts, their evidence and audit, and athlete profiles with
// physiological data;
// data sees jobs and models; admin sees everything.
type perm string

const (
	permRankings perm = "rankings"
	permAthletes perm = "athletes" // athlete profiles: performance
	permPhysio   perm = "physio"   // athlete physiological data
	permAlerts   perm = "alerts"   // alerts, evidence, audit
	permModels   perm = "models"
)

var rolePerms = map[string][]perm{
	"selection": {permRankings, permAthletes},
	"integrity": {permAlerts, permAthletes, permPhysio},
	"data":      {permModels},
}

func can(role string, p perm) bool {
	return role == "admin" || slices.Contains(rolePerms[role], p)
}

// viewer is who is asking, in which language; kept on the gin context.
type viewer struct {
	loc  *locale
	user *User
	sid  string
	csrf string
}

const viewerKey = "console.viewer"

func viewerOf(g *gin.Context) *viewer {
	if v, ok := g.Get(viewerKey); ok {
		return v.(*viewer)
	}
	return &viewer{loc: locales[langs[0]]}
}

// withLocale picks the language and remembers an explicit ?lang= choice.
func (c *Console) withLocale(g *gin.Context) {
	lang, fromQuery := pickLang(g.Request)
	if fromQuery {
		c.setCookie(g, langCookie, lang, 365*24*3600)
	}
	g.Set(viewerKey, &viewer{loc: locales[lang]})
}

// requireUser lets through only a live session whose token still names an
// enabled user; anyone else goes to the login page.
func (c *Console) requireUser(g *gin.Context) {
	v := viewerOf(g)
	sid, err := g.Cookie(sessionCookie)
	if err == nil {
		if sess, ok := c.sessions.get(sid); ok {
			u, err := c.deps.Users.UserByToken(g.Request.Context(), sess.token)
			if err == nil && !u.Disabled {
				v.user, v.sid, v.csrf = &u, sid, sess.csrf
				return
			}
			c.sessions.drop(sid)
		}
	}
	next := g.Request.URL.RequestURI()
	if g.Request.Method != http.MethodGet {
		next = g.Request.URL.Path
	}
	g.Redirect(http.StatusSeeOther, "/console/login?next="+url.QueryEscape(next))
	g.Abort()
}

// checkCSRF rejects a form POST whose token is not the session's.
func (c *Console) checkCSRF(g *gin.Context) {
	if g.Request.Method == http.MethodPost && !sameToken(g.PostForm(csrfField), viewerOf(g).csrf) {
		c.fail(g, http.StatusForbidden, "error.csrf")
	}
}

// require lets through users whose role has any of the perms.
func (c *Console) require(perms ...perm) gin.HandlerFunc {
	return func(g *gin.Context) {
		role := viewerOf(g).user.Role
		for _, p := range perms {
			if can(role, p) {
				return
			}
		}
		c.fail(g, http.StatusForbidden, "error.forbidden")
	}
}

type loginData struct {
	Name, Next, Token, Error string
}

func (c *Console) loginForm(g *gin.Context) {
	tok := randomToken()
	c.setCookie(g, loginCSRF, tok, 3600)
	c.render(g, http.StatusOK, "login", "login.title", loginData{Next: safeNext(g.Query("next")), Token: tok})
}

// login checks the name and API token and starts a session. The login form
// has its own double-submit CSRF token, since there is no session yet.
func (c *Console) login(g *gin.Context) {
	form := loginData{Name: strings.TrimSpace(g.PostForm("name")), Next: safeNext(g.PostForm("next"))}
	cookie, _ := g.Cookie(loginCSRF)
	if !sameToken(g.PostForm(csrfField), cookie) {
		c.fail(g, http.StatusForbidden, "error.csrf")
		return
	}
	form.Token = cookie
	token := g.PostForm("token")
	u, err := c.deps.Users.UserByToken(g.Request.Context(), token)
	switch {
	case err != nil && !errors.Is(err, errNotFound):
		c.fail(g, http.StatusInternalServerError, "error.internal")
		return
	case err != nil || u.Disabled || norm.NFC.String(form.Name) != norm.NFC.String(u.Name):
		form.Error = "login.invalid"
		c.render(g, http.StatusUnauthorized, "login", "login.title", form)
		return
	}
	sid := c.sessions.create(token)
	c.setCookie(g, sessionCookie, sid, int(c.deps.SessionTTL.Seconds()))
	c.setCookie(g, loginCSRF, "", -1)
	next := form.Next
	if next == "" {
		next = "/console/"
	}
	g.Redirect(http.StatusSeeOther, next)
}

func (c *Console) logout(g *gin.Context) {
	c.sessions.drop(viewerOf(g).sid)
	c.setCookie(g, sessionCookie, "", -1)
	g.Redirect(http.StatusSeeOther, "/console/login")
}

// home sends each role to its first page.
func (c *Console) home(g *gin.Context) {
	role := viewerOf(g).user.Role
	for _, l := range navLinks(viewerOf(g).loc, role, "") {
		g.Redirect(http.StatusSeeOther, l.Href)
		return
	}
	c.fail(g, http.StatusForbidden, "error.forbidden")
}

// safeNext keeps only a console-relative target, so that the login form
// cannot be used to redirect elsewhere.
func safeNext(next string) string {
	if strings.HasPrefix(next, "/console/") && !strings.ContainsAny(next, "\\") && !strings.HasPrefix(next, "//") {
		return next
	}
	return ""
}
