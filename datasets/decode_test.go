package datasets

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

func TestCSVRowsLinesAndQuotes(t *testing.T) {
	in := "\uFEFFSource_ID, Name ,sex,birth_date,province\n" +
		"a1,\"Nguyễn, Văn An\",M,2008-03-14,Hà Nội\n" +
		"a2,\"multi\nline\",F,,\n" +
		"a3,Lê,F,,\n"
	rows, err := newCSVRows("f.csv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if h := strings.Join(rows.Header(), "|"); h != "source_id|name|sex|birth_date|province" {
		t.Fatalf("header = %s", h)
	}
	var lines []int64
	for {
		r, err := rows.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, r.Line)
	}
	// The quoted newline makes a3 start on line 5.
	if len(lines) != 3 || lines[0] != 2 || lines[1] != 3 || lines[2] != 5 {
		t.Fatalf("lines = %v, want [2 3 5]", lines)
	}
}

func TestCSVSyntaxErrorStops(t *testing.T) {
	rows, _ := newCSVRows("f.csv", strings.NewReader("a,b\n1,\"x\"y\n"))
	_, err := rows.Next()
	var verr *ValidationError
	if !errors.As(err, &verr) || verr.Line != 2 || verr.Field != "csv" {
		t.Fatalf("err = %v", err)
	}
}

func TestNDJSONScalars(t *testing.T) {
	in := `{"source_id": 12, "name": "An", "sex": "M", "birth_date": null, "province": "Huế", "height_cm": 1.7e2}` + "\n\n" +
		`{"source_id": "x", "name": {"a": 1}}` + "\n"
	rows := newNDJSONRows("f.ndjson", strings.NewReader(in), KindAthletes)
	r, err := rows.Next()
	if err != nil || r.Fields[0] != "12" || r.Fields[3] != "" || r.Fields[6] != "1.7e2" {
		t.Fatalf("row = %v, %v", r.Fields, err)
	}
	_, err = rows.Next()
	if err == nil || !strings.Contains(err.Error(), "f.ndjson:3: name: nested") {
		t.Fatalf("err = %v", err)
	}
}

// FuzzCSVRows checks that any input decodes to rows or to a located error,
// never a panic, and that a valid row always fits the header.
func FuzzCSVRows(f *testing.F) {
	f.Add([]byte("source_id,name,sex,birth_date,province\na1,An,M,2008-03-14,Huế\n"))
	f.Add([]byte("a,b\n\"x\n\",2\n3\n"))
	f.Add([]byte("\"unterminated\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows, err := newCSVRows("fuzz.csv", bytes.NewReader(data))
		if err != nil {
			return
		}
		probs := &problems{file: "fuzz.csv"}
		v := newValidator(KindAthletes, rows.Header(), probs)
		defer v.release()
		for i := 0; i < 1000; i++ {
			r, err := rows.Next()
			if err == io.EOF {
				return
			}
			var verr *ValidationError
			if err != nil {
				if !errors.As(err, &verr) || verr.Line < 1 {
					t.Fatalf("unlocated error %v", err)
				}
				if r.Line == 0 {
					return
				}
				continue
			}
			if len(r.Fields) != len(rows.Header()) {
				t.Fatalf("row of %d fields, header of %d", len(r.Fields), len(rows.Header()))
			}
			v.res = emptyResolver()
			v.add(r)
		}
	})
}

// FuzzNDJSONRows feeds arbitrary lines through the NDJSON decoder and the
// results validator.
func FuzzNDJSONRows(f *testing.F) {
	f.Add([]byte(`{"athlete_source_id": "a", "date": "2020-01-01", "sport": "x", "discipline": "y", "mark": 1, "unit": "s"}`))
	f.Add([]byte(`{"mark": [1]}`))
	f.Add([]byte("{\"mark\": \"\xff\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rows := newNDJSONRows("fuzz.ndjson", bytes.NewReader(data), KindResults)
		probs := &problems{file: "fuzz.ndjson"}
		v := newValidator(KindResults, rows.Header(), probs)
		v.res = emptyResolver()
		v.res.athletes["a"] = athleteInfo{id: 1, sex: "M"}
		defer v.release()
		for i := 0; i < 100; i++ {
			r, err := rows.Next()
			if err == io.EOF {
				return
			}
			if err != nil {
				var verr *ValidationError
				if !errors.As(err, &verr) {
					t.Fatalf("unlocated error %v", err)
				}
				continue
			}
			v.add(r)
		}
	})
}

// TestParallelChunksKeepLines loads results through the parallel decoder
// with chunks far smaller than a record, so that records (and a quoted
// newline) straddle chunk boundaries, and checks rows and error lines.
func TestParallelChunksKeepLines(t *testing.T) {
	defer func(n int) { chunkSize = n }(chunkSize)
	chunkSize = 7
	s := openTemp(t)
	if _, err := ingestFiles(t, s, "vn", []Kind{KindAthletes}, []string{writeFile(t, "a.csv", athletesCSV)}); err != nil {
		t.Fatal(err)
	}
	body := "athlete_source_id,date,sport,discipline,mark,unit,competition\n"
	for i := 0; i < 200; i++ {
		comp := "Giải trẻ"
		if i == 50 {
			comp = "\"Giải, \"\"trẻ\"\"\nmở rộng\"" // a quoted newline: line numbers shift by one after it
		}
		body += fmt.Sprintf("a1,2024-01-%02d,athletics,%dm,%d.5,s,%s\n", 1+i%28, 100+i, 10+i%5, comp)
	}
	rep, err := ingestFiles(t, s, "vn", []Kind{KindResults}, []string{writeFile(t, "r.csv", body)})
	if err != nil || rep.Parts[0].Rows != 200 || rep.Parts[0].Inserted != 200 {
		t.Fatalf("report = %+v, %v", rep, err)
	}
	if n := count(t, s, `SELECT count(*) FROM results WHERE competition_id IS NOT NULL`); n != 200 {
		t.Fatalf("results = %d", n)
	}
	// A bad row after the quoted newline: record 181 starts on line 183.
	// Record i = 180 (0-based) has day 1 + 180 mod 28 = 13 and discipline 280m.
	bad := strings.Replace(body, "a1,2024-01-13,athletics,280m", "a1,2024-01-13,athletics,280m-bad,x", 1)
	_, err = ingestFiles(t, s, "vn", []Kind{KindResults}, []string{writeFile(t, "r2.csv", bad)})
	if err == nil || !strings.Contains(err.Error(), "r2.csv:183: row: has 8 fields, the header has 7") {
		t.Fatalf("err = %v", err)
	}
}
