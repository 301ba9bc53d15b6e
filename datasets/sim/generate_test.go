package sim

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/podium-sport/podium/datasets"
)

func openStore(t testing.TB) *datasets.Store {
	t.Helper()
	st, err := datasets.Open(context.Background(), filepath.Join(t.TempDir(), "x.duckdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestGenerateEndToEnd(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	sum, err := Generate(ctx, st, Config{Athletes: 2000, Seed: 7}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", sum)
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%+v", stats)
}
