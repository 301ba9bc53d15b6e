package datasets_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/storetest"
)

func TestRegistryPromoteRollback(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	for i, art := range []string{"one", "two", "three"} {
		mv, err := st.RegisterModel(ctx, datasets.ModelVersion{Model: "talent", Seed: 7,
			Metrics: []byte(`{"auc":0.9}`)}, []byte(art))
		if err != nil {
			t.Fatal(err)
		}
		if mv.Version != i+1 || len(mv.SHA256) != 64 || mv.Bytes != len(art) {
			t.Fatalf("registered %+v", mv)
		}
	}
	if _, _, err := st.LoadModel(ctx, "talent", 0); !errors.Is(err, datasets.ErrNotFound) {
		t.Fatalf("champion before any promotion: %v", err)
	}
	champion := func() int {
		t.Helper()
		mv, art, err := st.LoadModel(ctx, "talent", 0)
		if err != nil {
			t.Fatal(err)
		}
		if !mv.Champion || string(art) != []string{"", "one", "two", "three"}[mv.Version] {
			t.Fatalf("champion %+v with artifact %q", mv, art)
		}
		return mv.Version
	}
	steps := []struct {
		op   string
		arg  int
		want int
	}{
		{"promote", 1, 1}, {"promote", 2, 2}, {"promote", 3, 3},
		{"rollback", 0, 2}, {"rollback", 0, 1}, {"promote", 3, 3}, {"rollback", 0, 1},
	}
	for i, s := range steps {
		var err error
		if s.op == "promote" {
			err = st.Promote(ctx, "talent", s.arg, "tester", "step")
		} else {
			_, err = st.Rollback(ctx, "talent", "tester", "step")
		}
		if err != nil {
			t.Fatalf("step %d %s: %v", i, s.op, err)
		}
		if got := champion(); got != s.want {
			t.Fatalf("step %d %s: champion %d, want %d", i, s.op, got, s.want)
		}
	}
	if _, err := st.Rollback(ctx, "talent", "tester", "nothing left"); !errors.Is(err, datasets.ErrNotFound) {
		t.Errorf("rollback past the first champion: %v", err)
	}
	if n := storetest.Count(t, st, "SELECT count(*) FROM audit_log WHERE subject = 'model:talent'"); n != int64(len(steps)) {
		t.Errorf("%d audit entries for %d promotions and rollbacks", n, len(steps))
	}
	if _, err := st.VerifyAudit(ctx); err != nil {
		t.Error(err)
	}
	list, err := st.ListModels(ctx)
	if err != nil || len(list) != 3 || !list[0].Champion || list[1].Champion {
		t.Errorf("list %+v, %v", list, err)
	}
}

func TestRegistryRefusesCorruptArtifact(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	for _, art := range []string{"good", "will be damaged"} {
		if _, err := st.RegisterModel(ctx, datasets.ModelVersion{Model: "m"}, []byte(art)); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Promote(ctx, "m", 1, "t", "first"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Exec(ctx, "UPDATE model_versions SET artifact = 'tampered'::BLOB WHERE version = 2"); err != nil {
		t.Fatal(err)
	}
	_, _, err := st.LoadModel(ctx, "m", 2)
	if !errors.Is(err, datasets.ErrCorrupt) || !strings.Contains(err.Error(), "does not match") {
		t.Fatalf("load of a tampered artifact: %v", err)
	}
	if err := st.Promote(ctx, "m", 2, "t", "bad"); !errors.Is(err, datasets.ErrCorrupt) {
		t.Fatalf("promotion of a tampered artifact: %v", err)
	}
	if mv, _, err := st.LoadModel(ctx, "m", 0); err != nil || mv.Version != 1 {
		t.Fatalf("champion after a refused promotion: %+v %v", mv, err)
	}
	for _, bad := range []datasets.ModelVersion{{Model: ""}, {Model: "m", Metrics: []byte("{")}} {
		if _, err := st.RegisterModel(ctx, bad, []byte("x")); !errors.Is(err, datasets.ErrInvalid) {
			t.Errorf("%+v: %v", bad, err)
		}
	}
}

func TestMigrationsRecordedOnceAndReopen(t *testing.T) {
	ctx := context.Background()
	path := t.TempDir() + "/m.duckdb"
	files, err := filepath.Glob("migrations/*.sql")
	if err != nil || len(files) < 3 {
		t.Fatalf("migration files %v, %v", files, err)
	}
	for i := 0; i < 2; i++ {
		st, err := datasets.Open(ctx, path)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		n := storetest.Count(t, st, "SELECT count(*) FROM schema_migrations")
		d := storetest.Count(t, st, "SELECT count(DISTINCT version) FROM schema_migrations")
		st.Close()
		if n != int64(len(files)) || n != d {
			t.Fatalf("open %d: %d migrations recorded (%d distinct), %d files", i, n, d, len(files))
		}
	}
}

func TestRegistryKeepsLargeSeeds(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	const seed = 1<<63 + 12345
	if _, err := st.RegisterModel(ctx, datasets.ModelVersion{Model: "m", Seed: seed, Metrics: []byte(`{}`)}, []byte("x")); err != nil {
		t.Fatal(err)
	}
	mv, _, err := st.LoadModel(ctx, "m", 1)
	if err != nil || mv.Seed != seed {
		t.Fatalf("seed %d read back as %d: %v", uint64(seed), mv.Seed, err)
	}
}
