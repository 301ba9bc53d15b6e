package datasets

import (
	"fmt"
	"os"
	"strings"
	"time"
)

// traceSQL prints each merge statement's duration when PODIUM_TRACE_SQL is set.
func traceSQL(t0 time.Time, query string) {
	if os.Getenv("PODIUM_TRACE_SQL") != "" {
		q := strings.Join(strings.Fields(query), " ")
		fmt.Fprintf(os.Stderr, "%8.3fs %.110s\n", time.Since(t0).Seconds(), q)
	}
}

// merge checks a staged part against the database (references, duplicates,
// identity contradictions) and upserts it by the kind's natural key:
//
//	athletes  (source, source_id) → identity resolution, see identity.go
//	results   (source, source_ref) when source_ref is given, else
//	          (athlete, sport, discipline, date or age, round, competition)
//	physio    (athlete, date, test)
//	matches   (source, match_source_id)
//	odds      (match, bookmaker, market, selection, line, phase, captured_at)
func (ld *loader) merge(sp *stagedPart, pr *PartReport) error {
	var err error
	switch sp.Kind {
	case KindAthletes:
		err = ld.mergeAthletes(sp, pr)
	case KindResults:
		err = ld.mergeResults(sp, pr)
	case KindPhysio:
		err = ld.mergePhysio(sp, pr)
	case KindMatches:
		err = ld.mergeMatches(sp, pr)
	case KindOdds:
		err = ld.mergeOdds(sp, pr)
	}
	if err != nil {
		return err
	}
	if sp.probs.total > 0 {
		return &LoadError{Problems: sp.probs.list}
	}
	return nil
}

// bind replaces $source in query with the part's source as an SQL literal.
func bind(sp *stagedPart, query string) string {
	return strings.ReplaceAll(query, "$source", "'"+strings.ReplaceAll(sp.Source, "'", "''")+"'")
}

func (ld *loader) exec(sp *stagedPart, query string, args ...any) (int64, error) {
	query = bind(sp, query)
	t0 := time.Now()
	defer func() { traceSQL(t0, query) }()
	res, err := ld.conn.ExecContext(ld.ctx, query, args...)
	if err != nil {
		return 0, fmt.Errorf("datasets: ingest %s: %w\n%s", sp.File, err, query)
	}
	n, _ := res.RowsAffected()
	return n, nil
}

func (ld *loader) count(sp *stagedPart, query string, args ...any) (int64, error) {
	var n int64
	query = bind(sp, query)
	t0 := time.Now()
	defer func() { traceSQL(t0, query) }()
	if err := ld.conn.QueryRowContext(ld.ctx, query, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("datasets: ingest %s: %w\n%s", sp.File, err, query)
	}
	return n, nil
}

// collect runs query, which yields (src_line, field, reason), into the
// part's problems. It reports whether any was found.
func (ld *loader) collect(sp *stagedPart, query string, args ...any) (bool, error) {
	query = bind(sp, query)
	t0 := time.Now()
	defer func() { traceSQL(t0, query) }()
	rows, err := ld.conn.QueryContext(ld.ctx, query+fmt.Sprintf(" ORDER BY 1 LIMIT %d", maxKept), args...)
	if err != nil {
		return false, fmt.Errorf("datasets: check %s: %w\n%s", sp.File, err, query)
	}
	defer rows.Close()
	found := false
	for rows.Next() {
		var line int64
		var field, reason string
		if err := rows.Scan(&line, &field, &reason); err != nil {
			return false, fmt.Errorf("datasets: check %s: %w", sp.File, err)
		}
		sp.probs.add(line, field, reason)
		found = true
	}
	return found, rows.Err()
}

// duplicateCheck reports every row of table whose key repeats an earlier row's.
func (ld *loader) duplicateCheck(sp *stagedPart, table, key, what string) (bool, error) {
	return ld.collect(sp, fmt.Sprintf(`SELECT src_line, 'row', 'duplicate of line ' || first || ' (%s)' FROM (
		SELECT src_line, min(src_line) OVER (PARTITION BY %s) AS first FROM %s) WHERE src_line <> first`, what, key, table))
}

// upsert writes the normalised rows of table n (with column src_line) into
// target: rows whose key matches an existing row update it when any column
// differs; the others are inserted, with ids from idCol's maximum upwards.
type upsert struct {
	target string
	idCol  string   // "" when the table has no surrogate id
	key    []string // natural key columns, compared NULL-safely
	cols   []string // the other columns written, besides batch_id
	// scope, when set, is a key column that narrows the existing rows
	// compared to those sharing one of the part's values (odds: match_id),
	// so that a part's cost does not grow with the table.
	scope string
}

// targetRows is the existing rows a part can overlap.
func (u upsert) targetRows(n string) string {
	if u.scope == "" {
		return u.target
	}
	return fmt.Sprintf("(SELECT * FROM %s WHERE %s IN (SELECT %s FROM %s))", u.target, u.scope, u.scope, n)
}

func (u upsert) on(t, n string) string {
	var c []string
	for _, k := range u.key {
		c = append(c, fmt.Sprintf("%s.%s IS NOT DISTINCT FROM %s.%s", t, k, n, k))
	}
	return strings.Join(c, " AND ")
}

func (ld *loader) upsert(sp *stagedPart, u upsert, n string, pr *PartReport) error {
	matched, err := ld.count(sp, fmt.Sprintf("SELECT count(*) FROM %s n JOIN %s t ON %s", n, u.targetRows(n), u.on("t", "n")))
	if err != nil {
		return err
	}
	if matched > 0 {
		var set, diff []string
		for _, c := range u.cols {
			set = append(set, fmt.Sprintf("%s = n.%s", c, c))
			diff = append(diff, fmt.Sprintf("%s.%s IS DISTINCT FROM n.%s", u.target, c, c))
		}
		q := fmt.Sprintf("UPDATE %s SET %s, batch_id = %d FROM %s n WHERE %s AND (%s)",
			u.target, strings.Join(set, ", "), sp.batchID, n, u.on(u.target, "n"), strings.Join(diff, " OR "))
		if pr.Updated, err = ld.exec(sp, q); err != nil {
			return err
		}
	}
	pr.Unchanged = matched - pr.Updated
	cols := append(append([]string(nil), u.key...), u.cols...)
	sel := "n." + strings.Join(cols, ", n.")
	id, idSel := "", ""
	if u.idCol != "" {
		id = u.idCol + ", "
		// Ids grow from the table's maximum by source line: unique within the
		// part, cheap (no window), and gaps where a row was an update.
		var base int64
		if base, err = ld.count(sp, fmt.Sprintf("SELECT coalesce(max(%s), 0) FROM %s", u.idCol, u.target)); err != nil {
			return err
		}
		idSel = fmt.Sprintf("%d + n.src_line, ", base)
	}
	q := fmt.Sprintf("INSERT INTO %s (%s%s, batch_id) SELECT %s%s, %d FROM %s n", u.target, id, strings.Join(cols, ", "), idSel, sel, sp.batchID, n)
	if matched > 0 {
		q += fmt.Sprintf(" WHERE NOT EXISTS (SELECT 1 FROM %s t WHERE %s)", u.targetRows(n), u.on("t", "n"))
	}
	pr.Inserted, err = ld.exec(sp, q)
	return err
}
