package integrity

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"github.com/podium-sport/podium/datasets"
)

// Alert types raised by this package.
const (
	TypeMatch  = "match-fixing"     // one match whose prices and result look arranged
	TypeEntity = "match-fixing-run" // a team or referee with too many steamed results
)

type pricePoint struct {
	Phase   string  `json:"phase"`
	Price   float64 `json:"price"`
	Implied float64 `json:"implied"` // probability with the book's margin removed (Shin)
	ShinZ   float64 `json:"shin_z"`  // Shin's insider share z of the book's price at this moment
}

type priceSeries struct {
	Bookmaker string       `json:"bookmaker"`
	Selection string       `json:"selection"`
	Points    []pricePoint `json:"points"`
}

type outcomePrice struct {
	Home float64 `json:"home"`
	Draw float64 `json:"draw"`
	Away float64 `json:"away"`
}

type resultInfo struct {
	Match    string `json:"match"` // the source's match id
	Date     string `json:"date"`
	Division string `json:"division"`
	Home     string `json:"home"`
	Away     string `json:"away"`
	Referee  string `json:"referee,omitempty"`
	Score    string `json:"score"`
	HalfTime string `json:"half_time,omitempty"`
	Outcome  string `json:"outcome"`
}

type scoreInfo struct {
	Tests  []TestResult `json:"tests"`
	P      float64      `json:"p"`
	Method string       `json:"method"`
}

type matchEvidence struct {
	Odds       []priceSeries           `json:"odds"`
	Signals    []Signal                `json:"signals"`
	ModelPrice map[string]outcomePrice `json:"model_price"`
	Result     resultInfo              `json:"result"`
	Score      scoreInfo               `json:"score"`
}

const scoreMethod = "each test's p is the tail share of its statistic (Fisher's −2 Σ ln tail share over its signals) among all scored matches; p is the smallest p/weight over the tests (weighted Bonferroni: an honest match reaches p ≤ α with probability at most about α)"

// matchAlert builds the alert of one scored match.
func matchAlert(s *Scored, cfg Config) (datasets.NewAlert, error) {
	m := s.Match
	ev := matchEvidence{Signals: s.Signals, Score: scoreInfo{roundTests(s.Tests), s.P, scoreMethod},
		ModelPrice: map[string]outcomePrice{"market_opening": op(s.Open), "market_closing": op(s.Market),
			"elo": op(s.Elo), "goals_dixon_coles": op(s.Goals)},
		Result: resultInfo{Match: m.Ref, Date: m.Date.Format("2006-01-02"), Division: m.Division, Home: m.Home,
			Away: m.Away, Referee: m.Referee, Score: fmt.Sprintf("%d-%d", m.HomeGoals, m.AwayGoals),
			Outcome: outcomeNames[s.Outcome]}}
	if m.HTHome >= 0 && m.HTAway >= 0 {
		ev.Result.HalfTime = fmt.Sprintf("%d-%d", m.HTHome, m.HTAway)
	}
	for _, b := range s.mk.books {
		for o, sel := range outcomeNames {
			ps := priceSeries{Bookmaker: b.name, Selection: sel}
			for k, q := range b.quotes {
				ps.Points = append(ps.Points, pricePoint{q.Phase, q.Prices[o], round(b.probs[k][o]), round(b.z[k])})
			}
			ev.Odds = append(ev.Odds, ps)
		}
	}
	raw, err := json.Marshal(ev)
	if err != nil {
		return datasets.NewAlert{}, fmt.Errorf("integrity: evidence of match %d: %w", m.ID, err)
	}
	return datasets.NewAlert{Type: TypeMatch, Subject: "match:" + strconv.FormatInt(m.ID, 10),
		Severity: severity(s.P, cfg.Alpha), Evidence: raw}, nil
}

func roundTests(ts []TestResult) []TestResult {
	out := make([]TestResult, len(ts))
	for i, t := range ts {
		out[i] = TestResult{t.Name, round(t.P), t.Weight}
	}
	return out
}

func op(p Price) outcomePrice { return outcomePrice{round(p[0]), round(p[1]), round(p[2])} }

// severity maps a p-value to 0–1 on a log scale: 0.5 at the alert
// threshold alpha, 1 at alpha² or below, 0 at p = 1.
func severity(p, alpha float64) float64 {
	if p <= 0 {
		return 1
	}
	return math.Min(1, math.Max(0, math.Log(p)/math.Log(alpha*alpha)))
}
