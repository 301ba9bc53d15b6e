package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/podium-sport/podium/datasets"
)

// Envelope is the body of every /v1 JSON response: Data (and Page for
// lists) on success, Error alone on failure.
type Envelope struct {
	Data  any    `json:"data,omitempty"`
	Page  *Page  `json:"page,omitempty"`
	Error *Error `json:"error,omitempty"`
}

// Page says where a list response sits in the whole result.
type Page struct {
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
	Total  int `json:"total"` // rows matching the filter, over all pages
}

// Error is a failed request: a stable machine code (invalid, unauthorized,
// forbidden, not_found, conflict, too_large, rate_limited, not_implemented,
// timeout, internal), a message for people and, for bad input, one entry per
// bad field.
type Error struct {
	Code      string       `json:"code"`
	Message   string       `json:"message"`
	Fields    []FieldError `json:"fields,omitempty"`
	RequestID string       `json:"request_id,omitempty"`
}

// FieldError is one problem with one input field; File and Line locate it
// in an uploaded file (or name the object, e.g. "alert 3").
type FieldError struct {
	Field  string `json:"field"`
	Reason string `json:"reason"`
	File   string `json:"file,omitempty"`
	Line   int64  `json:"line,omitempty"`
}

// StatusError is an error that carries its response; handlers return it for
// conditions the store does not know (bad query parameters, missing token).
type StatusError struct {
	Status  int
	Code    string
	Message string
	Fields  []FieldError
}

func (e *StatusError) Error() string { return "api: " + e.Message }

var (
	errUnauthorized = &StatusError{http.StatusUnauthorized, "unauthorized", "missing, unknown or disabled bearer token", nil}
	errForbidden    = &StatusError{http.StatusForbidden, "forbidden", "your role may not use this route", nil}
	errRateLimited  = &StatusError{http.StatusTooManyRequests, "rate_limited", "too many requests for this token; retry later", nil}
	errNoRoute      = &StatusError{http.StatusNotFound, "not_found", "no such route", nil}
	errNoMethod     = &StatusError{http.StatusMethodNotAllowed, "method_not_allowed", "method not allowed on this route", nil}
)

// invalid returns a 400 listing the bad fields.
func invalid(msg string, fields ...FieldError) *StatusError {
	return &StatusError{http.StatusBadRequest, "invalid", msg, fields}
}

// notImplemented is the 501 of a route whose backend is not configured.
func notImplemented(what string) *StatusError {
	return &StatusError{http.StatusNotImplemented, "not_implemented", what + " are not configured on this server", nil}
}

// maxFields bounds the field errors of one response (a rejected upload may
// have millions of problems).
const maxFields = 1000

// toError is the one place errors become HTTP statuses.
func toError(err error) (int, Error) {
	var se *StatusError
	var le *datasets.LoadError
	var ve *datasets.ValidationError
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &se):
		return se.Status, Error{Code: se.Code, Message: se.Message, Fields: se.Fields}
	case errors.As(err, &tooBig):
		return http.StatusRequestEntityTooLarge, Error{Code: "too_large", Message: fmt.Sprintf("request body over %d bytes", tooBig.Limit)}
	case errors.As(err, &le):
		fields := make([]FieldError, 0, min(len(le.Problems), maxFields))
		for _, p := range le.Problems[:min(len(le.Problems), maxFields)] {
			fields = append(fields, fieldOf(p))
		}
		return http.StatusBadRequest, Error{Code: "invalid", Fields: fields,
			Message: fmt.Sprintf("rejected, nothing loaded: %d problem(s)", len(le.Problems))}
	case errors.As(err, &ve):
		return http.StatusBadRequest, Error{Code: "invalid", Message: public(err), Fields: []FieldError{fieldOf(*ve)}}
	case errors.Is(err, datasets.ErrNotFound):
		return http.StatusNotFound, Error{Code: "not_found", Message: public(err)}
	case errors.Is(err, datasets.ErrConflict):
		return http.StatusConflict, Error{Code: "conflict", Message: public(err)}
	case errors.Is(err, datasets.ErrInvalid):
		return http.StatusBadRequest, Error{Code: "invalid", Message: public(err)}
	case errors.Is(err, ErrUnavailable):
		return http.StatusServiceUnavailable, Error{Code: "unavailable", Message: public(err)}
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, Error{Code: "timeout", Message: "the request took longer than the server allows"}
	default:
		return http.StatusInternalServerError, Error{Code: "internal", Message: "internal error (logged with this request id)"}
	}
}

func fieldOf(v datasets.ValidationError) FieldError {
	return FieldError{Field: v.Field, Reason: v.Reason, File: v.File, Line: v.Line}
}

// public is an error message fit for clients: the store's messages name the
// object and the reason; only the package prefixes go.
func public(err error) string {
	return strings.ReplaceAll(err.Error(), "datasets: ", "")
}

// writeError ends the request with err's status and envelope.
func writeError(c *gin.Context, err error) {
	status, e := toError(err)
	e.RequestID = c.GetString(requestIDKey)
	if status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable {
		c.Header("Retry-After", "1")
	}
	c.Error(err)
	c.AbortWithStatusJSON(status, Envelope{Error: &e})
}

// handler is a route's work: it writes a success response or returns an error.
type handler func(c *gin.Context) error

func (s *Server) wrap(h handler) gin.HandlerFunc {
	return func(c *gin.Context) {
		if err := h(c); err != nil {
			writeError(c, err)
		}
	}
}

// respond writes a success envelope.
func respond(c *gin.Context, status int, data any, page *Page) error {
	raw, ok := data.(RawJSON)
	if !ok {
		c.JSON(status, Envelope{Data: data, Page: page})
		return nil
	}
	b := make([]byte, 0, len(raw)+80)
	b = append(append(append(b, `{"data":`...), raw...), `,"page":`...)
	b = fmt.Appendf(b, `{"limit":%d,"offset":%d,"total":%d}}`, page.Limit, page.Offset, page.Total)
	c.Data(status, "application/json; charset=utf-8", b)
	return nil
}

// RawJSON is data a backend has already encoded (a cached page): the server
// writes it into the envelope as it is. Only list routes (with a page) take
// it.
type RawJSON []byte
