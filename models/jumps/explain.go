package jumps

import (
	"fmt"
	"math"
	"strings"
)

// Caveat is an innocent explanation of a jump an officer must rule out
// before reading it as doping; Applies says whether the data point to it.
type Caveat struct {
	Name    string `json:"name"`
	Applies bool   `json:"applies"`
	Detail  string `json:"detail"`
}

// Age-group limits: under-18, under-20 and under-23 athletes step up to a
// new group (and often new implements, hurdle heights, training loads) at
// these ages.
var ageGroups = []float64{18, 20, 23}

// Caveat thresholds.
const (
	breakDays = 365 // a gap this long suggests an injury or a break
	newEvent  = 5   // fewer earlier results than this: still learning the event
)

// Caveats lists the innocent explanations the series itself can speak to:
// a return after a long break (injury, maternity), an event still new to
// the athlete, and a change of age group since the previous result. Wind
// and altitude depend on the venue and conditions, which the caller adds.
func Caveats(c Check) []Caveat {
	group := Caveat{Name: "age-group change", Detail: fmt.Sprintf("aged %.1f, previous result at %.1f: no age-group limit crossed", c.AgeYears, c.PrevAge)}
	for _, a := range ageGroups {
		if c.PrevAge < a && c.AgeYears >= a {
			group.Applies = true
			group.Detail = fmt.Sprintf("crossed the age-group limit %g between the previous result (%.1f) and this one (%.1f)", a, c.PrevAge, c.AgeYears)
		}
	}
	return []Caveat{
		{Name: "return from injury or a break", Applies: c.GapDays >= breakDays,
			Detail: fmt.Sprintf("%d days since the previous result in this event (a break is ≥ %d)", c.GapDays, breakDays)},
		{Name: "new event", Applies: c.Prior < newEvent,
			Detail: fmt.Sprintf("%d earlier results in this event (new below %d)", c.Prior, newEvent)},
		group,
	}
}

// windAided is the legal tail wind (m/s) from which a sprint or horizontal
// jump mark is worth about half a per cent or more.
const windAided = 1.0

// Conditions lists the innocent explanations of the result's conditions:
// tail wind (windMS, NaN when not recorded; only events that record wind
// should pass windEvent) and altitude (the venue is one of the usual
// venues at 1,000 m or higher).
func Conditions(windMS float64, windEvent bool, venue string) []Caveat {
	wind := Caveat{Name: "wind", Detail: "the event is not wind-measured"}
	switch {
	case windEvent && math.IsNaN(windMS):
		wind.Detail = "wind not recorded"
	case windEvent:
		wind.Applies = windMS >= windAided
		wind.Detail = fmt.Sprintf("wind %+.1f m/s (aided from %+.1f)", windMS, windAided)
	}
	alt := Caveat{Name: "altitude", Detail: fmt.Sprintf("venue %q is not a known venue at altitude", venue)}
	for _, v := range altitudeVenues {
		if strings.Contains(venue, v) {
			alt.Applies = true
			alt.Detail = fmt.Sprintf("venue %q is at altitude (≥ 1,000 m): thin air helps sprints and jumps, hurts distance races", venue)
		}
	}
	return []Caveat{wind, alt}
}

// altitudeVenues are the places at 1,000 m or higher where the all-time
// lists hold marks (World Athletics marks them "A"; the lists as
// published drop the mark).
var altitudeVenues = []string{"Nairobi", "Kasarani", "Eldoret", "Nakuru", "Kampala", "Kigali", "Addis Ababa",
	"Pretoria", "Johannesburg", "Germiston", "Roodepoort", "Potchefstroom", "Bloemfontein", "Gaborone", "Windhoek",
	"Harare", "Lusaka", "México", "Mexico City", "Guadalajara", "Toluca", "Ciudad de Guatemala", "Bogotá", "Medellín",
	"Cali (COL)", "Quito", "La Paz", "Cochabamba", "Sucre", "Provo", "El Paso", "Flagstaff", "Boulder", "Albuquerque",
	"Colorado Springs", "Air Force Academy", "Logan", "Laramie", "Pocatello", "Reno", "Salt Lake City", "Denver",
	"Hobbs", "Sestriere", "Sierra Nevada", "Font-Romeu", "Erzurum"}
