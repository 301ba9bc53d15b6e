package features

import (
	"context"
	"fmt"
	"strconv"
	"sync/atomic"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
)

// Source runs a DuckDB query and returns its result as Arrow record batches.
// *datasets.Store satisfies it.
type Source interface {
	QueryArrow(ctx context.Context, query string, args ...any) (array.RecordReader, error)
}

// Metadata keys Compute puts on the output schema; Parquet and Arrow files
// written from it keep them.
const (
	MetaSet     = "podium.features.set"
	MetaVersion = "podium.features.version"
	MetaCutoff  = "podium.features.cutoff"
)

// Compute runs set as of cut against src and returns the features as Arrow
// record batches, whose schema is set.Columns with the set's name, version and
// cut-off as metadata. The caller releases the reader; values read from the
// batches (strings included) share its buffers, so copy what must outlive it.
//
// The set's SQL is first checked to read only the cut-off views (ErrUnsafeSet
// otherwise); the rows are ordered as the set's SQL orders them.
func Compute(ctx context.Context, src Source, set Set, cut Cutoff) (array.RecordReader, error) {
	if err := cut.validate(); err != nil {
		return nil, err
	}
	if err := checkSQL(ctx, src, set.SQL); err != nil {
		return nil, fmt.Errorf("%w (set %s v%d)", err, set.Name, set.Version)
	}
	query, args := assemble(set.SQL, cut)
	rr, err := src.QueryArrow(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("features: compute %s v%d as of %s: %w", set.Name, set.Version, cut, err)
	}
	if err := set.checkSchema(rr.Schema()); err != nil {
		rr.Release()
		return nil, err
	}
	md := arrow.NewMetadata(
		[]string{MetaSet, MetaVersion, MetaCutoff},
		[]string{set.Name, strconv.Itoa(set.Version), cut.String()})
	l := &labelled{RecordReader: rr, schema: arrow.NewSchema(rr.Schema().Fields(), &md)}
	l.refs.Store(1)
	return l, nil
}

// Query returns the SQL and arguments that Compute runs for set as of cut,
// for baselines that run the same computation another way (DuckDB alone,
// database/sql scans). It does not check the set's SQL; Compute does.
func Query(set Set, cut Cutoff) (string, []any, error) {
	if err := cut.validate(); err != nil {
		return "", nil, err
	}
	q, args := assemble(set.SQL, cut)
	return q, args, nil
}

// labelled re-labels the records of a reader with a schema that has the same
// fields and added metadata; the column data is shared, not copied.
type labelled struct {
	array.RecordReader
	schema *arrow.Schema
	rec    arrow.Record
	refs   atomic.Int64
}

func (l *labelled) Schema() *arrow.Schema { return l.schema }

func (l *labelled) Next() bool {
	if l.rec != nil {
		l.rec.Release()
		l.rec = nil
	}
	if !l.RecordReader.Next() {
		return false
	}
	r := l.RecordReader.Record()
	l.rec = array.NewRecord(l.schema, r.Columns(), r.NumRows())
	return true
}

// Record returns the current batch, valid until the next call of Next.
func (l *labelled) Record() arrow.Record { return l.rec }

func (l *labelled) Retain() { l.refs.Add(1) }

func (l *labelled) Release() {
	if l.refs.Add(-1) != 0 {
		return
	}
	if l.rec != nil {
		l.rec.Release()
		l.rec = nil
	}
	l.RecordReader.Release()
}
