package sim

import (
	"math"
	"strconv"
)

// resultsHeader are the results columns the simulator fills (the athlete's
// sex and the age follow from the athlete row).
var resultsHeader = []string{"athlete_source_id", "date", "sport", "discipline", "mark", "unit", "lower_is_better",
	"wind", "round", "place", "competition", "level", "venue", "source_ref"}

// Chances to enter each meet (modelling assumptions).
const (
	schoolRate     = 0.5  // of athletes of school age (up to 17) at the school festival
	ageGroupRate   = 0.7  // at the provincial age-group championships
	provincialRate = 0.85 // at the provincial youth championships
	openRate       = 0.6  // at the provincial open meet
	nationalRate   = 0.85 // of athletes whose season level qualifies them
	nationalLevel  = 0.9  // standardised season level that qualifies for the national championships
	secondEntry    = 0.8  // chance to also enter the second event at a meet
	maxSchoolAge   = 17
)

// resultGen writes an athlete's results.
type resultGen struct {
	cal *calendar
	r   *rng
	buf []byte
}

// athleteResults writes every result of athlete a.
func (g *resultGen) athleteResults(a *athlete, seed uint64, w *rowWriter) {
	r := g.r.at(seed, purposeResults, uint64(a.index))
	ref := 0
	by := a.birth.year()
	for y := a.first; y <= a.last; y++ {
		for k := compKind(0); k < compKinds; k++ {
			if !enters(r, a, k, y, by) {
				continue
			}
			comp := g.cal.get(a.sport, k, y, a.provFor(y))
			for slot, e := range a.events {
				if e < 0 || (slot == 1 && !r.bernoulli(secondEntry)) {
					continue
				}
				ref = g.races(r, a, slot, comp, k, y, ref, w)
			}
		}
	}
}

func enters(r *rng, a *athlete, k compKind, y, by int) bool {
	switch k {
	case compSchool:
		return y-by <= maxSchoolAge && r.bernoulli(schoolRate)
	case compAgeGroup:
		return r.bernoulli(ageGroupRate)
	case compProvincial:
		return r.bernoulli(provincialRate)
	case compOpen:
		return r.bernoulli(openRate)
	}
	mid := date(y, 7, 1)
	return a.level(0, ageAt(a.trueBirth, mid), y) >= nationalLevel && r.bernoulli(nationalRate)
}

// races writes the rounds of one event at one meet: heats and a final for
// the qualifiers where the event is run in heats, else one final.
func (g *resultGen) races(r *rng, a *athlete, slot int, comp *competition, k compKind, y, ref int, w *rowWriter) int {
	e := a.events[slot]
	ev := &events[e]
	d := comp.start + day(e%3)
	switch {
	case k == compNational && ev.heats:
		place := g.race(r, a, slot, d, "heat", fieldNationalHeat, comp, y, &ref, w)
		if place <= 3 {
			g.race(r, a, slot, d+finalDelay(e), "final", fieldNationalFin, comp, y, &ref, w)
		}
	case k == compNational:
		g.race(r, a, slot, d, "final", fieldNationalOne, comp, y, &ref, w)
	case k == compProvincial && ev.heats:
		if place := g.race(r, a, slot, d, "heat", fieldProvHeat, comp, y, &ref, w); place <= 4 {
			g.race(r, a, slot, d+finalDelay(e), "final", fieldProvFinal, comp, y, &ref, w)
		}
	case k == compSchool:
		g.race(r, a, slot, d, "final", fieldSchool, comp, y, &ref, w)
	default:
		g.race(r, a, slot, d, "final", fieldProvOpen, comp, y, &ref, w)
	}
	return ref
}

// finalDelay is the days between heats and final: same day for the sprints.
func finalDelay(e int) day {
	if e == ev100m || e == ev50Free {
		return 0
	}
	return 1
}

// race simulates one result and writes it; it returns the place.
func (g *resultGen) race(r *rng, a *athlete, slot int, d day, round string, f field, comp *competition, y int, ref *int, w *rowWriter) int {
	e := a.events[slot]
	ev := &events[e]
	c := &curves[e][a.sex]
	age := ageAt(a.trueBirth, d)
	z := a.level(slot, age, y)
	ln := c.lnMark(age, z) + r.normal(0, c.noise)
	if p := a.planted.doping; p != nil && d >= p.start {
		ln -= c.dir * math.Log1p(p.pct)
	}
	wind := math.NaN()
	if ev.windEffect != 0 {
		wind = clamp(math.Round(r.normal(0.4, 1.1)*10)/10, -2.5, 3.5)
		ln += ev.windEffect * wind
	}
	mark := math.Exp(ln)
	place := placeIn(r, c.levelOf(age, mark), f)
	*ref++
	g.buf = strconv.AppendInt(append(append(g.buf[:0], a.idFor(y)...), '-'), int64(*ref), 10)
	w.row(a.idFor(y), d.String(), sportNames[ev.sport], ev.discipline, formatMark(mark, ev.unit), ev.unit,
		boolText[ev.lowerIsBetter], formatWind(wind), round, smallInt(place), comp.name, comp.level, comp.venue, string(g.buf))
	return place
}

// placeIn draws the place of a performance of standardised level z among
// f.size−1 opponents drawn from the field. The dataset holds a sample of
// the country's youth athletes, so opponents are not other simulated rows.
func placeIn(r *rng, z float64, f field) int {
	pBeat := 0.5 * math.Erfc((z-f.mean)/(f.sd*math.Sqrt2))
	place := 1
	for i := 1; i < f.size; i++ {
		if r.Float64() < pBeat {
			place++
		}
	}
	return place
}

var boolText = map[bool]string{true: "true", false: "false"}

// formatMark writes a mark to the hundredth: times of a minute or more as
// m:ss.xx, as results lists print them.
func formatMark(x float64, unit string) string {
	cs := int64(math.Round(x * 100))
	if unit != "s" || cs < 6000 {
		return strconv.FormatFloat(float64(cs)/100, 'f', 2, 64)
	}
	min, rest := cs/6000, cs%6000
	b := strconv.AppendInt(make([]byte, 0, 8), min, 10)
	b = append(b, ':', byte('0'+rest/1000), byte('0'+rest/100%10), '.', byte('0'+rest/10%10), byte('0'+rest%10))
	return string(b)
}

// windTexts are the wind readings −2.5 … +3.5 m/s by tenths.
var windTexts = func() []string {
	out := make([]string, 61)
	for i := range out {
		out[i] = strconv.FormatFloat(float64(i-25)/10, 'f', 1, 64)
	}
	return out
}()

func formatWind(w float64) string {
	if math.IsNaN(w) {
		return ""
	}
	return windTexts[int(math.Round(w*10))+25]
}

var smallInts = func() []string {
	out := make([]string, 101)
	for i := range out {
		out[i] = strconv.Itoa(i)
	}
	return out
}()

func smallInt(i int) string {
	if i >= 0 && i < len(smallInts) {
		return smallInts[i]
	}
	return strconv.Itoa(i)
}
