package importers

import (
	"strconv"
	"strings"
	"testing"

	"github.com/podium-sport/podium/datasets"
)

func TestParseDMY(t *testing.T) {
	tests := []struct{ in, want string }{
		{"16 AUG 2009", "2009-08-16"},
		{"05 aug 2012", "2012-08-05"},
		{"1 JAN 1978", "1978-01-01"},
		{" 29 FEB 2000 ", "2000-02-29"},
		{"29 FEB 2001", ""}, // not a leap year
		{"31 APR 2009", ""},
		{"16 AUG 09", ""},
		{"16 AUGUST 2009", ""},
		{"AUG 2009", ""},
		{"2009-08-16", ""},
		{"16 AUG 1850", "1850-08-16"},
		{"16 AUG 1750", ""}, // the store refuses dates before 1800
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseDMY(tt.in)
			if got != tt.want || (err == nil) != (tt.want != "") {
				t.Errorf("parseDMY(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestBirthDMY(t *testing.T) {
	tests := []struct {
		in, iso string
		partial bool
		bad     bool
	}{
		{"21 AUG 1986", "1986-08-21", false, false},
		{"1986", "", true, false},
		{"OCT 2003", "", true, false},
		{"", "", false, false},
		{"AUG", "", false, true},
		{"32 AUG 1986", "", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			iso, partial, err := birthDMY(tt.in)
			if iso != tt.iso || partial != tt.partial || (err != nil) != tt.bad {
				t.Errorf("birthDMY(%q) = %q, %v, %v", tt.in, iso, partial, err)
			}
		})
	}
}

func TestAthleticsMark(t *testing.T) {
	// Seconds by hand: 1:43.01 = 60 + 43.01; 2:01:39 = 2·3600 + 60 + 39.
	tests := []struct {
		in, want string
		hand     bool
	}{
		{"9.58", "9.58", false},
		{"1:43.01", "103.01", false},
		{"2:01:39", "7299", false},
		{"2:13.9h", "133.9", true},
		{"1:17:25.6h", "4645.6", true},
		{"13:10", "790", false},
		{"8.95", "8.95", false},
		{"9126", "9126", false},
		{"10.0", "10", false},
		{"0", "", false},
		{"1:60.00", "", false},
		{"9.58A", "", false},
		{"h", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, hand, err := athleticsMark(tt.in)
			if got != tt.want || hand != tt.hand || (err == nil) != (tt.want != "") {
				t.Errorf("athleticsMark(%q) = %q, %v, %v; want %q, %v", tt.in, got, hand, err, tt.want, tt.hand)
			}
		})
	}
}

func TestParsePos(t *testing.T) {
	tests := []struct {
		in, place, round string
		bad              bool
	}{
		{"1", "1", "", false},
		{"1h1", "1", "h1", false},
		{"2sf1", "2", "sf1", false},
		{"1f1", "1", "f1", false},
		{"10h1", "10", "h1", false},
		{"1sr15", "1", "sr15", false},
		{"10q", "10", "q", false},
		{"6.0", "6", "", false},
		{"23.0", "23", "", false},
		{"sf", "", "sf", false},
		{"f2", "", "f2", false},
		{"h", "", "h", false},
		{"", "", "", false},
		{"0", "", "", true},
		{"1.5", "", "", true},
		{"1h1a", "", "", true},
		{"1H1", "", "", true},
		{"-1", "", "", true},
		{"10000000000000000000", "", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			place, round, err := parsePos(tt.in)
			if place != tt.place || round != tt.round || (err != nil) != tt.bad {
				t.Errorf("parsePos(%q) = %q, %q, %v", tt.in, place, round, err)
			}
		})
	}
}

func TestAthleticsEventOf(t *testing.T) {
	tests := []struct{ stem, discipline, unit string }{
		{"100-metres", "100m", "s"},
		{"110-metres-hurdles", "110m-hurdles", "s"},
		{"3000-metres-steeplechase", "3000m-steeplechase", "s"},
		{"4x400-metres-relay", "4x400m-relay", "s"},
		{"10-kilometres", "10km", "s"},
		{"20-kilometres-race-walk", "20km-race-walk", "s"},
		{"20000-metres-race-walk", "20000m-race-walk", "s"},
		{"one-mile", "one-mile", "s"},
		{"10-miles-road", "10-miles-road", "s"},
		{"marathon", "marathon", "s"},
		{"long-jump", "long-jump", "m"},
		{"javelin-throw", "javelin-throw", "m"},
		{"decathlon", "decathlon", "pts"},
		{"heptathlon", "heptathlon", "pts"},
	}
	for _, tt := range tests {
		t.Run(tt.stem, func(t *testing.T) {
			e, err := athleticsEventOf(tt.stem)
			if err != nil || e.discipline != tt.discipline || e.unit != tt.unit || e.lowerIsBetter() != (tt.unit == "s") {
				t.Errorf("athleticsEventOf(%s) = %+v, %v", tt.stem, e, err)
			}
		})
	}
	for _, bad := range []string{"60-metres-indoor", "4x100-metres", "100-metres-relay", "pentathlon", "x-metres", "weight-throw"} {
		if _, err := athleticsEventOf(bad); err == nil {
			t.Errorf("athleticsEventOf(%s): no error", bad)
		}
	}
}

func TestAthleticsResults(t *testing.T) {
	tests := []struct {
		name, file string
		line       int64
		want       map[string]string
	}{
		{"sprint with wind", "men/100-metres", 2, map[string]string{"athlete_source_id": "M|usain bolt|1986-08-21|JAM",
			"date": "2009-08-16", "sport": "athletics", "discipline": "100m", "mark": "9.58", "unit": "s", "lower_is_better": "true",
			"sex": "M", "wind": "0.9", "round": "", "place": "1", "venue": "Olympiastadion, Berlin (GER)", "source_ref": "men/100-metres:2"}},
		{"heat", "men/100-metres", 8, map[string]string{"place": "1", "round": "h1"}},
		{"semi-final without place", "men/100-metres", 10, map[string]string{"place": "", "round": "sf"}},
		{"DOB month and year", "men/100-metres", 13, map[string]string{"athlete_source_id": "M|jaylen slade|OCT 2003|USA", "round": "f1", "place": "3"}},
		{"no wind", "men/100-metres", 14, map[string]string{"wind": ""}},
		{"no DOB", "men/100-metres", 15, map[string]string{"athlete_source_id": "M|pjai austin||USA"}},
		{"relay team", "men/4x100-metres-relay", 2, map[string]string{"athlete_source_id": "M|jamaica||JAM", "discipline": "4x100m-relay", "mark": "36.84"}},
		{"marathon", "women/marathon", 2, map[string]string{"mark": "8044", "sex": "F", "discipline": "marathon"}},
		{"decathlon points", "men/decathlon", 2, map[string]string{"mark": "9126", "unit": "pts", "lower_is_better": "false"}},
		{"hand time", "men/1000-metres", 4, map[string]string{"mark": "133.9", "unit": "s"}},
		{"road race, place 6.0", "men/5-kilometres", 2, map[string]string{"mark": "790", "place": "6", "discipline": "5km"}},
		{"birth year only", "men/5-kilometres", 3, map[string]string{"athlete_source_id": "M|boniface kibiwott|1993|KEN"}},
		{"race walk h:mm:ss", "men/50-kilometres-race-walk", 2, map[string]string{"mark": "12753", "discipline": "50km-race-walk"}},
		{"qualification", "men/hammer-throw", 4, map[string]string{"place": "10", "round": "q", "unit": "m", "lower_is_better": "false"}},
		{"jump", "women/high-jump", 2, map[string]string{"unit": "m", "sex": "F"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := athleticsTestFile(t, tt.file)
			rows, bad := readRows(t, newTable(f.path, athleticsResultHeader, bindAthleticsResults(f)))
			if len(bad) > 0 {
				t.Fatalf("rejected: %v", bad)
			}
			checkFields(t, tt.name, byLine(rows)[tt.line], tt.want)
		})
	}
	contractHeader(t, datasets.KindResults, athleticsResultHeader)
}

// athleticsTestFile is the fixture list file "men/100-metres".
func athleticsTestFile(t *testing.T, ref string) athleticsFile {
	t.Helper()
	files, err := athleticsFiles(fixture("athletics-all-time"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.ref == ref {
			return f
		}
	}
	t.Fatalf("no fixture %s", ref)
	return athleticsFile{}
}

func TestDeriveAthletes(t *testing.T) {
	files, err := athleticsFiles(fixture("athletics-all-time"))
	if err != nil {
		t.Fatal(err)
	}
	s := &Summary{}
	rows, err := deriveAthletes(files, s)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := readRows(t, rows)
	byKey := map[string]map[string]string{}
	for _, r := range got {
		if byKey[r.v["source_id"]] != nil {
			t.Errorf("source id %s twice", r.v["source_id"])
		}
		byKey[r.v["source_id"]] = r.v
	}
	tests := []struct {
		key  string
		want map[string]string
	}{
		// Bolt runs in the 100 m and 200 m fixtures: one athlete.
		{"M|usain bolt|1986-08-21|JAM", map[string]string{"name": "Usain BOLT", "sex": "M", "birth_date": "1986-08-21", "nationality": "JAM"}},
		{"M|jamaica||JAM", map[string]string{"name": "Jamaica", "birth_date": ""}},
		{"M|jaylen slade|OCT 2003|USA", map[string]string{"birth_date": ""}},
		{"F|brigid kosgei|1994-02-20|KEN", map[string]string{"sex": "F", "birth_date": "1994-02-20"}},
		{"M|tomas dvorak|1972-05-11|CZE", map[string]string{"name": "Tomáš DVOŘÁK"}},
		// Born 2004, result in 1991: the date would make him −13.
		{"M|hector perez|2004-10-12|MEX", map[string]string{"birth_date": ""}},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) { checkFields(t, tt.key, byKey[tt.key], tt.want) })
	}
	if len(s.Notes) != 1 || s.Notes[0].Field != "DOB" || !strings.HasSuffix(s.Notes[0].File, "5-kilometres.csv") || s.Notes[0].Line != 6 {
		t.Errorf("notes %v, want one: Hector PEREZ's DOB at men/5-kilometres.csv:6", s.Notes)
	}
	// Every row of every fixture list has its athlete.
	for _, f := range files {
		res, _ := readRows(t, newTable(f.path, athleticsResultHeader, bindAthleticsResults(f)))
		for _, r := range res {
			if byKey[r.v["athlete_source_id"]] == nil {
				t.Errorf("%s:%d: no derived athlete %s", f.path, r.line, r.v["athlete_source_id"])
			}
		}
	}
}

func TestAthleticsBadRows(t *testing.T) {
	header := `"",Rank,Mark,Competitor,DOB,Nat,Pos,Venue,Date,Results Score` + "\n"
	tests := []struct{ name, row, field string }{
		{"bad mark", `0,1,9.5.8,A B,21 AUG 1986,JAM,1,X,16 AUG 2009,1` + "\n", "Mark"},
		{"bad date", `0,1,9.58,A B,21 AUG 1986,JAM,1,X,2009-08-16,1` + "\n", "Date"},
		{"bad DOB", `0,1,9.58,A B,21 AGO 1986,JAM,1,X,16 AUG 2009,1` + "\n", "DOB"},
		{"bad position", `0,1,9.58,A B,21 AUG 1986,JAM,1.5,X,16 AUG 2009,1` + "\n", "Pos"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeTemp(t, "men/100-metres.csv", header+tt.row)
			f := athleticsFile{path: path, sex: "M", ref: "men/100-metres", event: athleticsEvent{"100m", "s"}}
			_, bad := readRows(t, newTable(path, athleticsResultHeader, bindAthleticsResults(f)))
			if len(bad) != 1 || bad[0].Field != tt.field || bad[0].Line != 2 {
				t.Fatalf("got %v, want one problem on line 2, field %s", bad, tt.field)
			}
		})
	}
}

func FuzzParseDMY(f *testing.F) {
	for _, s := range []string{"16 AUG 2009", "1 jan 1978", "29 FEB 2000", "OCT 2003", "1986", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iso, err := parseDMY(s)
		if err != nil {
			return
		}
		if _, err := datasets.ParseDate(iso); err != nil {
			t.Fatalf("parseDMY(%q) = %q, which the store refuses: %v", s, iso, err)
		}
		back := iso[8:] + " " + strings.ToUpper(strings.Fields(s)[1]) + " " + iso[:4]
		if again, err := parseDMY(back); err != nil || again != iso {
			t.Fatalf("%q → %q → %q → %q, %v", s, iso, back, again, err)
		}
		if b, partial, err := birthDMY(s); err != nil || partial || b != iso {
			t.Fatalf("birthDMY(%q) = %q, %v, %v; parseDMY gave %q", s, b, partial, err, iso)
		}
	})
}

func FuzzAthleticsMark(f *testing.F) {
	for _, s := range []string{"9.58", "1:43.01", "2:01:39", "2:13.9h", "9126", "1:60", "h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, _, err := athleticsMark(s)
		if err != nil {
			return
		}
		x, perr := strconv.ParseFloat(v, 64)
		if perr != nil || x <= 0 || strings.ContainsAny(v, "eE:") {
			t.Fatalf("athleticsMark(%q) = %q: not a plain positive decimal", s, v)
		}
	})
}

func FuzzParsePos(f *testing.F) {
	for _, s := range []string{"1", "1h1", "2sf1", "6.0", "sf", "10q", "1sr15", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		place, round, err := parsePos(s)
		if err != nil {
			return
		}
		if place != "" {
			if n, err := strconv.Atoi(place); err != nil || n < 1 {
				t.Fatalf("parsePos(%q): place %q", s, place)
			}
		}
		if !strings.HasSuffix(strings.TrimSpace(s), round) {
			t.Fatalf("parsePos(%q): round %q is not the end of the input", s, round)
		}
	})
}
