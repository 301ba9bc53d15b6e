package datasets

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ErrConflict is returned when a change was made against a stale version
// (someone else changed the row first) or would duplicate a unique name.
var ErrConflict = errors.New("datasets: conflict")

// AlertStatuses are the review states of an alert, in workflow order.
var AlertStatuses = []string{"open", "triage", "investigating", "escalated", "dismissed", "confirmed"}

// alertMoves are the legal status changes. Review goes forward one step at a
// time; an alert can be dismissed from any live state (a false positive is
// often plain at triage), but confirmed only after an investigation
// (investigating or escalated). Dismissed and confirmed are final.
var alertMoves = map[string][]string{
	"open":          {"triage", "dismissed"},
	"triage":        {"investigating", "dismissed"},
	"investigating": {"escalated", "confirmed", "dismissed"},
	"escalated":     {"confirmed", "dismissed"},
}

// NextStatuses returns the statuses an alert in status from may move to
// (none for the final statuses).
func NextStatuses(from string) []string { return slices.Clone(alertMoves[from]) }

// Alert is an integrity alert with its review state. Version goes up by one
// with every change, by a reviewer or by a detector refreshing an open alert.
type Alert struct {
	ID        int64     `json:"id"`
	Type      string    `json:"type"`
	Subject   string    `json:"subject"`
	Severity  float64   `json:"severity"`
	Status    string    `json:"status"`
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	Assignee  string    `json:"assignee"`
	// PConfirmed is the calibrated probability that an officer confirms the
	// alert, learnt from earlier verdicts (null until a calibration model
	// exists, and frozen once the alert is decided); CalibratedBy is that
	// alert-calibration model's version.
	PConfirmed   *float64        `json:"p_confirmed"`
	CalibratedBy int             `json:"calibrated_by"`
	Evidence     json.RawMessage `json:"evidence"`
}

// AlertFilter selects alerts. Zero fields do not filter. From (inclusive)
// and To (exclusive) bound created_at. Limit defaults to DefaultAlertLimit
// and is at most MaxAlertLimit.
type AlertFilter struct {
	Status, Type string
	// Sort is "severity" (the default: most severe first) or "priority"
	// (highest P(confirmed) first, uncalibrated alerts last by severity).
	Sort        string
	MinSeverity float64
	From, To    time.Time
	Limit       int
	Offset      int
}

// Page sizes of ListAlerts.
const (
	DefaultAlertLimit = 50
	MaxAlertLimit     = 500
)

func (f *AlertFilter) validate() error {
	switch {
	case f.Status != "" && !slices.Contains(AlertStatuses, f.Status):
		return &ValidationError{File: "alert filter", Field: "status", Reason: fmt.Sprintf("%q: want one of %v", f.Status, AlertStatuses)}
	case !(f.MinSeverity >= 0 && f.MinSeverity <= 1):
		return &ValidationError{File: "alert filter", Field: "min_severity", Reason: "want 0–1"}
	case f.Limit < 0 || f.Limit > MaxAlertLimit:
		return &ValidationError{File: "alert filter", Field: "limit", Reason: fmt.Sprintf("want 1–%d", MaxAlertLimit)}
	case f.Offset < 0:
		return &ValidationError{File: "alert filter", Field: "offset", Reason: "negative"}
	case alertOrders[f.Sort] == "":
		return &ValidationError{File: "alert filter", Field: "sort", Reason: fmt.Sprintf("%q: want severity or priority", f.Sort)}
	case !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To):
		return &ValidationError{File: "alert filter", Field: "to", Reason: "not after from"}
	}
	if f.Limit == 0 {
		f.Limit = DefaultAlertLimit
	}
	return nil
}

// where returns the SQL condition and arguments of the filter.
func (f AlertFilter) where() (string, []any) {
	conds, args := []string{"true"}, []any{}
	add := func(cond string, arg any) { conds = append(conds, cond); args = append(args, arg) }
	if f.Status != "" {
		add("status = ?", f.Status)
	}
	if f.Type != "" {
		add("type = ?", f.Type)
	}
	if f.MinSeverity > 0 {
		add("severity >= ?", f.MinSeverity)
	}
	if !f.From.IsZero() {
		add("created_at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		add("created_at < ?", f.To.UTC())
	}
	return strings.Join(conds, " AND "), args
}

const alertColumns = `alert_id, type, subject, severity, status, version, created_at,
	coalesce(updated_at, created_at), coalesce(assignee, ''), p_confirmed, coalesce(calibrated_by, 0), evidence`

func scanAlert(sc scanner) (Alert, error) {
	var a Alert
	var evidence string
	var p sql.NullFloat64
	err := sc.Scan(&a.ID, &a.Type, &a.Subject, &a.Severity, &a.Status, &a.Version,
		&a.CreatedAt, &a.UpdatedAt, &a.Assignee, &p, &a.CalibratedBy, &evidence)
	if p.Valid {
		a.PConfirmed = &p.Float64
	}
	a.CreatedAt, a.UpdatedAt, a.Evidence = a.CreatedAt.UTC(), a.UpdatedAt.UTC(), json.RawMessage(evidence)
	return a, err
}

// alertOrders are the orders of AlertFilter.Sort.
var alertOrders = map[string]string{
	"":         "severity DESC, alert_id",
	"severity": "severity DESC, alert_id",
	"priority": "p_confirmed DESC NULLS LAST, severity DESC, alert_id",
}

// ListAlerts returns one page of the alerts f selects in f.Sort's order
// (most severe first by default; ties by id), and how many f selects in all.
func (s *Store) ListAlerts(ctx context.Context, f AlertFilter) ([]Alert, int, error) {
	if err := f.validate(); err != nil {
		return nil, 0, err
	}
	where, args := f.where()
	var total int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM alerts WHERE "+where, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("datasets: list alerts: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+alertColumns+" FROM alerts WHERE "+where+
		" ORDER BY "+alertOrders[f.Sort]+" LIMIT ? OFFSET ?", append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, fmt.Errorf("datasets: list alerts: %w", err)
	}
	defer rows.Close()
	alerts := []Alert{}
	for rows.Next() {
		a, err := scanAlert(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("datasets: list alerts: %w", err)
		}
		alerts = append(alerts, a)
	}
	return alerts, total, rows.Err()
}

// GetAlert returns one alert with its evidence pack, or ErrNotFound.
func (s *Store) GetAlert(ctx context.Context, id int64) (Alert, error) {
	return getAlert(ctx, s.db, id)
}

// queryRower is a *sql.DB or *sql.Tx.
type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func getAlert(ctx context.Context, q queryRower, id int64) (Alert, error) {
	a, err := scanAlert(q.QueryRowContext(ctx, "SELECT "+alertColumns+" FROM alerts WHERE alert_id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return Alert{}, fmt.Errorf("datasets: alert %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return Alert{}, fmt.Errorf("datasets: alert %d: %w", id, err)
	}
	return a, nil
}

// AlertChange is one review step: a status move, a comment, a new assignee,
// or any mix, made by Actor against the alert's Version. Empty Status keeps
// the status; empty Assignee keeps the assignee.
type AlertChange struct {
	Status   string `json:"status"`
	Version  int    `json:"version"`
	Comment  string `json:"comment"`
	Assignee string `json:"assignee"`
	Actor    string `json:"-"`
}

// MaxCommentBytes bounds a review comment.
const MaxCommentBytes = 4000

func (ch AlertChange) validate(id int64) error {
	bad := func(field, reason string) error {
		return &ValidationError{File: "alert " + strconv.FormatInt(id, 10), Field: field, Reason: reason}
	}
	switch {
	case ch.Actor == "":
		return bad("actor", "empty")
	case ch.Version < 1:
		return bad("version", "required: the version the change was made against")
	case ch.Status != "" && !slices.Contains(AlertStatuses, ch.Status):
		return bad("status", fmt.Sprintf("%q: want one of %v", ch.Status, AlertStatuses))
	case len(ch.Comment) > MaxCommentBytes:
		return bad("comment", fmt.Sprintf("longer than %d bytes", MaxCommentBytes))
	case len(ch.Assignee) > 64:
		return bad("assignee", "longer than 64 bytes")
	case ch.Status == "" && ch.Comment == "" && ch.Assignee == "":
		return bad("status", "nothing to change: give a status, a comment or an assignee")
	}
	return nil
}

// UpdateAlert applies one review step under optimistic locking: it fails
// with ErrConflict when the alert is no longer at ch.Version, and with an
// error wrapping ErrInvalid when the status move is not legal (NextStatuses).
// The change, its audit entry (action "alert.update", subject "alert:<id>",
// detail {from, to, version, comment, assignee}) and, for a move to confirmed
// or dismissed, the training label in alert_labels are one transaction.
// It returns the alert as changed (Version is ch.Version+1).
func (s *Store) UpdateAlert(ctx context.Context, id int64, ch AlertChange) (Alert, error) {
	if err := ch.validate(id); err != nil {
		return Alert{}, err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if ch.Status == "confirmed" || ch.Status == "dismissed" { // a new training label
		defer s.writing()()
	}
	var out Alert
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		a, err := getAlert(ctx, tx, id)
		if err != nil {
			return err
		}
		if a.Version != ch.Version {
			return fmt.Errorf("datasets: alert %d is at version %d, the change was made against %d: %w", id, a.Version, ch.Version, ErrConflict)
		}
		from := a.Status
		if ch.Status != "" && ch.Status != a.Status {
			if !slices.Contains(alertMoves[a.Status], ch.Status) {
				return &ValidationError{File: fmt.Sprintf("alert %d", id), Field: "status",
					Reason: fmt.Sprintf("cannot move from %s to %s (allowed: %v)", a.Status, ch.Status, alertMoves[a.Status])}
			}
			a.Status = ch.Status
		}
		if ch.Assignee != "" {
			a.Assignee = ch.Assignee
		}
		a.Version++
		a.UpdatedAt = time.Now().UTC().Truncate(time.Microsecond)
		if _, err := tx.ExecContext(ctx, "UPDATE alerts SET status = ?, version = ?, updated_at = ?, assignee = ? WHERE alert_id = ?",
			a.Status, a.Version, a.UpdatedAt, a.Assignee, id); err != nil {
			return err
		}
		e, err := appendAudit(ctx, tx, ch.Actor, "alert.update", fmt.Sprintf("alert:%d", id), map[string]any{
			"from": from, "to": a.Status, "version": a.Version, "comment": ch.Comment, "assignee": a.Assignee})
		if err != nil {
			return err
		}
		out = a
		if from == a.Status || (a.Status != "confirmed" && a.Status != "dismissed") {
			return nil
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO alert_labels (alert_id, type, subject, label, severity, decided_by, decided_at, audit_seq)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, a.Type, a.Subject, a.Status, a.Severity, ch.Actor, a.UpdatedAt, e.Seq)
		return err
	})
	if err != nil {
		return Alert{}, fmt.Errorf("datasets: update alert %d: %w", id, err)
	}
	return out, nil
}

// AlertAudit returns the audit trail of one alert (its status moves,
// comments and assignments, oldest first), or ErrNotFound for no such alert.
func (s *Store) AlertAudit(ctx context.Context, id int64) ([]AuditEntry, error) {
	if _, err := s.GetAlert(ctx, id); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, "SELECT "+auditColumns+" FROM audit_log WHERE subject = ? ORDER BY seq", fmt.Sprintf("alert:%d", id))
	if err != nil {
		return nil, fmt.Errorf("datasets: alert %d audit: %w", id, err)
	}
	defer rows.Close()
	entries := []AuditEntry{}
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return nil, fmt.Errorf("datasets: alert %d audit: %w", id, err)
		}
		entries = append(entries, e)
	}
	return entries, rows.Err()
}
