package features

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"
)

// ErrCutoff is returned for a missing or impossible cut-off.
var ErrCutoff = errors.New("features: invalid cut-off")

// MaxAgeYears bounds an age cut-off; datasets rejects ages above it.
const MaxAgeYears = 100

// Cutoff is the moment a feature set is computed as of: a date, or per
// athlete an age. The zero Cutoff is invalid; build one with AsOfDate or
// AsOfAge.
type Cutoff struct {
	date     time.Time // civil date at UTC midnight; zero for an age cut-off
	ageYears float64   // > 0 for an age cut-off
}

// AsOfDate returns the cut-off at the end of the civil day of d (in d's
// location): rows dated on or before that day count.
func AsOfDate(d time.Time) Cutoff {
	y, m, day := d.Date()
	return Cutoff{date: time.Date(y, m, day, 0, 0, 0, 0, time.UTC)}
}

// AsOfAge returns the per-athlete cut-off at the moment each athlete reaches
// ageYears, e.g. 18 for the 18th birthday: rows at a younger age count (see
// the package documentation for fractional ages and unknown birth dates).
func AsOfAge(ageYears float64) Cutoff {
	return Cutoff{ageYears: ageYears}
}

// IsAge reports whether c is an age cut-off.
func (c Cutoff) IsAge() bool { return c.date.IsZero() }

// Date returns the date of a date cut-off (zero for an age cut-off).
func (c Cutoff) Date() time.Time { return c.date }

// AgeYears returns the age of an age cut-off (0 for a date cut-off).
func (c Cutoff) AgeYears() float64 { return c.ageYears }

// String is "2024-12-31" for a date cut-off and "age 18" for an age cut-off.
func (c Cutoff) String() string {
	if !c.IsAge() {
		return c.date.Format(time.DateOnly)
	}
	return "age " + strconv.FormatFloat(c.ageYears, 'g', -1, 64)
}

func (c Cutoff) validate() error {
	if !c.IsAge() {
		return nil
	}
	if math.IsNaN(c.ageYears) || c.ageYears <= 0 || c.ageYears > MaxAgeYears {
		if c.ageYears == 0 {
			return fmt.Errorf("%w: none given (use AsOfDate or AsOfAge)", ErrCutoff)
		}
		return fmt.Errorf("%w: age %v is not in (0, %d]", ErrCutoff, c.ageYears, MaxAgeYears)
	}
	return nil
}

// param is the value bound to $1 in the cut-off views.
func (c Cutoff) param() any {
	if c.IsAge() {
		return c.ageYears
	}
	return c.date.Format(time.DateOnly)
}
