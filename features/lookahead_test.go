package features

import (
	"bytes"
	"testing"
)

// TestNoLookAhead computes every set as of a cut-off, plants rows after it in
// results, physio_tests and matches (and a new athlete seen only after it),
// and checks that every output is byte for byte the same. It also checks that
// every set as of a later cut-off does see the planted rows, so the test can fail.
func TestNoLookAhead(t *testing.T) {
	tests := []struct {
		name  string
		cut   Cutoff
		later Cutoff // a cut-off that sees the planted rows
		plant []string
	}{
		{
			name:  "date",
			cut:   AsOfDate(day("2017-12-31")),
			later: AsOfDate(day("2030-01-01")),
			plant: []string{
				insertResults(`
				 (101, 1, DATE '2018-01-01', 18.0,  'athletics', '100m',           10.0, 's', true),
				 (102, 1, DATE '2018-06-01', 18.4,  'athletics', 'high-jump',      1.80, 'm', false),
				 (103, 2, DATE '2018-01-01', 16.5,  'athletics', '100m',           10.9, 's', true),
				 -- no birth date and no date: nothing says it was before the cut-off
				 (104, 3, NULL,              16.0,  'swimming',  '50m-freestyle',  25.0, 's', true),
				 -- 2002-03-15 + ⌈15.8 × 365.25⌉ = 5771 days = 2018-01-01
				 (105, 4, NULL,              15.8,  'swimming',  '100m-freestyle', 55.0, 's', true),
				 (106, 4, NULL,              16.5,  'swimming',  '200m-freestyle', 130.0, 's', true)`),
				`INSERT INTO physio_tests VALUES
				 (1, DATE '2018-01-01', 'height', 170, 'cm', 'test', 2),
				 (1, DATE '2018-02-01', 'grip', 35, 'kg', 'test', 2),
				 (4, DATE '2018-02-01', 'vo2max', 55, 'ml/kg/min', 'test', 2)`,
				insertMatches(`
				 (5, 'm5', 'tennis', DATE '2018-01-01', 'Binh', 'An', 2, 1, 'A', 'completed'),
				 (6, 'm6', 'tennis', DATE '2018-02-01', 'Dung', 'Binh', 4, 2, 'H', 'completed'),
				 (7, 'm7', 'football', DATE '2018-01-01', 'Hai Phong', 'Ha Noi', NULL, NULL, 'H', 'completed')`),
				`INSERT INTO athletes (athlete_id, name, name_key, sex, birth_date, province, batch_id) VALUES
				 (5, 'Em', 'em', 'F', DATE '2003-01-01', 'HUE', 2)`,
				insertResults(`(107, 5, DATE '2018-05-01', 15.33, 'athletics', '100m', 12.9, 's', true)`),
				`INSERT INTO physio_tests VALUES (5, DATE '2018-05-01', 'height', 158, 'cm', 'test', 2)`,
			},
		},
		{
			name:  "age",
			cut:   AsOfAge(17),
			later: AsOfAge(99),
			plant: []string{
				insertResults(`
				 -- 2017-01-01 is 6210 days = 17.002 years after 2000-01-01
				 (101, 1, DATE '2017-01-01', 17.0,  'athletics', '100m',           10.0, 's', true),
				 (102, 1, DATE '2017-02-01', 17.1,  'athletics', 'high-jump',      1.80, 'm', false),
				 -- the 17th birthday: 6209 days after 2001-07-01, an age of 16.9993 in 365.25-day years
				 (103, 2, DATE '2018-07-01', 16.999, 'athletics', '100m',          10.9, 's', true),
				 (104, 3, NULL,              17.0,  'swimming',  '50m-freestyle',  25.0, 's', true),
				 -- a date but no birth date, so no known age
				 (105, 3, DATE '2010-01-01', NULL,  'swimming',  '50m-freestyle',  24.0, 's', true),
				 (106, 4, NULL,              17.5,  'swimming',  '100m-freestyle', 55.0, 's', true),
				 (107, 4, DATE '2019-03-16', 17.0,  'swimming',  '200m-freestyle', 130.0, 's', true)`),
				`INSERT INTO physio_tests VALUES
				 (1, DATE '2017-01-01', 'height', 170, 'cm', 'test', 2),
				 (2, DATE '2018-07-01', 'grip', 35, 'kg', 'test', 2),
				 (3, DATE '2010-01-01', 'height', 150, 'cm', 'test', 2)`,
				insertMatches(`(5, 'm5', 'tennis', DATE '2018-07-01', 'Binh', 'An', 2, 1, 'A', 'completed')`),
				`INSERT INTO athletes (athlete_id, name, name_key, sex, birth_date, province, batch_id) VALUES
				 (5, 'Em', 'em', 'F', DATE '2000-01-01', 'HUE', 2)`,
				insertResults(`
				 (108, 5, DATE '2017-07-01', 17.5, 'athletics', '100m', 12.9, 's', true),
				 (109, 5, NULL,              18.0, 'athletics', '100m', 12.7, 's', true)`),
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := fixtureStore(t)
			before, later := map[string][]byte{}, map[string][]byte{}
			for _, set := range Sets() {
				before[set.Name] = canonical(t, st, set, tt.cut)
				later[set.Name] = canonical(t, st, set, tt.later)
			}

			exec(t, st, tt.plant...)

			for _, set := range Sets() {
				if got := canonical(t, st, set, tt.cut); !bytes.Equal(got, before[set.Name]) {
					t.Errorf("%s as of %s changed after planting rows past the cut-off:\n%s", set.Name, tt.cut, computeBytes(t, st, set, tt.cut, CSV))
				}
				if bytes.Equal(canonical(t, st, set, tt.later), later[set.Name]) {
					t.Errorf("%s as of %s did not see the planted rows: the test proves nothing", set.Name, tt.later)
				}
			}
		})
	}
}

// canonical is set as of cut written as Parquet followed by CSV: both are
// byte-reproducible. (Arrow IPC is not: it copies the value slots under NULLs,
// which DuckDB leaves uninitialised.)
func canonical(t *testing.T, src Source, set Set, cut Cutoff) []byte {
	return append(computeBytes(t, src, set, cut, Parquet), computeBytes(t, src, set, cut, CSV)...)
}
