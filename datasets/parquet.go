package datasets

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/apache/arrow/go/v17/parquet/file"
	"github.com/apache/arrow/go/v17/parquet/pqarrow"
)

// checkParquet reads a whole Parquet file with the Go reader before DuckDB
// sees it. DuckDB 1.1.2's read_parquet crashes the process (SIGSEGV in C++)
// on some damaged files that FuzzParquetRows found — "dict spaced eof" in
// the Go reader's words — so an uploaded file must not reach it unchecked.
// A file that is not Parquet, or that the Go reader cannot read to the end,
// is a ValidationError naming the file and field "parquet".
func checkParquet(ctx context.Context, path string) (err error) {
	bad := func(reason string) error { return &ValidationError{File: path, Field: "parquet", Reason: reason} }
	head, tail, err := parquetMagic(path)
	switch {
	case err != nil:
		return fmt.Errorf("datasets: %w", err)
	case !head:
		return bad("not a Parquet file: it does not start with the PAR1 magic bytes")
	case !tail:
		return bad("truncated: it starts as Parquet but does not end with the PAR1 footer")
	}
	defer func() {
		if r := recover(); r != nil { // the Go reader panics on some damage; it must not take the server down either
			err = bad(fmt.Sprintf("truncated or damaged: %v", r))
		}
	}()
	rdr, err := file.OpenParquetFile(path, false)
	if err != nil {
		return bad(fmt.Sprintf("truncated or damaged: %v", err))
	}
	defer rdr.Close()
	if err := readAllPages(ctx, rdr); err != nil {
		return bad(fmt.Sprintf("truncated or damaged: %v", err))
	}
	if err := readAllRecords(ctx, rdr); err != nil {
		return bad(fmt.Sprintf("truncated or damaged: %v", err))
	}
	return nil
}

// readAllRecords decodes the file into Arrow records as DuckDB will read it
// (dictionaries, nulls spaced out), which finds damage the page scan does
// not. It runs only after readAllPages, because its readers decode columns
// in goroutines where a panic would not be recovered.
func readAllRecords(ctx context.Context, rdr *file.Reader) error {
	fr, err := pqarrow.NewFileReader(rdr, pqarrow.ArrowReadProperties{BatchSize: 1 << 16}, memory.DefaultAllocator)
	if err != nil {
		return err
	}
	rr, err := fr.GetRecordReader(ctx, nil, nil)
	if err != nil {
		return err
	}
	defer rr.Release()
	for rr.Next() {
	}
	if err := rr.Err(); err != nil && err != io.EOF {
		return err
	}
	return nil
}

// skipper is every typed column chunk reader of the parquet/file package.
type skipper interface {
	Skip(n int64) (int64, error)
}

// readAllPages decodes every page of every column in this goroutine (the
// pqarrow reader loads struct children in goroutines of its own, where a
// panic on a damaged page could not be recovered).
func readAllPages(ctx context.Context, rdr *file.Reader) error {
	for g := range rdr.NumRowGroups() {
		rg := rdr.RowGroup(g)
		for c := range rg.NumColumns() {
			if err := ctx.Err(); err != nil {
				return err
			}
			col, err := rg.Column(c)
			if err != nil {
				return err
			}
			sk, ok := col.(skipper)
			if !ok {
				return fmt.Errorf("column %d: no reader for physical type %s", c, col.Type())
			}
			for col.HasNext() {
				n, err := sk.Skip(1 << 16)
				if err != nil {
					return fmt.Errorf("column %s, row group %d: %w", col.Descriptor().Path(), g, err)
				}
				if n == 0 {
					break
				}
			}
			if err := col.Err(); err != nil {
				return fmt.Errorf("column %s, row group %d: %w", col.Descriptor().Path(), g, err)
			}
		}
	}
	return nil
}

// parquetMagic reports whether a file starts and ends with "PAR1".
func parquetMagic(path string) (head, tail bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return false, false, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.Size() < 4 {
		return false, false, err
	}
	magic, buf := []byte("PAR1"), make([]byte, 4)
	if _, err := f.ReadAt(buf, 0); err != nil {
		return false, false, err
	}
	head = bytes.Equal(buf, magic)
	if _, err := f.ReadAt(buf, st.Size()-4); err != nil {
		return false, false, err
	}
	return head, st.Size() >= 8 && bytes.Equal(buf, magic), nil
}
