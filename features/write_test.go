package features

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/csv"
	"github.com/apache/arrow/go/v17/arrow/ipc"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
)

// readBack reads a file written by Write into a table.
func readBack(t *testing.T, f Format, b []byte, sc *arrow.Schema) arrow.Table {
	t.Helper()
	ctx := context.Background()
	switch f {
	case Parquet:
		tbl, err := pqarrow.ReadTable(ctx, bytes.NewReader(b), parquet.NewReaderProperties(memory.DefaultAllocator),
			pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
		if err != nil {
			t.Fatal(err)
		}
		return tbl
	case Arrow:
		r, err := ipc.NewFileReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		var recs []arrow.Record
		for i := 0; i < r.NumRecords(); i++ {
			rec, err := r.RecordAt(i)
			if err != nil {
				t.Fatal(err)
			}
			recs = append(recs, rec)
		}
		return tableFrom(r.Schema(), recs)
	default:
		r := csv.NewReader(bytes.NewReader(b), sc, csv.WithHeader(true), csv.WithNullReader(true, ""))
		defer r.Release()
		return readTable(t, r)
	}
}

// metadataOf returns the key-value metadata of a Parquet or Arrow file.
func metadataOf(t *testing.T, f Format, b []byte) map[string]string {
	t.Helper()
	md := map[string]string{}
	if f == Parquet {
		r, err := file.NewParquetReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		for _, kv := range r.MetaData().KeyValueMetadata() {
			if kv.Value != nil {
				md[kv.Key] = *kv.Value
			}
		}
		return md
	}
	r, err := ipc.NewFileReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	m := r.Schema().Metadata()
	for i, k := range m.Keys() {
		md[k] = m.Values()[i]
	}
	return md
}

// tableOf computes set as of cut into a table.
func tableOf(t *testing.T, src Source, set Set, cut Cutoff) arrow.Table {
	return readTable(t, compute(t, src, set, cut))
}

// readTable reads every batch of rr into a table.
func readTable(t *testing.T, rr array.RecordReader) arrow.Table {
	t.Helper()
	var recs []arrow.Record
	for rr.Next() {
		rec := rr.Record()
		rec.Retain()
		recs = append(recs, rec)
	}
	if err := rr.Err(); err != nil {
		t.Fatal(err)
	}
	return tableFrom(rr.Schema(), recs)
}

// tableFrom makes a table of recs and releases them: the table holds them.
func tableFrom(sc *arrow.Schema, recs []arrow.Record) arrow.Table {
	tbl := array.NewTableFromRecords(sc, recs)
	for _, r := range recs {
		r.Release()
	}
	return tbl
}

// TestWriteRoundTrip writes every set in every format, reads it back and
// compares the values and, for Parquet and Arrow, the set's metadata.
func TestWriteRoundTrip(t *testing.T) {
	st := fixtureStore(t)
	for _, set := range Sets() {
		for _, f := range []Format{Parquet, Arrow, CSV} {
			t.Run(set.Name+"/"+string(f), func(t *testing.T) {
				want := tableOf(t, st, set, AsOfAge(17))
				defer want.Release()
				b := computeBytes(t, st, set, AsOfAge(17), f)
				got := readBack(t, f, b, arrow.NewSchema(want.Schema().Fields(), nil))
				defer got.Release()
				if got.NumRows() != want.NumRows() || got.NumRows() == 0 {
					t.Fatalf("%d rows back, want %d", got.NumRows(), want.NumRows())
				}
				for i, c := range want.Schema().Fields() {
					g := got.Column(i)
					if g.Name() != c.Name || !arrow.TypeEqual(g.DataType(), c.Type) ||
						!array.ChunkedApproxEqual(g.Data(), want.Column(i).Data()) {
						t.Errorf("column %s read back as %s %v, want %s %v", c.Name, g.DataType(), g.Data(), c.Type, want.Column(i).Data())
					}
				}
				if f == CSV {
					return
				}
				md := metadataOf(t, f, b)
				if md[MetaSet] != set.Name || md[MetaVersion] != "1" || md[MetaCutoff] != "age 17" {
					t.Errorf("metadata %v, want set %s, version 1, cut-off age 17", md, set.Name)
				}
			})
		}
	}
}

// TestWriteParquetRowGroups checks that a Parquet file does not depend on how
// DuckDB batched the rows: the same rows in one batch or in many give the
// same bytes.
func TestWriteParquetRowGroups(t *testing.T) {
	st := fixtureStore(t)
	tbl := tableOf(t, st, Progression, AsOfDate(day("2017-12-31")))
	defer tbl.Release()
	write := func(chunk int64) []byte {
		tr := array.NewTableReader(tbl, chunk)
		defer tr.Release()
		var buf bytes.Buffer
		if _, err := Write(context.Background(), &buf, Parquet, tr); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	if one, many := write(1000), write(2); !bytes.Equal(one, many) {
		t.Error("Parquet bytes depend on the batch sizes")
	}
}

func TestWriteFile(t *testing.T) {
	st := fixtureStore(t)
	dir := t.TempDir()
	tests := []struct {
		name    string
		wantErr error
	}{
		{"p.parquet", nil},
		{"p.arrow", nil},
		{"p.feather", nil},
		{"p.CSV", nil},
		{"p.json", ErrFormat},
		{"p", ErrFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			n, err := WriteFile(context.Background(), path, compute(t, st, Progression, AsOfAge(17)))
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("WriteFile error %v, want %v", err, tt.wantErr)
			}
			_, statErr := os.Stat(path)
			if tt.wantErr != nil {
				if statErr == nil {
					t.Error("file written despite the error")
				}
				return
			}
			// five rows as of age 17, see TestProgression
			if n != 5 || statErr != nil {
				t.Errorf("wrote %d rows (%v), want 5", n, statErr)
			}
		})
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestWriteCancelled(t *testing.T) {
	rr := compute(t, fixtureStore(t), Progression, AsOfAge(17))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Write(ctx, &bytes.Buffer{}, CSV, rr); !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}
