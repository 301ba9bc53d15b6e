package importers

import (
	"fmt"
	"io"
	"time"

	"github.com/podium-sport/podium/datasets"
)

// derivedAthlete is one competitor of the lists, with their earliest and
// latest result.
type derivedAthlete struct {
	key, name, sex, birth, dob, nat string
	first, last                     sighting
}

// sighting is a result's date (YYYY-MM-DD, which sorts as text) and row.
type sighting struct {
	date, file string
	line       int64
}

// deriveAthletes reads every list once and returns one athletes row per
// distinct competitor key (athleteKey), in order of first appearance; the
// name is the first spelling met. A row whose DOB or date cannot be read is
// passed over here: its results part reports it.
func deriveAthletes(files []athleticsFile, s *Summary) (*sliceRows, error) {
	byKey := map[string]*derivedAthlete{}
	var order []*derivedAthlete
	for _, f := range files {
		if err := scanCompetitors(f, func(a derivedAthlete) {
			prev := byKey[a.key]
			if prev == nil {
				byKey[a.key] = &a
				order = append(order, &a)
				return
			}
			if a.first.date < prev.first.date {
				prev.first = a.first
			}
			if a.last.date > prev.last.date {
				prev.last = a.last
			}
		}); err != nil {
			return nil, err
		}
	}
	rows := make([]datasets.Row, len(order))
	for i, a := range order {
		rows[i] = datasets.Row{Line: int64(i + 1),
			Fields: []string{a.key, a.name, a.sex, a.checkedBirth(s), "", a.nat, "", ""}}
	}
	return &sliceRows{header: athletesHeader, rows: rows}, nil
}

// scanCompetitors calls fn with the competitor of each readable row of f.
func scanCompetitors(f athleticsFile, fn func(derivedAthlete)) error {
	src, err := openCSV(f.path)
	if err != nil {
		return err
	}
	defer src.Close()
	c, err := columns(f.path, src.header, athleticsColumns...)
	if err != nil {
		return err
	}
	for {
		rec, line, err := src.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		name, dob, nat := field(rec, c["Competitor"]), field(rec, c["DOB"]), field(rec, c["Nat"])
		key, birth, kerr := athleteKey(f.sex, name, dob, nat)
		date, derr := parseDMY(field(rec, c["Date"]))
		if kerr != nil || derr != nil {
			continue
		}
		at := sighting{date: date, file: f.path, line: line}
		fn(derivedAthlete{key: key, name: name, sex: f.sex, birth: birth, dob: dob, nat: nat, first: at, last: at})
	}
}

// checkedBirth is the athlete's birth date, or "" when it would put one of
// their results outside the ages the store accepts (a DOB that belongs to
// another person of the same name): noted, the results still load.
func (a *derivedAthlete) checkedBirth(s *Summary) string {
	if a.birth == "" {
		return ""
	}
	for _, r := range []sighting{a.first, a.last} {
		age := yearsBetween(a.birth, r.date)
		if age < minAgeYears || age > maxAgeYears {
			s.note(r.file, r.line, "DOB", a.key, fmt.Sprintf(
				"gives an age outside %d–%d years at this result: birth date withheld from the derived athlete", minAgeYears, maxAgeYears))
			return ""
		}
	}
	return a.birth
}

// yearsBetween is the age in years (days / 365.25, as the store counts) on
// date of someone born on birth; both are valid YYYY-MM-DD.
func yearsBetween(birth, date string) float64 {
	b, _ := time.Parse(time.DateOnly, birth)
	d, _ := time.Parse(time.DateOnly, date)
	return d.Sub(b).Hours() / 24 / 365.25
}
