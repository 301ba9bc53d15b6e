// Package reporttest checks the pages that notebooks write.
package reporttest

import (
	"bytes"
	"strings"
	"testing"

	"github.com/podium-sport/podium/notebooks/report"
	"golang.org/x/net/html"
)

// Render renders a page and checks it as Parse does: it returns the HTML
// and how many svg elements and tables it holds.
func Render(t testing.TB, p *report.Page) (page string, svgs, tables int) {
	t.Helper()
	var b bytes.Buffer
	if err := p.Render(&b); err != nil {
		t.Fatalf("render: %v", err)
	}
	svgs, tables = Parse(t, b.Bytes())
	return b.String(), svgs, tables
}

// Parse parses an HTML page and returns how many svg elements and tables it
// holds. It fails the test when the page does not parse, lacks a title or
// refers to an outside resource (a script, stylesheet, image or font by URL):
// a report must be self-contained.
func Parse(t testing.TB, page []byte) (svgs, tables int) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatalf("page does not parse: %v", err)
	}
	title := false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "svg":
				svgs++
			case "table":
				tables++
			case "title":
				title = title || (n.FirstChild != nil && strings.TrimSpace(n.FirstChild.Data) != "")
			case "script", "link", "img", "iframe":
				t.Errorf("page holds a <%s> element: reports must be self-contained", n.Data)
			}
			for _, a := range n.Attr {
				if a.Key == "src" || (a.Key == "href" && !strings.HasPrefix(a.Val, "#")) {
					t.Errorf("<%s %s=%q> refers to an outside resource", n.Data, a.Key, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if !title {
		t.Error("page has no title")
	}
	return svgs, tables
}
