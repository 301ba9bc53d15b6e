package report

import (
	"math"
	"strconv"
	"strings"
)

// Range is an axis range. The zero Range means "from the data": the data's
// extent widened to round tick values.
type Range struct{ Min, Max float64 }

func (r Range) set() bool { return r.Min < r.Max }

// axis maps data values onto a pixel interval [p0, p1].
type axis struct {
	lo, hi, p0, p1 float64
	ticks          []float64
	prec           int  // decimals of the tick labels
	log            bool // lo, hi and ticks are log10 of the data; px takes data values
}

// px maps a data value to its pixel; NaN for a value a log axis cannot show
// (≤ 0), so that the point is skipped.
func (a axis) px(v float64) float64 {
	if a.log {
		if v <= 0 {
			return math.NaN()
		}
		v = math.Log10(v)
	}
	return a.pos(v)
}

// pos maps a value of the axis's own scale (a tick) to its pixel.
func (a axis) pos(t float64) float64 { return a.p0 + (t-a.lo)/(a.hi-a.lo)*(a.p1-a.p0) }

// label formats a tick: on a log axis the tick k is 10ᵏ, written in full
// from 0.001 to 1000 and as a power of ten beyond.
func (a axis) label(v float64) string {
	if !a.log {
		return strconv.FormatFloat(v, 'f', a.prec, 64)
	}
	k := int(math.Round(v))
	if k >= -3 && k <= 3 {
		return strconv.FormatFloat(math.Pow(10, float64(k)), 'f', max(0, -k), 64)
	}
	sup := strings.NewReplacer("-", "⁻", "0", "⁰", "1", "¹", "2", "²", "3", "³", "4", "⁴", "5", "⁵", "6", "⁶", "7", "⁷", "8", "⁸", "9", "⁹")
	return "10" + sup.Replace(strconv.Itoa(k))
}

// newLogAxis returns a log10 axis over the positive data extent [lo, hi]
// (data values, not logs) rounded out to whole decades, one tick a decade.
func newLogAxis(lo, hi, p0, p1 float64) axis {
	llo, lhi := math.Floor(math.Log10(lo)), math.Ceil(math.Log10(hi))
	if !(llo < lhi) { // no positive data, or one exact power of ten
		if !finite(llo) {
			llo = 0
		}
		lhi = llo + 1
	}
	a := axis{lo: llo, hi: lhi, p0: p0, p1: p1, log: true}
	for k := llo; k <= lhi; k++ {
		a.ticks = append(a.ticks, k)
	}
	return a
}

// newAxis returns an axis over fixed (when set) or over the data extent
// [lo, hi] rounded out to about five "nice" ticks (1, 2 or 5 × 10ᵏ apart).
func newAxis(fixed Range, lo, hi, p0, p1 float64) axis {
	if fixed.set() {
		lo, hi = fixed.Min, fixed.Max
	}
	if !(lo < hi) { // empty, single-valued or NaN data
		if math.IsNaN(lo) || math.IsInf(lo, 0) {
			lo = 0
		}
		lo, hi = lo-1, lo+1
	}
	step := niceStep((hi - lo) / 5)
	if !fixed.set() {
		lo, hi = math.Floor(lo/step)*step, math.Ceil(hi/step)*step
	}
	a := axis{lo: lo, hi: hi, p0: p0, p1: p1, prec: max(0, -int(math.Floor(math.Log10(step)+1e-9)))}
	for v := math.Ceil(lo/step-1e-9) * step; v <= hi+step*1e-9; v += step {
		a.ticks = append(a.ticks, math.Round(v/step)*step+0) // +0 turns −0 into 0
	}
	return a
}

// niceStep rounds a raw tick spacing up to 1, 2 or 5 × 10ᵏ.
func niceStep(raw float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5} {
		if m*p >= raw*(1-1e-9) {
			return m * p
		}
	}
	return 10 * p
}
