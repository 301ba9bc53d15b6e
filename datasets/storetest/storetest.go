// Package storetest gives tests of other packages a real store: a fresh
// DuckDB file per test, closed when the test ends, and a row counter.
package storetest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/podium-sport/podium/datasets"
)

// Open opens a fresh store in a temporary file for one test.
func Open(t testing.TB) *datasets.Store {
	t.Helper()
	st, err := datasets.Open(context.Background(), filepath.Join(t.TempDir(), "test.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// Count runs a query returning one integer, failing the test on error.
func Count(t testing.TB, st *datasets.Store, query string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := st.QueryRow(context.Background(), query, args, &n); err != nil {
		t.Fatal(err)
	}
	return n
}
