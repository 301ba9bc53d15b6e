package report

import (
	"fmt"
	"math"
)

// Bars is a grouped bar chart: one bar per group in each category.
type Bars struct {
	Title, XLabel, YLabel string
	Width, Height         float64 // pixels; 0 → 640 × 360
	Categories            []string
	Groups                []BarGroup
}

// BarGroup is one series of bars: Values[i] is the bar of Categories[i]
// (NaN: no bar).
type BarGroup struct {
	Name   string // legend entry
	Values []float64
	Color  string // "" → Palette by the group's index
}

// maxLabels is the most category labels drawn; with more categories only
// every k-th is labelled.
const maxLabels = 16

// SVG renders the chart as an inline SVG element. The y axis starts at 0
// (negative values are drawn from 0 downwards).
func (c Bars) SVG() string {
	var items []legendItem
	lo, hi := 0.0, 0.0
	for i, g := range c.Groups {
		items = append(items, legendItem{g.Name, colour(g.Color, i), keyBar})
		for _, v := range g.Values {
			if finite(v) {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
	}
	f := newFrame(c.Width, c.Height, c.Title, items)
	ya := newAxis(Range{}, lo, hi, f.bottom, f.top)
	f.yAxis(ya, c.YLabel)
	n := max(1, len(c.Categories))
	slot := (f.right - f.left) / float64(n)
	bar := slot * 0.8 / float64(max(1, len(c.Groups)))
	every := int(math.Ceil(float64(n) / maxLabels))
	var px []float64
	var labels []string
	for i, cat := range c.Categories {
		if i%every == 0 {
			px, labels = append(px, f.left+slot*(float64(i)+0.5)), append(labels, cat)
		}
	}
	f.xTicks(px, labels, c.XLabel)
	zero := ya.px(0)
	for gi, g := range c.Groups {
		col := colour(g.Color, gi)
		for i, v := range g.Values {
			if i >= n || !finite(v) {
				continue
			}
			x := f.left + slot*(float64(i)+0.1) + bar*float64(gi)
			y := ya.px(v)
			fmt.Fprintf(&f.b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s %s: %g</title></rect>`,
				x, min(y, zero), bar, math.Abs(zero-y), col, escape(g.Name), escape(c.Categories[i]), v)
		}
	}
	return f.close()
}
