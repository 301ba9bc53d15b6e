package sim

import (
	"strconv"
	"time"
)

// day is a date as days since 1970-01-01, the unit the store uses.
type day int32

// The simulated seasons are calendar years; all of them are in the past, so
// no simulated date is ever in the future whatever day the generator runs.
const (
	firstSeason = 2021
	lastSeason  = 2025
	seasons     = lastSeason - firstSeason + 1
	// Stated birth years: every athlete is 11–19 in the calendar year of at
	// least one season, so 10.0–19.99 years old at every result.
	firstBirthYear = firstSeason - maxSeasonAge
	lastBirthYear  = lastSeason - minSeasonAge
	minSeasonAge   = 11 // a season counts when the athlete turns 11…19 in it
	maxSeasonAge   = 19
)

func date(y int, m time.Month, d int) day {
	return day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func (d day) time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// year returns d's calendar year.
func (d day) year() int { return d.time().Year() }

// Dates are formatted from a table: generating tens of millions of rows
// must not go through time.Time for each.
var (
	dateBase  = date(1995, time.January, 1)
	dateTable = func() []string {
		end := date(lastSeason+1, time.January, 1)
		out := make([]string, end-dateBase)
		for i := range out {
			out[i] = (dateBase + day(i)).time().Format(time.DateOnly)
		}
		return out
	}()
)

// String formats d as YYYY-MM-DD.
func (d day) String() string {
	if i := int(d - dateBase); i >= 0 && i < len(dateTable) {
		return dateTable[i]
	}
	return d.time().Format(time.DateOnly)
}

// ageAt returns the age in years of someone born on birth at d.
func ageAt(birth, d day) float64 { return float64(d-birth) / 365.25 }

// relativeAgeWeight multiplies the birth-month distribution of athletes who
// get selected into youth sport: January-born children are the oldest of
// their cohort and are selected about 1.5 times as often as December-born
// ones (the relative-age effect, which falls linearly over the year).
func relativeAgeWeight(m time.Month) float64 { return 1.5 - 0.5*float64(m-1)/11 }

// birthDay draws a birth date in year y: births spread over the year by
// days (with a mild late-summer/autumn peak of conceptions around the new
// year), then weighted by the relative-age effect.
func birthDay(r *rng, y int) day {
	for {
		start := date(y, time.January, 1)
		n := int(date(y+1, time.January, 1) - start)
		d := start + day(r.IntN(n))
		m := d.time().Month()
		seasonal := 1.0
		if m >= time.August && m <= time.October {
			seasonal = 1.08
		}
		if r.Float64()*1.5*1.08 < relativeAgeWeight(m)*seasonal {
			return d
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
