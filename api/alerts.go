package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/podium-sport/podium/datasets"
)

var alertQuery = []param{
	{"status", "string", "one of open, triage, investigating, escalated, dismissed, confirmed"},
	{"type", "string", "detector finding, e.g. odds-steam"},
	{"min_severity", "number", "0–1"},
	{"from", "date-time", "created at or after (RFC 3339 or YYYY-MM-DD)"},
	{"to", "date-time", "created before (RFC 3339 or YYYY-MM-DD)"},
	{"limit", "integer", "page size, 1–500 (default 50)"},
	{"offset", "integer", "rows to skip"},
	{"sort", "string", "severity (default: most severe first) or priority (highest calibrated P(confirmed) first)"},
}

// AlertDetail is an alert with the statuses a reviewer may move it to next.
type AlertDetail struct {
	datasets.Alert
	Next []string `json:"next_statuses"`
}

func detail(a datasets.Alert) AlertDetail {
	return AlertDetail{Alert: a, Next: datasets.NextStatuses(a.Status)}
}

// alertPatch is the body of PATCH /v1/alerts/{id}: version is required, and
// at least one of status, comment and assignee.
type alertPatch struct {
	Status   string `json:"status,omitempty"`
	Version  *int   `json:"version"`
	Comment  string `json:"comment,omitempty"`
	Assignee string `json:"assignee,omitempty"`
}

func (s *Server) listAlerts(c *gin.Context) error {
	f, err := decodeAlertFilter(c.Request.URL.Query())
	if err != nil {
		return err
	}
	alerts, total, err := s.store.ListAlerts(c.Request.Context(), f)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, alerts, &Page{Limit: f.Limit, Offset: f.Offset, Total: total})
}

func (s *Server) getAlert(c *gin.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	a, err := s.store.GetAlert(c.Request.Context(), id)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, detail(a), nil)
}

func (s *Server) patchAlert(c *gin.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	ch, err := decodePatch(c.Request.Body)
	if err != nil {
		return err
	}
	u, _ := CurrentUser(c)
	ch.Actor = u.Name
	a, err := s.store.UpdateAlert(c.Request.Context(), id, ch)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, detail(a), nil)
}

func (s *Server) alertAudit(c *gin.Context) error {
	id, err := pathID(c)
	if err != nil {
		return err
	}
	trail, err := s.store.AlertAudit(c.Request.Context(), id)
	if err != nil {
		return err
	}
	return respond(c, http.StatusOK, trail, nil)
}

// pathID parses the :id path parameter as a positive integer.
func pathID(c *gin.Context) (int64, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id < 1 {
		return 0, invalid("bad id in the path", FieldError{Field: "id", Reason: fmt.Sprintf("%q: want a positive integer", c.Param("id"))})
	}
	return id, nil
}

// decodePatch reads a PATCH body strictly: unknown fields, wrong types and
// trailing data are field errors.
func decodePatch(body io.Reader) (datasets.AlertChange, error) {
	var p alertPatch
	if err := decodeJSON(body, &p); err != nil {
		return datasets.AlertChange{}, err
	}
	if p.Version == nil {
		return datasets.AlertChange{}, invalid("invalid body", FieldError{Field: "version", Reason: "required: the version you read"})
	}
	return datasets.AlertChange{Status: p.Status, Version: *p.Version, Comment: p.Comment, Assignee: p.Assignee}, nil
}

// decodeJSON decodes one JSON object into v, refusing unknown fields and
// trailing data; oversized bodies keep their *http.MaxBytesError (413).
func decodeJSON(body io.Reader, v any) error {
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	err := dec.Decode(v)
	if err == nil && dec.More() {
		err = errors.New("trailing data after the JSON object")
	}
	var tooBig *http.MaxBytesError
	var typeErr *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &tooBig):
		return err
	case errors.As(err, &typeErr):
		return invalid("invalid body", FieldError{Field: typeErr.Field, Reason: "want a JSON " + typeErr.Type.Kind().String()})
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return invalid("invalid body", FieldError{Field: name, Reason: "unknown field"})
	case errors.Is(err, io.EOF):
		return invalid("invalid body", FieldError{Field: "body", Reason: "empty: want a JSON object"})
	default:
		return invalid("invalid body", FieldError{Field: "body", Reason: "not a JSON object: " + err.Error()})
	}
}

// decodeAlertFilter reads GET /v1/alerts's query, reporting every bad
// parameter at once.
func decodeAlertFilter(q url.Values) (datasets.AlertFilter, error) {
	f := datasets.AlertFilter{Limit: datasets.DefaultAlertLimit}
	var bad []FieldError
	fail := func(name, reason string) { bad = append(bad, FieldError{Field: name, Reason: reason}) }
	for name, vals := range q {
		if !slices.ContainsFunc(alertQuery, func(p param) bool { return p.name == name }) {
			fail(name, "unknown parameter")
			continue
		}
		if len(vals) > 1 {
			fail(name, "given more than once")
			continue
		}
		if err := setAlertFilter(&f, name, vals[0]); err != nil {
			fail(name, err.Error())
		}
	}
	if bad != nil {
		slices.SortFunc(bad, func(a, b FieldError) int { return strings.Compare(a.Field, b.Field) })
		return f, invalid("invalid query parameters", bad...)
	}
	return f, nil
}

func setAlertFilter(f *datasets.AlertFilter, name, v string) error {
	var err error
	switch name {
	case "status":
		if !slices.Contains(datasets.AlertStatuses, v) {
			return fmt.Errorf("%q: want one of %s", v, strings.Join(datasets.AlertStatuses, ", "))
		}
		f.Status = v
	case "sort":
		if v != "severity" && v != "priority" {
			return fmt.Errorf("%q: want severity or priority", v)
		}
		f.Sort = v
	case "type":
		if v == "" || len(v) > 64 {
			return errors.New("want 1–64 characters")
		}
		f.Type = v
	case "min_severity":
		f.MinSeverity, err = strconv.ParseFloat(v, 64)
		if err != nil || !(f.MinSeverity >= 0 && f.MinSeverity <= 1) {
			return fmt.Errorf("%q: want a number in 0–1", v)
		}
	case "from":
		f.From, err = parseTime(v)
	case "to":
		f.To, err = parseTime(v)
	case "limit":
		f.Limit, err = boundedInt(v, 1, datasets.MaxAlertLimit)
	case "offset":
		f.Offset, err = boundedInt(v, 0, 1_000_000_000)
	}
	return err
}

// parseTime accepts RFC 3339 or a date (midnight UTC).
func parseTime(v string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q: want RFC 3339 or YYYY-MM-DD", v)
}

func boundedInt(v string, lo, hi int) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("%q: want an integer in %d–%d", v, lo, hi)
	}
	return n, nil
}
