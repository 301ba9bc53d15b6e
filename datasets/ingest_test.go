package datasets

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFile writes content to name in a temp dir and returns its path.
func writeFile(t testing.TB, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// ingestFiles loads files of kinds (parallel slices) from source as one load.
func ingestFiles(t testing.TB, s *Store, source string, kinds []Kind, paths []string) (*Report, error) {
	t.Helper()
	ctx := context.Background()
	var l Load
	for i, p := range paths {
		part, c, err := s.OpenFile(ctx, kinds[i], source, p)
		if err != nil {
			return nil, err
		}
		defer c.Close()
		l.Parts = append(l.Parts, part)
	}
	return s.Ingest(ctx, l)
}

func count(t testing.TB, s *Store, query string) int64 {
	t.Helper()
	var n int64
	if err := s.QueryRow(context.Background(), query, nil, &n); err != nil {
		t.Fatal(err)
	}
	return n
}

const athletesCSV = `source_id,name,sex,birth_date,province
a1,Nguyễn Văn An,M,2008-03-14,Hà Nội
a2,Trần Thị Bình,F,2009-11-02,Đà Nẵng
a3,Lê Minh Châu,F,,Huế
`

const resultsCSV = `athlete_source_id,date,sport,discipline,mark,unit,wind,round,competition
a1,2023-05-01,athletics,100m,11.84,s,0.4,final,Hội khỏe Phù Đổng
a1,2024-05-01,athletics,100m,11.52,s,-0.2,final,Hội khỏe Phù Đổng
a2,2024-06-10,athletics,long-jump,5.41,m,1.1,final,Giải vô địch trẻ
a3,2024-06-10,swimming,100m-freestyle,1:02.35,s,,heat,Giải bơi trẻ
`

func TestIngestLoadsAndIsIdempotent(t *testing.T) {
	s := openTemp(t)
	ath := writeFile(t, "athletes.csv", athletesCSV)
	res := writeFile(t, "results.csv", resultsCSV)
	rep, err := ingestFiles(t, s, "vn-test", []Kind{KindAthletes, KindResults}, []string{ath, res})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Parts[0].Inserted != 3 || rep.Parts[1].Inserted != 4 {
		t.Fatalf("report = %+v", rep.Parts)
	}
	if got := count(t, s, `SELECT count(*) FROM results WHERE batch_id IS NOT NULL`); got != 4 {
		t.Fatalf("results = %d, want 4", got)
	}
	// 1:02.35 is 62.35 s; lower is better defaults to true for seconds.
	var mark float64
	var lib bool
	if err := s.QueryRow(context.Background(), `SELECT mark, lower_is_better FROM results WHERE discipline = '100m-freestyle'`, nil, &mark, &lib); err != nil || mark != 62.35 || !lib {
		t.Fatalf("swim mark = %v %v %v", mark, lib, err)
	}
	// Age at the result comes from the birth date: 2008-03-14 → 2023-05-01 is 5526 days.
	var age float64
	if err := s.QueryRow(context.Background(), `SELECT age_years FROM results WHERE date = DATE '2023-05-01'`, nil, &age); err != nil || age != 5526/365.25 {
		t.Fatalf("age = %v, %v", age, err)
	}
	// The same files again: a reported no-op.
	rep, err = ingestFiles(t, s, "vn-test", []Kind{KindAthletes, KindResults}, []string{ath, res})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.Parts {
		if !p.AlreadyLoaded || p.Inserted != 0 {
			t.Fatalf("second load part = %+v", p)
		}
	}
	if got := count(t, s, `SELECT count(*) FROM ingest_batches`); got != 2 {
		t.Fatalf("batches = %d, want 2", got)
	}
}

func TestIngestOverlapUpserts(t *testing.T) {
	s := openTemp(t)
	ath := writeFile(t, "athletes.csv", athletesCSV)
	if _, err := ingestFiles(t, s, "vn", []Kind{KindAthletes, KindResults}, []string{ath, writeFile(t, "r1.csv", resultsCSV)}); err != nil {
		t.Fatal(err)
	}
	// One corrected mark, one identical row, one new row.
	overlap := `athlete_source_id,date,sport,discipline,mark,unit,wind,round,competition
a1,2023-05-01,athletics,100m,11.80,s,0.4,final,Hội khỏe Phù Đổng
a1,2024-05-01,athletics,100m,11.52,s,-0.2,final,Hội khỏe Phù Đổng
a2,2025-06-10,athletics,long-jump,5.60,m,0.0,final,Giải vô địch trẻ
`
	rep, err := ingestFiles(t, s, "vn", []Kind{KindResults}, []string{writeFile(t, "r2.csv", overlap)})
	if err != nil {
		t.Fatal(err)
	}
	p := rep.Parts[0]
	if p.Inserted != 1 || p.Updated != 1 || p.Unchanged != 1 {
		t.Fatalf("report = %+v, want 1 inserted, 1 updated, 1 unchanged", p)
	}
	if got := count(t, s, `SELECT count(*) FROM results`); got != 5 {
		t.Fatalf("results = %d, want 5", got)
	}
	if got := count(t, s, `SELECT count(*) FROM results WHERE mark = 11.80 AND batch_id = 3`); got != 1 {
		t.Fatalf("corrected mark not stored with its batch")
	}
}

func TestIngestRejectsWholeFile(t *testing.T) {
	tests := []struct {
		name, results string
		line          int64
		field, reason string
	}{
		{"bad mark in the middle", "a1,2023-05-01,athletics,100m,abc,s", 3, "mark", "not a number"},
		{"negative mark", "a1,2023-05-01,athletics,100m,-1,s", 3, "mark", "out of range"},
		{"future date", "a1,2999-05-01,athletics,100m,11.2,s", 3, "date", "in the future"},
		{"unknown unit", "a1,2023-05-01,athletics,100m,11.2,furlongs", 3, "unit", "not one of"},
		{"unknown athlete", "zz,2023-05-01,athletics,100m,11.2,s", 3, "athlete_source_id", "no athlete zz"},
		{"implausible age", "a1,2010-05-01,athletics,100m,11.2,s", 3, "date", "years old"},
		{"duplicate", "a1,2024-05-01,athletics,100m,11.2,s", 3, "row", "duplicate of line 2"},
		{"missing field", "a1,2023-05-01,athletics,,11.2,s", 3, "discipline", "required"},
		{"invalid utf-8", "a1,2023-05-01,athletics,100m\xff,11.2,s", 3, "discipline", "UTF-8"},
		{"wrong field count", "a1,2023-05-01,athletics", 3, "row", "has 3 fields"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			if _, err := ingestFiles(t, s, "vn", []Kind{KindAthletes}, []string{writeFile(t, "a.csv", athletesCSV)}); err != nil {
				t.Fatal(err)
			}
			body := "athlete_source_id,date,sport,discipline,mark,unit\n" +
				"a1,2024-05-01,athletics,100m,11.5,s\n" + tc.results + "\n" + "a2,2024-05-02,athletics,100m,12.5,s\n"
			path := writeFile(t, "r.csv", body)
			_, err := ingestFiles(t, s, "vn", []Kind{KindResults}, []string{path})
			var lerr *LoadError
			if !errors.As(err, &lerr) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("err = %v, want a LoadError", err)
			}
			p := lerr.Problems[0]
			if p.File != path || p.Line != tc.line || p.Field != tc.field || !strings.Contains(p.Reason, tc.reason) {
				t.Fatalf("problem = %v, want line %d field %s reason ~%q", p.Error(), tc.line, tc.field, tc.reason)
			}
			if n := count(t, s, `SELECT count(*) FROM results`); n != 0 {
				t.Fatalf("%d results loaded from a rejected file", n)
			}
			if n := count(t, s, `SELECT count(*) FROM ingest_batches`); n != 1 {
				t.Fatalf("%d batches, want only the athletes'", n)
			}
		})
	}
}

func TestIngestRejectsBadHeader(t *testing.T) {
	s := openTemp(t)
	_, err := ingestFiles(t, s, "vn", []Kind{KindAthletes}, []string{writeFile(t, "a.csv", "source_id,name,sexx,birth_date,province\na,b,M,,\n")})
	if err == nil || !strings.Contains(err.Error(), "sexx: unknown column") || !strings.Contains(err.Error(), "sex: required column is missing") {
		t.Fatalf("err = %v", err)
	}
}

func TestIdentityResolution(t *testing.T) {
	s := openTemp(t)
	if _, err := ingestFiles(t, s, "hanoi", []Kind{KindAthletes}, []string{writeFile(t, "a.csv", athletesCSV)}); err != nil {
		t.Fatal(err)
	}
	// Another feed: same people without diacritics and in upper case, other ids.
	other := `source_id,name,sex,birth_date,province
X-9,NGUYEN VAN AN,M,2008-03-14,
X-10,tran thi binh,F,2009-11-02,Đà Nẵng
X-11,Le Minh Chau,F,2010-01-01,Huế
`
	rep, err := ingestFiles(t, s, "federation", []Kind{KindAthletes}, []string{writeFile(t, "b.csv", other)})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Parts[0].Inserted != 3 {
		t.Fatalf("aliases inserted = %d", rep.Parts[0].Inserted)
	}
	// a1 and a2 resolve; Lê Minh Châu had no birth date in the first feed, so
	// the new record with one is not merged by name alone: 4 athletes.
	if n := count(t, s, `SELECT count(*) FROM athletes`); n != 4 {
		t.Fatalf("athletes = %d, want 4", n)
	}
	var name string
	if err := s.QueryRow(context.Background(), `SELECT a.name FROM athletes a JOIN athlete_aliases x USING (athlete_id) WHERE x.source_id = 'X-9'`, nil, &name); err != nil || name != "Nguyễn Văn An" {
		t.Fatalf("resolved name = %q, %v; want the spelling with diacritics", name, err)
	}
	cands, err := s.DuplicateCandidates(context.Background(), 10)
	if err != nil || len(cands) != 1 || cands[0].Reason != "same name, one birth date unknown" {
		t.Fatalf("candidates = %+v, %v", cands, err)
	}
	// Two ids of one source with the same identity are two people to that
	// source: not merged, but listed for review.
	twin := "source_id,name,sex,birth_date,province\na9,Nguyễn Văn An,M,2008-03-14,Huế\n"
	if _, err := ingestFiles(t, s, "hanoi", []Kind{KindAthletes}, []string{writeFile(t, "twin.csv", twin)}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, `SELECT count(*) FROM athletes`); n != 5 {
		t.Fatalf("athletes = %d, want 5", n)
	}
	cands, err = s.DuplicateCandidates(context.Background(), 10)
	if err != nil || len(cands) != 2 || cands[0].Reason != "same name, birth date and sex: two ids of one source" || cands[0].B.ID != 5 {
		t.Fatalf("candidates = %+v, %v", cands, err)
	}
	// A contradiction: the same source id with another birth date is reported.
	bad := "source_id,name,sex,birth_date,province\nX-9,Nguyen Van An,M,2008-04-14,\n"
	_, err = ingestFiles(t, s, "federation", []Kind{KindAthletes}, []string{writeFile(t, "c.csv", bad)})
	if err == nil || !strings.Contains(err.Error(), "c.csv:2: birth_date: contradicts batch 2") {
		t.Fatalf("err = %v", err)
	}
}

func TestIngestNDJSONAndParquet(t *testing.T) {
	s := openTemp(t)
	nd := `{"source_id": "p1", "name": "Phạm Thu Hà", "sex": "nữ", "birth_date": "2007-07-07", "province": "Cần Thơ", "height_cm": 165}
{"source_id": "p2", "name": "Võ Đức Long", "sex": "M", "birth_date": null, "province": "Huế"}
`
	if _, err := ingestFiles(t, s, "nd", []Kind{KindAthletes}, []string{writeFile(t, "a.ndjson", nd)}); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pq := filepath.Join(dir, "physio.parquet")
	if _, err := s.Exec(context.Background(), `COPY (SELECT * FROM (VALUES ('p1', DATE '2024-01-10', 'height', 165.5, 'cm'),
		('p1', DATE '2024-01-10', 'hgb', 138.0, 'g/L')) t(athlete_source_id, date, test, value, unit)) TO '`+pq+`' (FORMAT parquet)`); err != nil {
		t.Fatal(err)
	}
	rep, err := ingestFiles(t, s, "nd", []Kind{KindPhysio}, []string{pq})
	if err != nil || rep.Parts[0].Inserted != 2 {
		t.Fatalf("parquet load = %+v, %v", rep, err)
	}
	badND := `{"source_id": "p3", "name": "X", "sex": "M", "birth_date": "", "province": "", "colour": "red"}` + "\n"
	_, err = ingestFiles(t, s, "nd", []Kind{KindAthletes}, []string{writeFile(t, "b.ndjson", badND)})
	if err == nil || !strings.Contains(err.Error(), "b.ndjson:1: colour: unknown field") {
		t.Fatalf("err = %v", err)
	}
}

// TestIngestResultsNDJSON covers results through the one-goroutine decoder
// (NDJSON and Parquet), which reshapes batches for the streaming insert too.
func TestIngestResultsNDJSON(t *testing.T) {
	s := openTemp(t)
	if _, err := ingestFiles(t, s, "vn", []Kind{KindAthletes}, []string{writeFile(t, "a.csv", athletesCSV)}); err != nil {
		t.Fatal(err)
	}
	nd := `{"athlete_source_id": "a1", "date": "2024-05-01", "sport": "athletics", "discipline": "400m", "mark": "52.31", "unit": "s", "place": 2, "competition": "Giải trẻ"}
{"athlete_source_id": "a2", "age": 14.5, "sport": "swimming", "discipline": "50m-freestyle", "mark": 29.8, "unit": "s", "source_ref": "ffn-1"}
`
	rep, err := ingestFiles(t, s, "vn", []Kind{KindResults}, []string{writeFile(t, "r.ndjson", nd)})
	if err != nil || rep.Parts[0].Inserted != 2 {
		t.Fatalf("report = %+v, %v", rep, err)
	}
	var place int
	var age float64
	if err := s.QueryRow(context.Background(), `SELECT place FROM results WHERE discipline = '400m'`, nil, &place); err != nil || place != 2 {
		t.Fatalf("place = %d, %v", place, err)
	}
	if err := s.QueryRow(context.Background(), `SELECT age_years FROM results WHERE source_ref = 'ffn-1'`, nil, &age); err != nil || age != 14.5 {
		t.Fatalf("age = %v, %v", age, err)
	}
}
