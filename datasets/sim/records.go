package sim

import (
	"sync/atomic"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
)

// recordRows is the number of rows per Arrow record of the truth tables.
const recordRows = 64 * 1024

// recordStream is an array.RecordReader whose records fill calls build on
// demand, so that a million truth rows never sit in memory at once. fill
// appends up to n rows to the builder and returns false once exhausted.
type recordStream struct {
	refs   atomic.Int64
	schema *arrow.Schema
	bld    *array.RecordBuilder
	fill   func(b *array.RecordBuilder, n int) bool
	cur    arrow.Record
	done   bool
}

var _ array.RecordReader = (*recordStream)(nil)

func newRecordStream(schema *arrow.Schema, fill func(b *array.RecordBuilder, n int) bool) *recordStream {
	s := &recordStream{schema: schema, bld: array.NewRecordBuilder(memory.DefaultAllocator, schema), fill: fill}
	s.refs.Store(1)
	return s
}

func (s *recordStream) Retain() { s.refs.Add(1) }

func (s *recordStream) Release() {
	if s.refs.Add(-1) == 0 {
		if s.cur != nil {
			s.cur.Release()
			s.cur = nil
		}
		s.bld.Release()
	}
}

func (s *recordStream) Schema() *arrow.Schema { return s.schema }

func (s *recordStream) Next() bool {
	if s.cur != nil {
		s.cur.Release()
		s.cur = nil
	}
	if s.done {
		return false
	}
	s.done = !s.fill(s.bld, recordRows)
	rec := s.bld.NewRecord()
	if rec.NumRows() == 0 {
		rec.Release()
		s.done = true
		return false
	}
	s.cur = rec
	return true
}

func (s *recordStream) Record() arrow.Record { return s.cur }

func (s *recordStream) Err() error { return nil }
