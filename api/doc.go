// Package api is Podium's HTTP API: Gin routes under /v1 for integrity
// alerts and their review, data loads and users, plus the routes whose
// backends other packages provide (rankings, athlete profiles, models and
// retraining jobs). It sits at the end of the data flow
// (datasets → features → models → scoring → api) and reads and writes only
// through *datasets.Store and the small interfaces declared here.
//
// # Building and serving
//
//	srv := api.New(store,
//		api.WithRankings(r), api.WithProfiles(p), api.WithJobs(j), // 501 when left out
//		api.WithMount(console.Mount),                               // extra routes on the same engine
//		api.WithLogger(logger), api.WithLimits(api.Limits{RatePerSecond: 50}))
//	err := srv.Serve(ctx, listener) // until ctx is cancelled, then drains
//
// or use srv.Handler() as any http.Handler (tests use httptest).
//
// # Mounting the console
//
// WithMount(func(*gin.Engine)) runs after the API's routes are registered.
// Mounted routes pass through the same global middleware: request id
// (X-Request-ID, echoed), JSON request log, Prometheus metrics, panic
// recovery, per-request timeout, body size limit, and identification: the
// bearer token of the Authorization header — or, for browsers, of the cookie
// named TokenCookie (set it HttpOnly, SameSite=Strict) — is resolved to a
// user and rate-limited. Guard a mounted route with RequireRole(roles...)
// (401 without a valid token, 403 for other roles; admin always passes) and
// read the caller with CurrentUser(c).
//
// # Auth and roles
//
// Tokens are random 256-bit secrets made by `podium users add` or POST
// /v1/users; the store keeps only their SHA-256. Roles: selection (rankings,
// athlete performance profiles), integrity (alerts, evidence, audit trails,
// profiles with physiological data), data (ingest, models, retraining),
// admin (users and everything). Each token has its own token bucket
// (Limits.RatePerSecond, Limits.Burst; 429 with Retry-After when empty).
//
// # Responses and errors
//
// Every JSON response is an Envelope: {"data": …, "page": {limit, offset,
// total}} on success, {"error": {"code", "message", "fields": [{field,
// reason, file, line}], "request_id"}} on failure. toError is the one place
// errors become statuses: 400 invalid input with field errors (a rejected
// upload lists every problem as file, line, field, reason, up to 1000), 401,
// 403, 404, 409 stale version or taken name, 413 body over the limit, 429,
// 501 backend not configured, 503 timeout, 500 internal (details only in the
// log, under the request id).
//
// # Alert review
//
// PATCH /v1/alerts/{id} takes {"status", "version", "comment", "assignee"};
// version is the one the reviewer read, and a change against an older one
// is refused with 409 so that two reviewers never overwrite each other. The
// legal moves are those of datasets.NextStatuses: open → triage →
// investigating → escalated → confirmed, with dismissed reachable from every
// live state and confirmed also from investigating; confirmed and dismissed
// are final and become training labels (table alert_labels). Every change is
// a hash-chained audit entry written in the same transaction.
//
// # OpenAPI
//
// GET /v1/openapi.json is generated from the same route table that
// registers the handlers, with schemas reflected from the Go types; the
// golden test (testdata/openapi.json, refresh with go test ./api -run
// OpenAPI -update) makes every change to the API show in review.
//
// # Measured
//
// The tests drive every route with every role (401/403/2xx), bad input
// (400 and nothing written), stale versions (409), oversized bodies (413),
// rate limits (429) and a race of concurrent PATCHes (exactly one wins).
package api
