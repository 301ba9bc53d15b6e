package features

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/csv"
	"github.com/apache/arrow/go/v17/arrow/ipc"
	"github.com/apache/arrow/go/v17/parquet"
	"github.com/apache/arrow/go/v17/parquet/compress"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
)

// Format is a feature file format.
type Format string

// The formats Write produces.
const (
	Parquet Format = "parquet" // Parquet, Snappy-compressed, with the Arrow schema stored
	Arrow   Format = "arrow"   // Arrow IPC file format (Feather v2), one record batch per DuckDB batch
	CSV     Format = "csv"     // CSV with a header; NULL as an empty field, dates as YYYY-MM-DD
)

// ErrFormat is returned for a file name or format Write does not know.
var ErrFormat = errors.New("features: unknown format")

// FormatOf returns the format named by path's extension: .parquet, .arrow
// (also .ipc, .feather) or .csv.
func FormatOf(path string) (Format, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".parquet":
		return Parquet, nil
	case ".arrow", ".ipc", ".feather":
		return Arrow, nil
	case ".csv":
		return CSV, nil
	}
	return "", fmt.Errorf("%w: %s (want .parquet, .arrow or .csv)", ErrFormat, path)
}

// batchWriter is what each format does with the stream of batches.
type batchWriter interface {
	Write(arrow.Record) error
	Close() error
}

// Write writes every batch of rr to w in format f and returns the number of
// rows written. It does not close w.
func Write(ctx context.Context, w io.Writer, f Format, rr array.RecordReader) (int64, error) {
	bw, err := newBatchWriter(w, f, rr.Schema())
	if err != nil {
		return 0, err
	}
	var rows int64
	for rr.Next() {
		if err := ctx.Err(); err != nil {
			bw.Close()
			return rows, fmt.Errorf("features: write %s: %w", f, err)
		}
		rec := rr.Record()
		if err := bw.Write(rec); err != nil {
			bw.Close()
			return rows, fmt.Errorf("features: write %s: %w", f, err)
		}
		rows += rec.NumRows()
	}
	if err := rr.Err(); err != nil {
		bw.Close()
		return rows, fmt.Errorf("features: write %s: %w", f, err)
	}
	if err := bw.Close(); err != nil {
		return rows, fmt.Errorf("features: write %s: %w", f, err)
	}
	return rows, nil
}

func newBatchWriter(w io.Writer, f Format, sc *arrow.Schema) (batchWriter, error) {
	switch f {
	case Parquet:
		props := parquet.NewWriterProperties(
			parquet.WithCompression(compress.Codecs.Snappy),
			parquet.WithMaxRowGroupLength(parquetRowGroupRows))
		// The Parquet writer closes a sink that is an io.Closer; w is the caller's.
		fw, err := pqarrow.NewFileWriter(sc, struct{ io.Writer }{w}, props, pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
		if err != nil {
			return nil, fmt.Errorf("features: write parquet: %w", err)
		}
		return &parquetWriter{FileWriter: fw}, nil
	case Arrow:
		fw, err := ipc.NewFileWriter(&offsetWriter{w: w}, ipc.WithSchema(sc))
		if err != nil {
			return nil, fmt.Errorf("features: write arrow: %w", err)
		}
		return fw, nil
	case CSV:
		for _, fld := range sc.Fields() {
			if !csvWritable(fld.Type) {
				return nil, fmt.Errorf("features: write csv: column %s is %s, which CSV cannot hold", fld.Name, fld.Type)
			}
		}
		return &csvWriter{csv.NewWriter(w, sc, csv.WithHeader(true), csv.WithNullWriter(""))}, nil
	}
	return nil, fmt.Errorf("%w %q", ErrFormat, string(f))
}

// csvWritable is the subset of arrow/csv's types a feature set produces; the
// arrow writer panics on the others.
func csvWritable(t arrow.DataType) bool {
	switch t.ID() {
	case arrow.BOOL, arrow.INT8, arrow.INT16, arrow.INT32, arrow.INT64,
		arrow.UINT8, arrow.UINT16, arrow.UINT32, arrow.UINT64,
		arrow.FLOAT32, arrow.FLOAT64, arrow.STRING, arrow.LARGE_STRING,
		arrow.DATE32, arrow.DATE64, arrow.TIMESTAMP:
		return true
	}
	return false
}

// parquetRowGroupRows is the size of a Parquet row group. Row groups are cut
// by row count, not at DuckDB's batch boundaries, which vary from run to run
// with parallel execution; so the same rows give the same file.
const parquetRowGroupRows = 1 << 20

// parquetWriter buffers batches into row groups of parquetRowGroupRows. A
// buffered row group's statistics point into the batches' buffers, so the
// batches are held until the file is closed.
type parquetWriter struct {
	*pqarrow.FileWriter
	held []arrow.Record
}

func (p *parquetWriter) Write(rec arrow.Record) error {
	rec.Retain()
	p.held = append(p.held, rec)
	return p.WriteBuffered(rec)
}

func (p *parquetWriter) Close() error {
	err := p.FileWriter.Close()
	for _, r := range p.held {
		r.Release()
	}
	p.held = nil
	return err
}

// csvWriter gives arrow/csv's writer a Close that flushes.
type csvWriter struct{ *csv.Writer }

func (c *csvWriter) Close() error { return c.Flush() }

// offsetWriter lets the Arrow IPC file writer, which only asks for the
// current offset, write to any io.Writer.
type offsetWriter struct {
	w io.Writer
	n int64
}

func (o *offsetWriter) Write(p []byte) (int, error) {
	n, err := o.w.Write(p)
	o.n += int64(n)
	return n, err
}

func (o *offsetWriter) Seek(offset int64, whence int) (int64, error) {
	if offset != 0 || whence != io.SeekCurrent {
		return 0, errors.New("features: arrow writer: only the current offset is known")
	}
	return o.n, nil
}

// WriteFile writes rr to path in the format its extension names. The file
// appears only when complete: it is written under a temporary name in the
// same directory and renamed.
func WriteFile(ctx context.Context, path string, rr array.RecordReader) (int64, error) {
	f, err := FormatOf(path)
	if err != nil {
		return 0, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return 0, fmt.Errorf("features: %w", err)
	}
	rows, err := Write(ctx, tmp, f, rr)
	if cerr := tmp.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("features: write %s: %w", path, cerr)
	}
	if err == nil {
		if err = os.Rename(tmp.Name(), path); err != nil {
			err = fmt.Errorf("features: %w", err)
		}
	}
	if err != nil {
		os.Remove(tmp.Name())
		return 0, err
	}
	return rows, nil
}
