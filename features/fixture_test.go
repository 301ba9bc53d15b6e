package features

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/podium-sport/podium/datasets/storetest"

	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/podium-sport/podium/datasets"
)

var _ Source = (*datasets.Store)(nil)

// exec runs each statement, failing the test on an error.
func exec(t testing.TB, st *datasets.Store, stmts ...string) {
	t.Helper()
	for _, q := range stmts {
		if _, err := st.Exec(context.Background(), q); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// The hand-made fixture. Ages are given with the results (as a feed that
// gives both date and age would), so that the expected numbers in the tests
// can be worked out by hand; they agree with (date − birth) / 365.25 to
// within 0.02 years.
//
//	athlete 1  F  born 2000-01-01  HN   athletics 100m and long-jump, physio, tennis
//	athlete 2  M  born 2001-07-01  HCM  athletics 100m, physio, tennis
//	athlete 3  F  birth unknown         swimming: two results with only an age, one with only a date
//	athlete 4  M  born 2002-03-15  DN   swimming: results with only an age
var fixture = []string{
	`INSERT INTO athletes (athlete_id, name, name_key, sex, birth_date, province, height_cm, batch_id) VALUES
	 (1, 'An', 'an', 'F', DATE '2000-01-01', 'HN', 171, 1),
	 (2, 'Binh', 'binh', 'M', DATE '2001-07-01', 'HCM', NULL, 1),
	 (3, 'Chi', 'chi', 'F', NULL, NULL, NULL, 1),
	 (4, 'Dung', 'dung', 'M', DATE '2002-03-15', 'DN', NULL, 1)`,
	insertResults(`
	 (1,  1, DATE '2015-01-01', 15.0,  'athletics', '100m',            12.6, 's', true),
	 (2,  1, DATE '2016-01-01', 16.0,  'athletics', '100m',            12.2, 's', true),
	 (3,  1, DATE '2017-01-01', 17.0,  'athletics', '100m',            12.3, 's', true),
	 (4,  1, DATE '2018-01-01', 18.0,  'athletics', '100m',            11.9, 's', true),
	 (5,  1, DATE '2016-06-01', 16.4,  'athletics', 'long-jump',       5.10, 'm', false),
	 (6,  1, DATE '2016-06-01', 16.4,  'athletics', 'long-jump',       5.30, 'm', false),
	 (7,  1, DATE '2017-06-01', 17.4,  'athletics', 'long-jump',       5.30, 'm', false),
	 (8,  2, DATE '2017-03-01', 15.67, 'athletics', '100m',            11.5, 's', true),
	 (9,  2, DATE '2018-03-01', 16.67, 'athletics', '100m',            11.2, 's', true),
	 (10, 3, NULL,              14.0,  'swimming',  '50m-freestyle',   30.0, 's', true),
	 (11, 3, NULL,              15.0,  'swimming',  '50m-freestyle',   29.0, 's', true),
	 (12, 3, DATE '2017-05-01', NULL,  'swimming',  '50m-freestyle',   28.5, 's', true),
	 (13, 4, NULL,              14.5,  'swimming',  '100m-freestyle',  62.0, 's', true),
	 (14, 4, NULL,              15.5,  'swimming',  '100m-freestyle',  60.0, 's', true)`),
	`INSERT INTO physio_tests VALUES
	 (1, DATE '2016-01-01', 'height', 160, 'cm', 'test', 1),
	 (1, DATE '2017-01-01', 'height', 165, 'cm', 'test', 1),
	 (1, DATE '2017-01-01', 'height', 166, 'cm', 'test', 1),
	 (1, DATE '2016-06-01', 'cmj', 30, 'cm', 'test', 1),
	 (2, DATE '2017-03-01', 'body_mass', 60, 'kg', 'test', 1)`,
	insertMatches(`
	 (1, 'm1', 'tennis', DATE '2016-05-01', 'An', 'Binh', 1, 2, 'H', 'completed'),
	 (2, 'm2', 'tennis', DATE '2017-05-01', 'Binh', 'An', 2, 1, 'H', 'completed'),
	 (3, 'm3', 'tennis', DATE '2017-08-01', 'An', 'Binh', 1, 2, NULL, 'scheduled'),
	 (4, 'm4', 'football', DATE '2017-01-01', 'Ha Noi', 'Hai Phong', NULL, NULL, 'D', 'completed')`),
}

// insertMatches is an INSERT of matches given as (match_id, source_id, sport,
// date, home, away, home_athlete_id, away_athlete_id, result, status).
func insertMatches(values string) string {
	return `INSERT INTO matches (match_id, source, source_id, sport, date, home, away,
	        home_athlete_id, away_athlete_id, result, status, batch_id)
	 SELECT *, 1 FROM (SELECT match_id, 'test', source_id, sport, date, home, away,
	        home_athlete_id, away_athlete_id, result, status
	 FROM (VALUES ` + values + `) v(match_id, source_id, sport, date, home, away,
	        home_athlete_id, away_athlete_id, result, status))`
}

// insertResults is an INSERT of results given as
// (result_id, athlete_id, date, age_years, sport, discipline, mark, unit, lower_is_better).
func insertResults(values string) string {
	return `INSERT INTO results (result_id, result_key, athlete_id, date, age_years, sport, discipline,
	        sex, mark, unit, lower_is_better, round, source, source_ref, batch_id)
	 SELECT v.result_id, CAST(CAST(v.result_id AS VARCHAR) AS BLOB), v.athlete_id, v.date, v.age_years,
	        v.sport, v.discipline, a.sex, v.mark, v.unit, v.lower_is_better, '', 'test',
	        CAST(v.result_id AS VARCHAR), 1
	 FROM (VALUES ` + values + `) v(result_id, athlete_id, date, age_years, sport, discipline, mark, unit, lower_is_better)
	 JOIN athletes a USING (athlete_id)`
}

// fixtureStore is a store holding the fixture.
func fixtureStore(t testing.TB) *datasets.Store {
	st := storetest.Open(t)
	exec(t, st, fixture...)
	return st
}

// compute computes set as of cut; the reader is released when the test ends.
func compute(t testing.TB, src Source, set Set, cut Cutoff) array.RecordReader {
	t.Helper()
	rr, err := Compute(context.Background(), src, set, cut)
	if err != nil {
		t.Fatalf("compute %s as of %s: %v", set.Name, cut, err)
	}
	t.Cleanup(rr.Release)
	return rr
}

// computeBytes computes set as of cut and returns it written in format f.
func computeBytes(t testing.TB, src Source, set Set, cut Cutoff, f Format) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := Write(context.Background(), &buf, f, compute(t, src, set, cut)); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
