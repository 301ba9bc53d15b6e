package features

import (
	"context"
	"errors"
	"math"
	"testing"
	"time"

	"github.com/podium-sport/podium/datasets/storetest"
)

// boundary is a store with rows on either side of the cut-offs tested in
// TestCutoffRules. Athlete 1 is born 2000-01-01: 2017-12-31 is 6574 days
// later and 2018-01-01 is 6575 days (18 × 365 + 5 leap days) later.
var boundary = []string{
	`INSERT INTO athletes (athlete_id, name, name_key, sex, birth_date, batch_id) VALUES
	 (1, 'A', 'a', 'F', DATE '2000-01-01', 1),
	 (2, 'B', 'b', 'M', NULL, 1),
	 (3, 'C', 'c', 'F', DATE '2001-01-01', 1),
	 (4, 'D', 'd', 'M', DATE '2005-01-01', 1),
	 (5, 'E', 'e', 'F', DATE '2004-05-01', 1)`,
	insertResults(`
	 (1, 1, DATE '2017-12-31', NULL,   'x', 'y', 1, 's', true),
	 (2, 1, DATE '2018-01-01', NULL,   'x', 'y', 1, 's', true),
	 -- no date: 17.998 × 365.25 = 6573.8 → at the latest day 6574 = 2017-12-31
	 (3, 1, NULL,              17.998, 'x', 'y', 1, 's', true),
	 -- 17.999 × 365.25 = 6574.1 → possibly day 6575 = 2018-01-01
	 (4, 1, NULL,              17.999, 'x', 'y', 1, 's', true),
	 (5, 2, NULL,              10.0,   'x', 'y', 1, 's', true),
	 (6, 2, DATE '2010-01-01', NULL,   'x', 'y', 1, 's', true),
	 (7, 2, DATE '2010-01-01', 17.5,   'x', 'y', 1, 's', true),
	 (8, 1, NULL,              18.0,   'x', 'y', 1, 's', true),
	 (9, 4, DATE '2018-06-01', 13.4,   'x', 'y', 1, 's', true),
	 -- athlete 5's 18th birthday, 2022-05-01, is only 6574 days (17.9986 × 365.25) after birth
	 (10, 5, DATE '2022-04-30', NULL,  'x', 'y', 1, 's', true),
	 (11, 5, DATE '2022-05-01', NULL,  'x', 'y', 1, 's', true)`),
	`INSERT INTO physio_tests VALUES
	 (1, DATE '2017-12-31', 'cmj', 1, 'cm', 't', 1),
	 (1, DATE '2018-01-01', 'cmj', 2, 'cm', 't', 1),
	 (2, DATE '2010-01-01', 'cmj', 3, 'cm', 't', 1)`,
	insertMatches(`
	 (1, '1', 'tennis',   DATE '2017-06-01', 'A', 'C', 1, 3, 'H', 'completed'),
	 (2, '2', 'tennis',   DATE '2018-06-01', 'A', 'C', 1, 3, 'A', 'completed'),
	 (3, '3', 'football', DATE '2017-01-01', 'X', 'Y', NULL, NULL, 'D', 'completed'),
	 (4, '4', 'tennis',   DATE '2016-01-01', 'A', 'B', 1, 2, 'H', 'completed')`),
}

// keysOf is a set listing the keys of one view, in order, as a single string.
func keysOf(view, key, order string) Set {
	return Set{Name: view, Version: 1,
		SQL:     "SELECT coalesce(string_agg(" + key + ", ' ' ORDER BY " + order + "), '') AS k FROM " + view,
		Columns: []Column{{"k", "utf8", ""}}}
}

// TestCutoffRules checks which rows each view keeps at the boundaries of the
// rules in the package documentation.
func TestCutoffRules(t *testing.T) {
	st := storetest.Open(t)
	exec(t, st, boundary...)
	results := keysOf("results", "CAST(result_id AS VARCHAR)", "result_id")
	physio := keysOf("physio_tests", "CAST(value AS VARCHAR)", "value")
	matches := keysOf("matches", "CAST(match_id AS VARCHAR)", "match_id")
	sides := keysOf("athlete_matches", "athlete_id || ':' || match_id", "athlete_id, match_id")
	athletes := keysOf("athletes", "CAST(athlete_id AS VARCHAR)", "athlete_id")
	d31, d30 := AsOfDate(day("2017-12-31")), AsOfDate(day("2017-12-30"))
	tests := []struct {
		name string
		set  Set
		cut  Cutoff
		want string
	}{
		// on the day counts, the day after does not; age-only rows by their latest
		// possible day; athlete 2 has no birth date: only the dated rows.
		{"results date", results, d31, "1 3 6 7"},
		{"results day before", results, d30, "6 7"},
		// athlete 1's 18th birthday is 2018-01-01 (also day ⌈18 × 365.25⌉ = 6575); rows
		// without a date (or without a birth date) by age < 18; the dated row 6 of
		// athlete 2 has no age; athlete 5's race on the birthday does not count.
		{"results age", results, AsOfAge(18), "1 3 4 5 7 9 10"},
		// 17th birthday 2017-01-01 + ⌈0.998 × 365.25⌉ = 365 days is 2018-01-01, but day
		// ⌈17.998 × 365.25⌉ = 6574 = 2017-12-31 is earlier: the last day is 2017-12-30.
		// Athlete 5 is 6573 / 365.25 = 17.9959 on 2022-04-30.
		{"results age 17.998", results, AsOfAge(17.998), "5 7 9 10"},
		{"physio date", physio, d31, "1.0 3.0"},
		{"physio age: no birth date, no age", physio, AsOfAge(18), "1.0"},
		{"matches date: team matches too", matches, d31, "1 3 4"},
		// match 4 has athlete 2, who has no birth date; match 3 has no athlete.
		{"matches age: before every athlete's cut-off", matches, AsOfAge(18), "1"},
		{"sides date", sides, d31, "1:1 1:4 2:4 3:1"},
		// athlete 3 turns 18 on 2019-01-01, after match 2; athlete 1 did before it.
		{"sides age: each athlete's own cut-off", sides, AsOfAge(18), "1:1 1:4 3:1 3:2"},
		// athlete 4's only result is in 2018.
		{"athletes date", athletes, d31, "1 2 3"},
		{"athletes age", athletes, AsOfAge(18), "1 2 3 4 5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rows(t, st, tt.set, tt.cut)
			if len(got) != 1 || got[0]["k"] != tt.want {
				t.Errorf("%s as of %s = %v, want %q", tt.set.Name, tt.cut, got, tt.want)
			}
		})
	}
}

func TestCutoffInvalid(t *testing.T) {
	st := storetest.Open(t)
	tests := []struct {
		name string
		cut  Cutoff
		ok   bool
	}{
		{"zero", Cutoff{}, false},
		{"negative age", AsOfAge(-1), false},
		{"NaN age", AsOfAge(math.NaN()), false},
		{"age over 100", AsOfAge(101), false},
		{"age 100", AsOfAge(100), true},
		{"date", AsOfDate(time.Date(2020, 2, 29, 23, 30, 0, 0, time.FixedZone("ICT", 7*3600))), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rr, err := Compute(context.Background(), st, Progression, tt.cut)
			if err == nil {
				rr.Release()
			}
			if tt.ok && err != nil || !tt.ok && !errors.Is(err, ErrCutoff) {
				t.Errorf("error %v, want ok=%v or ErrCutoff", err, tt.ok)
			}
		})
	}
}

func TestCutoffString(t *testing.T) {
	tests := []struct {
		cut  Cutoff
		want string
	}{
		// the civil day in the time's own zone, not in UTC
		{AsOfDate(time.Date(2020, 2, 29, 23, 30, 0, 0, time.FixedZone("ICT", 7*3600))), "2020-02-29"},
		{AsOfAge(18), "age 18"},
		{AsOfAge(17.5), "age 17.5"},
	}
	for _, tt := range tests {
		if got := tt.cut.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}
