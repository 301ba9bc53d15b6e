package datasets

import (
	"fmt"
	"time"
)

// fieldIndex returns the position of a contract column of kind k; it panics
// on a name the contract lacks (a programmer error caught by any test run).
func fieldIndex(k Kind, name string) int {
	for i, f := range specs[k] {
		if f.name == name {
			return i
		}
	}
	panic("datasets: no column " + name + " in " + string(k))
}

// daysPerYear converts day counts to years of age.
const daysPerYear = 365.25

// checks are the cross-field rules of each kind, run on rows whose fields
// all parsed.
var checks = map[Kind]rowCheck{
	KindAthletes: athleteCheck(),
	KindResults:  resultCheck(),
	KindPhysio:   physioCheck(),
	KindMatches:  matchCheck(),
	KindOdds:     oddsCheck(),
}

func notFuture(v *validator, field string, c *cell) {
	if !c.null && c.i > int64(v.today) {
		v.bad(field, fmt.Sprintf("%s is in the future", FormatDate(epochDay(c.i))))
	}
}

func athleteCheck() rowCheck {
	name, birth := fieldIndex(KindAthletes, "name"), fieldIndex(KindAthletes, "birth_date")
	return func(v *validator) {
		key := NameKey(v.field(name).s)
		if key == "" {
			v.bad("name", "has no letters")
		}
		v.extra[0] = cell{s: key}
		b := v.field(birth)
		notFuture(v, "birth_date", b)
		if !b.null && int64(v.today)-b.i < 3*365 {
			v.bad("birth_date", "athlete would be under 3 years old")
		}
	}
}

func resultCheck() rowCheck {
	ath, date, age := fieldIndex(KindResults, "athlete_source_id"), fieldIndex(KindResults, "date"), fieldIndex(KindResults, "age")
	sport, disc := fieldIndex(KindResults, "sport"), fieldIndex(KindResults, "discipline")
	mark, unit, lib := fieldIndex(KindResults, "mark"), fieldIndex(KindResults, "unit"), fieldIndex(KindResults, "lower_is_better")
	sex, round, ref := fieldIndex(KindResults, "sex"), fieldIndex(KindResults, "round"), fieldIndex(KindResults, "source_ref")
	comp, level, venue := fieldIndex(KindResults, "competition"), fieldIndex(KindResults, "level"), fieldIndex(KindResults, "venue")
	return func(v *validator) {
		d := v.field(date)
		if d.null && v.field(age).null {
			v.bad("date", "either date or age is required")
		}
		notFuture(v, "date", d)
		if v.field(mark).f <= 0 {
			v.bad("mark", "must be positive")
		}
		if l := v.field(lib); l.null {
			*l = cell{b: v.field(unit).s == "s"}
		}
		for _, i := range [...]int{round, ref} {
			if c := v.field(i); c.null {
				*c = cell{s: ""}
			}
		}
		a, ok := resolveAthlete(v, ath)
		if !ok {
			return
		}
		v.extra[0] = cell{i: a.id}
		v.extra[1] = athleteAge(v, a, d, v.field(age))
		v.extra[2] = cell{s: a.sex}
		if s := v.field(sex); !s.null && s.s != a.sex {
			v.bad("sex", fmt.Sprintf("%s, but the athlete is recorded as %s", s.s, a.sex))
		}
		v.extra[3] = cell{null: true}
		season := int32(0)
		if !d.null {
			season = int32(yearOf(epochDay(d.i)))
		}
		if c := v.field(comp); !c.null {
			v.extra[3] = cell{i: v.res.competition(&v.key, v.field(sport).s, c.s, v.field(level).s, v.field(venue).s, season)}
		}
		k := &v.key
		k.reset()
		if ref := v.field(ref).s; ref != "" {
			k.str("ref")
			k.str(ref)
		} else {
			k.str("nk")
			k.int(a.id)
			k.str(v.field(sport).s)
			k.str(v.field(disc).s)
			if d.null {
				k.str("age")
				k.float(v.field(age).f)
			} else {
				k.int(d.i)
			}
			k.str(v.field(round).s)
			k.str(v.field(comp).s)
		}
		// Duplicates within the part are found in SQL after loading (mergeResults).
		kb := k.hash().Bytes()
		v.extra[4] = cell{s: string(kb[:])}
	}
}

// resolveAthlete finds the athlete named by the source id in column col.
func resolveAthlete(v *validator, col int) (athleteInfo, bool) {
	id := v.field(col).s
	a, ok := v.res.athletes[id]
	if !ok {
		v.bad(specs[v.kind][col].name, fmt.Sprintf("no athlete %s from this source (load the athletes first or in the same load)", id))
	}
	return a, ok
}

// athleteAge is the age at the result: as given, else from the birth date
// (NULL when neither is known). Ages outside 4–100 are rejected.
func athleteAge(v *validator, a athleteInfo, date, given *cell) cell {
	c := cell{null: true}
	switch {
	case !given.null:
		c = cell{f: given.f}
	case a.has && !date.null:
		c = cell{f: float64(date.i-int64(a.birth)) / daysPerYear}
	}
	if !c.null && (c.f < 4 || c.f > 100) {
		v.bad("date", fmt.Sprintf("athlete (born %s) would be %.1f years old", FormatDate(a.birth), c.f))
	}
	return c
}

func yearOf(d epochDay) int {
	return time.Unix(int64(d)*86400, 0).UTC().Year()
}

var physioByCode = func() map[string]PhysioTest {
	m := map[string]PhysioTest{}
	for _, t := range PhysioTests {
		m[t.Code] = t
	}
	return m
}()

func physioCheck() rowCheck {
	ath, date, test := fieldIndex(KindPhysio, "athlete_source_id"), fieldIndex(KindPhysio, "date"), fieldIndex(KindPhysio, "test")
	value, unit := fieldIndex(KindPhysio, "value"), fieldIndex(KindPhysio, "unit")
	return func(v *validator) {
		d := v.field(date)
		notFuture(v, "date", d)
		t, ok := physioByCode[v.field(test).s]
		if !ok {
			v.bad("test", fmt.Sprintf("unknown test code %q (see PhysioTests in the README)", v.field(test).s))
			return
		}
		if u := v.field(unit).s; u != t.Unit {
			v.bad("unit", fmt.Sprintf("%q: test %s is measured in %s", u, t.Code, t.Unit))
		}
		if x := v.field(value).f; x < t.Min || x > t.Max {
			v.bad("value", fmt.Sprintf("%g %s is outside the plausible range %g … %g for %s", x, t.Unit, t.Min, t.Max, t.Code))
		}
		a, ok := resolveAthlete(v, ath)
		if !ok {
			return
		}
		v.extra[0] = cell{i: a.id}
		athleteAge(v, a, d, &cell{null: true})
		v.key.reset()
		v.key.int(a.id)
		v.key.int(d.i)
		v.key.str(t.Code)
		k := v.key.hash()
		if first := v.res.firstLine(k, v.line); first != v.line {
			v.bad("row", fmt.Sprintf("duplicate of line %d (same athlete, date and test)", first))
		}
	}
}

func matchCheck() rowCheck {
	id, sport, comp := fieldIndex(KindMatches, "match_source_id"), fieldIndex(KindMatches, "sport"), fieldIndex(KindMatches, "competition")
	level, venue := fieldIndex(KindMatches, "level"), fieldIndex(KindMatches, "venue")
	sides := [2]int{fieldIndex(KindMatches, "home_athlete_source_id"), fieldIndex(KindMatches, "away_athlete_source_id")}
	date, status, result := fieldIndex(KindMatches, "date"), fieldIndex(KindMatches, "status"), fieldIndex(KindMatches, "result")
	home, away := fieldIndex(KindMatches, "home"), fieldIndex(KindMatches, "away")
	hs, as := fieldIndex(KindMatches, "home_score"), fieldIndex(KindMatches, "away_score")
	return func(v *validator) {
		st := v.field(status)
		if st.null {
			*st = cell{s: "completed"}
		}
		played := st.s == "completed" || st.s == "retired" || st.s == "walkover"
		if played {
			notFuture(v, "date", v.field(date))
		}
		if NameKey(v.field(home).s) == NameKey(v.field(away).s) {
			v.bad("away", "same side as home")
		}
		r := v.field(result)
		if st.s == "completed" && r.null {
			v.bad("result", "required when status is completed")
		}
		if !played && !r.null {
			v.bad("result", "given for a match with status "+st.s)
		}
		if h, a := v.field(hs), v.field(as); st.s == "completed" && !h.null && !a.null && !r.null {
			want := "D"
			if h.i > a.i {
				want = "H"
			} else if h.i < a.i {
				want = "A"
			}
			if r.s != want {
				v.bad("result", fmt.Sprintf("%s does not match the score %d-%d", r.s, h.i, a.i))
			}
		}
		for i, col := range sides {
			v.extra[i] = cell{null: true}
			if !v.field(col).null {
				if a, ok := resolveAthlete(v, col); ok {
					v.extra[i] = cell{i: a.id}
				}
			}
		}
		d := v.field(date)
		v.extra[2] = cell{i: v.res.competition(&v.key, v.field(sport).s, v.field(comp).s, v.field(level).s, v.field(venue).s,
			int32(yearOf(epochDay(d.i))))}
		v.key.reset()
		v.key.str(v.field(id).s)
		if first := v.res.firstLine(v.key.hash(), v.line); first != v.line {
			v.bad("row", fmt.Sprintf("duplicate of line %d (same match_source_id)", first))
		}
	}
}

func oddsCheck() rowCheck {
	market, sel := fieldIndex(KindOdds, "market"), fieldIndex(KindOdds, "selection")
	price, line, at := fieldIndex(KindOdds, "price"), fieldIndex(KindOdds, "line"), fieldIndex(KindOdds, "captured_at")
	return func(v *validator) {
		if p := v.field(price).f; p <= 1.0 || p > 10000 {
			v.bad("price", fmt.Sprintf("decimal odds %g must be above 1.0 (and at most 10000)", p))
		}
		m, s := v.field(market).s, v.field(sel).s
		ou := s == "over" || s == "under"
		if (m == "ou") != ou || (m == "ah" && s == "draw") {
			v.bad("selection", fmt.Sprintf("%s is not a selection of market %s", s, m))
		}
		l := v.field(line)
		switch {
		case m == "1x2" && !l.null && l.f != 0:
			v.bad("line", "market 1x2 has no line")
		case m != "1x2" && l.null:
			v.bad("line", "required for market "+m)
		case l.null:
			*l = cell{f: 0}
		}
		if c := v.field(at); !c.null && c.i > (int64(v.today)+2)*86400*1e6 {
			v.bad("captured_at", "is in the future")
		}
	}
}
