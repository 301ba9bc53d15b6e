package maturity

import (
	"errors"
	"fmt"
	"math"
)

// Equation is a somatic maturity-offset prediction equation.
type Equation int

const (
	Mirwald2002 Equation = iota // Mirwald et al. 2002: age, height, sitting height, mass
	Moore2015                   // Moore et al. 2015: age × sitting height (boys), age × height (girls)
)

func (e Equation) String() string {
	switch e {
	case Mirwald2002:
		return "mirwald2002"
	case Moore2015:
		return "moore2015"
	}
	return fmt.Sprintf("Equation(%d)", int(e))
}

// Flags mark an estimate that lies outside what an equation was validated
// for; the estimate is still given.
type Flags uint8

const (
	// AgeOutsideSample: the age is outside the ages of the equation's
	// derivation sample (validAges).
	AgeOutsideSample Flags = 1 << iota
	// FarFromPHV: |offset| > 1 year; both equations are accurate only
	// within about a year of peak height velocity (Kozieł & Malina 2018).
	FarFromPHV
	// OutsideValidation: |offset| > 3 years, beyond the −3…+3 years from PHV
	// over which the equations have been validated at all.
	OutsideValidation
)

func (f Flags) String() string {
	if f == 0 {
		return "ok"
	}
	var s string
	for i, name := range []string{"age-outside-sample", "far-from-phv", "outside-validation"} {
		if f&(1<<i) != 0 {
			s += "," + name
		}
	}
	return s[1:]
}

// Estimate is a predicted maturity status.
type Estimate struct {
	Offset   float64 // years from peak height velocity: < 0 before PHV
	AgeAtPHV float64 // predicted age at PHV: age − offset, years
	Flags    Flags
}

// validAges are the ages (years) of each equation's derivation sample:
// Mirwald 2002, Saskatchewan PBMAS children aged 8–16; Moore 2015, the same
// study's 7.5–17.5 (boys and girls alike).
var validAges = map[Equation][2]float64{
	Mirwald2002: {8, 16},
	Moore2015:   {7.5, 17.5},
}

// ErrInput is returned for measurements that are missing or impossible.
var ErrInput = errors.New("maturity: bad input")

// Offset predicts the maturity offset of a child of sex ("M" or "F") at age
// (years) with standing height and sitting height (cm) and body mass (kg).
// Moore2015 ignores the measurements it does not use (they may be NaN).
func Offset(eq Equation, sex string, age, height, sittingHeight, mass float64) (Estimate, error) {
	if err := checkInput(eq, sex, age, height, sittingHeight, mass); err != nil {
		return Estimate{}, err
	}
	var off float64
	switch eq {
	case Mirwald2002:
		off = mirwald(sex, age, height, sittingHeight, mass)
	case Moore2015:
		off = moore(sex, age, height, sittingHeight)
	}
	e := Estimate{Offset: off, AgeAtPHV: age - off}
	if r := validAges[eq]; age < r[0] || age > r[1] {
		e.Flags |= AgeOutsideSample
	}
	if math.Abs(off) > 1 {
		e.Flags |= FarFromPHV
	}
	if math.Abs(off) > 3 {
		e.Flags |= OutsideValidation
	}
	return e, nil
}

// mirwald is Mirwald et al. (2002), with leg length LL = H − SH and the
// weight-by-height ratio W/H·100.
func mirwald(sex string, age, h, sh, w float64) float64 {
	ll := h - sh
	ratio := w / h * 100
	if sex == "M" {
		return -9.236 + 0.0002708*ll*sh - 0.001663*age*ll + 0.007216*age*sh + 0.02292*ratio
	}
	return -9.376 + 0.0001882*ll*sh + 0.0022*age*ll + 0.005841*age*sh - 0.002658*age*w + 0.07693*ratio
}

// moore is Moore et al. (2015): boys age × sitting height, girls age × height.
func moore(sex string, age, h, sh float64) float64 {
	if sex == "M" {
		return -8.128741 + 0.0070346*age*sh
	}
	return -7.709133 + 0.0042232*age*h
}

func checkInput(eq Equation, sex string, age, h, sh, w float64) error {
	if sex != "M" && sex != "F" {
		return fmt.Errorf("%w: sex %q, want M or F", ErrInput, sex)
	}
	if _, ok := validAges[eq]; !ok {
		return fmt.Errorf("%w: unknown equation %v", ErrInput, eq)
	}
	pos := func(x float64) bool { return x > 0 && !math.IsInf(x, 0) }
	needSH := eq == Mirwald2002 || sex == "M"
	needH := eq == Mirwald2002 || sex == "F"
	switch {
	case !pos(age):
		return fmt.Errorf("%w: age %v years", ErrInput, age)
	case needH && !pos(h):
		return fmt.Errorf("%w: height %v cm", ErrInput, h)
	case needSH && !pos(sh):
		return fmt.Errorf("%w: sitting height %v cm", ErrInput, sh)
	case eq == Mirwald2002 && !pos(w):
		return fmt.Errorf("%w: body mass %v kg", ErrInput, w)
	case eq == Mirwald2002 && sh >= h:
		return fmt.Errorf("%w: sitting height %v cm not below height %v cm", ErrInput, sh, h)
	}
	return nil
}

// Status is a bio-band: the maturity status a child is grouped by.
type Status string

const (
	PrePHV   Status = "pre-phv"   // offset < −1 year
	CircaPHV Status = "circa-phv" // −1 ≤ offset ≤ +1
	PostPHV  Status = "post-phv"  // offset > +1 year
)

// Band is the bio-band of a maturity offset (years): pre-PHV below −1,
// circa-PHV from −1 to +1, post-PHV above +1 (see doc.go for why).
func Band(offset float64) Status {
	switch {
	case offset < -1:
		return PrePHV
	case offset > 1:
		return PostPHV
	}
	return CircaPHV
}
