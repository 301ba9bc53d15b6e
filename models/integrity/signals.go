package integrity

import (
	"math"

	"github.com/podium-sport/podium/models/odds"
)

// Signal is one measured sign of a fix, as shown in the evidence pack.
type Signal struct {
	Name        string  `json:"name"`
	Value       float64 `json:"value"`
	Threshold   float64 `json:"threshold"`  // the top 1 % of the scored matches start here
	TailShare   float64 `json:"tail_share"` // share of scored matches with a value at least this high
	InScore     bool    `json:"in_score"`   // part of the combined score
	Explanation string  `json:"explanation"`
}

// view is what the signals of one match are computed from.
type view struct {
	m         *Match
	mk        market
	outcome   int
	goals     Price
	gapSD     float64 // SD of the market − goals-model gap on the result, over the scored matches
	steamMove float64
}

type signalDef struct {
	name    string
	explain string
	value   func(v *view) float64
}

// signalDefs are the match signals, all oriented so that higher is more
// suspicious and all measured on the outcome that came in. The score's
// tests (score.go) use steam_z, book_outlier and improbable; the others are
// shown as evidence only: the non-directional or per-book movement
// measures repeat steam_z on data with one moving book, and over/under,
// handicap, late reversals and reverse moves have no labelled case to check
// that they help.
var signalDefs = []signalDef{
	{"steam_z", "rise of the consensus probability of the result, opening → closing, over √(p(1−p)) at its opening probability p (a move scaled by the room a price of that size has to move)",
		func(v *view) float64 { return steamZ(&v.mk, v.outcome) }},
	{"book_outlier", "largest rise of the result's probability at one book's last price over the median of the other books quoting at the same moment",
		func(v *view) float64 { return v.mk.outlierToward(v.outcome) }},
	{"consensus_move", "rise of the consensus probability of the result, opening → closing (median of the books that quote both)",
		func(v *view) float64 { return moveOf(v.mk.moveOpen, v.mk.moveClose, v.outcome) }},
	{"max_book_move", "largest rise of the result's probability at a single book, opening → closing",
		func(v *view) float64 { return v.mk.maxMove(v.outcome) }},
	{"steam_books", "books whose probability of the result rose by the steam threshold or more",
		func(v *view) float64 {
			if len(v.mk.movers) == 0 {
				return math.NaN()
			}
			f, l := v.mk.moverProbs()
			return float64(odds.Steam(f, l, v.outcome, v.steamMove))
		}},
	{"divergence", "range of the result's probability across books at their last price (cross-book divergence)",
		func(v *view) float64 { return spreadLast(&v.mk, v.outcome) }},
	{"model_gap", "closing market minus goals-model probability of the result, in standard deviations of that gap",
		func(v *view) float64 { return (v.mk.latest[v.outcome] - v.goals[v.outcome]) / v.gapSD }},
	{"improbable", "−ln of the opening consensus probability of the result (an unlikely result scores high)",
		func(v *view) float64 { return -math.Log(v.mk.open[v.outcome]) }},
	{"shin_z_change", "mean rise of Shin's insider share z at the moving books, opening → closing",
		func(v *view) float64 { return v.mk.shinChange() }},
	{"reverse_books", "books whose probability of the result moved against the consensus move by the steam threshold",
		func(v *view) float64 {
			if len(v.mk.movers) == 0 {
				return math.NaN()
			}
			f, l := v.mk.moverProbs()
			return float64(odds.Reverse(f, l, moveOf(v.mk.moveOpen, v.mk.moveClose, v.outcome), v.outcome, v.steamMove))
		}},
	{"ou_surprise", "−ln of the market probability of the over/under 2.5 result",
		func(v *view) float64 {
			p := ouProb(v.m)
			if v.m.HomeGoals+v.m.AwayGoals < 3 {
				p = 1 - p
			}
			return -math.Log(p)
		}},
	{"ah_surprise", "−ln of the market probability of the Asian-handicap side that won",
		func(v *view) float64 { return -math.Log(ahWinnerProb(v.m)) }},
	{"late_reversal", "1 when the side leading at half-time did not win",
		func(v *view) float64 {
			ht := outcomeOf(v.m.HTHome, v.m.HTAway)
			if ht < 0 {
				return math.NaN()
			}
			if ht != Draw && ht != v.outcome {
				return 1
			}
			return 0
		}},
}

// steamZ is the movers' consensus rise of outcome's probability divided by
// √(p(1−p)) at its opening consensus p: honest moves of a 0.15 price are
// smaller than those of a 0.45 one; NaN without movers.
func steamZ(mk *market, outcome int) float64 {
	if mk.moveOpen == nil {
		return math.NaN()
	}
	p := mk.moveOpen[outcome]
	return moveOf(mk.moveOpen, mk.moveClose, outcome) / math.Sqrt(p*(1-p))
}

func moveOf(open, close []float64, outcome int) float64 {
	if open == nil || close == nil {
		return math.NaN()
	}
	return odds.Move(open, close, outcome)
}

// spreadLast is the cross-book range of outcome's probability at the books'
// last prices, outliers included (a book far from the others is the point);
// NaN with fewer than two books.
func spreadLast(mk *market, outcome int) float64 {
	if len(mk.books) < 2 {
		return math.NaN()
	}
	lasts := make([][]float64, len(mk.books))
	for i := range mk.books {
		lasts[i] = mk.books[i].last()
	}
	return odds.Spread(lasts, outcome)
}
