package datasets

import (
	"sync/atomic"

	"github.com/apache/arrow/go/v17/arrow"
)

// chanReader is an array.RecordReader fed by a producer goroutine, so that
// DuckDB consumes staging batches while Go still decodes and validates the
// file: both cores work.
type chanReader struct {
	refs   atomic.Int64
	schema *arrow.Schema
	ch     <-chan arrow.Record
	cur    arrow.Record
}

func newChanReader(schema *arrow.Schema, ch <-chan arrow.Record) *chanReader {
	r := &chanReader{schema: schema, ch: ch}
	r.refs.Store(1)
	return r
}

func (r *chanReader) Retain() { r.refs.Add(1) }

func (r *chanReader) Release() {
	if r.refs.Add(-1) == 0 && r.cur != nil {
		r.cur.Release()
		r.cur = nil
	}
}

func (r *chanReader) Schema() *arrow.Schema { return r.schema }

func (r *chanReader) Next() bool {
	if r.cur != nil {
		r.cur.Release()
		r.cur = nil
	}
	rec, ok := <-r.ch
	if !ok {
		return false
	}
	r.cur = rec
	return true
}

func (r *chanReader) Record() arrow.Record { return r.cur }

func (r *chanReader) Err() error { return nil }
