package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/podium-sport/podium/datasets"
	"golang.org/x/time/rate"
)

// Context keys the middleware sets.
const (
	requestIDKey = "podium.request_id"
	userKey      = "podium.user"
)

// TokenCookie is the cookie a browser may carry the bearer token in, instead
// of the Authorization header (the console sets it HttpOnly, SameSite=Strict).
const TokenCookie = "podium_token"

var goodRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// requestID takes the caller's X-Request-ID when it is sane, or makes one,
// and echoes it on the response.
func (s *Server) requestID(c *gin.Context) {
	id := c.GetHeader("X-Request-ID")
	if !goodRequestID.MatchString(id) {
		b := make([]byte, 8)
		rand.Read(b)
		id = hex.EncodeToString(b)
	}
	c.Set(requestIDKey, id)
	c.Header("X-Request-ID", id)
	c.Next()
}

// observe logs one JSON line per request and records its metrics.
func (s *Server) observe(c *gin.Context) {
	start := time.Now()
	c.Next()
	route := c.FullPath()
	if route == "" {
		route = "unmatched"
	}
	status := c.Writer.Status()
	took := time.Since(start)
	s.metrics.observe(c.Request.Method, route, status, took)
	attrs := []slog.Attr{
		slog.String("request_id", c.GetString(requestIDKey)),
		slog.String("method", c.Request.Method),
		slog.String("route", route),
		slog.String("path", c.Request.URL.Path),
		slog.Int("status", status),
		slog.Int("bytes", c.Writer.Size()),
		slog.Float64("ms", float64(took.Microseconds())/1000),
	}
	if u, ok := CurrentUser(c); ok {
		attrs = append(attrs, slog.String("user", u.Name))
	}
	level := slog.LevelInfo
	if status >= 500 {
		level = slog.LevelError
		if err := c.Errors.Last(); err != nil {
			attrs = append(attrs, slog.String("error", err.Error()))
		}
	}
	s.log.LogAttrs(c.Request.Context(), level, "request", attrs...)
}

// recover turns a panic into a 500 with the stack in the log.
func (s *Server) recover(c *gin.Context) {
	defer func() {
		if p := recover(); p != nil {
			if p == http.ErrAbortHandler {
				panic(p)
			}
			writeError(c, fmt.Errorf("panic: %v\n%s", p, debug.Stack()))
		}
	}()
	c.Next()
}

// bound applies the per-request timeout and body size limit: uploads get
// the upload limits, everything else the JSON ones. A declared length over
// the limit is refused before reading.
func (s *Server) bound(routes []route) gin.HandlerFunc {
	uploads := map[string]bool{}
	for _, r := range routes {
		if r.upload {
			uploads[r.method+" "+r.path] = true
		}
	}
	return func(c *gin.Context) {
		timeout, limit := s.limits.RequestTimeout, s.limits.BodyBytes
		if uploads[c.Request.Method+" "+c.FullPath()] {
			timeout, limit = s.limits.UploadTimeout, s.limits.UploadBytes
		}
		if c.Request.ContentLength > limit {
			writeError(c, &http.MaxBytesError{Limit: limit})
			return
		}
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, limit)
		ctx, cancel := context.WithTimeout(c.Request.Context(), timeout)
		defer cancel()
		c.Request = c.Request.WithContext(ctx)
		c.Next()
	}
}

// identify resolves the bearer token (header, else TokenCookie) to a user
// and applies the token's rate limit. Requests without a token pass on
// unidentified: RequireRole refuses them where a role is needed. An unknown
// or disabled token is refused everywhere.
func (s *Server) identify(c *gin.Context) {
	token := bearer(c)
	if token == "" {
		c.Next()
		return
	}
	u, err := s.store.UserByToken(c.Request.Context(), token)
	if errors.Is(err, datasets.ErrNotFound) {
		err = errUnauthorized
	}
	if err != nil {
		writeError(c, err)
		return
	}
	c.Set(userKey, u)
	if !s.limiter.allow(u.ID) {
		writeError(c, errRateLimited)
		return
	}
	c.Next()
}

func bearer(c *gin.Context) string {
	if h := c.GetHeader("Authorization"); h != "" {
		scheme, token, _ := strings.Cut(h, " ")
		if strings.EqualFold(scheme, "Bearer") {
			return strings.TrimSpace(token)
		}
		return ""
	}
	token, _ := c.Cookie(TokenCookie)
	return token
}

// CurrentUser returns the user the request's token belongs to.
func CurrentUser(c *gin.Context) (datasets.User, bool) {
	v, ok := c.Get(userKey)
	if !ok {
		return datasets.User{}, false
	}
	u, ok := v.(datasets.User)
	return u, ok
}

// RequireRole refuses requests without a valid token (401) and those whose
// user has none of roles (403). Admin may use every route.
func RequireRole(roles ...string) gin.HandlerFunc {
	return func(c *gin.Context) {
		u, ok := CurrentUser(c)
		switch {
		case !ok:
			writeError(c, errUnauthorized)
		case u.Role != "admin" && !slices.Contains(roles, u.Role):
			writeError(c, errForbidden)
		default:
			c.Next()
		}
	}
}

// limiters holds one token bucket per user (one token per user).
type limiters struct {
	mu    sync.Mutex
	per   map[int64]*rate.Limiter
	rate  rate.Limit
	burst int
}

func newLimiters(perSecond float64, burst int) *limiters {
	return &limiters{per: map[int64]*rate.Limiter{}, rate: rate.Limit(perSecond), burst: burst}
}

func (l *limiters) allow(user int64) bool {
	l.mu.Lock()
	lim, ok := l.per[user]
	if !ok {
		lim = rate.NewLimiter(l.rate, l.burst)
		l.per[user] = lim
	}
	l.mu.Unlock()
	return lim.Allow()
}
