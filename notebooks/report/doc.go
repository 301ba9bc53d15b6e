// Package report builds the self-contained HTML pages that Podium's notebooks
// write: a title, headings, paragraphs, tables and figures, with charts drawn
// as inline SVG. The page carries its own stylesheet and no script, font,
// image or link to anything outside it, so a report can be mailed, archived
// beside its code (notebooks/<name>/report.html) and opened offline.
//
// Charts: XY (lines, scatters and shaded bands over numeric axes, for
// curves, forecasts with their 95 % band and reference ranges) and Bars
// (grouped bars over categories). Every chart has a title, axis labels (the
// callers put the units in them), round tick values (1, 2 or 5 × 10ᵏ),
// light grid lines and a legend right of the plot; colours come from the
// Okabe–Ito palette, readable with the common colour-vision deficiencies.
// Non-finite points are skipped, so a NaN breaks a line rather than the
// chart.
//
// # Why hand-written SVG rather than gonum.org/v1/plot
//
// gonum/plot with its vgsvg backend was the first candidate. It was not
// taken because (1) it is not a dependency of the module and its own
// dependencies (a font stack: go-fonts/liberation, go-latex, golang.org/x/image)
// would enter go.mod for a reporting tool; (2) vgsvg writes a whole SVG
// document (XML declaration, fixed point sizes) that must be stripped and
// rescaled to sit inline in HTML, and it measures and embeds glyph metrics of
// its own fonts, so the output depends on the font files; (3) its bytes are
// harder to keep stable for golden tests. The charts the notebooks need are
// few and simple — axes with ticks, polylines, markers, polygons, rectangles —
// and take about 300 lines here, with text left to the browser's sans-serif
// font. Log axes (XY.LogX, XY.LogY) have one tick a decade. The cost: no
// automatic label collision handling (Bars
// labels at most 16 categories, skipping the others) and the legend's width is
// estimated from the number of characters.
//
// Main wires a notebook program (flags --db and --out, open the store, build,
// write; or, for a notebook with Files, the files named as arguments instead
// of a store); reporttest checks in tests that a page parses, is self-contained and
// holds its charts.
package report
