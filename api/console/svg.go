package console

import (
	"fmt"
	"html/template"
	"math"
	"strings"
)

// Charts are hand-written SVG rather than gonum/plot: a few dozen lines give
// exactly what the pages need (lines, dots, shaded bands, a legend), styled by
// classes from console.css so that no inline style trips the CSP; the output
// is byte-stable for golden tests, carries <title>/<desc> for screen readers,
// and has the same geometry in every language (only the words change).

const (
	chartW, chartH                     = 640, 300
	padLeft, padRight, padTop, padBott = 60, 16, 16, 64
)

// maxTicks bounds the ticks of an axis, whatever the data's range.
const maxTicks = 20

type pt struct{ X, Y float64 }

type tick struct {
	X     float64
	Label string
}

// series is a line (and optionally dots) through points in x order.
type series struct {
	Name, Class string
	Pts         []pt
	Dots        bool
	NoLine      bool
}

// band is a shaded area between Lo and Hi, which share their x values.
type band struct {
	Name, Class string
	Lo, Hi      []pt
}

type chart struct {
	ID, Title, Desc string
	YLabel          string
	XTicks          []tick // empty: ticks at whole numbers of x
	InvertY         bool   // larger y drawn lower (e.g. times, where less is better)
	Lines           []series
	Bands           []band
}

type scale struct{ x0, x1, y0, y1 float64 }

func (c chart) scale() scale {
	s := scale{math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)}
	add := func(p pt) {
		s.x0, s.x1 = math.Min(s.x0, p.X), math.Max(s.x1, p.X)
		s.y0, s.y1 = math.Min(s.y0, p.Y), math.Max(s.y1, p.Y)
	}
	for _, l := range c.Lines {
		for _, p := range finite(l.Pts) {
			add(p)
		}
	}
	for _, b := range c.Bands {
		for _, p := range finite(append(b.Lo[:len(b.Lo):len(b.Lo)], b.Hi...)) {
			add(p)
		}
	}
	if math.IsInf(s.x0, 0) {
		return scale{0, 1, 0, 1}
	}
	if s.x1 == s.x0 || len(c.XTicks) > 0 { // categories: half a step of room on each side for the labels
		s.x0, s.x1 = s.x0-0.5, s.x1+0.5
	}
	pad := (s.y1 - s.y0) * 0.08
	if pad == 0 {
		pad = math.Max(math.Abs(s.y0)*0.05, 0.5)
	}
	s.y0, s.y1 = s.y0-pad, s.y1+pad
	return s
}

func (s scale) px(x float64) float64 {
	return padLeft + (x-s.x0)/(s.x1-s.x0)*(chartW-padLeft-padRight)
}

func (s scale) py(y float64, invert bool) float64 {
	f := (y - s.y0) / (s.y1 - s.y0)
	if invert {
		f = 1 - f
	}
	return chartH - padBott - f*(chartH-padTop-padBott)
}

// svg draws the chart. Non-finite points are skipped.
func (c chart) svg(loc *locale) template.HTML {
	s := c.scale()
	var b strings.Builder
	esc := template.HTMLEscapeString
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-t %s-d">`, chartW, chartH, c.ID, c.ID)
	fmt.Fprintf(&b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, c.ID, esc(c.Title), c.ID, esc(c.Desc))
	c.yAxis(&b, s, loc)
	c.xAxis(&b, s)
	for _, bd := range c.Bands {
		fmt.Fprintf(&b, `<polygon class="%s" points="%s"/>`, bd.Class, c.polyPoints(s, append(bd.Lo[:len(bd.Lo):len(bd.Lo)], reversed(bd.Hi)...)))
	}
	for _, l := range c.Lines {
		if !l.NoLine {
			fmt.Fprintf(&b, `<polyline class="line %s" points="%s"/>`, l.Class, c.polyPoints(s, l.Pts))
		}
		if l.Dots {
			for _, p := range finite(l.Pts) {
				fmt.Fprintf(&b, `<circle class="dot %s" cx="%.1f" cy="%.1f" r="3.5"/>`, l.Class, s.px(p.X), s.py(p.Y, c.InvertY))
			}
		}
	}
	c.legend(&b)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func (c chart) yAxis(b *strings.Builder, s scale, loc *locale) {
	step := niceStep((s.y1 - s.y0) / 5)
	decimals := max(0, int(math.Ceil(-math.Log10(step))))
	start := math.Ceil(s.y0/step) * step
	for i := 0; i < maxTicks && start+float64(i)*step <= s.y1; i++ {
		y := start + float64(i)*step
		py := s.py(y, c.InvertY)
		fmt.Fprintf(b, `<line class="grid" x1="%d" y1="%.1f" x2="%d" y2="%.1f"/>`, padLeft, py, chartW-padRight, py)
		fmt.Fprintf(b, `<text class="tick" x="%d" y="%.1f" text-anchor="end">%s</text>`, padLeft-6, py+4, loc.Num(decimals, y))
	}
	fmt.Fprintf(b, `<text class="axis-label" x="14" y="%d" transform="rotate(-90 14 %d)" text-anchor="middle">%s</text>`,
		(chartH-padBott+padTop)/2, (chartH-padBott+padTop)/2, template.HTMLEscapeString(c.YLabel))
}

func (c chart) xAxis(b *strings.Builder, s scale) {
	ticks := c.XTicks
	if len(ticks) == 0 {
		step := max(1, niceStep((s.x1-s.x0)/10))
		start := math.Ceil(s.x0/step) * step
		for i := 0; i < maxTicks && start+float64(i)*step <= s.x1; i++ {
			x := start + float64(i)*step
			ticks = append(ticks, tick{X: x, Label: fmt.Sprintf("%g", x)})
		}
	}
	base := chartH - padBott
	fmt.Fprintf(b, `<line class="axis" x1="%d" y1="%d" x2="%d" y2="%d"/>`, padLeft, base, chartW-padRight, base)
	for _, t := range ticks {
		fmt.Fprintf(b, `<text class="tick" x="%.1f" y="%d" text-anchor="middle">%s</text>`, s.px(t.X), base+16, template.HTMLEscapeString(t.Label))
	}
}

// legend lists the bands and lines along the bottom edge, in up to two rows.
func (c chart) legend(b *strings.Builder) {
	x, y := padLeft, chartH-40
	item := func(class, name string) {
		w := 28 + 7*len([]rune(name))
		if x+w > chartW-padRight && x > padLeft {
			x, y = padLeft, y+18
		}
		fmt.Fprintf(b, `<rect class="key %s" x="%d" y="%d" width="12" height="12"/>`, class, x, y)
		fmt.Fprintf(b, `<text class="legend" x="%d" y="%d">%s</text>`, x+16, y+10, template.HTMLEscapeString(name))
		x += w
	}
	for _, bd := range c.Bands {
		item(bd.Class, bd.Name)
	}
	for _, l := range c.Lines {
		item(l.Class, l.Name)
	}
}

func (c chart) polyPoints(s scale, pts []pt) string {
	parts := make([]string, 0, len(pts))
	for _, p := range finite(pts) {
		parts = append(parts, fmt.Sprintf("%.1f,%.1f", s.px(p.X), s.py(p.Y, c.InvertY)))
	}
	return strings.Join(parts, " ")
}

// finite keeps the drawable points: NaN, infinities and magnitudes beyond
// 1e300 (whose differences overflow) are left out.
func finite(pts []pt) []pt {
	out := make([]pt, 0, len(pts))
	for _, p := range pts {
		if math.Abs(p.X) < 1e300 && math.Abs(p.Y) < 1e300 {
			out = append(out, p)
		}
	}
	return out
}

func reversed(pts []pt) []pt {
	out := make([]pt, len(pts))
	for i, p := range pts {
		out[len(pts)-1-i] = p
	}
	return out
}

// niceStep rounds a raw tick step up to 1, 2 or 5 times a power of ten.
func niceStep(raw float64) float64 {
	if !(raw > 0) || math.IsInf(raw, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if raw <= m*p {
			return m * p
		}
	}
	return 10 * p
}
