package bench

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"time"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/features"
)

//go:embed progression.py
var pandasScript []byte

// exportSQL writes the simulated athletes and results as CSV files in the
// ingestion contract (the simulator's source ids, competitions by name).
var exportSQL = []string{
	`COPY (SELECT al.source_id, a.name, a.sex, a.birth_date, coalesce(a.province, '') AS province,
	        a.nationality, a.height_cm, a.hand
	      FROM athletes a JOIN athlete_aliases al USING (athlete_id) ORDER BY al.source_id)
	 TO '%s' (HEADER)`,
	`COPY (SELECT al.source_id AS athlete_source_id, r.date, r.sport, r.discipline, r.mark, r.unit,
	        r.lower_is_better, r.sex, r.wind, r.round, r.place, c.name AS competition, r.level, r.venue, r.source_ref
	      FROM results r JOIN athlete_aliases al ON al.athlete_id = r.athlete_id
	      LEFT JOIN competitions c USING (competition_id))
	 TO '%s' (HEADER)`,
}

func (r *runner) export(ctx context.Context) error {
	r.stage("export CSV (not timed)")
	st, err := datasets.Open(ctx, r.path("sim.duckdb"))
	if err != nil {
		return err
	}
	defer st.Close()
	for i, f := range []string{"athletes.csv", "results.csv"} {
		if _, err := st.Exec(ctx, fmt.Sprintf(exportSQL[i], r.path(f))); err != nil {
			return fmt.Errorf("bench: export %s: %w", f, err)
		}
	}
	return nil
}

func (r *runner) ingest(ctx context.Context) error {
	st, err := datasets.Open(ctx, r.path("bench.duckdb"))
	if err != nil {
		return err
	}
	defer st.Close()
	c, err := r.measure("ingest", func() (int64, error) {
		var load datasets.Load
		for _, f := range []struct {
			kind datasets.Kind
			name string
		}{{datasets.KindAthletes, "athletes.csv"}, {datasets.KindResults, "results.csv"}} {
			part, closer, err := st.OpenFile(ctx, f.kind, "bench", r.path(f.name))
			if err != nil {
				return 0, err
			}
			defer closer.Close()
			load.Parts = append(load.Parts, part)
		}
		rep, err := st.Ingest(ctx, load)
		if err != nil {
			return 0, err
		}
		var rows int64
		for _, p := range rep.Parts {
			rows += p.Rows
			switch p.Kind {
			case datasets.KindResults:
				r.rep.Results = p.Rows
			case datasets.KindAthletes:
				r.rep.Athletes = p.Rows
			}
		}
		return rows, nil
	})
	if err != nil {
		return err
	}
	r.rep.IngestRowsPerS = c.RowsPerS
	return nil
}

// cut is the cut-off of the feature cases: everything loaded.
func cut() features.Cutoff { return features.AsOfDate(time.Now()) }

func (r *runner) features(ctx context.Context) error {
	st, err := datasets.Open(ctx, r.path("bench.duckdb"))
	if err != nil {
		return err
	}
	defer st.Close()
	q, args, err := features.Query(features.Progression, cut())
	if err != nil {
		return err
	}
	cases := []struct {
		name string
		f    func() (int64, error)
	}{
		{"features-arrow", func() (int64, error) { return arrowRows(ctx, st) }},
		{"duckdb-alone", func() (int64, error) { return duckdbAlone(ctx, st, q, args) }},
		{"sql-scan", func() (int64, error) { return scanRows(ctx, st, q, args) }},
	}
	for _, c := range cases {
		r.stage(c.name)
		peak := startPeak()
		secs, rows, err := median(c.f)
		if err != nil {
			return fmt.Errorf("bench: %s: %w", c.name, err)
		}
		r.add(Case{Name: c.name, Rows: r.rep.Results, Seconds: secs, PeakRSSMB: peak(), Out: rows})
	}
	return nil
}

func arrowRows(ctx context.Context, st *datasets.Store) (int64, error) {
	rr, err := features.Compute(ctx, st, features.Progression, cut())
	if err != nil {
		return 0, err
	}
	defer rr.Release()
	var n int64
	for rr.Next() {
		n += rr.Record().NumRows()
	}
	return n, rr.Err()
}

func duckdbAlone(ctx context.Context, st *datasets.Store, q string, args []any) (int64, error) {
	rr, err := st.QueryArrow(ctx, "SELECT count(*) AS n, max(COLUMNS(*)) FROM (\n"+q+"\n)", args...)
	if err != nil {
		return 0, err
	}
	defer rr.Release()
	if !rr.Next() {
		return 0, fmt.Errorf("no row")
	}
	return rr.Record().Column(0).(interface{ Value(int) int64 }).Value(0), nil
}

// scanRows reads every row and column through database/sql.
func scanRows(ctx context.Context, st *datasets.Store, q string, args []any) (int64, error) {
	rows, err := st.Query(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var n int64
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return 0, err
		}
		n++
	}
	return n, rows.Err()
}

// pandasRows is the input of the pandas case: the results the progression
// set reads, as of the same cut-off.
var pandasRows = features.Set{Name: "bench_rows",
	SQL: "SELECT athlete_id, sport, discipline, unit, lower_is_better, mark, age_years, date, result_id FROM results"}

func (r *runner) pandas(ctx context.Context) error {
	if r.cfg.Python == "" {
		return nil
	}
	r.stage("pandas (export not timed)")
	input, script := r.path("rows.csv"), r.path("progression.py")
	if err := r.exportRows(ctx, input); err != nil {
		return err
	}
	if err := os.WriteFile(script, pandasScript, 0o644); err != nil {
		return err
	}
	var out, errOut bytes.Buffer
	cmd := exec.CommandContext(ctx, r.cfg.Python, script, input)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("bench: pandas: %w: %s", err, strings.TrimSpace(errOut.String()))
	}
	var res struct {
		Seconds float64 `json:"seconds"`
		Rows    int64   `json:"rows"`
	}
	if err := json.Unmarshal(out.Bytes(), &res); err != nil {
		return fmt.Errorf("bench: pandas output %q: %w", out.String(), err)
	}
	c := Case{Name: "pandas", Rows: r.rep.Results, Out: res.Rows, Seconds: res.Seconds,
		Note: "computation only, after loading the rows"}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		c.PeakRSSMB = float64(ru.Maxrss) / 1024
	}
	for _, other := range r.rep.Cases {
		if other.Name == "features-arrow" && other.Out != c.Out {
			return fmt.Errorf("bench: pandas computed %d rows, the feature set %d", c.Out, other.Out)
		}
	}
	r.add(c)
	os.Remove(input)
	return nil
}

// exportRows writes the pandas input as CSV (Debian has no pyarrow for
// Parquet; loading is not timed, so the format does not matter).
func (r *runner) exportRows(ctx context.Context, path string) error {
	st, err := datasets.Open(ctx, r.path("bench.duckdb"))
	if err != nil {
		return err
	}
	defer st.Close()
	q, args, err := features.Query(pandasRows, cut())
	if err != nil {
		return err
	}
	for _, s := range []struct {
		sql  string
		args []any
	}{
		{"CREATE OR REPLACE TABLE bench_rows AS " + q, args},
		{fmt.Sprintf("COPY bench_rows TO '%s' (HEADER)", path), nil},
		{"DROP TABLE bench_rows", nil},
	} {
		if _, err := st.Exec(ctx, s.sql, s.args...); err != nil {
			return fmt.Errorf("bench: export for pandas: %w", err)
		}
	}
	return nil
}

// extras run the caller's model cases on the simulated database: the same
// rows as the ingested one, plus the outcome register (the simulator's
// truth) that training needs.
func (r *runner) extras(ctx context.Context) error {
	defer removeAll(r.path("sim.duckdb"))
	if len(r.cfg.Extra) == 0 {
		return nil
	}
	st, err := datasets.Open(ctx, r.path("sim.duckdb"))
	if err != nil {
		return err
	}
	defer st.Close()
	for _, e := range r.cfg.Extra {
		if _, err := r.measure(e.Name, func() (int64, error) { return e.Run(ctx, st) }); err != nil {
			return err
		}
	}
	return nil
}
