package report

import (
	"fmt"
	"html"
	"io"
	"strings"
)

// Page is a self-contained HTML report: a title and blocks in order
// (headings, paragraphs, tables, figures). Its zero value is not usable;
// build it with New.
type Page struct {
	title  string
	blocks []string
}

// New returns an empty page with a title.
func New(title string) *Page { return &Page{title: title} }

// Heading adds a section heading.
func (p *Page) Heading(text string) {
	p.blocks = append(p.blocks, "<h2>"+html.EscapeString(text)+"</h2>")
}

// Para adds a paragraph of plain text (escaped), formatted like fmt.Sprintf.
func (p *Page) Para(format string, args ...any) {
	p.blocks = append(p.blocks, "<p>"+html.EscapeString(fmt.Sprintf(format, args...))+"</p>")
}

// Warn adds a highlighted paragraph: something the reader must not miss,
// such as a section left out because its data or model is missing.
func (p *Page) Warn(format string, args ...any) {
	p.blocks = append(p.blocks, `<p class="warn">`+html.EscapeString(fmt.Sprintf(format, args...))+"</p>")
}

// Table adds a table with a header row; cells are plain text (escaped).
// Columns after the first are right-aligned (they are usually numbers).
func (p *Page) Table(caption string, head []string, rows [][]string) {
	var b strings.Builder
	b.WriteString("<table>")
	if caption != "" {
		b.WriteString("<caption>" + html.EscapeString(caption) + "</caption>")
	}
	b.WriteString("<thead><tr>")
	for _, h := range head {
		b.WriteString("<th>" + html.EscapeString(h) + "</th>")
	}
	b.WriteString("</tr></thead><tbody>")
	for _, r := range rows {
		b.WriteString("<tr>")
		for _, c := range r {
			b.WriteString("<td>" + html.EscapeString(c) + "</td>")
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</tbody></table>")
	p.blocks = append(p.blocks, b.String())
}

// Figure adds a chart with a caption below it.
func (p *Page) Figure(c Chart, caption string) {
	p.blocks = append(p.blocks, "<figure>"+c.SVG()+"<figcaption>"+html.EscapeString(caption)+"</figcaption></figure>")
}

// Chart is anything that renders itself as an inline SVG element.
type Chart interface{ SVG() string }

// style is the page's whole stylesheet: no external fonts or files.
const style = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{padding:.2rem .6rem;border-bottom:1px solid #eee}th{background:#f4f4f4;text-align:left}
td+td,th+th{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1rem 0}figcaption{font-size:.85rem;color:#555;max-width:40rem}svg{max-width:100%;height:auto}
.warn{background:#fff4e0;border-left:4px solid #e69f00;padding:.4rem .8rem}`

// Render writes the page as one HTML document.
func (p *Page) Render(w io.Writer) error {
	var b strings.Builder
	t := html.EscapeString(p.title)
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
	b.WriteString("<title>" + t + "</title><style>" + style + "</style></head>\n<body><h1>" + t + "</h1>\n")
	for _, bl := range p.blocks {
		b.WriteString(bl)
		b.WriteByte('\n')
	}
	b.WriteString("</body></html>\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("report: write %q: %w", p.title, err)
	}
	return nil
}
