package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/podium-sport/podium/datasets"
)

// route is one endpoint: the server registers it and the OpenAPI document
// describes it from the same entry, so the two cannot drift.
type route struct {
	method, path string   // path in gin syntax (:id)
	roles        []string // roles that may call it (admin always may); nil: no token needed
	summary      string
	query        []param // query parameters
	body         any     // zero value of the JSON request body; nil: none
	upload       bool    // multipart upload: upload timeout and body limit
	status       int     // success status
	data         any     // zero value of the response's data; nil: not the JSON envelope
	paged        bool    // the response has a page
	errors       []int   // statuses beyond those implied by the fields above (409, 501)
	handle       handler
}

// param is a query parameter: typ is an OpenAPI type or "date-time".
type param struct{ name, typ, doc string }

// Who may call what.
var (
	integrity = []string{"integrity"}
	dataStaff = []string{"data"}
	adminOnly = []string{}
	profiling = []string{"selection", "integrity"}
	selection = []string{"selection"}
)

func (s *Server) routes() []route {
	return []route{
		{method: "GET", path: "/v1/health", summary: "Liveness and database check", status: 200, data: health{}, handle: s.health},
		{method: "GET", path: "/metrics", summary: "Prometheus metrics (text exposition format)", status: 200, handle: s.metrics.handle},
		{method: "GET", path: "/v1/openapi.json", summary: "This OpenAPI document", status: 200, handle: s.openAPIDoc},

		{method: "GET", path: "/v1/alerts", roles: integrity, summary: "List integrity alerts, most severe first",
			query: alertQuery, status: 200, data: []datasets.Alert{}, paged: true, handle: s.listAlerts},
		{method: "GET", path: "/v1/alerts/:id", roles: integrity, summary: "One alert with its evidence pack, version and allowed next statuses",
			status: 200, data: AlertDetail{}, handle: s.getAlert},
		{method: "PATCH", path: "/v1/alerts/:id", roles: integrity, summary: "Review step: move status, comment, assign (optimistic locking on version)",
			body: alertPatch{}, status: 200, data: AlertDetail{}, errors: []int{409}, handle: s.patchAlert},
		{method: "GET", path: "/v1/alerts/:id/audit", roles: integrity, summary: "The alert's audit trail (status moves, comments, assignments)",
			status: 200, data: []datasets.AuditEntry{}, handle: s.alertAudit},

		{method: "POST", path: "/v1/ingest", roles: dataStaff, summary: "Validate and load uploaded files, all or nothing (form field name = kind, optional field source)",
			upload: true, status: 200, data: datasets.Report{}, handle: s.ingest},

		{method: "GET", path: "/v1/users", roles: adminOnly, summary: "List users", status: 200, data: []datasets.User{}, handle: s.listUsers},
		{method: "POST", path: "/v1/users", roles: adminOnly, summary: "Create a user; the token is shown once",
			body: newUser{}, status: 201, data: createdUser{}, errors: []int{409}, handle: s.addUser},
		{method: "DELETE", path: "/v1/users/:name", roles: adminOnly, summary: "Disable a user (revokes the token)",
			status: 200, data: disabledUser{}, handle: s.disableUser},

		{method: "GET", path: "/v1/rankings", roles: selection, summary: "Talent rankings",
			query: rankingQuery, status: 200, data: new(any), paged: true, errors: []int{501, 503}, handle: s.rankingList},
		{method: "GET", path: "/v1/athletes/:id", roles: profiling, summary: "Athlete profile (physiological data for integrity and admin only)",
			status: 200, data: new(any), errors: []int{501, 503}, handle: s.profile},
		{method: "GET", path: "/v1/models", roles: dataStaff, summary: "Fitted model versions", status: 200, data: new(any), errors: []int{501}, handle: s.models},
		{method: "POST", path: "/v1/jobs/retrain", roles: dataStaff, summary: "Start a retraining job",
			body: retrainRequest{}, status: http.StatusAccepted, data: new(any), errors: []int{501}, handle: s.retrain},
		{method: "GET", path: "/v1/jobs/:id", roles: dataStaff, summary: "A job's state", status: 200, data: new(any), errors: []int{501}, handle: s.job},
		{method: "DELETE", path: "/v1/jobs/:id", roles: dataStaff, summary: "Cancel a queued or running job", status: 200, data: new(any), errors: []int{409, 501}, handle: s.cancelJob},
	}
}

// health is GET /v1/health's data.
type health struct {
	Status string `json:"status"` // "ok"
	Schema int    `json:"schema"` // the database's schema version
}

func (s *Server) health(c *gin.Context) error {
	v, err := s.store.SchemaVersion(c.Request.Context())
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, health{Status: "ok", Schema: v}, nil)
}

func (s *Server) openAPIDoc(c *gin.Context) error {
	c.Data(http.StatusOK, "application/json", s.openapi)
	return nil
}
