// Package storetest gives tests of other packages a real store: a fresh
// DuckDB file per test, closed when the test ends, and a row counter.
package storetest

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
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

// Fingerprint is the row count and an order-free hash of the rows of every
// table: equal fingerprints mean no row was added, removed or changed.
func Fingerprint(t testing.TB, st *datasets.Store) string {
	t.Helper()
	ctx := context.Background()
	rows, err := st.Query(ctx, "SELECT table_name FROM duckdb_tables() WHERE NOT temporary ORDER BY table_name")
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	rows.Close()
	var b strings.Builder
	for _, name := range tables {
		var fp string
		q := fmt.Sprintf("SELECT count(*) || ':' || coalesce(bit_xor(hash(x)), 0) FROM %s x", name)
		if err := st.QueryRow(ctx, q, nil, &fp); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s=%s ", name, fp)
	}
	return b.String()
}
