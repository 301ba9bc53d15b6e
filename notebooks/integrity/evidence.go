package main

import (
	"encoding/json"
	"fmt"
	"slices"
)

// phases are the moments a bookmaker's price is quoted, in order.
var phases = []string{"opening", "pre-match", "closing"}

// evidence is the part of a match alert's evidence pack the chart reads
// (models/integrity's matchEvidence, as the console reads it).
type evidence struct {
	Odds []struct {
		Bookmaker string `json:"bookmaker"`
		Selection string `json:"selection"`
		Points    []struct {
			Phase   string  `json:"phase"`
			Price   float64 `json:"price"`
			Implied float64 `json:"implied"`
		} `json:"points"`
	} `json:"odds"`
	Signals []struct {
		Name      string  `json:"name"`
		Value     float64 `json:"value"`
		TailShare float64 `json:"tail_share"`
		InScore   bool    `json:"in_score"`
	} `json:"signals"`
	Result struct {
		Match    string `json:"match"`
		Date     string `json:"date"`
		Division string `json:"division"`
		Home     string `json:"home"`
		Away     string `json:"away"`
		Score    string `json:"score"`
		Outcome  string `json:"outcome"`
	} `json:"result"`
}

// decodeEvidence reads an evidence pack; its result must name the outcome
// and every price point a known phase.
func decodeEvidence(raw []byte) (*evidence, error) {
	var ev evidence
	if err := json.Unmarshal(raw, &ev); err != nil {
		return nil, fmt.Errorf("evidence pack: %w", err)
	}
	if ev.Result.Outcome == "" {
		return nil, fmt.Errorf("evidence pack of match %q: no outcome", ev.Result.Match)
	}
	for _, o := range ev.Odds {
		for _, p := range o.Points {
			if !slices.Contains(phases, p.Phase) {
				return nil, fmt.Errorf("evidence pack of match %q: %s quotes at unknown phase %q", ev.Result.Match, o.Bookmaker, p.Phase)
			}
		}
	}
	return &ev, nil
}

// series returns, per bookmaker quoting the outcome that came in, y at each
// phase (NaN where not quoted): x is the phase's index.
func (ev *evidence) series(y func(price, implied float64) float64) (books []string, values [][]float64) {
	for _, o := range ev.Odds {
		if o.Selection != ev.Result.Outcome {
			continue
		}
		v := []float64{nan, nan, nan}
		for _, p := range o.Points {
			v[slices.Index(phases, p.Phase)] = y(p.Price, p.Implied)
		}
		books, values = append(books, o.Bookmaker), append(values, v)
	}
	return books, values
}
