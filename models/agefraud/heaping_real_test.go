package agefraud

import (
	"compress/gzip"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"
)

// sharedData is the folder of the shared public datasets (see its README).
const sharedData = "../../../shared/datasets"

// readCSV calls row for every record of a gzip-compressed CSV file after
// its header, with the column index of each header name.
func readCSV(t *testing.T, path string, row func(rec []string, col map[string]int)) {
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
	r := csv.NewReader(z)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		t.Fatalf("%s: header: %v", path, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(rec) == len(header) {
			row(rec, col)
		}
	}
}

func needShared(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(sharedData); err != nil {
		t.Skipf("SKIPPED: shared datasets not found at %s (%v): the real-data heaping figures were not measured", sharedData, err)
	}
}

// TestHeapingATPPlayers measures 1-January heaping of the ATP players'
// birth dates (atp_players.csv.gz, column dob YYYYMMDD), overall and for
// the countries with the largest excess.
func TestHeapingATPPlayers(t *testing.T) {
	needShared(t)
	byCountry := map[string][]time.Time{}
	var all []time.Time
	readCSV(t, filepath.Join(sharedData, "tennis-atp", "atp_players.csv.gz"), func(rec []string, col map[string]int) {
		d, err := time.Parse("20060102", rec[col["dob"]])
		if err != nil {
			return
		}
		all = append(all, d)
		byCountry[rec[col["ioc"]]] = append(byCountry[rec[col["ioc"]]], d)
	})
	h := HeapingTest(all)
	t.Logf("ATP players: %s", h)
	logWorstGroups(t, "ATP country", byCountry)
	if h.Births < 40000 {
		t.Errorf("read %d ATP birth dates, want the ~47,600 of the README", h.Births)
	}
}

// TestHeapingWorldAthletics measures 1-January heaping of the birth dates
// of the athletes of the World Athletics all-time lists (one per
// competitor, birth date and nationality across all events).
func TestHeapingWorldAthletics(t *testing.T) {
	needShared(t)
	if testing.Short() {
		t.Skip("reads 97 files (~466k rows): skipped under -short")
	}
	files, err := filepath.Glob(filepath.Join(sharedData, "athletics-all-time", "*", "*.csv.gz"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no athletics files: %v", err)
	}
	seen := map[[3]string]bool{}
	byNat := map[string][]time.Time{}
	var all []time.Time
	for _, f := range files {
		readCSV(t, f, func(rec []string, col map[string]int) {
			name, dob, nat := rec[col["Competitor"]], rec[col["DOB"]], rec[col["Nat"]]
			key := [3]string{name, dob, nat}
			d, err := time.Parse("02 Jan 2006", titleMonth(dob))
			if err != nil || seen[key] {
				return
			}
			seen[key] = true
			all = append(all, d)
			byNat[nat] = append(byNat[nat], d)
		})
	}
	h := HeapingTest(all)
	t.Logf("World Athletics all-time lists: %s", h)
	logWorstGroups(t, "nationality", byNat)
	if h.Births < 10000 {
		t.Errorf("read %d athletes with full birth dates, want > 10,000", h.Births)
	}
}

// titleMonth turns "21 AUG 1986" into "21 Aug 1986" for time.Parse.
func titleMonth(s string) string {
	b := []byte(s)
	for i := 4; i < len(b) && i < 6; i++ {
		if b[i] >= 'A' && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}

// logWorstGroups logs the five groups of 200 births or more with the
// smallest heaping p-values.
func logWorstGroups(t *testing.T, what string, groups map[string][]time.Time) {
	type g struct {
		name string
		h    Heaping
	}
	var gs []g
	for name, ds := range groups {
		if len(ds) >= 200 {
			gs = append(gs, g{name, HeapingTest(ds)})
		}
	}
	sort.Slice(gs, func(i, j int) bool { return gs[i].h.P < gs[j].h.P })
	for _, x := range gs[:min(5, len(gs))] {
		t.Logf("  %s %s: %s", what, x.name, x.h)
	}
}
