package datasets

import (
	"context"
	"fmt"
)

// StatsTables lists the tables that Stats counts, in display order.
var StatsTables = []string{
	"athletes", "athlete_aliases", "competitions", "results", "matches", "odds",
	"physio_tests", "ingest_batches", "truth_athletes", "truth_events",
	"users", "alerts", "audit_log", "model_versions",
}

// Stats is a row count per table.
type Stats struct {
	Tables map[string]int64 `json:"tables"`
	Schema int              `json:"schema_version"`
}

// Stats counts the rows of every table in StatsTables.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Tables: make(map[string]int64, len(StatsTables))}
	for _, t := range StatsTables {
		var n int64
		if err := s.QueryRow(ctx, "SELECT count(*) FROM "+t, nil, &n); err != nil {
			return st, fmt.Errorf("datasets: stats %s: %w", t, err)
		}
		st.Tables[t] = n
	}
	v, err := s.SchemaVersion(ctx)
	st.Schema = v
	return st, err
}
