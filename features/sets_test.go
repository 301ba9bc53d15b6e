package features

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// rows computes set as of cut and returns its rows as column name → value
// (nil for NULL, dates as YYYY-MM-DD).
func rows(t *testing.T, src Source, set Set, cut Cutoff) []map[string]any {
	t.Helper()
	rr := compute(t, src, set, cut)
	var out []map[string]any
	for rr.Next() {
		rec := rr.Record()
		for i := 0; i < int(rec.NumRows()); i++ {
			row := map[string]any{}
			for j, col := range rec.Columns() {
				v := col.GetOneForMarshal(i)
				if s, ok := v.(string); ok {
					v = strings.Clone(s) // the reader's buffers go with Release
				}
				row[rec.ColumnName(j)] = v
			}
			out = append(out, row)
		}
	}
	if err := rr.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSetsGolden computes every set on the fixture at a date and an age
// cut-off; the numbers of progression are worked out in TestProgression.
func TestSetsGolden(t *testing.T) {
	st := fixtureStore(t)
	cuts := []struct {
		name string
		cut  Cutoff
	}{
		{"2017-12-31", AsOfDate(day("2017-12-31"))},
		{"age17", AsOfAge(17)},
	}
	for _, set := range Sets() {
		for _, c := range cuts {
			t.Run(set.Name+"/"+c.name, func(t *testing.T) {
				golden(t, set.Name+"_"+c.name+".csv", computeBytes(t, st, set, c.cut, CSV))
			})
		}
	}
}

// TestProgression checks progression's numbers against hand calculations on
// the fixture (see fixtureStore for the data).
func TestProgression(t *testing.T) {
	st := fixtureStore(t)
	nan := math.NaN() // NULL
	type want struct {
		athlete                                      int64
		discipline                                   string
		n                                            int64
		best, mean, sd, slope, last, lastAge, atBest float64
	}
	tests := []struct {
		name string
		cut  Cutoff
		want []want
	}{
		{"date 2017-12-31", AsOfDate(day("2017-12-31")), []want{
			// 100m 12.6, 12.2, 12.3 at 15, 16, 17 (11.9 at 18 is in 2018): mean 37.1/3;
			// deviations .233, −.167, −.067 → sd = √(.08667/2) = .20817;
			// slope = Σdx·dy / Σdx² = (−.2333 − .0667) / 2 = −.15 s per year.
			{1, "100m", 3, 12.2, 37.1 / 3, 0.208167, -0.15, 12.3, 17, 16},
			// long jump 5.10 and 5.30 on one day at 16.4, 5.30 at 17.4: mean 15.7/3;
			// sd = √(.02667/2) = .11547; x̄ = 16.733, Σdx² = .6667, Σdx·dy = .06667 → .1 m per year;
			// the best 5.30 first at 16.4.
			{1, "long-jump", 3, 5.3, 15.7 / 3, 0.115470, 0.1, 5.3, 17.4, 16.4},
			// one result: no sd, no slope.
			{2, "100m", 1, 11.5, 11.5, nan, nan, 11.5, 15.67, 15.67},
			// no birth date: the two age-only results have no date and are left out;
			// the dated 28.5 counts, with an unknown age.
			{3, "50m-freestyle", 1, 28.5, 28.5, nan, nan, 28.5, nan, nan},
			// age-only results at 14.5 and 15.5 happened by 2002-03-15 + ⌈15.5 × 365.25⌉ days
			// = 2017-09-14 at the latest: both count; slope (60 − 62) / 1.
			{4, "100m-freestyle", 2, 60, 61, math.Sqrt2, -2, 60, 15.5, 15.5},
		}},
		{"age 17", AsOfAge(17), []want{
			// the 17th birthday, 2017-01-01, is not before age 17: 12.6 and 12.2 → slope −.4.
			{1, "100m", 2, 12.2, 12.4, 0.282843, -0.4, 12.2, 16, 16},
			// both jumps at 16.4: no spread of ages, no slope; the later result_id is "last".
			{1, "long-jump", 2, 5.3, 5.2, 0.141421, nan, 5.3, 16.4, 16.4},
			// the 17th birthday is 2018-07-01: both results (2017-03-01, 2018-03-01); (11.2 − 11.5) / 1.
			{2, "100m", 2, 11.2, 11.35, 0.212132, -0.3, 11.2, 16.67, 16.67},
			// no birth date: the age-only results count, the dated one (age unknown) does not.
			{3, "50m-freestyle", 2, 29, 29.5, math.Sqrt2 / 2, -1, 29, 15, 15},
			{4, "100m-freestyle", 2, 60, 61, math.Sqrt2, -2, 60, 15.5, 15.5},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rows(t, st, Progression, tt.cut)
			if len(got) != len(tt.want) {
				t.Fatalf("%d rows, want %d: %v", len(got), len(tt.want), got)
			}
			for i, w := range tt.want {
				g := got[i]
				if g["athlete_id"] != w.athlete || g["discipline"] != w.discipline || g["n"] != w.n {
					t.Errorf("row %d: athlete %v %v n=%v, want %d %s n=%d", i, g["athlete_id"], g["discipline"], g["n"], w.athlete, w.discipline, w.n)
				}
				for _, c := range []struct {
					col  string
					want float64
				}{
					{"best", w.best}, {"mean", w.mean}, {"sd", w.sd}, {"slope_per_year", w.slope},
					{"last_mark", w.last}, {"last_age", w.lastAge}, {"age_at_best", w.atBest},
				} {
					if !close(g[c.col], c.want) {
						t.Errorf("athlete %d %s: %s = %v, want %v", w.athlete, w.discipline, c.col, g[c.col], c.want)
					}
				}
			}
		})
	}
}

// close reports whether v (a float64, or nil for NULL) is want to 1e-6, NaN
// standing for NULL.
func close(v any, want float64) bool {
	if math.IsNaN(want) {
		return v == nil
	}
	f, ok := v.(float64)
	return ok && math.Abs(f-want) < 1e-6
}

// TestOtherSets checks values of the other sets worked out by hand.
func TestOtherSets(t *testing.T) {
	st := fixtureStore(t)
	date := AsOfDate(day("2017-12-31"))
	tests := []struct {
		name string
		set  Set
		cut  Cutoff
		row  int
		want map[string]any
	}{
		// height 165 and 166 on 2017-01-01, the latest of three tests: the mean; age 6210 days / 365.25.
		{"physio latest same-day mean", PhysioLatest, date, 1,
			map[string]any{"athlete_id": int64(1), "test": "height", "value": 165.5, "date": "2017-01-01", "n": int64(3), "age_years": 6210 / 365.25}},
		// as of age 17 (to 2016-12-31) the latest height is the 2016-01-01 one, 5844 days = 16 years.
		{"physio latest age cut-off", PhysioLatest, AsOfAge(17), 1,
			map[string]any{"test": "height", "value": 160.0, "date": "2016-01-01", "n": int64(1), "age_years": 16.0}},
		// born 1 July 2001: day 182 of 365 → 181/365; third quarter; on 2017-12-31
		// 16 years (16 × 365 + 4 leap days = 5844 days) and 183 days old.
		{"profile relative age", AthleteProfile, date, 1,
			map[string]any{"athlete_id": int64(2), "birth_quarter": int64(3), "relative_age": 181.0 / 365, "age_years": (5844 + 183) / 365.25, "n_results": int64(1), "disciplines": "100m"}},
		// athlete 1: three 100m results and three jumps before 2018 (the 2018-01-01 race is after).
		{"profile results", AthleteProfile, date, 0,
			map[string]any{"n_results": int64(6), "n_disciplines": int64(2), "disciplines": "100m,long-jump", "relative_age": 0.0}},
		// no birth date: under an age cut-off the athlete has no cut-off date.
		{"profile no birth date", AthleteProfile, AsOfAge(17), 2,
			map[string]any{"athlete_id": int64(3), "as_of_date": nil, "age_years": 17.0, "birth_quarter": nil, "n_results": int64(2)}},
		// m1 won at home, m2 lost away; m3 is scheduled, not played.
		{"match record", MatchRecord, date, 0,
			map[string]any{"athlete_id": int64(1), "played": int64(2), "wins": int64(1), "losses": int64(1), "win_rate": 0.5, "last_date": "2017-05-01"}},
		// as of age 17 athlete 1 (to 2016-12-31) has played m1 only.
		{"match record age", MatchRecord, AsOfAge(17), 0,
			map[string]any{"athlete_id": int64(1), "played": int64(1), "wins": int64(1), "win_rate": 1.0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rows(t, st, tt.set, tt.cut)
			if tt.row >= len(got) {
				t.Fatalf("only %d rows", len(got))
			}
			for k, w := range tt.want {
				g := got[tt.row][k]
				if wf, ok := w.(float64); ok {
					if !close(g, wf) {
						t.Errorf("%s = %v, want %v", k, g, w)
					}
				} else if g != w {
					t.Errorf("%s = %v (%T), want %v (%T)", k, g, g, w, w)
				}
			}
		})
	}
}

// TestColumnsDocumented checks that Compute refuses an output that differs
// from the documented columns.
func TestColumnsDocumented(t *testing.T) {
	st := fixtureStore(t)
	bad := Progression
	bad.Columns = append([]Column(nil), Progression.Columns...)
	bad.Columns[5].Type = "float64"
	if _, err := Compute(context.Background(), st, bad, AsOfAge(18)); err == nil || !strings.Contains(err.Error(), "documented") {
		t.Errorf("Compute with a wrong column type: %v, want a documentation mismatch", err)
	}
	short := Progression
	short.Columns = Progression.Columns[:3]
	if _, err := Compute(context.Background(), st, short, AsOfAge(18)); err == nil {
		t.Error("Compute with missing columns succeeded")
	}
}

// TestVersions fails when a set's SQL or columns, or the cut-off views, change
// but its version does not: testdata/versions.golden records name, version and
// a digest of them (go test -update records new versions).
func TestVersions(t *testing.T) {
	recorded := map[string][2]string{} // name → version, digest
	if b, err := os.ReadFile(filepath.Join("testdata", "versions.golden")); err == nil {
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			if f := strings.Fields(line); len(f) == 3 {
				recorded[f[0]] = [2]string{f[1], f[2]}
			}
		}
	}
	var b strings.Builder
	for _, s := range Sets() {
		h := sha256.New()
		h.Write([]byte(dateViews + ageViews + s.SQL))
		for _, c := range s.Columns {
			fmt.Fprintf(h, "\x00%s\x00%s", c.Name, c.Type)
		}
		version, digest := strconv.Itoa(s.Version), hex.EncodeToString(h.Sum(nil))[:16]
		fmt.Fprintf(&b, "%s %s %s\n", s.Name, version, digest)
		if r, ok := recorded[s.Name]; ok && r[0] == version && r[1] != digest {
			t.Errorf("set %s changed but is still version %s: bump Version, then go test -update", s.Name, version)
		}
	}
	if !t.Failed() {
		golden(t, "versions.golden", []byte(b.String()))
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		name    string
		wantErr error
	}{
		{"progression", nil},
		{"physio_latest", nil},
		{"athlete_profile", nil},
		{"match_record", nil},
		{"Progression", ErrUnknownSet},
		{"", ErrUnknownSet},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Lookup(tt.name)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Lookup(%q) error %v, want %v", tt.name, err, tt.wantErr)
			}
			if err == nil && (s.Name != tt.name || s.Version < 1 || s.Doc == "" || len(s.Columns) == 0) {
				t.Errorf("Lookup(%q) = %+v: incomplete", tt.name, s)
			}
		})
	}
}
