package importers

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/podium-sport/podium/datasets/storetest"

	"github.com/podium-sport/podium/datasets"
)

// sharedDatasets finds the shared public datasets: $PODIUM_SHARED (the
// datasets folder itself, or the shared folder above it), else
// ../../../shared/datasets from this package (the project root's sibling).
func sharedDatasets(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("SKIPPING in -short mode: the full public datasets are not imported")
	}
	var tried []string
	if env := os.Getenv("PODIUM_SHARED"); env != "" {
		tried = append(tried, filepath.Join(env, "datasets"), env)
	}
	tried = append(tried, filepath.Join("..", "..", "..", "shared", "datasets"))
	for _, dir := range tried {
		if st, err := os.Stat(filepath.Join(dir, "tennis-atp")); err == nil && st.IsDir() {
			abs, _ := filepath.Abs(dir)
			return abs
		}
	}
	t.Skipf("SKIPPING: shared datasets not found at %v (set PODIUM_SHARED): the full-data import is NOT checked", tried)
	return ""
}

// sourceRecords reads every record (not the header) of the CSV files that
// match glob, gzip-compressed, with encoding/csv alone: the count the
// import is checked against, independent of the importer's reader.
func sourceRecords(t *testing.T, glob string, fn func(header, rec []string)) int64 {
	t.Helper()
	files, err := filepath.Glob(glob)
	if err != nil || len(files) == 0 {
		t.Fatalf("no files match %s (%v)", glob, err)
	}
	var n int64
	for _, f := range files {
		c, err := openCSV(f)
		if err != nil {
			t.Fatal(err)
		}
		for {
			rec, _, err := c.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			n++
			if fn != nil {
				fn(c.header, rec)
			}
		}
		c.Close()
	}
	return n
}

// importTimed imports a dataset into st and logs the time and the totals.
func importTimed(t *testing.T, st *datasets.Store, name, dir string) *Summary {
	t.Helper()
	var rows int64
	sum, err := Import(context.Background(), st, name, dir, func(n int64) { rows += n })
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	t.Logf("%s: %d files, %.1fs, %d rows read (progress), %d skipped, %d notes", name, sum.Files, sum.Seconds, rows, len(sum.Skipped), len(sum.Notes))
	for k, tot := range sum.Totals() {
		t.Logf("  %-8s rows %8d inserted %8d updated %d unchanged %d (parts %d, already loaded %d)",
			k, tot.Rows, tot.Inserted, tot.Updated, tot.Unchanged, tot.Parts, tot.AlreadyLoaded)
	}
	return sum
}

// reimport imports the dataset again and checks that nothing changed.
func reimport(t *testing.T, st *datasets.Store, name, dir string) {
	t.Helper()
	ctx := context.Background()
	before, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := Import(ctx, st, name, dir, nil)
	if err != nil {
		t.Fatalf("second import of %s: %v", name, err)
	}
	for k, tot := range sum.Totals() {
		if tot.AlreadyLoaded != tot.Parts {
			t.Errorf("second import of %s, %s: %+v, want every part already loaded", name, k, tot)
		}
	}
	after, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Errorf("second import of %s changed the store: %v → %v", name, before.Tables, after.Tables)
	}
	t.Logf("second import of %s: %.2fs, nothing changed", name, sum.Seconds)
}

func TestFullDataTennis(t *testing.T) {
	dir := filepath.Join(sharedDatasets(t), "tennis-atp")
	players := sourceRecords(t, filepath.Join(dir, "atp_players.csv.gz"), nil)
	// A match whose two sides have one name cannot load (the store needs two sides).
	var selfMatches int64
	matches := sourceRecords(t, filepath.Join(dir, "atp_matches_*.csv.gz"), func(h, rec []string) {
		c, _ := columns("", h, "winner_name", "loser_name")
		if datasets.NameKey(rec[c["winner_name"]]) == datasets.NameKey(rec[c["loser_name"]]) {
			selfMatches++
		}
	})
	st := storetest.Open(t)
	sum := importTimed(t, st, "tennis-atp", dir)
	defer reimport(t, st, "tennis-atp", dir)
	if got := storetest.Count(t, st, "SELECT count(*) FROM athlete_aliases WHERE source = 'atp'"); got != players {
		t.Errorf("athlete aliases: %d, want one per player row: %d", got, players)
	}
	if got := storetest.Count(t, st, "SELECT count(*) FROM matches WHERE source = 'atp'"); got != matches-selfMatches {
		t.Errorf("matches: %d, want %d rows - %d self-matches", got, matches, selfMatches)
	}
	if int64(len(sum.Skipped)) != selfMatches {
		t.Errorf("skipped %d rows, want the %d self-matches: %v", len(sum.Skipped), selfMatches, sum.Skipped)
	}
	t.Logf("source: %d players, %d matches (%d self-matches); store: %d athletes", players, matches, selfMatches,
		storetest.Count(t, st, "SELECT count(*) FROM athletes"))
}

func TestFullDataAthletics(t *testing.T) {
	dir := filepath.Join(sharedDatasets(t), "athletics-all-time")
	rows := sourceRecords(t, filepath.Join(dir, "*", "*.csv.gz"), nil)
	st := storetest.Open(t)
	sum := importTimed(t, st, "athletics", dir)
	defer reimport(t, st, "athletics", dir)
	if got := storetest.Count(t, st, "SELECT count(*) FROM results WHERE source = 'world-athletics'"); got != rows {
		t.Errorf("results: %d, want one per list row: %d", got, rows)
	}
	derived := sum.Totals()[datasets.KindAthletes].Rows
	if got := storetest.Count(t, st, "SELECT count(*) FROM athlete_aliases WHERE source = 'world-athletics'"); got != derived || got == 0 {
		t.Errorf("athlete aliases: %d, want one per derived athlete: %d", got, derived)
	}
	if len(sum.Skipped) != 0 {
		t.Errorf("skipped %d rows: %v", len(sum.Skipped), sum.Skipped)
	}
	t.Logf("source: %d list rows; store: %d results, %d derived athletes, %d athletes", rows,
		storetest.Count(t, st, "SELECT count(*) FROM results"), derived, storetest.Count(t, st, "SELECT count(*) FROM athletes"))
}

func TestFullDataSwimming(t *testing.T) {
	dir := filepath.Join(sharedDatasets(t), "swimming-ffn-100m-freestyle")
	ids := map[string]bool{}
	rows := sourceRecords(t, filepath.Join(dir, "swimmers.csv.gz"), func(_, rec []string) { ids[rec[0]] = true })
	st := storetest.Open(t)
	importTimed(t, st, "swimming", dir)
	defer reimport(t, st, "swimming", dir)
	if got := storetest.Count(t, st, "SELECT count(*) FROM results WHERE source = 'ffn'"); got != rows {
		t.Errorf("results: %d, want one per row: %d", got, rows)
	}
	if got := storetest.Count(t, st, "SELECT count(*) FROM athlete_aliases WHERE source = 'ffn'"); got != int64(len(ids)) {
		t.Errorf("athlete aliases: %d, want one per swimmer ID: %d", got, len(ids))
	}
}

func TestFullDataFootball(t *testing.T) {
	dir := filepath.Join(sharedDatasets(t), "football-odds")
	var notMatches int64 // rows without date or teams
	rows := sourceRecords(t, filepath.Join(dir, "*", "*.csv.gz"), func(h, rec []string) {
		c, _ := columns("", h, "Date", "HomeTeam", "AwayTeam")
		if field(rec, c["Date"]) == "" || field(rec, c["HomeTeam"]) == "" || field(rec, c["AwayTeam"]) == "" {
			notMatches++
		}
	})
	st := storetest.Open(t)
	sum := importTimed(t, st, "football-data", dir)
	defer reimport(t, st, "football-data", dir)
	if got := storetest.Count(t, st, "SELECT count(*) FROM matches WHERE source = 'football-data'"); got != rows-notMatches {
		t.Errorf("matches: %d, want %d rows - %d without date or teams", got, rows, notMatches)
	}
	if int64(len(sum.Skipped)) != notMatches {
		t.Errorf("skipped %d rows, want %d: %v", len(sum.Skipped), notMatches, sum.Skipped)
	}
	t.Logf("source: %d rows (%d not matches); store: %d matches, %d odds", rows, notMatches,
		storetest.Count(t, st, "SELECT count(*) FROM matches"), storetest.Count(t, st, "SELECT count(*) FROM odds"))
}
