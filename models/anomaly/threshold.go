package anomaly

import (
	"fmt"
	"math"
)

// Threshold returns the score above which the given share (rate, 0–1) of the
// reference scores lies: the (1 − rate) empirical quantile, interpolated
// between order statistics. Flagging "score > Threshold" on the reference
// population raises alerts on about rate of it. NaN scores are skipped.
func Threshold(reference []float64, rate float64) (float64, error) {
	if !(rate > 0 && rate < 1) {
		return math.NaN(), fmt.Errorf("anomaly: alert rate %v outside (0, 1)", rate)
	}
	v := finite(reference)
	if len(v) < 2 {
		return math.NaN(), fmt.Errorf("anomaly: threshold of %d scores: %w", len(v), ErrTooFew)
	}
	pos := (1 - rate) * float64(len(v)-1)
	i := int(pos)
	if i >= len(v)-1 {
		return v[len(v)-1], nil
	}
	f := pos - float64(i)
	return v[i] + f*(v[i+1]-v[i]), nil
}
