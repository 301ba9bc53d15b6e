package importers

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/podium-sport/podium/datasets"
)

// athleticsMapping versions the athletics mapping: changing it reloads the files.
const athleticsMapping = "athletics-all-time/1"

var athleticsResultHeader = []string{"athlete_source_id", "date", "sport", "discipline", "mark", "unit",
	"lower_is_better", "sex", "wind", "round", "place", "venue", "source_ref"}

// The store accepts ages at a result of 4 to 100 years (datasets checks.go).
const minAgeYears, maxAgeYears = 4, 100

// athleticsFile is one list file: its path, the sex of its folder, its event
// and its reference prefix ("men/100-metres").
type athleticsFile struct {
	path, sex, ref string
	event          athleticsEvent
}

func athleticsFiles(dir string) ([]athleticsFile, error) {
	var out []athleticsFile
	for _, folder := range []struct{ name, sex string }{{"men", "M"}, {"women", "F"}} {
		paths, err := sourceFiles(filepath.Join(dir, folder.name), "*")
		if err != nil {
			return nil, err
		}
		for _, p := range paths {
			ev, err := athleticsEventOf(stem(p))
			if err != nil {
				return nil, err
			}
			out = append(out, athleticsFile{path: p, sex: folder.sex, ref: folder.name + "/" + stem(p), event: ev})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("importers: athletics: no men/*.csv.gz or women/*.csv.gz in %s", dir)
	}
	return out, nil
}

func importAthletics(ctx context.Context, st Ingester, dir string, s *Summary, progress func(int64)) error {
	files, err := athleticsFiles(dir)
	if err != nil {
		return err
	}
	athletes, err := deriveAthletes(files, s)
	if err != nil {
		return err
	}
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.path
	}
	sum, err := digest(athleticsMapping+"/athletes", paths...)
	if err != nil {
		return err
	}
	s.Files = len(files)
	derived := datasets.Part{Kind: datasets.KindAthletes, Source: s.Source, SHA256: sum,
		File: filepath.Join(dir, "{men,women}/*.csv.gz (athletes derived from the lists)"), Rows: athletes}
	if err := s.load(ctx, st, []datasets.Part{derived}, progress); err != nil {
		return err
	}
	for _, f := range files {
		if err := s.loadFile(ctx, st, datasets.KindResults, f.path, athleticsMapping, athleticsResultHeader, bindAthleticsResults(f), progress); err != nil {
			return err
		}
	}
	return nil
}

// athleticsColumns are the list columns the importer reads; WIND exists
// only for sprints, hurdles and horizontal jumps.
var athleticsColumns = []string{"Mark", "WIND?", "Competitor", "DOB", "Nat", "Pos", "Venue", "Date"}

// athleteKey is the derived source id of a list row's competitor:
// sex|name key|birth|nationality, with the DOB as YYYY-MM-DD when complete
// and as written otherwise ("1986", "OCT 2003", ""). Relay teams are
// competitors too ("M|jamaica||JAM").
func athleteKey(sex, competitor, dob, nat string) (key, birth string, err error) {
	birth, partial, err := birthDMY(dob)
	if err != nil {
		return "", "", err
	}
	b := birth
	if partial {
		b = strings.Join(strings.Fields(strings.ToUpper(dob)), " ")
	}
	return sex + "|" + datasets.NameKey(competitor) + "|" + b + "|" + nat, birth, nil
}

func bindAthleticsResults(f athleticsFile) bindFunc {
	return func(file string, header []string) (fillFunc, error) {
		c, err := columns(file, header, athleticsColumns...)
		if err != nil {
			return nil, err
		}
		return func(rec []string, line int64, emit emitFunc) error {
			get := func(name string) string { return field(rec, c[name]) }
			key, _, err := athleteKey(f.sex, get("Competitor"), get("DOB"), get("Nat"))
			if err != nil {
				return invalid(file, line, "DOB", fmt.Sprintf("%q: %v", get("DOB"), err))
			}
			date, err := parseDMY(get("Date"))
			if err != nil {
				return invalid(file, line, "Date", fmt.Sprintf("%q: %v", get("Date"), err))
			}
			mark, _, err := athleticsMark(get("Mark"))
			if err != nil {
				return invalid(file, line, "Mark", fmt.Sprintf("%q: %v", get("Mark"), err))
			}
			place, round, err := parsePos(get("Pos"))
			if err != nil {
				return invalid(file, line, "Pos", fmt.Sprintf("%q: %v", get("Pos"), err))
			}
			if w := get("WIND"); w != "" {
				if _, err := strconv.ParseFloat(w, 64); err != nil {
					return invalid(file, line, "WIND", fmt.Sprintf("%q: not a number", w))
				}
			}
			emit(line, key, date, "athletics", f.event.discipline, mark, f.event.unit,
				strconv.FormatBool(f.event.lowerIsBetter()), f.sex, get("WIND"), round, place, get("Venue"),
				f.ref+":"+strconv.FormatInt(line, 10))
			return nil
		}, nil
	}
}
