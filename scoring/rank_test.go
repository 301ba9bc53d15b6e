package scoring

import (
	"testing"
)

func TestRank(t *testing.T) {
	b := board(t)
	all, err := b.Rank(Query{})
	if err != nil || all.Total != len(b.Rows) || len(all.Rows) != len(b.Rows) {
		t.Fatalf("all: total %d, %d rows of %d; %v", all.Total, len(all.Rows), len(b.Rows), err)
	}
	first := all.Rows[0]
	tests := []struct {
		name string
		q    Query
		ok   func(r Ranked) bool
	}{
		{"sex", Query{Sex: "F"}, func(r Ranked) bool { return r.Sex == "F" }},
		{"discipline", Query{Sport: first.Sport, Discipline: first.Discipline}, func(r Ranked) bool { return r.Discipline == first.Discipline }},
		{"province", Query{Province: first.Province}, func(r Ranked) bool { return r.Province == first.Province }},
		{"born", Query{BornFrom: 2010, BornTo: 2011}, func(r Ranked) bool { y := birthYear(r.Row); return y >= 2010 && y <= 2011 }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := b.Rank(tc.q)
			if err != nil || got.Total == 0 || got.Total >= all.Total {
				t.Fatalf("total %d of %d: %v", got.Total, all.Total, err)
			}
			for i, r := range got.Rows {
				if !tc.ok(r) || r.Rank != i+1 || i > 0 && r.PElite.Est > got.Rows[i-1].PElite.Est {
					t.Fatalf("row %d: %+v", i, r)
				}
			}
			if got.TopN != max(1, got.Total/10) || got.Fairness.Selected != got.TopN || len(got.Cutoffs) == 0 {
				t.Errorf("top %d, audit %+v, cut-offs %v", got.TopN, got.Fairness, got.Cutoffs)
			}
		})
	}
	page, _ := b.Rank(Query{Limit: 10, Offset: 20})
	if len(page.Rows) != 10 || page.Rows[0].Rank != 21 || page.Rows[0].AthleteID != all.Rows[20].AthleteID {
		t.Errorf("page: %d rows from rank %d", len(page.Rows), page.Rows[0].Rank)
	}
	for _, q := range []Query{{Limit: -1}, {BornFrom: 2012, BornTo: 2010}, {Sex: "X"}} {
		if _, err := b.Rank(q); err == nil {
			t.Errorf("%+v accepted", q)
		}
	}
	p, err := b.Athlete(first.AthleteID)
	if err != nil || p.Rank != 1 || len(p.Marks) == 0 || len(p.Forecast) == 0 || len(p.Bands) == 0 {
		t.Errorf("profile: rank %d, %d marks, %d forecast, %d bands: %v", p.Rank, len(p.Marks), len(p.Forecast), len(p.Bands), err)
	}
	if _, err := b.Athlete(-5); err == nil {
		t.Error("unknown athlete found")
	}
}
