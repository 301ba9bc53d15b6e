package console

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"sort"
	"strings"
)

// evidenceView is a detector's evidence pack made readable: an odds chart
// per bookmaker when the pack carries "odds" series, a signals table when
// it carries "signals" rows, the other top-level fields, and the whole pack
// as indented JSON. Whatever is absent is simply not shown.
type evidenceView struct {
	Odds    []oddsChart
	Signals table
	Fields  []field
	Raw     string
	Invalid bool // the pack is not a JSON object
}

type oddsChart struct {
	Bookmaker string
	Points    []oddsPoint
	SVG       template.HTML
}

// oddsPoint is a bookmaker's price at one phase of the market
// ("opening", "mid", "closing"…): decimal odds and implied probability.
type oddsPoint struct {
	Phase   string  `json:"phase"`
	Price   float64 `json:"price"`
	Implied float64 `json:"implied"`
}

type oddsSeries struct {
	Bookmaker string      `json:"bookmaker"`
	Points    []oddsPoint `json:"points"`
}

// table is a generic table of rows with their union of columns.
type table struct {
	Columns []string
	Rows    [][]string
}

// parseEvidence decodes an evidence pack. It is the console's decoder of
// detector output, fuzzed in evidence_test.go: odds and signals that do not
// have the expected shape are ignored, not fatal.
func parseEvidence(raw json.RawMessage) (odds []oddsSeries, signals []map[string]json.RawMessage, err error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil || obj == nil {
		return nil, nil, fmt.Errorf("console: evidence is not a JSON object")
	}
	if json.Unmarshal(obj["odds"], &odds) != nil {
		odds = nil
	}
	if json.Unmarshal(obj["signals"], &signals) != nil {
		signals = nil
	}
	return odds, signals, nil
}

// buildEvidence lays out an evidence pack for the alert page; idPrefix makes
// the charts' element ids unique on the page.
func buildEvidence(loc *locale, raw json.RawMessage, idPrefix string) evidenceView {
	var v evidenceView
	var pretty bytes.Buffer
	if json.Indent(&pretty, raw, "", "  ") == nil {
		v.Raw = pretty.String()
	} else {
		v.Raw = string(raw)
	}
	odds, signals, err := parseEvidence(raw)
	if err != nil {
		v.Invalid = true
		return v
	}
	for i, s := range odds {
		if len(s.Points) == 0 {
			continue
		}
		v.Odds = append(v.Odds, oddsChart{Bookmaker: s.Bookmaker, Points: s.Points,
			SVG: oddsSVG(loc, s, fmt.Sprintf("%s-%d", idPrefix, i))})
	}
	v.Signals = signalTable(loc, signals)
	for _, f := range objectFields(loc, raw) {
		if _, skip := map[string]bool{"odds": true, "signals": true}[f.Key]; !skip {
			v.Fields = append(v.Fields, f)
		}
	}
	return v
}

// signalTable puts the signal rows in a table; "name" and "signal" lead,
// the other columns follow in key order.
func signalTable(loc *locale, rows []map[string]json.RawMessage) table {
	seen := map[string]bool{}
	var cols []string
	for _, r := range rows {
		for k := range r {
			if !seen[k] {
				seen[k] = true
				cols = append(cols, k)
			}
		}
	}
	rank := func(k string) int {
		switch k {
		case "name", "signal":
			return 0
		}
		return 1
	}
	sort.Slice(cols, func(i, j int) bool {
		if rank(cols[i]) != rank(cols[j]) {
			return rank(cols[i]) < rank(cols[j])
		}
		return cols[i] < cols[j]
	})
	t := table{Columns: cols}
	for _, r := range rows {
		cells := make([]string, len(cols))
		for i, k := range cols {
			if v, ok := r[k]; ok {
				cells[i] = loc.JSON(v)
			}
		}
		t.Rows = append(t.Rows, cells)
	}
	return t
}

// oddsSVG draws one bookmaker's price through the market phases.
func oddsSVG(loc *locale, s oddsSeries, id string) template.HTML {
	c := chart{ID: id, Title: loc.T("chart.odds.title", s.Bookmaker), YLabel: loc.T("chart.odds.y")}
	var desc []string
	prices := series{Class: "odds", Name: loc.T("chart.odds.price"), Dots: true}
	for i, p := range s.Points {
		phase := loc.Phase(p.Phase)
		c.XTicks = append(c.XTicks, tick{X: float64(i), Label: phase})
		prices.Pts = append(prices.Pts, pt{float64(i), p.Price})
		desc = append(desc, fmt.Sprintf("%s %s", phase, loc.Num(2, p.Price)))
	}
	c.Lines = []series{prices}
	c.Desc = loc.T("chart.odds.desc", s.Bookmaker, strings.Join(desc, "; "))
	return c.svg(loc)
}
