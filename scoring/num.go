package scoring

import (
	"math"
	"strconv"
)

// Num is a float64 that encodes NaN and infinities as JSON null (a score that
// could not be computed), since JSON has no NaN.
type Num float64

// MarshalJSON implements json.Marshaler.
func (n Num) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, f, 'g', 6, 64), nil
}

// Interval is an estimate with its 95 % interval.
type Interval struct {
	Est Num `json:"est"`
	Lo  Num `json:"lo"`
	Hi  Num `json:"hi"`
}

// Three is one score shown three ways: raw (standardised within the
// birth-year category, as provinces rank today), RAE-corrected (by exact
// age) and maturity-adjusted.
type Three struct {
	Raw      Num `json:"raw"`
	RAE      Num `json:"rae_corrected"`
	Maturity Num `json:"maturity_adjusted"`
}

// centiles turns z scores into centiles (0–100).
func (t Three) centiles() Three {
	c := func(z Num) Num { return Num(100 * 0.5 * math.Erfc(-float64(z)/math.Sqrt2)) }
	return Three{c(t.Raw), c(t.RAE), c(t.Maturity)}
}
