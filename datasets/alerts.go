package datasets

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"
)

// NewAlert is one finding of an integrity detector, to be reviewed by an
// integrity officer. Type and Subject identify it: the same detector finding
// the same subject again refreshes the open alert instead of raising a second.
type NewAlert struct {
	Type     string          // detector finding, e.g. "odds-steam", "blood-passport"
	Subject  string          // what it is about: "match:<id>", "athlete:<id>", "referee:<name>"
	Severity float64         // 0–1, higher is more urgent
	Evidence json.RawMessage // JSON evidence pack (signals, values, reference ranges, chart data)
}

// AlertsReport counts what UpsertAlerts did.
type AlertsReport struct {
	Created   int `json:"created"`
	Refreshed int `json:"refreshed"` // open alerts whose severity or evidence changed
	Unchanged int `json:"unchanged"` // open alerts found again with the same evidence
	Decided   int `json:"decided"`   // findings on alerts already past "open": left as reviewed
}

// UpsertAlerts records detector findings in one transaction: new (type,
// subject) pairs become open alerts at version 1; an open alert found again
// takes the new severity and evidence and its version goes up by one when
// either changed (so a reviewer holding the old version gets a conflict);
// alerts already triaged or decided are never reopened or rewritten.
// Invalid input (empty type or subject, severity outside 0–1, evidence that is
// not a JSON object) rejects the whole call with ErrInvalid.
func (s *Store) UpsertAlerts(ctx context.Context, alerts []NewAlert) (*AlertsReport, error) {
	for i, a := range alerts {
		if err := a.validate(); err != nil {
			return nil, fmt.Errorf("datasets: alert %d (%s %s): %w", i, a.Type, a.Subject, err)
		}
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	rep := &AlertsReport{}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var next int64
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(alert_id), 0) + 1 FROM alerts").Scan(&next); err != nil {
			return err
		}
		now := time.Now().UTC()
		for _, a := range alerts {
			var id int64
			var status, evidence string
			var severity float64
			err := tx.QueryRowContext(ctx,
				"SELECT alert_id, status, severity, evidence FROM alerts WHERE type = ? AND subject = ?",
				a.Type, a.Subject).Scan(&id, &status, &severity, &evidence)
			switch {
			case err == sql.ErrNoRows:
				if _, err := tx.ExecContext(ctx, `INSERT INTO alerts
					(alert_id, type, subject, severity, status, version, created_at, evidence, updated_at, assignee)
					VALUES (?, ?, ?, ?, 'open', 1, ?, ?, ?, '')`,
					next, a.Type, a.Subject, a.Severity, now, string(a.Evidence), now); err != nil {
					return err
				}
				next++
				rep.Created++
			case err != nil:
				return err
			case status != "open":
				rep.Decided++
			case severity == a.Severity && evidence == string(a.Evidence):
				rep.Unchanged++
			default:
				if _, err := tx.ExecContext(ctx,
					"UPDATE alerts SET severity = ?, evidence = ?, version = version + 1, updated_at = ? WHERE alert_id = ?",
					a.Severity, string(a.Evidence), now, id); err != nil {
					return err
				}
				rep.Refreshed++
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("datasets: upsert alerts: %w", err)
	}
	return rep, nil
}

func (a NewAlert) validate() error {
	switch {
	case a.Type == "":
		return fmt.Errorf("type: empty: %w", ErrInvalid)
	case a.Subject == "":
		return fmt.Errorf("subject: empty: %w", ErrInvalid)
	case !(a.Severity >= 0 && a.Severity <= 1):
		return fmt.Errorf("severity: %v outside 0–1: %w", a.Severity, ErrInvalid)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(a.Evidence, &obj); err != nil || obj == nil {
		return fmt.Errorf("evidence: not a JSON object: %w", ErrInvalid)
	}
	return nil
}

// inTx runs f in one transaction, committed when f returns nil and rolled
// back otherwise.
func (s *Store) inTx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
