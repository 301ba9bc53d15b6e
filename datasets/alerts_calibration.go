package datasets

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"time"
)

// AlertLabel is an officer's final verdict on an alert: the training label
// of the alert-calibration model.
type AlertLabel struct {
	AlertID   int64     `json:"alert_id"`
	Type      string    `json:"type"`
	Subject   string    `json:"subject"`
	Confirmed bool      `json:"confirmed"`
	Severity  float64   `json:"severity"` // the detector's severity when decided
	DecidedBy string    `json:"decided_by"`
	DecidedAt time.Time `json:"decided_at"`
}

// AlertLabels returns every verdict, oldest decision first (ties by alert
// id): the order a time-split evaluation needs.
func (s *Store) AlertLabels(ctx context.Context) ([]AlertLabel, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT alert_id, type, subject, label = 'confirmed', severity, decided_by, decided_at
		FROM alert_labels ORDER BY decided_at, alert_id`)
	if err != nil {
		return nil, fmt.Errorf("datasets: alert labels: %w", err)
	}
	defer rows.Close()
	var out []AlertLabel
	for rows.Next() {
		var l AlertLabel
		if err := rows.Scan(&l.AlertID, &l.Type, &l.Subject, &l.Confirmed, &l.Severity, &l.DecidedBy, &l.DecidedAt); err != nil {
			return nil, fmt.Errorf("datasets: alert labels: %w", err)
		}
		l.DecidedAt = l.DecidedAt.UTC()
		out = append(out, l)
	}
	return out, rows.Err()
}

// UndecidedAlerts returns the id, type, subject, severity, status and
// version of every alert not yet confirmed or dismissed (no evidence), by id:
// the alerts a new calibration rescores.
func (s *Store) UndecidedAlerts(ctx context.Context) ([]Alert, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT alert_id, type, subject, severity, status, version FROM alerts
		WHERE status NOT IN ('confirmed', 'dismissed') ORDER BY alert_id`)
	if err != nil {
		return nil, fmt.Errorf("datasets: undecided alerts: %w", err)
	}
	defer rows.Close()
	var out []Alert
	for rows.Next() {
		var a Alert
		if err := rows.Scan(&a.ID, &a.Type, &a.Subject, &a.Severity, &a.Status, &a.Version); err != nil {
			return nil, fmt.Errorf("datasets: undecided alerts: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// CalibrateAlerts sets P(confirmed) of the given alerts to the values of
// alert-calibration model version, in one transaction. Alerts decided in the
// meantime keep the score they were decided with. The review version does not
// move: the score is derived, not a review step (the retrain that produced
// it is audited). Values outside 0–1 reject the whole call with ErrInvalid.
func (s *Store) CalibrateAlerts(ctx context.Context, version int, p map[int64]float64) (int, error) {
	for id, v := range p {
		if !(v >= 0 && v <= 1) || math.IsNaN(v) {
			return 0, fmt.Errorf("datasets: calibrate alert %d: P(confirmed) %v outside 0–1: %w", id, v, ErrInvalid)
		}
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	var n int
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for id, v := range p {
			res, err := tx.ExecContext(ctx, `UPDATE alerts SET p_confirmed = ?, calibrated_by = ?
				WHERE alert_id = ? AND status NOT IN ('confirmed', 'dismissed')`, v, version, id)
			if err != nil {
				return err
			}
			k, _ := res.RowsAffected()
			n += int(k)
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("datasets: calibrate alerts: %w", err)
	}
	return n, nil
}
