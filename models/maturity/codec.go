package maturity

import (
	"encoding/json"
	"errors"
	"fmt"
)

// ErrFormat is returned by UnmarshalBinary for bytes that are not a valid
// encoding.
var ErrFormat = errors.New("maturity: bad adjuster encoding")

// MarshalBinary encodes the fitted bands as JSON, sorted by sex and age,
// so the same adjuster always gives the same bytes.
func (a *Adjuster) MarshalBinary() ([]byte, error) { return json.Marshal(a.Bands()) }

// UnmarshalBinary decodes an adjuster written by MarshalBinary, checking
// every band.
func (a *Adjuster) UnmarshalBinary(data []byte) error {
	var bands []BandFit
	if err := json.Unmarshal(data, &bands); err != nil {
		return fmt.Errorf("%w: %v", ErrFormat, err)
	}
	out := map[bandKey]BandFit{}
	for i, b := range bands {
		k := bandKey{b.Sex, b.Age}
		_, dup := out[k]
		if dup || (b.Sex != "M" && b.Sex != "F") || b.N < MinBand || !b.finite() {
			return fmt.Errorf("%w: band %d (%s, age %d, n %d): duplicate, bad sex, too few samples or non-finite fit", ErrFormat, i, b.Sex, b.Age, b.N)
		}
		out[k] = b
	}
	if len(out) == 0 {
		return fmt.Errorf("%w: no bands", ErrFormat)
	}
	a.bands = out
	return nil
}
