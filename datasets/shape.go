package datasets

import (
	"fmt"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
)

// resultsShaper turns validated results batches into exactly the column
// order of the results table, so that the load is `INSERT INTO results
// SELECT * FROM view`. Selecting a subset or another order of an Arrow view
// makes DuckDB 1.1.2 push the projection into a stream that ignores it and
// read the wrong buffers (a crash), so no projection is ever asked for.
type resultsShaper struct {
	schema  *arrow.Schema
	from    []int // staging column for each results column; -1 when computed
	lineCol int
	idBase  int64
	source  string
	batchID int64
}

// resultsTable lists the results table's columns in order, with the staging
// column each comes from ("" when computed here).
var resultsTable = []struct{ name, staging string }{
	{"result_id", ""}, {"result_key", "result_key"}, {"athlete_id", "athlete_id"}, {"date", "date"},
	{"age_years", "age_years"}, {"sport", "sport"}, {"discipline", "discipline"}, {"sex", "sex_eff"},
	{"mark", "mark"}, {"unit", "unit"}, {"lower_is_better", "lower_is_better"}, {"wind", "wind"},
	{"round", "round"}, {"place", "place"}, {"competition_id", "competition_id"}, {"level", "level"},
	{"venue", "venue"}, {"source", ""}, {"source_ref", "source_ref"}, {"batch_id", ""},
}

func newResultsShaper(staging *arrow.Schema, idBase int64, source string, batchID int64) (*resultsShaper, error) {
	s := &resultsShaper{idBase: idBase, source: source, batchID: batchID}
	idx := staging.FieldIndices("src_line")
	s.lineCol = idx[0]
	var fields []arrow.Field
	for _, c := range resultsTable {
		if c.staging == "" {
			t := arrow.DataType(arrow.PrimitiveTypes.Int64)
			if c.name == "source" {
				t = arrow.BinaryTypes.String
			}
			fields = append(fields, arrow.Field{Name: c.name, Type: t})
			s.from = append(s.from, -1)
			continue
		}
		i := staging.FieldIndices(c.staging)
		if len(i) != 1 {
			return nil, fmt.Errorf("datasets: results staging lacks %s", c.staging)
		}
		f := staging.Field(i[0])
		f.Name = c.name
		fields = append(fields, f)
		s.from = append(s.from, i[0])
	}
	s.schema = arrow.NewSchema(fields, nil)
	return s, nil
}

// shape returns rec's columns in table order; it releases rec.
func (s *resultsShaper) shape(rec arrow.Record) arrow.Record {
	defer rec.Release()
	n := int(rec.NumRows())
	mem := memory.DefaultAllocator
	ids := array.NewInt64Builder(mem)
	defer ids.Release()
	batch := array.NewInt64Builder(mem)
	defer batch.Release()
	src := array.NewStringBuilder(mem)
	defer src.Release()
	lines := rec.Column(s.lineCol).(*array.Int64)
	ids.Reserve(n)
	batch.Reserve(n)
	src.Reserve(n)
	for i := 0; i < n; i++ {
		ids.UnsafeAppend(s.idBase + lines.Value(i))
		batch.UnsafeAppend(s.batchID)
		src.Append(s.source)
	}
	cols := make([]arrow.Array, len(resultsTable))
	for i, c := range resultsTable {
		switch {
		case c.name == "result_id":
			cols[i] = ids.NewArray()
		case c.name == "batch_id":
			cols[i] = batch.NewArray()
		case c.name == "source":
			cols[i] = src.NewArray()
		default:
			cols[i] = rec.Column(s.from[i])
			cols[i].Retain()
		}
	}
	out := array.NewRecord(s.schema, cols, int64(n))
	for _, c := range cols {
		c.Release()
	}
	return out
}
