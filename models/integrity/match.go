package integrity

import "time"

// Quote is one bookmaker's prices for one market at one moment.
type Quote struct {
	Bookmaker string
	Market    string  // "1x2", "ou" or "ah"
	Line      float64 // total goals for "ou", the home side's handicap for "ah"; 0 for "1x2"
	Phase     string  // "opening", "pre-match" or "closing"
	Prices    []float64
}

// Match is one football match with its result and prices. Scores are −1
// when unknown.
type Match struct {
	ID                   int64
	Ref                  string // the source's match id
	Date                 time.Time
	Division             string
	Home, Away, Referee  string
	HomeGoals, AwayGoals int
	HTHome, HTAway       int
	Quotes               []Quote // prices: 1x2 home, draw, away; ou over, under; ah home, away
}

// Outcomes of a 1x2 market, in price order.
const (
	HomeWin = iota
	Draw
	AwayWin
)

var outcomeNames = [3]string{"home", "draw", "away"}

// Outcome returns HomeWin, Draw or AwayWin; −1 when the score is unknown.
func (m *Match) Outcome() int {
	return outcomeOf(m.HomeGoals, m.AwayGoals)
}

func outcomeOf(h, a int) int {
	switch {
	case h < 0 || a < 0:
		return -1
	case h > a:
		return HomeWin
	case h == a:
		return Draw
	}
	return AwayWin
}

// phaseOrder ranks the price moments; live prices are not used.
var phaseOrder = map[string]int{"opening": 0, "pre-match": 1, "closing": 2}
