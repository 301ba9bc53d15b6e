package importers

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/podium-sport/podium/datasets"
)

func TestFootballDate(t *testing.T) {
	tests := []struct {
		in     string
		season season
		want   string
	}{
		{"13/08/16", season{2016, 2017}, "2016-08-13"},
		{"14/05/17", season{2016, 2017}, "2017-05-14"},
		{"14/08/93", season{1993, 1994}, "1993-08-14"},
		{"01/01/00", season{1999, 2000}, "2000-01-01"},
		{"21/08/99", season{1999, 2000}, "1999-08-21"},
		{"17/08/2002", season{2002, 2003}, "2002-08-17"},
		{"1/8/04", season{2004, 2005}, "2004-08-01"},
		{"13/08/16", season{}, "2016-08-13"}, // no season: 00–49 → 20xx
		{"13/08/93", season{}, "1993-08-13"}, // 50–99 → 19xx
		{"13/08/18", season{2016, 2017}, ""}, // outside the season
		{"31/02/16", season{2016, 2017}, ""},
		{"13-08-16", season{2016, 2017}, ""},
		{"13/08/016", season{2016, 2017}, ""},
		{"", season{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := footballDate(tt.in, tt.season)
			if got != tt.want || (err == nil) != (tt.want != "") {
				t.Errorf("footballDate(%q, %v) = %q, %v; want %q", tt.in, tt.season, got, err, tt.want)
			}
		})
	}
}

func TestSeasonOf(t *testing.T) {
	for in, want := range map[string]season{"E0_1993-1994": {1993, 1994}, "SC0_2014-2015": {2014, 2015}, "E0": {}, "E0_1993": {}, "E0_93-94": {}} {
		if got := seasonOf(in); got != want {
			t.Errorf("seasonOf(%s) = %v, want %v", in, got, want)
		}
	}
}

func TestAHLine(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		bad  bool
	}{
		{"-0.5", -0.5, false},
		{"+1", 1, false},
		{"0", 0, false},
		{"-1,-1.5", -1.25, false}, // split line: the mean of its halves
		{"+0.5,+1", 0.75, false},
		{"0,-0.5", -0.25, false},
		{"-1.5/-2", -1.75, false},
		{"-1 1/4", -1.25, false},
		{"1 3/4", 1.75, false},
		{"1.84", 0, true}, // a price in the line's column
		{"12", 0, true},
		{"", 0, true},
		{"x", 0, true},
		{"NaN", 0, true},
		{"-1 1/0", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ahLine(tt.in)
			if (err != nil) != tt.bad || !tt.bad && got != tt.want {
				t.Errorf("ahLine(%q) = %g, %v; want %g", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestOddsPlan(t *testing.T) {
	header := strings.Split("Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,HS,B365H,B365D,B365A,PSH,PSD,PSA,BbMxH,BbAvH,B365>2.5,B365<2.5,GBAHH,GBAHA,GBAH,PSCH,PSCD,PSCA,,", ",")
	plan, err := oddsPlan("f", header)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range plan {
		got = append(got, m.bookmaker+" "+m.market+" "+m.phase+" "+strings.Join(m.names, "/"))
	}
	want := []string{
		"bet365 1x2 pre-match B365H/B365D/B365A", "bet365 ou pre-match B365>2.5/B365<2.5",
		"gamebookers ah pre-match GBAHH/GBAHA", "pinnacle 1x2 opening PSH/PSD/PSA", "pinnacle 1x2 closing PSCH/PSCD/PSCA",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("plan:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, bad := range []string{"XYH,XYD,XYA", "B365H,B365D", "Possession"} {
		if _, err := oddsPlan("f", append([]string{"Div", "Date"}, strings.Split(bad, ",")...)); err == nil {
			t.Errorf("oddsPlan(%s): no error for an unknown column", bad)
		}
	}
	fixed, repaired := repairHeader([]string{"IWA", "LB", "LB", "LB", "SBH"})
	if strings.Join(fixed, ",") != "IWA,LBH,LBD,LBA,SBH" || len(repaired) != 1 {
		t.Errorf("repairHeader = %v, %v", fixed, repaired)
	}
}

func TestOverround(t *testing.T) {
	// 1/2.4 + 1/3.3 + 1/3.25 = 1.0271: a 2.7 % margin.
	m := oddsMarket{market: "1x2", lineCol: -1}
	tests := []struct {
		prices []string
		why    string
	}{
		{[]string{"2.4", "3.3", "3.25"}, ""},
		{[]string{"2.4", "1.02", "3"}, "implied"},  // 1.73: a typo
		{[]string{"2.6", "4.4", "3.8"}, "implied"}, // 0.875: arbitrage within one book
		{[]string{"0", "3.3", "3.25"}, "not decimal"},
		{[]string{"1", "3.3", "3.25"}, "not decimal"},
		{[]string{"c", "3.3", "3.25"}, "not decimal"},
		{[]string{"", "3.3", "3.25"}, "a price is missing"},
	}
	for _, tt := range tests {
		if _, why := m.check(tt.prices, ""); !strings.HasPrefix(why, tt.why) || (tt.why == "") != (why == "") {
			t.Errorf("check(%v) = %q, want %q…", tt.prices, why, tt.why)
		}
	}
}

// footballRows maps one fixture file with a fresh summary.
func footballRows(t *testing.T, file string, odds bool) ([]mapped, *Summary) {
	t.Helper()
	s := &Summary{}
	path := fixture("football-odds", filepath.FromSlash(file))
	m := newFootballMapper(s, path)
	var rows []mapped
	var bad []*datasets.ValidationError
	if odds {
		rows, bad = readRows(t, newTable(path, footballOddsHeader, m.bindOdds))
	} else {
		rows, bad = readRows(t, newTable(path, footballMatchHeader, m.bindMatches))
	}
	if len(bad) > 0 {
		t.Fatalf("rejected: %v", bad)
	}
	return rows, s
}

func TestFootballMatches(t *testing.T) {
	tests := []struct {
		name, file string
		line       int64
		want       map[string]string
	}{
		{"full record", "england/E0_2016-2017.csv", 2, map[string]string{"match_source_id": "E0|2016-08-13|Burnley|Swansea",
			"sport": "football", "competition": "England Premier League", "date": "2016-08-13", "home": "Burnley", "away": "Swansea",
			"home_score": "0", "away_score": "1", "ht_home_score": "0", "ht_away_score": "0", "result": "A",
			"division": "E0", "level": "tier 1", "referee": "J Moss"}},
		{"1993: no half time, no referee", "england/E0_1993-1994.csv", 3, map[string]string{"date": "1993-08-14",
			"home": "Aston Villa", "result": "H", "ht_home_score": "", "referee": ""}},
		{"four-digit year", "england/E0_2002-2003.csv", 2, map[string]string{"date": "2002-08-17", "result": "D"}},
		{"FTR D after 4-0: result from the goals", "england/EC_2005-2006.csv", 4, map[string]string{"home": "Exeter",
			"home_score": "4", "away_score": "0", "result": "H", "level": "tier 5", "competition": "England National League"}},
		{"second tier", "germany/D2_2004-2005.csv", 2, map[string]string{"competition": "Germany 2. Bundesliga", "level": "tier 2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, _ := footballRows(t, tt.file, false)
			checkFields(t, tt.name, byLine(rows)[tt.line], tt.want)
		})
	}
	_, s := footballRows(t, "england/EC_2005-2006.csv", false)
	if len(s.Notes) != 3 { // lines 4, 5, 6: 4-0, 2-0, 2-1 with FTR D
		t.Errorf("notes %v, want the three FTR contradictions", s.Notes)
	}
	contractHeader(t, datasets.KindMatches, footballMatchHeader)
	contractHeader(t, datasets.KindOdds, footballOddsHeader)
}

func TestFootballOdds(t *testing.T) {
	type odd struct {
		line                                   int64
		book, market, sel, price, phase, hline string
	}
	tests := []struct {
		name, file string
		want       []odd
		absent     []odd // bookmaker + market that must not load on that line
		notes      map[string]int
	}{
		{"pinnacle opening and closing", "england/E0_2016-2017.csv", []odd{
			{2, "bet365", "1x2", "home", "2.4", "pre-match", ""},
			{2, "pinnacle", "1x2", "home", "2.47", "opening", ""},
			{2, "pinnacle", "1x2", "away", "2.89", "closing", ""},
			{5, "william-hill", "1x2", "draw", "3.25", "pre-match", ""},
		}, []odd{{2, "betbrain", "1x2", "", "", "", ""}}, nil},
		{"LB written three times", "germany/D2_2004-2005.csv", []odd{
			{2, "ladbrokes", "1x2", "home", "2.25", "pre-match", ""},
			{2, "ladbrokes", "1x2", "away", "2.75", "pre-match", ""},
			{2, "gamebookers", "ou", "over", "1.75", "pre-match", "2.5"},
			{2, "gamebookers", "ah", "away", "1.52", "pre-match", "-0.5"},
		}, nil, map[string]int{"header": 1}},
		{"mixed fraction line", "germany/D1_2004-2005.csv", []odd{
			{2, "gamebookers", "ah", "home", "1.95", "pre-match", "-1.25"},
			{2, "ladbrokes", "ah", "away", "1.86", "pre-match", "-1.25"},
		}, nil, nil},
		{"shifted AH columns and a price of 1", "england/E1_2004-2005.csv", []odd{
			{3, "ladbrokes", "ah", "home", "1.8", "pre-match", "-0.5"},
			{4, "bet365", "ah", "home", "2.025", "pre-match", "0"},
		}, []odd{{2, "bet365", "ah", "", "", "", ""}, {4, "ladbrokes", "ah", "", "", "", ""}, {5, "ladbrokes", "ah", "", "", "", ""}},
			map[string]int{"B365AHH/B365AHA/B365AH": 1, "LBAHH/LBAHA/LBAH": 2}},
		{"price 0", "england/E1_2012-2013.csv", []odd{{2, "pinnacle", "1x2", "draw", "3.53", "opening", ""}},
			[]odd{{2, "bet365", "1x2", "", "", "", ""}}, map[string]int{"B365H/B365D/B365A": 1}},
		{"blank price", "england/EC_2006-2007.csv", nil, []odd{{2, "ladbrokes", "1x2", "", "", "", ""}},
			map[string]int{"LBH/LBD/LBA": 1}},
		{"Betbrain only issues are not noted", "france/F2_2009-2010.csv", []odd{{2, "bet365", "1x2", "home", "2.15", "pre-match", ""}}, nil, map[string]int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, s := footballRows(t, tt.file, true)
			have := map[odd]bool{}
			books := map[odd]bool{}
			for _, r := range rows {
				have[odd{r.line, r.v["bookmaker"], r.v["market"], r.v["selection"], r.v["price"], r.v["phase"], r.v["line"]}] = true
				books[odd{line: r.line, book: r.v["bookmaker"], market: r.v["market"]}] = true
			}
			for _, w := range tt.want {
				if !have[w] {
					t.Errorf("missing %+v", w)
				}
			}
			for _, a := range tt.absent {
				if books[odd{line: a.line, book: a.book, market: a.market}] {
					t.Errorf("loaded %s %s on line %d", a.book, a.market, a.line)
				}
			}
			if tt.notes != nil {
				got := map[string]int{}
				for _, n := range s.Notes {
					names, _, _ := strings.Cut(n.Value, " = ") // odds notes name their columns in the value
					if n.Field != "odds" {
						names = n.Field
					}
					got[names]++
				}
				if len(got) != len(tt.notes) {
					t.Errorf("notes %v, want %v", s.Notes, tt.notes)
				}
				for k, w := range tt.notes {
					if got[k] != w {
						t.Errorf("%d notes on %s, want %d (%v)", got[k], k, w, s.Notes)
					}
				}
			}
		})
	}
}

func TestFootballOddRows(t *testing.T) {
	header := "Div,Date,HomeTeam,AwayTeam,FTHG,FTAG,FTR,B365H,B365D,B365A\n"
	tests := []struct {
		name, rows string
		matches    int
		skipped    int
		odds       int // rows of odds; not checked for a rejected match (the load fails)
		problem    string
	}{
		{"trailing empty rows", "E0,13/08/16,Burnley,Swansea,0,1,A,2.4,3.3,3.25\n,,,,,,,,,\n,,,,,,,,,\n", 1, 2, 3, ""},
		{"no away team", "E0,13/08/16,Burnley,,0,1,A,2.4,3.3,3.25\n", 0, 1, 0, ""},
		{"short row", "E0,13/08/16,Burnley,Swansea,0,1,A\n", 1, 0, 0, ""},
		{"goals missing, FTR given", "E0,13/08/16,Burnley,Swansea,,,A,2.4,3.3,3.25\n", 1, 0, 3, ""},
		{"no result at all", "E0,13/08/16,Burnley,Swansea,,,,2.4,3.3,3.25\n", 0, 0, 0, "FTHG/FTAG/FTR"},
		{"bad goals", "E0,13/08/16,Burnley,Swansea,x,1,A,2.4,3.3,3.25\n", 0, 0, 0, "FTHG/FTAG"},
		{"bad date", "E0,2016-08-13,Burnley,Swansea,0,1,A,2.4,3.3,3.25\n", 0, 0, 0, "Date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeTemp(t, "england/E0_2016-2017.csv", header+tt.rows)
			s := &Summary{}
			rows, bad := readRows(t, newTable(path, footballMatchHeader, newFootballMapper(s, path).bindMatches))
			if len(rows) != tt.matches || len(s.Skipped) != tt.skipped {
				t.Errorf("%d matches, skipped %v; want %d and %d skipped", len(rows), s.Skipped, tt.matches, tt.skipped)
			}
			if (tt.problem == "") != (len(bad) == 0) || len(bad) > 0 && bad[0].Field != tt.problem {
				t.Errorf("problems %v, want %q", bad, tt.problem)
			}
			odds, _ := readRows(t, newTable(path, footballOddsHeader, newFootballMapper(&Summary{}, path).bindOdds))
			if tt.problem == "" && len(odds) != tt.odds {
				t.Errorf("%d odds rows, want %d", len(odds), tt.odds)
			}
		})
	}
}

func FuzzFootballDate(f *testing.F) {
	for _, s := range []string{"13/08/16", "17/08/2002", "1/8/04", "31/02/16", "01/01/00"} {
		f.Add(s, 2016)
	}
	f.Fuzz(func(t *testing.T, s string, from int) {
		in := season{}
		if from >= 1870 && from < 9999 {
			in = season{from, from + 1}
		}
		iso, err := footballDate(s, in)
		if err != nil {
			return
		}
		if _, err := datasets.ParseDate(iso); err != nil {
			t.Fatalf("footballDate(%q) = %q, refused by the store: %v", s, iso, err)
		}
		if in.from > 0 && iso[:4] != itoa4(in.from) && iso[:4] != itoa4(in.to) {
			t.Fatalf("footballDate(%q, %v) = %q: outside the season", s, in, iso)
		}
	})
}

func itoa4(y int) string {
	return string([]byte{byte('0' + y/1000%10), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10)})
}

func FuzzAHLine(f *testing.F) {
	for _, s := range []string{"-0.5", "+1", "-1,-1.5", "-1.5/-2", "-1 1/4", "1.84", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ahLine(s)
		if err != nil {
			return
		}
		if math.Abs(v) > 10 || v*4 != math.Trunc(v*4) {
			t.Fatalf("ahLine(%q) = %g: not a quarter-goal line within ±10", s, v)
		}
	})
}
