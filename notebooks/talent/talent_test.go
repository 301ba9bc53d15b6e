package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/importers"
	"github.com/podium-sport/podium/datasets/sim"
	"github.com/podium-sport/podium/datasets/storetest"
	"github.com/podium-sport/podium/models/talent/talenttest"
	"github.com/podium-sport/podium/notebooks/report/reporttest"
)

var update = flag.Bool("update", false, "rewrite testdata/tennis-atp from talenttest")

// fixture is the synthetic ATP data of testdata/tennis-atp: 300 players,
// seed 5, as the CLI's back-test test uses.
const fixture = "testdata/tennis-atp"

// TestFixture checks that testdata/tennis-atp is talenttest's data (the
// notebook's small-data run and .ci/notebooks.sh read it): same files, same
// decompressed contents.
func TestFixture(t *testing.T) {
	dir := t.TempDir()
	if *update {
		dir = fixture
	}
	talenttest.Generate(300, 5).Write(t, dir)
	want, _ := filepath.Glob(filepath.Join(dir, "*.csv.gz"))
	got, _ := filepath.Glob(filepath.Join(fixture, "*.csv.gz"))
	if len(got) != len(want) {
		t.Fatalf("%s holds %d files, talenttest writes %d (go test -run TestFixture -update)", fixture, len(got), len(want))
	}
	for _, w := range want {
		a, b := gunzip(t, w), gunzip(t, filepath.Join(fixture, filepath.Base(w)))
		if !bytes.Equal(a, b) {
			t.Errorf("%s differs from talenttest's (go test -run TestFixture -update)", filepath.Base(w))
		}
	}
}

func gunzip(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	b, err := io.ReadAll(z)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return b
}

// smallStore is the CI store: 1,500 simulated athletes and the ATP fixture.
func smallStore(t *testing.T) *datasets.Store {
	t.Helper()
	ctx := context.Background()
	st := storetest.Open(t)
	if _, err := sim.Generate(ctx, st, sim.Config{Athletes: 1500, Seed: 1}, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := importers.Import(ctx, st, "tennis-atp", fixture, nil); err != nil {
		t.Fatal(err)
	}
	return st
}

// small are the options .ci/notebooks.sh passes: the fixture's cohorts.
func small() *options {
	return &options{freezeAge: 18, eliteRank: 50, trainBorn: years{1980, 1989}, testBorn: years{1990, 1995}, swimSource: "sim", examples: 2}
}

func render(t *testing.T, o *options, st *datasets.Store) (page string, svgs, tables int) {
	t.Helper()
	p, err := o.build(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	return reporttest.Render(t, p)
}

// TestBuild runs the notebook on the small store: ROC, reliability, the
// birth-quarter bars and one forecast per sex; the metrics, odds-ratio and
// forecast-score tables; no section left out.
func TestBuild(t *testing.T) {
	page, svgs, tables := render(t, small(), smallStore(t))
	if svgs != 5 || tables != 3 {
		t.Errorf("%d charts and %d tables, want 5 and 3", svgs, tables)
	}
	for _, want := range []string{"ROC on the test cohort", "Reliability on the test cohort", "best_rank_before_cutoff",
		"Birth quarter of the selected athletes", "Q1:Q4", "mixed model (BLUP)", "95 % interval"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, `class="warn"`) {
		t.Errorf("a section was left out on the small store:\n%s", page)
	}
}

// TestMissingData: on a store without tennis or swimmers the sections say
// so rather than fail.
func TestMissingData(t *testing.T) {
	page, _, _ := render(t, small(), storetest.Open(t))
	if n := strings.Count(page, `class="warn"`); n != 3 {
		t.Errorf("%d warnings on an empty store, want 3 (one per section)", n)
	}
}
