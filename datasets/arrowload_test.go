package datasets

import (
	"context"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
)

func TestAppendRecordsAndQueryArrow(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "kind", Type: arrow.BinaryTypes.String},
		{Name: "subject", Type: arrow.BinaryTypes.String},
		{Name: "detail", Type: arrow.BinaryTypes.String},
	}, nil)
	b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer b.Release()
	for i := 0; i < 3; i++ {
		b.Field(0).(*array.StringBuilder).Append("fixed-match")
		b.Field(1).(*array.StringBuilder).Append("m" + string(rune('0'+i)))
		b.Field(2).(*array.StringBuilder).Append("{}")
	}
	rec := b.NewRecord()
	defer rec.Release()
	rr, _ := array.NewRecordReader(schema, []arrow.Record{rec})
	n, err := s.AppendRecords(ctx, "truth_events", rr)
	if err != nil || n != 3 {
		t.Fatalf("AppendRecords = %d, %v; want 3", n, err)
	}
	out, err := s.QueryArrow(ctx, "SELECT subject FROM truth_events ORDER BY subject")
	if err != nil {
		t.Fatal(err)
	}
	defer out.Release()
	var got []string
	for out.Next() {
		col := out.Record().Column(0).(*array.String)
		for i := 0; i < col.Len(); i++ {
			got = append(got, col.Value(i))
		}
	}
	if len(got) != 3 || got[0] != "m0" || got[2] != "m2" {
		t.Fatalf("got %v", got)
	}
}
