package importers

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/podium-sport/podium/datasets"
)

// sourceMappings are the public-data file mappings FuzzSourceFile drives:
// the file name (tennis divisions and football seasons come from it), the
// output header and the binder.
func sourceMappings(s *Summary) []struct {
	name   string
	header []string
	bind   bindFunc
} {
	m := &tennisMapper{sum: s}
	return []struct {
		name   string
		header []string
		bind   bindFunc
	}{
		{"atp_players.csv", athletesHeader, m.bindPlayers},
		{"atp_matches_2019.csv", tennisMatchHeader, m.bindMatches("tour")},
		{"swimmers.csv", swimmingResultHeader, bindSwimmingResults},
		{"E0_2002-2003.csv", footballMatchHeader, newFootballMapper(s, "E0_2002-2003.csv").bindMatches},
		{"E0_2002-2003.csv", footballOddsHeader, newFootballMapper(s, "E0_2002-2003.csv").bindOdds},
	}
}

// FuzzSourceFile maps arbitrary bytes as each public source file (ATP
// players and matches, FFN swimmers, football-data matches and odds): rows
// come out as wide as the contract header with birth dates the store
// accepts, and a rejected record is a located *datasets.ValidationError.
func FuzzSourceFile(f *testing.F) {
	for i, p := range []string{"tennis-atp/atp_players.csv", "tennis-atp/atp_matches_2019.csv", "swimming-ffn-100m-freestyle/swimmers.csv",
		"football-odds/england/E0_2002-2003.csv"} {
		b, err := os.ReadFile(fixture(p))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b[:min(len(b), 4096)], uint8(i))
	}
	f.Add([]byte("player_id,name_first,name_last,hand,dob,ioc,height\n1,A,B,R,19991399,XX,999\n"), uint8(0))
	f.Add([]byte("\"ID\",\"Age\",\"Performance\",\"Gender\"\n\"1\",NaN,-1,3\n"), uint8(2))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		s := &Summary{}
		maps := sourceMappings(s)
		mp := maps[int(which)%len(maps)]
		path := filepath.Join(dir, mp.name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		tb := newTable(path, mp.header, mp.bind)
		defer tb.Close()
		birth := -1
		for i, h := range mp.header {
			if h == "birth_date" {
				birth = i
			}
		}
		for range 10_000 {
			r, err := tb.Next()
			var verr *datasets.ValidationError
			switch {
			case err == nil:
			case errors.As(err, &verr) && verr.Line >= 1 && r.Line == verr.Line:
				continue
			default: // io.EOF, or a file that cannot be read at all
				return
			}
			if len(r.Fields) != len(mp.header) || r.Line < 2 {
				t.Fatalf("%s: line %d has %d fields for a header of %d", mp.name, r.Line, len(r.Fields), len(mp.header))
			}
			if birth >= 0 && r.Fields[birth] != "" {
				if _, err := datasets.ParseDate(r.Fields[birth]); err != nil {
					t.Fatalf("%s:%d: birth date %q passed on: %v", mp.name, r.Line, r.Fields[birth], err)
				}
			}
		}
	})
}

// FuzzBirthDMY: a World Athletics birth date is a full date the store
// accepts, a partial one (year, or month and year) that is left unknown,
// empty, or an error.
func FuzzBirthDMY(f *testing.F) {
	for _, s := range []string{"16 AUG 2009", "OCT 2003", "1986", "", "31 FEB 2000", "1 jan 1799", "00 XXX 0000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iso, partial, err := birthDMY(s)
		switch {
		case err != nil:
			if iso != "" || partial {
				t.Fatalf("birthDMY(%q) = %q, %v with error %v", s, iso, partial, err)
			}
		case partial && iso != "":
			t.Fatalf("birthDMY(%q) = %q, but partial", s, iso)
		case iso != "":
			if _, err := datasets.ParseDate(iso); err != nil {
				t.Fatalf("birthDMY(%q) = %q, which the store refuses: %v", s, iso, err)
			}
		}
	})
}
