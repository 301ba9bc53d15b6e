package console

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

const (
	sessionCookie = "podium_session"
	loginCSRF     = "podium_login_csrf" // double-submit token of the login form
	csrfField     = "csrf"
)

// session is one logged-in browser. The API token stays on the server: the
// cookie holds only a random session id, and the token lets each request
// re-check the user, so a disabled user or a changed role takes effect at once.
type session struct {
	token   string
	csrf    string // per-session CSRF token, required on every form POST
	expires time.Time
}

// sessions is the server-side session store. Sessions end at a fixed time
// after login; expired ones are dropped when met and swept at each login.
type sessions struct {
	mu  sync.Mutex
	m   map[string]session
	ttl time.Duration
	now func() time.Time
}

func newSessions(ttl time.Duration, now func() time.Time) *sessions {
	return &sessions{m: map[string]session{}, ttl: ttl, now: now}
}

// create starts a session for the holder of token and returns its id.
func (s *sessions) create(token string) string {
	id, sess := randomToken(), session{token: token, csrf: randomToken()}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	for k, v := range s.m {
		if !now.Before(v.expires) {
			delete(s.m, k)
		}
	}
	sess.expires = now.Add(s.ttl)
	s.m[id] = sess
	return id
}

// get returns the live session with this id.
func (s *sessions) get(id string) (session, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	sess, ok := s.m[id]
	if ok && !s.now().Before(sess.expires) {
		delete(s.m, id)
		return session{}, false
	}
	return sess, ok
}

func (s *sessions) drop(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, id)
}

// randomToken is 256 bits from crypto/rand, URL-safe.
func randomToken() string {
	b := make([]byte, 32)
	rand.Read(b) // never fails (Go ≥1.24 crashes the program instead)
	return base64.RawURLEncoding.EncodeToString(b)
}

func sameToken(a, b string) bool {
	return a != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// setCookie writes a console cookie: HttpOnly, SameSite=Strict, scoped to
// /console/, Secure on TLS or when Deps.SecureCookies says so. maxAge < 0
// deletes it.
func (c *Console) setCookie(g *gin.Context, name, value string, maxAge int) {
	http.SetCookie(g.Writer, &http.Cookie{
		Name: name, Value: value, Path: "/console/", MaxAge: maxAge, HttpOnly: true,
		Secure: g.Request.TLS != nil || c.deps.SecureCookies, SameSite: http.SameSiteStrictMode,
	})
}
