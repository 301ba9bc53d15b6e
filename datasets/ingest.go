package datasets

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"time"

	"github.com/apache/arrow/go/v17/arrow"
)

// batchRows is the number of rows per staging record batch.
const batchRows = 64 * 1024

// Ingest validates and loads every part of l in one transaction: either all
// rows of all parts are loaded, or, when any row anywhere is invalid, none is
// and the returned *LoadError lists every problem as file:line: field: reason.
// A part whose kind, source and SHA-256 were loaded before is skipped and
// reported as AlreadyLoaded. Rows upsert by natural key (see merge.go), so
// overlapping files never duplicate rows.
func (s *Store) Ingest(ctx context.Context, l Load) (*Report, error) {
	start := time.Now()
	for _, p := range l.Parts {
		if err := CheckSource(p.Source); err != nil {
			return nil, &LoadError{Problems: []ValidationError{{File: p.File, Field: "source", Reason: err.Error()}}}
		}
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	defer s.writing()()

	parts := append([]Part(nil), l.Parts...)
	sort.SliceStable(parts, func(i, j int) bool { return kindOrder(parts[i].Kind) < kindOrder(parts[j].Kind) })

	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("datasets: ingest: %w", err)
	}
	defer conn.Close()
	// Row order inside a table carries no meaning here (ids do): let DuckDB
	// insert in parallel.
	if _, err := conn.ExecContext(ctx, "SET preserve_insertion_order = false"); err != nil {
		return nil, fmt.Errorf("datasets: ingest: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return nil, fmt.Errorf("datasets: ingest: %w", err)
	}
	committed := false
	defer func() {
		if !committed {
			conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
		}
	}()

	ld := &loader{conn: conn, ctx: ctx, progress: l.Progress}
	if err := ld.nextIDs(); err != nil {
		return nil, err
	}
	rep := &Report{LoadID: ld.loadID}
	// Parts load in kind order, each staged and merged before the next is
	// read, so results see the athletes of the same load. The first part
	// with problems ends the load; the transaction is rolled back.
	var staged []*stagedPart
	for i, p := range parts {
		pr := PartReport{Kind: p.Kind, Source: p.Source, File: p.File, SHA256: p.SHA256}
		prev, rows, err := ld.loadedBefore(p)
		if err != nil {
			return nil, err
		}
		if prev > 0 { // the same content again: not even read
			pr.AlreadyLoaded, pr.BatchID, pr.Rows = true, prev, rows
			rep.Parts = append(rep.Parts, pr)
			continue
		}
		sp, err := ld.stage(i, p)
		if err != nil {
			return nil, err
		}
		staged = append(staged, sp)
		pr.Rows = sp.rows
		if sp.probs.total > 0 {
			return nil, &LoadError{Problems: sp.probs.list}
		}
		if err := ld.merge(sp, &pr); err != nil {
			return nil, err
		}
		if err := ld.recordBatch(sp, &pr, start); err != nil {
			return nil, err
		}
		rep.Parts = append(rep.Parts, pr)
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		return nil, fmt.Errorf("datasets: ingest: commit: %w", err)
	}
	committed = true
	for _, sp := range staged {
		conn.ExecContext(ctx, "DROP TABLE IF EXISTS "+sp.table)
	}
	rep.Seconds = time.Since(start).Seconds()
	return rep, nil
}

func kindOrder(k Kind) int {
	for i, x := range Kinds {
		if x == k {
			return i
		}
	}
	return len(Kinds)
}

// loader is the state of one Ingest call on its connection and transaction.
type loader struct {
	ctx      context.Context
	conn     *sql.Conn
	loadID   int64
	batchID  int64
	progress func(int64)
}

func (ld *loader) nextIDs() error {
	err := ld.conn.QueryRowContext(ld.ctx, `SELECT coalesce(max(batch_id), 0) + 1, coalesce(max(load_id), 0) + 1 FROM ingest_batches`).
		Scan(&ld.batchID, &ld.loadID)
	if err != nil {
		return fmt.Errorf("datasets: ingest: %w", err)
	}
	return nil
}

// loadedBefore returns the batch that loaded the same kind, source and
// content before, and its row count (0, 0 when there is none).
func (ld *loader) loadedBefore(p Part) (batch, rows int64, err error) {
	err = ld.conn.QueryRowContext(ld.ctx, `SELECT batch_id, rows FROM ingest_batches WHERE kind = ? AND source = ? AND sha256 = ?
		ORDER BY batch_id LIMIT 1`, string(p.Kind), p.Source, p.SHA256).Scan(&batch, &rows)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, nil
	}
	if err != nil {
		return 0, 0, fmt.Errorf("datasets: ingest: %w", err)
	}
	return batch, rows, nil
}

// stagedPart is one part validated into a temporary table.
type stagedPart struct {
	Part
	table   string
	rows    int64
	probs   *problems
	batchID int64
	res     *resolver
	idBase  int64                           // results: ids of this part are idBase + source line
	hadRows bool                            // results: the table had rows before this part
	shape   func(arrow.Record) arrow.Record // reorders batches for the sink, when set
}

// sinkSQL is the statement (with %s for the Arrow view) that consumes the
// validated batches. Results, the bulk of every feed, stream straight into
// their table so that DuckDB writes while Go still validates; overlaps and
// duplicates are settled afterwards in the same transaction (mergeResults).
// Other kinds go to a temporary staging table.
func (ld *loader) sinkSQL(sp *stagedPart) (string, error) {
	if sp.Kind != KindResults {
		return fmt.Sprintf("CREATE TEMP TABLE %s AS SELECT * FROM %%s", sp.table), nil
	}
	var n int64
	err := ld.conn.QueryRowContext(ld.ctx, `SELECT coalesce(max(result_id), 0), count(*) FROM results`).Scan(&sp.idBase, &n)
	if err != nil {
		return "", fmt.Errorf("datasets: ingest %s: %w", sp.File, err)
	}
	sp.hadRows = n > 0
	return "INSERT INTO results SELECT * FROM %s", nil
}

// resultCols are the columns of results besides result_id and batch_id.
var resultCols = func() []string {
	var cols []string
	for _, c := range resultsTable {
		if c.name != "result_id" && c.name != "batch_id" {
			cols = append(cols, c.name)
		}
	}
	return cols
}()

// stage decodes and validates p into the temporary table stage_<i>. Go
// validates on one goroutine while DuckDB ingests the finished batches.
func (ld *loader) stage(i int, p Part) (*stagedPart, error) {
	if _, ok := specs[p.Kind]; !ok {
		return nil, fmt.Errorf("datasets: ingest %s: unknown kind %q", p.File, p.Kind)
	}
	if p.Source == "" {
		return nil, fmt.Errorf("datasets: ingest %s: a source name is required", p.File)
	}
	sp := &stagedPart{Part: p, table: fmt.Sprintf("stage_%d", i), probs: &problems{file: p.File}, batchID: ld.batchID}
	ld.batchID++
	var err error
	if sp.res, err = ld.newResolver(p); err != nil {
		return nil, err
	}
	v := sp.newValidator(sp.probs)
	defer v.release()

	ctx, cancel := context.WithCancel(ld.ctx)
	defer cancel()
	ch := make(chan arrow.Record, 2)
	done := make(chan error, 1)
	sink, err := ld.sinkSQL(sp)
	if err != nil {
		return nil, err
	}
	schema := v.bld.Schema()
	if sp.Kind == KindResults {
		sh, err := newResultsShaper(schema, sp.idBase, sp.Source, sp.batchID)
		if err != nil {
			return nil, err
		}
		sp.shape, schema = sh.shape, sh.schema
	}
	go func() { done <- sp.produce(ctx, v, ch, ld.progress) }()
	reader := newChanReader(schema, ch)
	t0 := time.Now()
	defer func() { traceSQL(t0, "stage "+p.File) }()
	err = withArrowView(ld.ctx, ld.conn, reader, func(view string) error {
		_, err := ld.conn.ExecContext(ld.ctx, fmt.Sprintf(sink, view))
		return err
	})
	cancel()
	for range ch { // unblock the producer if DuckDB stopped reading early
	}
	perr := <-done
	if perr != nil {
		var verr *ValidationError
		if errors.As(perr, &verr) {
			sp.probs.add(verr.Line, verr.Field, verr.Reason)
			return sp, nil
		}
		return nil, fmt.Errorf("datasets: ingest %s: %w", p.File, perr)
	}
	if err != nil {
		return nil, fmt.Errorf("datasets: stage %s: %w", p.File, err)
	}
	return sp, nil
}

func (ld *loader) recordBatch(sp *stagedPart, pr *PartReport, start time.Time) error {
	pr.BatchID = sp.batchID
	_, err := ld.conn.ExecContext(ld.ctx, `INSERT INTO ingest_batches VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())`,
		sp.batchID, ld.loadID, string(sp.Kind), sp.Source, sp.File, sp.SHA256, sp.rows, pr.Inserted, pr.Updated, pr.Unchanged, start)
	if err != nil {
		return fmt.Errorf("datasets: ingest %s: record batch: %w", sp.File, err)
	}
	return nil
}
