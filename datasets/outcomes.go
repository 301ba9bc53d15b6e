package datasets

import (
	"context"
	"fmt"
)

// Outcome is what became of a youth athlete: the senior level reached
// (elite, national, provincial, recreational) and, for simulated athletes,
// the latent potential the simulator planted.
type Outcome struct {
	SeniorLevel string
	Potential   float64
}

// Outcomes returns the outcome of each athlete of a source, by athlete id:
// the register that talent models are trained on, for cohorts old enough for
// it to be known, and evaluated against.
//
// Podium has no public register of senior outcomes for youth athletes, so the
// register is the simulator's planted truth (truth_athletes, source "sim").
// Callers train only on the cohorts whose outcomes count as known and
// evaluate on the others; a ranked athlete's own outcome never enters his
// score.
func (s *Store) Outcomes(ctx context.Context, source string) (map[int64]Outcome, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT al.athlete_id, t.senior_level, t.potential
		FROM truth_athletes t JOIN athlete_aliases al ON al.source = ? AND al.source_id = t.source_id`, source)
	if err != nil {
		return nil, fmt.Errorf("datasets: outcomes: %w", err)
	}
	defer rows.Close()
	out := map[int64]Outcome{}
	for rows.Next() {
		var id int64
		var o Outcome
		if err := rows.Scan(&id, &o.SeniorLevel, &o.Potential); err != nil {
			return nil, fmt.Errorf("datasets: outcomes: %w", err)
		}
		out[id] = o
	}
	return out, rows.Err()
}
