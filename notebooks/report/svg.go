package report

import (
	"fmt"
	"html"
	"math"
	"strings"
)

// Palette is the colour cycle of series without a colour of their own:
// the Okabe–Ito colours, distinguishable with the common colour-vision
// deficiencies (yellow left out: unreadable on white).
var Palette = []string{"#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000"}

// Pixel sizes of the default chart and of its margins.
const (
	defaultWidth  = 640
	defaultHeight = 360
	marginLeft    = 64
	marginTop     = 34
	marginBottom  = 50
	marginRight   = 16
	charWidth     = 7 // approximate width of a 12 px character, for the legend box
	bandOpacity   = 0.25
)

// legendKind says how a legend entry draws its key.
type legendKind int

const (
	keyLine legendKind = iota
	keyDashed
	keyPoint
	keyBar  // a filled square
	keyBand // a pale square
)

type legendItem struct {
	name, color string
	kind        legendKind
}

// frame is a chart under construction: the SVG text and the plot area.
type frame struct {
	b                        strings.Builder
	left, right, top, bottom float64
}

// newFrame opens the SVG element of a w × h chart with its title and
// reserves room on the right for the legend of items.
func newFrame(w, h float64, title string, items []legendItem) *frame {
	if w <= 0 || h <= 0 {
		w, h = defaultWidth, defaultHeight
	}
	f := &frame{left: marginLeft, top: marginTop, bottom: h - marginBottom, right: w - marginRight - legendWidth(items)}
	t := html.EscapeString(title)
	fmt.Fprintf(&f.b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %g %g" width="%g" height="%g" role="img" aria-label="%s" font-family="sans-serif" font-size="12">`, w, h, w, h, t)
	fmt.Fprintf(&f.b, `<title>%s</title><rect width="%g" height="%g" fill="#fff"/>`, t, w, h)
	fmt.Fprintf(&f.b, `<text x="%g" y="20" text-anchor="middle" font-size="14" font-weight="bold">%s</text>`, w/2, t)
	f.legend(items)
	return f
}

func legendWidth(items []legendItem) float64 {
	n := 0
	for _, it := range items {
		n = max(n, len([]rune(it.name)))
	}
	if n == 0 {
		return 0
	}
	return float64(30 + n*charWidth)
}

// legend draws the named items in a column right of the plot area.
func (f *frame) legend(items []legendItem) {
	x, y := f.right+12, f.top+6
	for _, it := range items {
		if it.name == "" {
			continue
		}
		switch it.kind {
		case keyLine, keyDashed:
			dash := ""
			if it.kind == keyDashed {
				dash = ` stroke-dasharray="5 3"`
			}
			fmt.Fprintf(&f.b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="2"%s/>`, x, y, x+18, y, it.color, dash)
		case keyPoint:
			fmt.Fprintf(&f.b, `<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>`, x+9, y, it.color)
		case keyBar, keyBand:
			op := 1.0
			if it.kind == keyBand {
				op = bandOpacity
			}
			fmt.Fprintf(&f.b, `<rect x="%.1f" y="%.1f" width="18" height="10" fill="%s" fill-opacity="%g"/>`, x, y-5, it.color, op)
		}
		fmt.Fprintf(&f.b, `<text x="%.1f" y="%.1f" dominant-baseline="middle">%s</text>`, x+24, y, html.EscapeString(it.name))
		y += 18
	}
}

// yAxis draws horizontal grid lines, tick labels and the rotated y label.
func (f *frame) yAxis(a axis, label string) {
	for _, v := range a.ticks {
		y := a.pos(v)
		fmt.Fprintf(&f.b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#e5e5e5"/>`, f.left, y, f.right, y)
		fmt.Fprintf(&f.b, `<text x="%.1f" y="%.1f" text-anchor="end" dominant-baseline="middle">%s</text>`, f.left-6, y, a.label(v))
	}
	cy := (f.top + f.bottom) / 2
	fmt.Fprintf(&f.b, `<text x="14" y="%.1f" text-anchor="middle" transform="rotate(-90 14 %.1f)">%s</text>`, cy, cy, html.EscapeString(label))
}

// xTicks draws tick marks and labels under the plot at the given pixel
// positions, and the x label.
func (f *frame) xTicks(px []float64, labels []string, label string) {
	for i, x := range px {
		fmt.Fprintf(&f.b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#444"/>`, x, f.bottom, x, f.bottom+5)
		fmt.Fprintf(&f.b, `<text x="%.1f" y="%.1f" text-anchor="middle">%s</text>`, x, f.bottom+18, html.EscapeString(labels[i]))
	}
	fmt.Fprintf(&f.b, `<text x="%.1f" y="%.1f" text-anchor="middle">%s</text>`, (f.left+f.right)/2, f.bottom+40, html.EscapeString(label))
}

// close draws the plot area's border and ends the SVG element.
func (f *frame) close() string {
	fmt.Fprintf(&f.b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="none" stroke="#444"/></svg>`,
		f.left, f.top, f.right-f.left, f.bottom-f.top)
	return f.b.String()
}

// colour returns c, or the palette's i-th colour when c is empty.
func colour(c string, i int) string {
	if c != "" {
		return c
	}
	return Palette[i%len(Palette)]
}

// finite reports whether every value is a finite number.
func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

func escape(s string) string { return html.EscapeString(s) }
