package importers

import (
	"strings"
	"testing"

	"github.com/podium-sport/podium/datasets"
)

func TestDecodeScore(t *testing.T) {
	// Expected sets are counted by hand from the score text.
	tests := []struct {
		name, in, text, status string
		home, away             int
		sets, defaulted        bool
	}{
		{"straight sets", "6-4 6-2", "6-4 6-2", statusCompleted, 2, 0, true, false},
		{"tiebreaks", "7-6(6) 3-6 7-6(4)", "7-6(6) 3-6 7-6(4)", statusCompleted, 2, 1, true, false},
		{"match tiebreak counts as the deciding set", "6-3 3-6 [10-8]", "6-3 3-6 [10-8]", statusCompleted, 2, 1, true, false},
		{"bracketed tiebreak set", "4-6 6-4 [7-6](3)", "4-6 6-4 [7-6](3)", statusCompleted, 2, 1, true, false},
		{"long fifth set", "4-6 6-3 3-6 6-4 16-14", "4-6 6-3 3-6 6-4 16-14", statusCompleted, 3, 2, true, false},
		{"retired mid-set: unfinished set not counted", "6-3 2-1 RET", "6-3 2-1 RET", statusRetired, 1, 0, true, false},
		{"retired after a set", "7-6(5) 2-0 RET", "7-6(5) 2-0 RET", statusRetired, 1, 0, true, false},
		{"retired before a game", " RET", "RET", statusRetired, 0, 0, false, false},
		{"Ret'd", "6-3 0-0 Ret'd", "6-3 0-0 Ret'd", statusRetired, 1, 0, true, false},
		{"walkover", "W/O", "W/O", statusWalkover, 0, 0, false, false},
		{"walkover with leading space", " W/O", "W/O", statusWalkover, 0, 0, false, false},
		{"Walkover word", "Walkover", "Walkover", statusWalkover, 0, 0, false, false},
		{"unplayed", "UNP", "UNP", statusWalkover, 0, 0, false, false},
		{"default after a set", "6-4 DEF", "6-4 DEF", statusRetired, 1, 0, true, true},
		{"Def. after sets", "6-3 6-7(5) 2-1 Def.", "6-3 6-7(5) 2-1 Def.", statusRetired, 1, 1, true, true},
		{"Default word", "2-6 6-3 0-3 Default", "2-6 6-3 0-3 Default", statusRetired, 1, 1, true, true},
		{"abandoned", "6-4 3-1 ABD", "6-4 3-1 ABD", statusAbandoned, 1, 0, true, false},
		{"played and abandoned", "6-4 3-6 6-4 Played and abandoned", "6-4 3-6 6-4 Played and abandoned", statusAbandoned, 2, 1, true, false},
		{"played and unfinished", "6-6 Played and unfinished", "6-6 Played and unfinished", statusAbandoned, 0, 0, true, false},
		{"unknown score", "UNK", "UNK", statusCompleted, 0, 0, false, false},
		{"NA", "NA", "NA", statusCompleted, 0, 0, false, false},
		{"html blank", "&nbsp;", "", statusCompleted, 0, 0, false, false},
		{"empty", "", "", statusCompleted, 0, 0, false, false},
		{"run-together sets", "6-36-3", "6-36-3", statusCompleted, 0, 0, false, false},
		{"spreadsheet date", "Mar-00", "Mar-00", statusCompleted, 0, 0, false, false},
		{"question marks", "6-2 ?-?", "6-2 ?-?", statusCompleted, 0, 0, false, false},
		{"trailing question mark", "7-5 6-2 6-1?", "7-5 6-2 6-1?", statusCompleted, 0, 0, false, false},
		{"completed but loser ahead", "6-4 6-7", "6-4 6-7", statusCompleted, 0, 0, false, false},
		{"completed with a drawn set", "6-0 2-2", "6-0 2-2", statusCompleted, 0, 0, false, false},
		{"double space folded", "7-5  1-0 RET", "7-5 1-0 RET", statusRetired, 1, 0, true, false},
		{"walkover after sets", "6-2 1-0 W/O", "6-2 1-0 W/O", statusWalkover, 1, 0, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := decodeScore(tt.in)
			want := tennisScore{text: tt.text, status: tt.status, defaulted: tt.defaulted, home: tt.home, away: tt.away, sets: tt.sets}
			if got != want {
				t.Errorf("decodeScore(%q) = %+v, want %+v", tt.in, got, want)
			}
		})
	}
}

func FuzzDecodeScore(f *testing.F) {
	for _, s := range []string{"6-4 6-2", "7-6(6) 3-6 [10-8]", "6-3 2-1 RET", "W/O", "6-4 3-6 Played and abandoned", "&nbsp;", "?-?", "6-36-3", "[7-6](3)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sc := decodeScore(s)
		switch sc.status {
		case statusCompleted, statusRetired, statusWalkover, statusAbandoned:
		default:
			t.Fatalf("status %q", sc.status)
		}
		if strings.Contains(sc.text, "  ") || strings.TrimSpace(sc.text) != sc.text {
			t.Fatalf("text %q not folded", sc.text)
		}
		if !sc.sets && (sc.home != 0 || sc.away != 0) {
			t.Fatalf("unknown sets but %d-%d", sc.home, sc.away)
		}
		if sc.sets && sc.status == statusCompleted && sc.home <= sc.away {
			t.Fatalf("completed %d-%d: the winner must be ahead", sc.home, sc.away)
		}
		if sc.home+sc.away > len(strings.Fields(sc.text)) {
			t.Fatalf("%d sets from %q", sc.home+sc.away, sc.text)
		}
	})
}

func TestTennisPlayers(t *testing.T) {
	s := &Summary{}
	m := &tennisMapper{sum: s}
	path := fixture("tennis-atp", "atp_players.csv")
	rows, bad := readRows(t, newTable(path, athletesHeader, m.bindPlayers))
	contractHeader(t, datasets.KindAthletes, athletesHeader)
	if len(bad) > 0 {
		t.Fatalf("rejected: %v", bad)
	}
	if len(rows) != 62 { // the fixture's data lines
		t.Fatalf("%d rows, want one per player: 62", len(rows))
	}
	at := byLine(rows)
	tests := []struct {
		name string
		line int64
		want map[string]string
	}{
		{"complete record", 20, map[string]string{"source_id": "105453", "name": "Kei Nishikori", "sex": "M",
			"birth_date": "1989-12-29", "nationality": "JPN", "height_cm": "178", "hand": "R", "province": ""}},
		{"height 3 cm left empty", 32, map[string]string{"source_id": "106410", "height_cm": "", "birth_date": "1995-07-22"}},
		{"no hand", 34, map[string]string{"hand": ""}},
		{"born in the 1860s", 40, map[string]string{"birth_date": "1866-09-28", "name": "Percy Brereton Colquhoun"}},
		{"birth year only", 41, map[string]string{"birth_date": ""}},
		{"no name", 50, map[string]string{"name": "ATP player 139380", "nationality": "SWE"}},
		{"last name only, country ?", 52, map[string]string{"name": "Gaenan", "nationality": ""}},
		{"the bye placeholder is a player", 56, map[string]string{"source_id": "200816", "name": "Bye1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFields(t, tt.name, at[tt.line], tt.want) })
	}
	// Each value left empty is noted with its line (counted in the fixture).
	got := map[string]int{}
	for _, n := range s.Notes {
		got[n.Field]++
	}
	want := map[string]int{"height": 1, "dob": 2, "name": 1, "ioc": 1}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%d notes on %s, want %d (%v)", got[k], k, w, s.Notes)
		}
	}
}

func TestTennisMatches(t *testing.T) {
	tests := []struct {
		name, file string
		line       int64
		want       map[string]string
	}{
		{"completed", "atp_matches_2019.csv", 2, map[string]string{"match_source_id": "2019-M020-300", "sport": "tennis",
			"competition": "Brisbane", "date": "2018-12-31", "home": "Kei Nishikori", "away": "Daniil Medvedev",
			"home_athlete_source_id": "105453", "away_athlete_source_id": "106421", "home_rank": "9", "away_rank": "16",
			"home_score": "2", "away_score": "1", "score": "6-4 3-6 6-2", "result": "H", "status": "completed",
			"division": "tour", "level": "atp-tour", "round": "F"}},
		{"bye is a walkover", "atp_matches_1968.csv", 8, map[string]string{"away": "Bye1", "status": "walkover",
			"result": "H", "score": "", "home_score": "", "level": "atp-tour"}},
		{"walkover", "atp_matches_1968.csv", 7, map[string]string{"status": "walkover", "result": "H", "home_score": ""}},
		{"retired", "atp_matches_1968.csv", 9, map[string]string{"status": "retired", "home_score": "1", "away_score": "0"}},
		{"unreadable score", "atp_matches_1968.csv", 10, map[string]string{"status": "completed", "score": "6-36-3", "home_score": ""}},
		{"default", "atp_matches_1975.csv", 2, map[string]string{"status": "retired", "score": "6-4 DEF", "result": "H"}},
		{"match tiebreak, Davis Cup", "atp_matches_2018.csv", 2, map[string]string{"home_score": "2", "away_score": "1", "level": "davis-cup"}},
		{"abandoned has no result", "atp_matches_futures_2010.csv", 2, map[string]string{"status": "abandoned", "result": "",
			"home_score": "2", "away_score": "1", "division": "futures", "level": "satellite-futures"}},
		{"unplayed", "atp_matches_qual_chall_1981.csv", 2, map[string]string{"status": "walkover", "division": "qual-chall", "level": "challenger"}},
		{"Def.", "atp_matches_qual_chall_2018.csv", 2, map[string]string{"status": "retired", "score": "Def."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := fixture("tennis-atp", tt.file)
			div, err := tennisDivision(path)
			if err != nil {
				t.Fatal(err)
			}
			m := &tennisMapper{sum: &Summary{}}
			rows, bad := readRows(t, newTable(path, tennisMatchHeader, m.bindMatches(div)))
			if len(bad) > 0 {
				t.Fatalf("rejected: %v", bad)
			}
			checkFields(t, tt.name, byLine(rows)[tt.line], tt.want)
		})
	}
	contractHeader(t, datasets.KindMatches, tennisMatchHeader)
}

func TestTennisSelfMatchSkipped(t *testing.T) {
	s := &Summary{}
	m := &tennisMapper{sum: s}
	rows, _ := readRows(t, newTable(fixture("tennis-atp", "atp_matches_qual_chall_2016.csv"), tennisMatchHeader, m.bindMatches("qual-chall")))
	if len(rows) != 2 || len(s.Skipped) != 1 || s.Skipped[0].Line != 4 {
		t.Fatalf("%d rows, skipped %v; want 2 rows and line 4 (Steven De Waard v himself) skipped", len(rows), s.Skipped)
	}
}

func TestTennisBadRows(t *testing.T) {
	header := "tourney_id,tourney_name,tourney_level,tourney_date,match_num,winner_id,winner_name,loser_id,loser_name,score,round,winner_rank,loser_rank\n"
	tests := []struct {
		name, row, field string
	}{
		{"no match number", "2019-1,X,A,20190101,,1,A B,2,C D,6-0 6-0,F,,\n", "tourney_id/match_num"},
		{"bad date", "2019-1,X,A,2019-01-01,1,1,A B,2,C D,6-0 6-0,F,,\n", "tourney_date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeTemp(t, "atp_matches_2019.csv", header+tt.row)
			_, bad := readRows(t, newTable(path, tennisMatchHeader, (&tennisMapper{sum: &Summary{}}).bindMatches("tour")))
			if len(bad) != 1 || bad[0].Field != tt.field || bad[0].Line != 2 {
				t.Fatalf("got %v, want one problem on line 2, field %s", bad, tt.field)
			}
		})
	}
	m := &tennisMapper{sum: &Summary{}}
	s := m.rank("f", 2, "winner_rank", "12.5")
	if s != "" || len(m.sum.Notes) != 1 {
		t.Errorf("rank 12.5: %q, notes %v; want empty and noted", s, m.sum.Notes)
	}
}

func TestTennisDivision(t *testing.T) {
	for in, want := range map[string]string{
		"atp_matches_1968.csv.gz": "tour", "atp_matches_qual_chall_2016.csv": "qual-chall", "atp_matches_futures_1991.csv.gz": "futures",
	} {
		if got, err := tennisDivision(in); err != nil || got != want {
			t.Errorf("tennisDivision(%s) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"atp_matches_amateur_1990.csv", "atp_matches_19.csv", "wta_matches_2019.csv"} {
		if _, err := tennisDivision(in); err == nil {
			t.Errorf("tennisDivision(%s): no error", in)
		}
	}
}
