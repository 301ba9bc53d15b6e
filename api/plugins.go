package api

import (
	"context"
	"encoding/csv"
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/text/unicode/norm"
)

// Rankings serves talent rankings (the scoring package). It returns one page
// of rows (any JSON-encodable value) and the total row count.
type Rankings interface {
	Rankings(ctx context.Context, q RankingQuery) (rows any, total int, err error)
}

// RankingQuery is GET /v1/rankings's query. Zero fields are the ranker's
// defaults; AsOf zero means the ranker's current board.
type RankingQuery struct {
	Sport, Discipline, Sex, Province string
	BornFrom, BornTo                 int // birth years, inclusive; 0 = open
	AsOf                             time.Time
	Limit, Offset                    int
	TopN                             int  // selection size the fairness audit looks at; 0 = the ranker's default
	CSV                              bool // format=csv: every row (no paging), as a CSV table
}

// CSV is a table a backend returns for a CSV export; the server writes it
// as text/csv instead of the JSON envelope.
type CSV struct {
	Name   string // file name offered to the browser
	Header []string
	Rows   [][]string
}

// ErrUnavailable is returned by a backend that cannot answer yet (a model
// still loading): the server answers 503 with Retry-After.
var ErrUnavailable = errors.New("not available yet")

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
	CancelJob(ctx context.Context, id, actor string) (any, error)
}

var rankingQuery = []param{
	{"sport", "string", "e.g. athletics"},
	{"discipline", "string", "e.g. 100m"},
	{"sex", "string", "M or F"},
	{"province", "string", "e.g. Hà Nội"},
	{"born_from", "integer", "first birth year of the cohort"},
	{"born_to", "integer", "last birth year of the cohort"},
	{"top_n", "integer", "selection size audited for fairness and simulated (default 10 % of the cohort)"},
	{"format", "string", "json (default) or csv: every row of the cohort as CSV"},
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
	if t, ok := rows.(CSV); ok {
		return writeCSV(c, t)
	}
	return respond(c, http.StatusOK, rows, &Page{Limit: q.Limit, Offset: q.Offset, Total: total})
}

func decodeRankingQuery(v url.Values) (RankingQuery, error) {
	q := RankingQuery{Sport: v.Get("sport"), Discipline: v.Get("discipline"), Sex: v.Get("sex"),
		Province: norm.NFC.String(v.Get("province")), Limit: 50}
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
	for _, f := range []struct {
		name string
		dst  *int
		lo   int
		hi   int
	}{{"born_from", &q.BornFrom, 1900, 2100}, {"born_to", &q.BornTo, 1900, 2100}, {"top_n", &q.TopN, 1, 1_000_000}} {
		if s := v.Get(f.name); s != "" {
			*f.dst, err = boundedInt(s, f.lo, f.hi)
			check(f.name, err)
		}
	}
	if q.BornFrom != 0 && q.BornTo != 0 && q.BornFrom > q.BornTo {
		bad = append(bad, FieldError{Field: "born_to", Reason: "before born_from"})
	}
	switch v.Get("format") {
	case "", "json":
	case "csv":
		q.CSV = true
	default:
		bad = append(bad, FieldError{Field: "format", Reason: "want json or csv"})
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

func (s *Server) cancelJob(c *gin.Context) error {
	if s.jobs == nil {
		return notImplemented("models and jobs")
	}
	u, _ := CurrentUser(c)
	j, err := s.jobs.CancelJob(c.Request.Context(), c.Param("id"), u.Name)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, j, nil)
}

// writeCSV writes t as a text/csv attachment.
func writeCSV(c *gin.Context, t CSV) error {
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Header("Content-Disposition", `attachment; filename="`+t.Name+`"`)
	c.Status(http.StatusOK)
	w := csv.NewWriter(c.Writer)
	if err := w.Write(t.Header); err != nil {
		return err
	}
	if err := w.WriteAll(t.Rows); err != nil {
		return err
	}
	return nil
}
