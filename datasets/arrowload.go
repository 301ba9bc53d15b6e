package datasets

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"sync/atomic"

	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/marcboeker/go-duckdb"
)

var viewSeq atomic.Int64

// withArrowView registers rr as a temporary view on conn, runs fn with the
// view's name, and unregisters it. DuckDB scans the Arrow stream directly:
// no per-row driver calls.
//
// fn must read every column of the view, in order (SELECT *): DuckDB 1.1.2
// pushes a projection into the registered stream, which ignores it, and then
// reads the wrong buffers (a crash; see resultsShaper). Callers reshape the
// batches instead of selecting from them.
func withArrowView(ctx context.Context, conn *sql.Conn, rr array.RecordReader, fn func(view string) error) error {
	view := fmt.Sprintf("arrow_in_%d", viewSeq.Add(1))
	var release func()
	err := conn.Raw(func(dc any) error {
		ar, err := duckdb.NewArrowFromConn(dc.(driver.Conn))
		if err != nil {
			return err
		}
		release, err = ar.RegisterView(rr, view)
		return err
	})
	if err != nil {
		return fmt.Errorf("datasets: register arrow view: %w", err)
	}
	defer release()
	defer conn.ExecContext(context.WithoutCancel(ctx), "DROP VIEW IF EXISTS "+view)
	return fn(view)
}

// AppendRecords inserts every record of rr into table, in one transaction,
// matching columns by name. It is for trusted, already-validated data such as
// the simulator's ground truth; outside data goes through Ingest.
func (s *Store) AppendRecords(ctx context.Context, table string, rr array.RecordReader) (int64, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	defer s.writing()()
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return 0, fmt.Errorf("datasets: append %s: %w", table, err)
	}
	defer conn.Close()
	var n int64
	err = withArrowView(ctx, conn, rr, func(view string) error {
		cols := ""
		for i, f := range rr.Schema().Fields() {
			if i > 0 {
				cols += ", "
			}
			cols += quoteIdent(f.Name)
		}
		res, err := conn.ExecContext(ctx, fmt.Sprintf("INSERT INTO %s (%s) SELECT * FROM %s", quoteIdent(table), cols, view))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("datasets: append %s: %w", table, err)
	}
	return n, nil
}

func quoteIdent(s string) string {
	q := `"`
	for _, r := range s {
		if r == '"' {
			q += `""`
		} else {
			q += string(r)
		}
	}
	return q + `"`
}
