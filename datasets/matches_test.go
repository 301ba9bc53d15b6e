package datasets

import (
	"errors"
	"strings"
	"testing"
)

const matchesCSV = `match_source_id,sport,competition,date,home,away,home_score,away_score,ht_home_score,ht_away_score,result,referee
m1,football,V.League 1,2024-02-03,Hà Nội FC,Công An Hà Nội,2,1,1,1,H,Ngô Duy Lân
m2,football,V.League 1,2024-02-10,Thép Xanh Nam Định,Hà Nội FC,0,0,0,0,D,Hoàng Ngọc Hà
m3,football,V.League 1,2099-02-17,Hà Nội FC,Thép Xanh Nam Định,,,,,,
`

const oddsCSV = `match_source_id,bookmaker,market,selection,price,phase,line,captured_at
m1,Pinnacle,1x2,home,2.10,opening,,2024-02-01 10:00:00
m1,Pinnacle,1x2,draw,3.30,opening,,2024-02-01 10:00:00
m1,Pinnacle,1x2,away,3.60,opening,,2024-02-01 10:00:00
m1,Pinnacle,1x2,home,1.95,closing,,2024-02-03 18:55:00
m2,Bet365,ou,over,1.90,pre-match,2.5,
m2,Bet365,ou,under,1.95,pre-match,2.5,
`

func TestIngestMatchesAndOdds(t *testing.T) {
	s := openTemp(t)
	// m3 lies in the future without a status: it defaults to completed, which
	// needs a result.
	m := writeFile(t, "matches.csv", matchesCSV)
	_, err := ingestFiles(t, s, "vpf", []Kind{KindMatches}, []string{m})
	if err == nil || !strings.Contains(err.Error(), "matches.csv:4: result: required when status is completed") {
		t.Fatalf("err = %v", err)
	}
	fixed := strings.Replace(matchesCSV, "match_source_id,sport,competition,date,home,away,home_score,away_score,ht_home_score,ht_away_score,result,referee",
		"match_source_id,sport,competition,date,home,away,home_score,away_score,ht_home_score,ht_away_score,result,referee,status", 1)
	fixed = strings.Replace(fixed, "Ngô Duy Lân\n", "Ngô Duy Lân,completed\n", 1)
	fixed = strings.Replace(fixed, "Hoàng Ngọc Hà\n", "Hoàng Ngọc Hà,\n", 1)
	fixed = strings.Replace(fixed, ",,,,,,\n", ",,,,,,,scheduled\n", 1)
	rep, err := ingestFiles(t, s, "vpf", []Kind{KindMatches, KindOdds}, []string{writeFile(t, "m.csv", fixed), writeFile(t, "o.csv", oddsCSV)})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Parts[0].Inserted != 3 || rep.Parts[1].Inserted != 6 {
		t.Fatalf("report = %+v", rep.Parts)
	}
	if n := count(t, s, `SELECT count(*) FROM competitions WHERE name = 'V.League 1' AND season IN (2024, 2099)`); n != 2 {
		t.Fatalf("competitions = %d, want 2 seasons", n)
	}
	if n := count(t, s, `SELECT count(*) FROM odds o JOIN matches m USING (match_id) WHERE m.source_id = 'm1' AND o.phase = 'closing'`); n != 1 {
		t.Fatalf("closing odds = %d", n)
	}
	// Re-sending the closing price with a correction updates it in place.
	again := "match_source_id,bookmaker,market,selection,price,phase,captured_at\nm1,Pinnacle,1x2,home,1.97,closing,2024-02-03 18:55:00\n"
	rep, err = ingestFiles(t, s, "vpf", []Kind{KindOdds}, []string{writeFile(t, "o2.csv", again)})
	if err != nil || rep.Parts[0].Updated != 1 || rep.Parts[0].Inserted != 0 {
		t.Fatalf("correction = %+v, %v", rep, err)
	}
	if n := count(t, s, `SELECT count(*) FROM odds`); n != 6 {
		t.Fatalf("odds = %d, want 6", n)
	}
}

func TestIngestOddsRejects(t *testing.T) {
	tests := []struct{ name, row, want string }{
		{"price at 1.0", "m1,B,1x2,home,1.0,opening,,", "o.csv:2: price: decimal odds 1 must be above 1.0"},
		{"unknown match", "m9,B,1x2,home,2.0,opening,,", "o.csv:2: match_source_id: no match m9"},
		{"ou without line", "m1,B,ou,over,2.0,opening,,", "o.csv:2: line: required for market ou"},
		{"selection of another market", "m1,B,1x2,over,2.0,opening,,", "o.csv:2: selection: over is not a selection of market 1x2"},
		{"unknown phase", "m1,B,1x2,home,2.0,halftime,,", "o.csv:2: phase: \"halftime\": not one of"},
		{"bad time", "m1,B,1x2,home,2.0,opening,,yesterday", "o.csv:2: captured_at"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := openTemp(t)
			m := "match_source_id,sport,competition,date,home,away,result\nm1,football,L,2024-01-01,A,B,H\n"
			if _, err := ingestFiles(t, s, "x", []Kind{KindMatches}, []string{writeFile(t, "m.csv", m)}); err != nil {
				t.Fatal(err)
			}
			_, err := ingestFiles(t, s, "x", []Kind{KindOdds}, []string{writeFile(t, "o.csv", "match_source_id,bookmaker,market,selection,price,phase,line,captured_at\n"+tc.row+"\n")})
			var lerr *LoadError
			if !errors.As(err, &lerr) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
			if n := count(t, s, `SELECT count(*) FROM odds`); n != 0 {
				t.Fatalf("%d odds loaded", n)
			}
		})
	}
}

func TestIngestPhysioRules(t *testing.T) {
	s := openTemp(t)
	if _, err := ingestFiles(t, s, "x", []Kind{KindAthletes}, []string{writeFile(t, "a.csv", athletesCSV)}); err != nil {
		t.Fatal(err)
	}
	good := "athlete_source_id,date,test,value,unit\na1,2024-03-01,hgb,141,g/L\na1,2024-03-01,ret_pct,1.1,%\na2,2024-03-01,cmj,31.5,cm\n"
	if rep, err := ingestFiles(t, s, "x", []Kind{KindPhysio}, []string{writeFile(t, "p.csv", good)}); err != nil || rep.Parts[0].Inserted != 3 {
		t.Fatalf("physio = %+v, %v", rep, err)
	}
	bad := "athlete_source_id,date,test,value,unit\na1,2024-03-02,hgb,14.1,g/dL\n"
	_, err := ingestFiles(t, s, "x", []Kind{KindPhysio}, []string{writeFile(t, "p2.csv", bad)})
	if err == nil || !strings.Contains(err.Error(), `p2.csv:2: unit: "g/dL": test hgb is measured in g/L`) {
		t.Fatalf("err = %v", err)
	}
}

func TestIngestTennisMatchPlayers(t *testing.T) {
	s := openTemp(t)
	players := "source_id,name,sex,birth_date,province\n104925,Novak Djokovic,M,1987-05-22,\n104745,Rafael Nadal,M,1986-06-03,\n"
	if _, err := ingestFiles(t, s, "atp", []Kind{KindAthletes}, []string{writeFile(t, "p.csv", players)}); err != nil {
		t.Fatal(err)
	}
	head := "match_source_id,sport,competition,date,home,away,home_athlete_source_id,away_athlete_source_id,home_rank,away_rank,score,result,level\n"
	good := head + "2020-8888-300,tennis,Atp Cup,2020-01-06,Novak Djokovic,Rafael Nadal,104925,104745,2,1,6-2 7-6(4),H,A\n"
	if _, err := ingestFiles(t, s, "atp", []Kind{KindMatches}, []string{writeFile(t, "m.csv", good)}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, s, `SELECT count(*) FROM matches m JOIN athlete_aliases x ON x.athlete_id = m.away_athlete_id WHERE x.source_id = '104745' AND m.away_rank = 1`); n != 1 {
		t.Fatalf("player not resolved: %d", n)
	}
	bad := head + "2020-8888-299,tennis,Atp Cup,2020-01-06,Novak Djokovic,Nobody,104925,999,2,,6-0 6-0,H,A\n" +
		"2020-8888-299,tennis,Atp Cup,2020-01-06,Novak Djokovic,Rafael Nadal,104925,104745,2,1,6-0 6-0,H,A\n"
	_, err := ingestFiles(t, s, "atp", []Kind{KindMatches}, []string{writeFile(t, "m2.csv", bad)})
	if err == nil || !strings.Contains(err.Error(), "m2.csv:2: away_athlete_source_id: no athlete 999") ||
		!strings.Contains(err.Error(), "m2.csv:3: row: duplicate of line 2") {
		t.Fatalf("err = %v", err)
	}
}
