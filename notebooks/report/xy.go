package report

import (
	"fmt"
	"math"
	"strings"
)

// XY is a chart of lines, scatters and bands over numeric x and y axes.
// Points with a NaN or infinite coordinate are skipped (a line breaks there).
type XY struct {
	Title, XLabel, YLabel string  // labels should name their units
	Width, Height         float64 // pixels; 0 → 640 × 360
	X, Y                  Range   // zero → from the data
	// XNames, when set, makes x categorical: x = 0, 1, … are these names
	// (phases of a market, sample numbers) and X is ignored.
	XNames []string
	// LogX and LogY draw that axis on a log10 scale, one tick a decade
	// (X or Y is then ignored); values ≤ 0 are skipped like NaN.
	LogX, LogY bool
	Lines      []Line
	Bands      []Band // drawn under the lines
}

// Line is one series of an XY chart.
type Line struct {
	Name   string // legend entry; "" → not in the legend
	X, Y   []float64
	Points bool   // a marker at every point
	NoLine bool   // markers only: a scatter
	Dashed bool   // for reference lines and baselines
	Color  string // "" → Palette by the line's index
}

// Band is a shaded interval between Lo and Hi at each X (a prediction or
// reference band).
type Band struct {
	Name      string
	X, Lo, Hi []float64
	Color     string // "" → Palette by the band's index
}

// SVG renders the chart as an inline SVG element.
func (c XY) SVG() string {
	f := newFrame(c.Width, c.Height, c.Title, c.legend())
	xlo, xhi, ylo, yhi := c.extent()
	xr := c.X
	if n := float64(len(c.XNames)); n > 0 {
		xr = Range{-0.3, n - 0.7}
	}
	xa, ya := newAxis(xr, xlo, xhi, f.left, f.right), newAxis(c.Y, ylo, yhi, f.bottom, f.top)
	if c.LogX {
		xa = newLogAxis(xlo, xhi, f.left, f.right)
	}
	if c.LogY {
		ya = newLogAxis(ylo, yhi, f.bottom, f.top)
	}
	f.yAxis(ya, c.YLabel)
	px, labels := make([]float64, len(xa.ticks)), make([]string, len(xa.ticks))
	for i, v := range xa.ticks {
		px[i], labels[i] = xa.pos(v), xa.label(v)
	}
	if len(c.XNames) > 0 {
		px, labels = px[:0], c.XNames
		for i := range c.XNames {
			px = append(px, xa.px(float64(i)))
		}
	}
	f.xTicks(px, labels, c.XLabel)
	fmt.Fprintf(&f.b, `<clipPath id="%s"><rect x="%.1f" y="%.1f" width="%.1f" height="%.1f"/></clipPath><g clip-path="url(#%[1]s)">`,
		clipID(fmt.Sprintf("%s|%g|%g", c.Title, f.right, f.bottom)), f.left, f.top, f.right-f.left, f.bottom-f.top)
	for i, b := range c.Bands {
		f.band(b, colour(b.Color, i), xa, ya)
	}
	for i, l := range c.Lines {
		f.line(l, colour(l.Color, i), xa, ya)
	}
	f.b.WriteString("</g>")
	return f.close()
}

func (c XY) legend() []legendItem {
	var items []legendItem
	for i, l := range c.Lines {
		kind := keyLine
		switch {
		case l.NoLine:
			kind = keyPoint
		case l.Dashed:
			kind = keyDashed
		}
		items = append(items, legendItem{l.Name, colour(l.Color, i), kind})
	}
	for i, b := range c.Bands {
		items = append(items, legendItem{b.Name, colour(b.Color, i), keyBand})
	}
	return items
}

// extent is the range of the finite data (positive on a log axis).
func (c XY) extent() (xlo, xhi, ylo, yhi float64) {
	xlo, ylo, xhi, yhi = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	add := func(x, y float64) {
		if finite(x, y) && (!c.LogX || x > 0) && (!c.LogY || y > 0) {
			xlo, xhi, ylo, yhi = min(xlo, x), max(xhi, x), min(ylo, y), max(yhi, y)
		}
	}
	for _, l := range c.Lines {
		for i := range l.X {
			add(l.X[i], l.Y[i])
		}
	}
	for _, b := range c.Bands {
		for i := range b.X {
			add(b.X[i], b.Lo[i])
			add(b.X[i], b.Hi[i])
		}
	}
	return xlo, xhi, ylo, yhi
}

// clipID derives a stable element id from the chart's title and size, so
// that charts on one page do not share a clip path (two with the same title
// and size would share an identical one).
func clipID(title string) string {
	h := uint32(2166136261) // FNV-1a
	for i := 0; i < len(title); i++ {
		h = (h ^ uint32(title[i])) * 16777619
	}
	return fmt.Sprintf("clip%08x", h)
}

func (f *frame) line(l Line, color string, xa, ya axis) {
	var d, dots strings.Builder
	move := true
	for i := range l.X {
		x, y := xa.px(l.X[i]), ya.px(l.Y[i])
		if !finite(x, y) {
			move = true
			continue
		}
		if l.Points || l.NoLine {
			fmt.Fprintf(&dots, `<circle cx="%.1f" cy="%.1f" r="2.5" fill="%s"/>`, x, y, color)
		}
		cmd := "L"
		if move {
			cmd, move = "M", false
		}
		fmt.Fprintf(&d, "%s%.1f %.1f", cmd, x, y)
	}
	if !l.NoLine && d.Len() > 0 {
		dash := ""
		if l.Dashed {
			dash = ` stroke-dasharray="5 3"`
		}
		fmt.Fprintf(&f.b, `<path d="%s" fill="none" stroke="%s" stroke-width="2"%s/>`, d.String(), color, dash)
	}
	f.b.WriteString(dots.String()) // markers over the line
}

// band draws the polygon Lo forwards, Hi backwards; points with a
// non-finite bound are skipped.
func (f *frame) band(b Band, color string, xa, ya axis) {
	var lo, hi []string
	for i := range b.X {
		x, l, h := xa.px(b.X[i]), ya.px(b.Lo[i]), ya.px(b.Hi[i])
		if finite(x, l, h) {
			lo = append(lo, fmt.Sprintf("%.1f,%.1f", x, l))
			hi = append(hi, fmt.Sprintf("%.1f,%.1f", x, h))
		}
	}
	for i, j := 0, len(hi)-1; i < j; i, j = i+1, j-1 {
		hi[i], hi[j] = hi[j], hi[i]
	}
	if len(lo) == 0 {
		return
	}
	fmt.Fprintf(&f.b, `<polygon points="%s" fill="%s" fill-opacity="%g" stroke="none"/>`, strings.Join(append(lo, hi...), " "), color, bandOpacity)
}
