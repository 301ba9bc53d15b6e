package api

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/storetest"
)

const (
	athletesCSV = "source_id,name,sex,birth_date,province\na1,Nguyễn Văn An,M,2008-03-14,Hà Nội\na2,Lê Thị Hoa,F,2009-01-02,Huế\n"
	resultsCSV  = "athlete_source_id,date,sport,discipline,mark,unit\na1,2023-05-01,athletics,100m,11.84,s\na2,2023-05-01,athletics,100m,12.9,s\n"
	// The bad row is line 3 of 4, as in the CLI's test.
	badCSV = "athlete_source_id,date,sport,discipline,mark,unit\na1,2024-05-01,athletics,100m,11.7,s\na1,2024-05-02,athletics,100m,fast,s\na2,2024-05-01,athletics,100m,12.8,s\n"
)

func TestIngest(t *testing.T) {
	f := newFixture(t)
	// Results before athletes in the form: the load orders kinds itself.
	w := f.do("data", uploadReq(t, [3]string{"results", "r.csv", resultsCSV}, [3]string{"athletes", "a.csv", athletesCSV}))
	_, data := envelope(t, w)
	var rep datasets.Report
	if w.Code != 200 || json.Unmarshal(data, &rep) != nil || len(rep.Parts) != 2 || rep.Parts[1].File != "r.csv" || rep.Parts[1].Inserted != 2 {
		t.Fatalf("%d %s", w.Code, w.Body)
	}
	if n := storetest.Count(t, f.st, "SELECT count(*) FROM audit_log WHERE action = 'ingest' AND actor = 'test-data'"); n != 1 {
		t.Fatal("ingest not audited")
	}

	tests := []struct {
		name  string
		files [][3]string
		want  string // in the body
	}{
		{"bad row", [][3]string{{"results", "bad.csv", badCSV}}, `"field":"mark","reason":"\"fast\": not a number","file":"bad.csv","line":3`},
		{"unknown kind", [][3]string{{"scores", "s.csv", resultsCSV}}, `"field":"scores"`},
		{"unknown format", [][3]string{{"results", "r.xlsx", resultsCSV}}, `"file":"r.xlsx"`},
		{"no files", nil, `"field":"body"`},
		{"bad gzip", [][3]string{{"results", "r.csv.gz", "not gzip"}}, `"file":"r.csv.gz"`},
	}
	results := storetest.Count(t, f.st, "SELECT count(*) FROM results")
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := f.do("data", uploadReq(t, tc.files...))
			if w.Code != 400 || !strings.Contains(w.Body.String(), tc.want) {
				t.Fatalf("%d %s", w.Code, w.Body)
			}
		})
	}
	if n := storetest.Count(t, f.st, "SELECT count(*) FROM results"); n != results {
		t.Fatalf("rejected loads wrote rows: %d → %d", results, n)
	}
	if w := f.do("data", jsonReq("POST", "/v1/ingest", `{}`)); w.Code != 400 {
		t.Fatalf("JSON body: %d %s", w.Code, w.Body)
	}
}
