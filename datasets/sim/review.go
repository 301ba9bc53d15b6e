package sim

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/podium-sport/podium/datasets"
)

// Reviewer is the alert workflow a simulated officer works through
// (*datasets.Store).
type Reviewer interface {
	Query(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	UndecidedAlerts(ctx context.Context) ([]datasets.Alert, error)
	UpdateAlert(ctx context.Context, id int64, ch datasets.AlertChange) (datasets.Alert, error)
}

// ReviewConfig sets a simulated officer's workload and reliability.
type ReviewConfig struct {
	Seed      uint64
	Share     float64 // of the open, checkable alerts, the share decided (default 0.6)
	ErrorRate float64 // chance that a verdict is the wrong one (default 0.05)
	Actor     string  // default "sim-officer"
}

// ReviewSummary counts a simulated officer's verdicts.
type ReviewSummary struct {
	Checkable int `json:"checkable"` // open alerts whose type the planted truth can settle
	Confirmed int `json:"confirmed"`
	Dismissed int `json:"dismissed"`
	Wrong     int `json:"wrong"` // verdicts that contradict the planted truth
}

// reviewTruth maps an alert type to the planted truth kind that settles it.
// Other types (entity runs, birth-date heaping, data quality) need judgement
// the simulator cannot stand in for: they stay open.
var reviewTruth = map[string]string{
	"match-fixing":   KindFixedMatch,
	"performance":    KindDopingJump,
	"blood-passport": KindBloodManipulation,
	"age-growth":     KindAgeFraud,
	"age-birth-date": KindAgeFraud,
}

// plantedSubjectsSQL gives each planted case as an alert subject and kind.
const plantedSubjectsSQL = `
SELECT DISTINCT 'athlete:' || al.athlete_id, e.kind FROM truth_events e
JOIN athlete_aliases al ON al.source = 'sim' AND al.source_id = e.subject WHERE e.kind <> 'fixed-match'
UNION
SELECT 'match:' || m.match_id, e.kind FROM truth_events e
JOIN matches m ON m.source = 'sim' AND m.source_id = e.subject WHERE e.kind = 'fixed-match'`

// Review stands in for an integrity officer in the demo and in tests: it
// decides a seeded share of the open alerts whose type the planted truth can
// settle, in a seeded order across the queue, through the real review workflow (every step
// audited as cfg.Actor): a planted case is triaged, investigated and
// confirmed; anything else is dismissed — except that each verdict is the
// wrong one with probability cfg.ErrorRate, as officers err. Alerts already
// in review are left alone.
func Review(ctx context.Context, st Reviewer, cfg ReviewConfig) (*ReviewSummary, error) {
	if cfg.Share == 0 {
		cfg.Share = 0.6
	}
	if cfg.ErrorRate == 0 {
		cfg.ErrorRate = 0.05
	}
	if cfg.Actor == "" {
		cfg.Actor = "sim-officer"
	}
	if !(cfg.Share > 0 && cfg.Share <= 1) || !(cfg.ErrorRate >= 0 && cfg.ErrorRate < 0.5) {
		return nil, fmt.Errorf("sim: review share %v, error rate %v: want (0, 1] and [0, 0.5)", cfg.Share, cfg.ErrorRate)
	}
	planted, err := plantedSubjects(ctx, st)
	if err != nil {
		return nil, err
	}
	alerts, err := st.UndecidedAlerts(ctx)
	if err != nil {
		return nil, err
	}
	r := newRNG()
	order := r.at(cfg.Seed, purposeReview, 0).Perm(len(alerts)) // officers pick alerts across the queue, not by id
	sum := &ReviewSummary{}
	comment := fmt.Sprintf("simulated verdict: planted truth, wrong with probability %.2f", cfg.ErrorRate)
	for _, i := range order {
		a := alerts[i]
		kind, ok := reviewTruth[a.Type]
		if !ok || a.Status != "open" {
			continue
		}
		sum.Checkable++
		r.at(cfg.Seed, purposeReview, uint64(a.ID)+1)
		if !r.bernoulli(cfg.Share) {
			continue
		}
		truth := planted[a.Subject][kind]
		confirm := truth != r.bernoulli(cfg.ErrorRate)
		if err := decide(ctx, st, a, confirm, cfg.Actor, comment); err != nil {
			return sum, err
		}
		if confirm {
			sum.Confirmed++
		} else {
			sum.Dismissed++
		}
		if confirm != truth {
			sum.Wrong++
		}
	}
	return sum, nil
}

// decide walks one alert to its verdict.
func decide(ctx context.Context, st Reviewer, a datasets.Alert, confirm bool, actor, comment string) error {
	steps := []string{"dismissed"}
	if confirm {
		steps = []string{"triage", "investigating", "confirmed"}
	}
	v := a.Version
	for _, s := range steps {
		next, err := st.UpdateAlert(ctx, a.ID, datasets.AlertChange{Status: s, Version: v, Comment: comment, Actor: actor})
		if err != nil {
			return fmt.Errorf("sim: review alert %d: %w", a.ID, err)
		}
		v = next.Version
	}
	return nil
}

func plantedSubjects(ctx context.Context, st Reviewer) (map[string]map[string]bool, error) {
	rows, err := st.Query(ctx, plantedSubjectsSQL)
	if err != nil {
		return nil, fmt.Errorf("sim: planted cases: %w", err)
	}
	defer rows.Close()
	out := map[string]map[string]bool{}
	for rows.Next() {
		var subject, kind string
		if err := rows.Scan(&subject, &kind); err != nil {
			return nil, fmt.Errorf("sim: planted cases: %w", err)
		}
		if out[subject] == nil {
			out[subject] = map[string]bool{}
		}
		out[subject][kind] = true
	}
	return out, rows.Err()
}
