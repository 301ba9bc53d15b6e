package api

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/podium-sport/podium/datasets"
	"github.com/prometheus/client_golang/prometheus"
)

// Limits bound what one request may cost. Zero fields take DefaultLimits.
type Limits struct {
	RequestTimeout time.Duration // per request, except uploads
	UploadTimeout  time.Duration // per upload (POST /v1/ingest); also the server's read timeout
	DrainTimeout   time.Duration // how long shutdown waits for requests in flight
	BodyBytes      int64         // largest JSON request body (413 above)
	UploadBytes    int64         // largest upload
	RatePerSecond  float64       // sustained requests per second per token (429 above)
	Burst          int           // requests a token may make at once
}

// DefaultLimits are the limits of a server built without WithLimits.
var DefaultLimits = Limits{
	RequestTimeout: 30 * time.Second,
	UploadTimeout:  10 * time.Minute,
	DrainTimeout:   20 * time.Second,
	BodyBytes:      1 << 20,
	UploadBytes:    512 << 20,
	RatePerSecond:  20,
	Burst:          40,
}

// Server is the Podium HTTP API. Build it with New; serve Handler or call Serve.
type Server struct {
	store    *datasets.Store
	log      *slog.Logger
	limits   Limits
	rankings Rankings
	profiles Profiles
	jobs     Jobs
	mounts   []func(*gin.Engine)
	extra    []prometheus.Collector
	engine   *gin.Engine
	metrics  *metrics
	limiter  *limiters
	openapi  []byte
}

// Option configures a Server.
type Option func(*Server)

// WithLogger sets the structured logger (default: JSON on stderr).
func WithLogger(l *slog.Logger) Option { return func(s *Server) { s.log = l } }

// WithLimits overrides the default limits; zero fields keep their default.
func WithLimits(l Limits) Option { return func(s *Server) { s.limits = l.withDefaults() } }

// WithRankings serves GET /v1/rankings from r (501 without it).
func WithRankings(r Rankings) Option { return func(s *Server) { s.rankings = r } }

// WithProfiles serves GET /v1/athletes/{id}/profile from p (501 without it).
func WithProfiles(p Profiles) Option { return func(s *Server) { s.profiles = p } }

// WithJobs serves the model and retraining routes from j (501 without it).
func WithJobs(j Jobs) Option { return func(s *Server) { s.jobs = j } }

// WithMount lets another package (the web console) add routes to the same
// engine after the API's own: they get the request id, logging, metrics,
// panic recovery, timeouts, body limits and token identification; guard them
// with RequireRole and read the caller with CurrentUser.
func WithMount(f func(*gin.Engine)) Option { return func(s *Server) { s.mounts = append(s.mounts, f) } }

// WithCollector adds a backend's own series to GET /metrics (model drift,
// board age).
func WithCollector(c prometheus.Collector) Option {
	return func(s *Server) { s.extra = append(s.extra, c) }
}

// New builds the API over store.
func New(store *datasets.Store, opts ...Option) *Server {
	gin.SetMode(gin.ReleaseMode)
	s := &Server{store: store, log: slog.New(slog.NewJSONHandler(os.Stderr, nil)), limits: DefaultLimits}
	for _, o := range opts {
		o(s)
	}
	s.metrics = newMetrics()
	s.metrics.reg.MustRegister(s.extra...)
	s.limiter = newLimiters(s.limits.RatePerSecond, s.limits.Burst)
	routes := s.routes()
	s.openapi = openAPI(routes)
	e := gin.New()
	e.HandleMethodNotAllowed = true
	e.NoRoute(func(c *gin.Context) { writeError(c, errNoRoute) })
	e.NoMethod(func(c *gin.Context) { writeError(c, errNoMethod) })
	e.Use(s.requestID, s.observe, s.recover, s.bound(routes), s.identify)
	for _, r := range routes {
		h := []gin.HandlerFunc{s.wrap(r.handle)}
		if r.roles != nil {
			h = append([]gin.HandlerFunc{RequireRole(r.roles...)}, h...)
		}
		e.Handle(r.method, r.path, h...)
	}
	for _, m := range s.mounts {
		m(e)
	}
	s.engine = e
	return s
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	return Limits{
		RequestTimeout: orDefault(l.RequestTimeout, d.RequestTimeout),
		UploadTimeout:  orDefault(l.UploadTimeout, d.UploadTimeout),
		DrainTimeout:   orDefault(l.DrainTimeout, d.DrainTimeout),
		BodyBytes:      orDefault(l.BodyBytes, d.BodyBytes),
		UploadBytes:    orDefault(l.UploadBytes, d.UploadBytes),
		RatePerSecond:  orDefault(l.RatePerSecond, d.RatePerSecond),
		Burst:          orDefault(l.Burst, d.Burst),
	}
}

func orDefault[T int | int64 | float64 | time.Duration](v, def T) T {
	if v > 0 {
		return v
	}
	return def
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.engine }

// Serve serves on ln until ctx is cancelled, then stops accepting and
// drains requests in flight for up to Limits.DrainTimeout.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.engine,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       s.limits.UploadTimeout,
		WriteTimeout:      s.limits.UploadTimeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	s.log.Info("listening", "addr", ln.Addr().String())
	select {
	case err := <-errc:
		return fmt.Errorf("api: serve: %w", err)
	case <-ctx.Done():
	}
	s.log.Info("shutting down", "drain_seconds", s.limits.DrainTimeout.Seconds())
	drain, cancel := context.WithTimeout(context.WithoutCancel(ctx), s.limits.DrainTimeout)
	defer cancel()
	if err := srv.Shutdown(drain); err != nil {
		return fmt.Errorf("api: shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("api: serve: %w", err)
	}
	return nil
}
