package datasets

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// FuzzIngestSource loads a small valid athletes and results file under an
// arbitrary source name (a client's form field in POST /v1/ingest, spliced
// into the merge SQL as a literal): the load commits, or is refused as
// invalid input; an SQL error would mean the name broke out of its quotes.
func FuzzIngestSource(f *testing.F) {
	for _, s := range []string{"hn", "o'brien", "a''b", `\'; DROP TABLE athletes; --`, "$source", "nguồn", "%s%d", ""} {
		f.Add(s)
	}
	st := openTemp(f)
	ctx := context.Background()
	n := 0
	f.Fuzz(func(t *testing.T, source string) {
		n++
		var parts []Part
		for _, file := range [][3]string{
			{string(KindAthletes), "a.csv", "source_id,name,sex,birth_date,province\na1,Nguyễn Văn An,M,2008-03-14,Hà Nội\n"},
			{string(KindResults), "r.csv", "athlete_source_id,date,sport,discipline,mark,unit\na1,2023-05-01,athletics,100m,11.84,s\n"},
		} {
			rows, err := newCSVRows(file[1], strings.NewReader(file[2]))
			if err != nil {
				t.Fatal(err)
			}
			parts = append(parts, Part{Kind: Kind(file[0]), Source: source, File: file[1], SHA256: fmt.Sprintf("fuzz-%d", n), Rows: rows})
		}
		rep, err := st.Ingest(ctx, Load{Parts: parts})
		switch {
		case err == nil:
			if len(rep.Parts) != 2 || rep.Parts[1].Rows != 1 {
				t.Fatalf("source %q: report %+v", source, rep)
			}
		case source == "" && strings.Contains(err.Error(), "a source name is required"):
		case errors.Is(err, ErrInvalid):
		default:
			t.Fatalf("source %q: %v", source, err)
		}
	})
}
