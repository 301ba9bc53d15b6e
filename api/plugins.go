package api

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/gin-gonic/gin"
)

// Rankings serves talent rankings (the scoring package). It returns one page
// of rows (any JSON-encodable value) and the total row count.
type Rankings interface {
	Rankings(ctx context.Context, q RankingQuery) (rows any, total int, err error)
}

// RankingQuery is GET /v1/rankings's query. Zero fields are the ranker's
// defaults; AsOf zero means today.
type RankingQuery struct {
	Sport, Discipline, Sex string
	AsOf                   time.Time
	Limit, Offset          int
}

// Profiles serves athlete profiles. physio is true only for the integrity
// and admin roles: physiological data (blood values, test results) is left
// out of selection users' profiles.
type Profiles interface {
	Profile(ctx context.Context, athleteID int64, physio bool) (any, error)
}

// Jobs serves the model registry and retraining jobs. actor is the user who
// asked, for the audit log.
type Jobs interface {
	Models(ctx context.Context) (any, error)
	StartRetrain(ctx context.Context, model, actor string) (any, error)
	Job(ctx context.Context, id string) (any, error)
}

var rankingQuery = []param{
	{"sport", "string", "e.g. athletics"},
	{"discipline", "string", "e.g. 100m"},
	{"sex", "string", "M or F"},
	{"as_of", "date-time", "ranking as of this date (RFC 3339 or YYYY-MM-DD; default today)"},
	{"limit", "integer", "page size, 1–500 (default 50)"},
	{"offset", "integer", "rows to skip"},
}

// retrainRequest is the body of POST /v1/jobs/retrain.
type retrainRequest struct {
	Model string `json:"model"`
}

func (s *Server) rankingList(c *gin.Context) error {
	if s.rankings == nil {
		return notImplemented("rankings")
	}
	q, err := decodeRankingQuery(c.Request.URL.Query())
	if err != nil {
		return err
	}
	rows, total, err := s.rankings.Rankings(c.Request.Context(), q)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, rows, &Page{Limit: q.Limit, Offset: q.Offset, Total: total})
}

func decodeRankingQuery(v url.Values) (RankingQuery, error) {
	q := RankingQuery{Sport: v.Get("sport"), Discipline: v.Get("discipline"), Sex: v.Get("sex"), Limit: 50}
	var bad []FieldError
	check := func(name string, err error) {
		if err != nil {
			bad = append(bad, FieldError{Field: name, Reason: err.Error()})
		}
	}
	var err error
	if s := v.Get("as_of"); s != "" {
		q.AsOf, err = parseTime(s)
		check("as_of", err)
	}
	if s := v.Get("limit"); s != "" {
		q.Limit, err = boundedInt(s, 1, 500)
		check("limit", err)
	}
	if s := v.Get("offset"); s != "" {
		q.Offset, err = boundedInt(s, 0, 1_000_000_000)
		check("offset", err)
	}
	if q.Sex != "" && q.Sex != "M" && q.Sex != "F" {
		bad = append(bad, FieldError{Field: "sex", Reason: "want M or F"})
	}
	if bad != nil {
		return q, invalid("invalid query parameters", bad...)
	}
	return q, nil
}

func (s *Server) profile(c *gin.Context) error {
	if s.profiles == nil {
		return notImplemented("athlete profiles")
	}
	id, err := pathID(c)
	if err != nil {
		return err
	}
	u, _ := CurrentUser(c)
	p, err := s.profiles.Profile(c.Request.Context(), id, u.Role == "integrity" || u.Role == "admin")
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, p, nil)
}

func (s *Server) models(c *gin.Context) error {
	if s.jobs == nil {
		return notImplemented("models and jobs")
	}
	m, err := s.jobs.Models(c.Request.Context())
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, m, nil)
}

func (s *Server) retrain(c *gin.Context) error {
	if s.jobs == nil {
		return notImplemented("models and jobs")
	}
	var r retrainRequest
	if err := decodeJSON(c.Request.Body, &r); err != nil {
		return err
	}
	if r.Model == "" {
		return invalid("invalid body", FieldError{Field: "model", Reason: "required"})
	}
	u, _ := CurrentUser(c)
	j, err := s.jobs.StartRetrain(c.Request.Context(), r.Model, u.Name)
	if err != nil {
		return err
	}
	return respond(c, http.StatusAccepted, j, nil)
}

func (s *Server) job(c *gin.Context) error {
	if s.jobs == nil {
		return notImplemented("models and jobs")
	}
	j, err := s.jobs.Job(c.Request.Context(), c.Param("id"))
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, j, nil)
}
