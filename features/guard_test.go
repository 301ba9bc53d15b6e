package features

import (
	"context"
	"errors"
	"testing"
)

// TestGuard checks which set bodies may run: only those reading the cut-off
// views and their own CTEs, deterministically.
func TestGuard(t *testing.T) {
	st := fixtureStore(t)
	// A macro in the database could read a base table behind a function call.
	exec(t, st, "CREATE MACRO peek() AS (SELECT max(mark) FROM main.results)")
	tests := []struct {
		name string
		sql  string
		ok   bool
	}{
		{"view", "SELECT count(*) FROM results", true},
		{"join of views", "SELECT a.athlete_id, p.test FROM athletes a JOIN physio_tests p USING (athlete_id)", true},
		{"own CTE", "WITH r AS (SELECT * FROM results) SELECT count(*) FROM r", true},
		{"comment, CTE chain and range", "-- c\n/* d */ WITH a AS (SELECT 1 AS x), b AS (SELECT x FROM a) SELECT * FROM b, range(3)", true},
		{"subquery on a view", "SELECT * FROM results WHERE athlete_id IN (SELECT athlete_id FROM athletes)", true},
		{"whole-match view", "SELECT count(*) FROM matches", true},

		{"schema-qualified base table", "SELECT * FROM main.results", false},
		{"catalog-qualified base table", "SELECT * FROM features.results", false},
		{"fully qualified", "SELECT * FROM features.main.results", false},
		{"base table in a subquery", "SELECT * FROM results WHERE athlete_id IN (SELECT athlete_id FROM main.athletes)", false},
		{"base table without a view", "SELECT * FROM odds", false},
		{"internal cut-off table", "SELECT * FROM cutoff_athletes", false},
		{"CTE reading its own name", "WITH odds AS (SELECT * FROM odds) SELECT * FROM odds", false},
		{"CTE reading a later CTE", "WITH a AS (SELECT * FROM competitions), competitions AS (SELECT 1) SELECT * FROM a", false},
		{"CTE shadowing a view", "WITH results AS (SELECT 1) SELECT * FROM results", false},
		{"recursive CTE", "WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3) SELECT * FROM t", false},
		{"file scan", "SELECT * FROM 'results.csv'", false},
		{"read_parquet", "SELECT * FROM read_parquet('x.parquet')", false},
		{"summarize", "SELECT * FROM (SUMMARIZE main.results)", false},
		{"two statements", "SELECT 1; SELECT 2", false},
		{"not a select", "DELETE FROM results", false},
		{"syntax error", "SELEC 1", false},
		{"parameter", "SELECT * FROM results WHERE date <= $1", false},
		{"current_date", "SELECT * FROM results WHERE date <= current_date", false},
		{"now()", "SELECT now()", false},
		{"random()", "SELECT random() FROM results", false},
		{"macro of the database", "SELECT peek() AS best FROM results", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkSQL(context.Background(), st, tt.sql)
			if tt.ok {
				if err != nil {
					t.Fatalf("rejected: %v", err)
				}
				// An accepted body runs over the views.
				q, args := assemble(tt.sql, AsOfDate(day("2017-12-31")))
				rr, err := st.QueryArrow(context.Background(), q, args...)
				if err != nil {
					t.Fatalf("accepted but does not run: %v\n%s", err, q)
				}
				rr.Release()
				return
			}
			if !errors.Is(err, ErrUnsafeSet) {
				t.Errorf("error %v, want ErrUnsafeSet", err)
			}
		})
	}
}

// TestComputeRejectsUnsafeSet checks that Compute runs the guard on a set
// that is not registered.
func TestComputeRejectsUnsafeSet(t *testing.T) {
	st := fixtureStore(t)
	set := Set{Name: "peek", Version: 1, SQL: "SELECT count(*) AS n FROM main.results",
		Columns: []Column{{"n", "int64", ""}}}
	if _, err := Compute(context.Background(), st, set, AsOfAge(18)); !errors.Is(err, ErrUnsafeSet) {
		t.Errorf("Compute(%q) error %v, want ErrUnsafeSet", set.SQL, err)
	}
}
