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
	inScore bool
	explain string
	value   func(v *view) float64
}

// signalDefs are the match signals, all oriented so that higher is more
// suspicious and all measured on the outcome that came in. Those in the
// score are the market and results-model signals the planted fixes of the
// simulator and the real-data plants exercise; over/under, handicap, late reversals
// and reverse moves are shown as evidence only (no labelled case exists to
// check that they help).
var signalDefs = []signalDef{
	{"consensus_move", true, "rise of the consensus probability of the result, opening → closing (median of the books that quote both)",
		func(v *view) float64 { return moveOf(v.mk.moveOpen, v.mk.moveClose, v.outcome) }},
	{"max_book_move", true, "largest rise of the result's probability at a single book, opening → closing",
		func(v *view) float64 { return v.mk.maxMove(v.outcome) }},
	{"steam_books", true, "books whose probability of the result rose by the steam threshold or more",
		func(v *view) float64 {
			if len(v.mk.movers) == 0 {
				return math.NaN()
			}
			f, l := v.mk.moverProbs()
			return float64(odds.Steam(f, l, v.outcome, v.steamMove))
		}},
	{"divergence", true, "range of the result's probability across books at their last price (cross-book divergence)",
		func(v *view) float64 { return spreadLast(&v.mk, v.outcome) }},
	{"model_gap", true, "closing market minus goals-model probability of the result, in standard deviations of that gap",
		func(v *view) float64 { return (v.mk.latest[v.outcome] - v.goals[v.outcome]) / v.gapSD }},
	{"improbable", true, "−ln of the opening consensus probability of the result (an unlikely result scores high)",
		func(v *view) float64 { return -math.Log(v.mk.open[v.outcome]) }},
	{"shin_z_change", true, "mean rise of Shin's insider share z at the moving books, opening → closing",
		func(v *view) float64 { return v.mk.shinChange() }},
	{"reverse_books", false, "books whose probability of the result moved against the consensus move by the steam threshold",
		func(v *view) float64 {
			if len(v.mk.movers) == 0 {
				return math.NaN()
			}
			f, l := v.mk.moverProbs()
			return float64(odds.Reverse(f, l, moveOf(v.mk.moveOpen, v.mk.moveClose, v.outcome), v.outcome, v.steamMove))
		}},
	{"ou_surprise", false, "−ln of the market probability of the over/under 2.5 result",
		func(v *view) float64 {
			p := ouProb(v.m)
			if v.m.HomeGoals+v.m.AwayGoals < 3 {
				p = 1 - p
			}
			return -math.Log(p)
		}},
	{"ah_surprise", false, "−ln of the market probability of the Asian-handicap side that won",
		func(v *view) float64 { return -math.Log(ahWinnerProb(v.m)) }},
	{"late_reversal", false, "1 when the side leading at half-time did not win",
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
