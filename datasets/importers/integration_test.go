package importers

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/podium-sport/podium/datasets/storetest"

	"github.com/podium-sport/podium/datasets"
)

// TestImportFixtures imports every fixture dataset through the real store,
// checks that each source row became one row, and that a second import
// changes nothing.
func TestImportFixtures(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	root := fixture() // the fixtures' root, like the shared datasets folder
	tennisMatches := sourceRecords(t, fixture("tennis-atp", "atp_matches_*.csv"), nil)
	athletics := sourceRecords(t, fixture("athletics-all-time", "*", "*.csv"), nil)
	football := sourceRecords(t, fixture("football-odds", "*", "*.csv"), nil)
	tests := []struct {
		dataset, source string
		skipped         int
		counts          map[string]int64 // query → rows
	}{
		{"tennis-atp", "atp", 1, map[string]int64{ // Steven De Waard v himself is skipped
			"SELECT count(*) FROM athlete_aliases WHERE source = 'atp'":                                                  sourceRecords(t, fixture("tennis-atp", "atp_players.csv"), nil),
			"SELECT count(*) FROM matches WHERE source = 'atp'":                                                          tennisMatches - 1,
			"SELECT count(*) FROM matches WHERE source = 'atp' AND (home_athlete_id IS NULL OR away_athlete_id IS NULL)": 0,
		}},
		{"athletics", "world-athletics", 0, map[string]int64{
			"SELECT count(*) FROM results WHERE source = 'world-athletics'": athletics,
			// Hector PEREZ's birth date (2004, result 1991) is withheld: his result has no age.
			"SELECT count(*) FROM results WHERE source = 'world-athletics' AND age_years IS NULL AND athlete_id IN (SELECT athlete_id FROM athletes WHERE name = 'Hector PEREZ')": 1,
			"SELECT count(DISTINCT discipline) FROM results WHERE source = 'world-athletics'":                                                                                     10, // the fixture's ten event files
		}},
		{"swimming", "ffn", 0, map[string]int64{
			"SELECT count(*) FROM results WHERE source = 'ffn'":                                                  39,
			"SELECT count(*) FROM athlete_aliases WHERE source = 'ffn'":                                          3,
			"SELECT count(*) FROM results WHERE source = 'ffn' AND date IS NULL AND age_years BETWEEN 10 AND 20": 39,
		}},
		{"football-data", "football-data", 0, map[string]int64{
			"SELECT count(*) FROM matches WHERE source = 'football-data'": football,
			// Pinnacle's opening and closing prices for each of the four E0 2016-17 matches.
			"SELECT count(*) FROM odds WHERE bookmaker = 'pinnacle' AND phase IN ('opening', 'closing') AND match_id IN (SELECT match_id FROM matches WHERE division = 'E0' AND date >= '2016-08-01')": 24,
			"SELECT count(*) FROM odds WHERE bookmaker LIKE 'betbrain%'": 0,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.dataset, func(t *testing.T) {
			sum, err := Import(ctx, st, tt.dataset, root, nil)
			if err != nil {
				t.Fatal(err)
			}
			if sum.Source != tt.source || len(sum.Skipped) != tt.skipped {
				t.Errorf("source %s, skipped %v; want %s and %d skipped", sum.Source, sum.Skipped, tt.source, tt.skipped)
			}
			for q, want := range tt.counts {
				if got := storetest.Count(t, st, q); got != want {
					t.Errorf("%s = %d, want %d", q, got, want)
				}
			}
			for k, tot := range sum.Totals() {
				if tot.Rows != tot.Inserted || tot.AlreadyLoaded != 0 {
					t.Errorf("%s: %+v, want every row inserted", k, tot)
				}
			}
		})
	}
	before, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		sum, err := Import(ctx, st, tt.dataset, root, nil)
		if err != nil {
			t.Fatal(err)
		}
		for k, tot := range sum.Totals() {
			if tot.AlreadyLoaded != tot.Parts || tot.Inserted+tot.Updated != 0 {
				t.Errorf("second import of %s, %s: %+v, want every part already loaded", tt.dataset, k, tot)
			}
		}
	}
	after, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Errorf("a second import changed the store:\nbefore %v\nafter  %v", before.Tables, after.Tables)
	}
}

// TestImportChangedFile: a file that grew loads again; its earlier rows
// match by natural key (source_ref) and stay unchanged.
func TestImportChangedFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	src, err := os.ReadFile(fixture("swimming-ffn-100m-freestyle", "swimmers.csv"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "swimmers.csv")
	os.WriteFile(path, src, 0o644)
	st := storetest.Open(t)
	if _, err := Import(ctx, st, "swimming", dir, nil); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, append(src, []byte(`"2000",16.7,57.1,1`+"\n")...), 0o644)
	sum, err := Import(ctx, st, "swimming", dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	res := sum.Totals()[datasets.KindResults]
	if res.Rows != 40 || res.Inserted != 1 || res.Unchanged != 39 {
		t.Errorf("results %+v, want 40 rows: 1 inserted, 39 unchanged", res)
	}
	if n := storetest.Count(t, st, "SELECT count(*) FROM results"); n != 40 {
		t.Errorf("%d results, want 40", n)
	}
}

func TestImportErrors(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	if _, err := Import(ctx, st, "cricket", fixture(), nil); err == nil {
		t.Error("unknown dataset: no error")
	}
	if _, err := Import(ctx, st, "tennis-atp", t.TempDir(), nil); err == nil {
		t.Error("empty folder: no error")
	}
	// A row the store rejects fails the whole load, with file and line.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "swimmers.csv"), []byte(`"ID","Age","Performance","Gender"`+"\n"+`"1",14.5,57.2,1`+"\n"+`"1",14.6,-3,1`+"\n"), 0o644)
	_, err := Import(ctx, st, "swimming", dir, nil)
	var lerr *datasets.LoadError
	if !errors.As(err, &lerr) || len(lerr.Problems) != 1 || lerr.Problems[0].Line != 3 || lerr.Problems[0].Field != "mark" {
		t.Fatalf("err = %v, want a LoadError on line 3, field mark", err)
	}
	if n := storetest.Count(t, st, "SELECT count(*) FROM results"); n != 0 {
		t.Errorf("%d results after a rejected load, want 0", n)
	}
}
