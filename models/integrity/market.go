package integrity

import (
	"math"
	"slices"

	"github.com/podium-sport/podium/models/odds"
)

// bookLine is one bookmaker's 1x2 prices of a match, earliest phase first,
// with the margin removed by Shin's method.
type bookLine struct {
	name   string
	quotes []Quote
	probs  [][]float64 // per quote
	z      []float64   // Shin's z per quote
}

func (b *bookLine) first() []float64 { return b.probs[0] }
func (b *bookLine) last() []float64  { return b.probs[len(b.probs)-1] }

// moved reports whether the book has two moments to compare.
func (b *bookLine) moved() bool { return len(b.probs) > 1 }

// market is the 1x2 market of one match across books.
type market struct {
	books        []bookLine
	movers       []int     // books with two moments whose first price is near the opening consensus
	open, latest []float64 // consensus of the first and of the last prices of all books (nil when none)
	moveOpen     []float64 // consensus of the movers' first prices
	moveClose    []float64 // consensus of the movers' last prices
}

// marketOf gathers a match's 1x2 books. Books whose first price lies more
// than outlierDist from the consensus of first prices are kept for the
// evidence but left out of the movement measures.
func marketOf(m *Match, outlierDist float64) market {
	var mk market
	byBook := map[string]int{}
	for _, q := range m.Quotes {
		if q.Market != "1x2" {
			continue
		}
		p, z, err := odds.Shin(q.Prices)
		if err != nil {
			continue
		}
		i, ok := byBook[q.Bookmaker]
		if !ok {
			i = len(mk.books)
			byBook[q.Bookmaker] = i
			mk.books = append(mk.books, bookLine{name: q.Bookmaker})
		}
		b := &mk.books[i]
		b.quotes, b.probs, b.z = append(b.quotes, q), append(b.probs, p), append(b.z, z)
	}
	for i := range mk.books {
		sortByPhase(&mk.books[i])
	}
	var firsts, lasts [][]float64
	for _, b := range mk.books {
		firsts, lasts = append(firsts, b.first()), append(lasts, b.last())
	}
	mk.open, mk.latest = odds.Consensus(firsts, 3), odds.Consensus(lasts, 3)
	if mk.open == nil {
		return mk
	}
	out := odds.Outliers(firsts, mk.open, outlierDist)
	var mo, mc [][]float64
	for i, b := range mk.books {
		if b.moved() && !out[i] {
			mk.movers = append(mk.movers, i)
			mo, mc = append(mo, b.first()), append(mc, b.last())
		}
	}
	mk.moveOpen, mk.moveClose = odds.Consensus(mo, 3), odds.Consensus(mc, 3)
	return mk
}

func sortByPhase(b *bookLine) {
	idx := make([]int, len(b.quotes))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(x, y int) int { return phaseOrder[b.quotes[x].Phase] - phaseOrder[b.quotes[y].Phase] })
	q, p, z := slices.Clone(b.quotes), slices.Clone(b.probs), slices.Clone(b.z)
	for k, i := range idx {
		b.quotes[k], b.probs[k], b.z[k] = q[i], p[i], z[i]
	}
}

// moverProbs returns the movers' first and last probabilities.
func (mk *market) moverProbs() (first, last [][]float64) {
	for _, i := range mk.movers {
		first, last = append(first, mk.books[i].first()), append(last, mk.books[i].last())
	}
	return first, last
}

// maxMove is the largest rise of outcome's probability at any mover.
func (mk *market) maxMove(outcome int) float64 {
	best := math.NaN()
	for _, i := range mk.movers {
		b := &mk.books[i]
		if v := odds.Move(b.first(), b.last(), outcome); math.IsNaN(best) || v > best {
			best = v
		}
	}
	return best
}

// outlierToward is the largest rise of outcome's probability at one book's
// last price over the median of the other books' prices at the same phase
// (at least two of them): books quoting at one moment are compared with
// each other, never with a later price that may have moved honestly. NaN
// when no book has two others at its last phase.
func (mk *market) outlierToward(outcome int) float64 {
	best := math.NaN()
	for i := range mk.books {
		b := &mk.books[i]
		phase := b.quotes[len(b.quotes)-1].Phase
		var others []float64
		for j := range mk.books {
			for k, q := range mk.books[j].quotes {
				if j != i && q.Phase == phase {
					others = append(others, mk.books[j].probs[k][outcome])
				}
			}
		}
		if len(others) < 2 {
			continue
		}
		if v := b.last()[outcome] - odds.Median(others); math.IsNaN(best) || v > best {
			best = v
		}
	}
	return best
}

// shinChange is the movers' mean change of Shin's z, first to last price.
func (mk *market) shinChange() float64 {
	if len(mk.movers) == 0 {
		return math.NaN()
	}
	s := 0.0
	for _, i := range mk.movers {
		b := &mk.books[i]
		s += b.z[len(b.z)-1] - b.z[0]
	}
	return s / float64(len(mk.movers))
}

// lastQuotes returns each book's latest quote of market (at one line for
// "ou": 2.5 goals).
func lastQuotes(m *Match, market string) []Quote {
	last := map[string]Quote{}
	var order []string
	for _, q := range m.Quotes {
		if q.Market != market || (market == "ou" && q.Line != 2.5) {
			continue
		}
		p, ok := last[q.Bookmaker]
		if !ok {
			order = append(order, q.Bookmaker)
		}
		if !ok || phaseOrder[q.Phase] >= phaseOrder[p.Phase] {
			last[q.Bookmaker] = q
		}
	}
	out := make([]Quote, len(order))
	for i, b := range order {
		out[i] = last[b]
	}
	return out
}

// ouProb is the consensus (median over books of the last prices,
// proportional margin removal) probability of over 2.5 goals; NaN without
// prices.
func ouProb(m *Match) float64 {
	var over []float64
	for _, q := range lastQuotes(m, "ou") {
		if p, err := odds.Proportional(q.Prices); err == nil {
			over = append(over, p[0])
		}
	}
	return odds.Median(over)
}

// ahWinnerProb is the median over books (last prices, proportional margin
// removal) of the probability of the Asian-handicap side that won its bet;
// NaN without prices or when the bet was void. A quarter line is settled
// as two half stakes on the neighbouring lines; the side that won more of
// the stake won.
func ahWinnerProb(m *Match) float64 {
	var ps []float64
	for _, q := range lastQuotes(m, "ah") {
		side := ahSide(m.HomeGoals-m.AwayGoals, q.Line)
		if side < 0 {
			continue
		}
		if p, err := odds.Proportional(q.Prices); err == nil {
			ps = append(ps, p[side])
		}
	}
	return odds.Median(ps)
}

// ahSide returns 0 when the home side's bet at line (home handicap) won
// with goal difference diff, 1 when the away side's did, −1 when void.
func ahSide(diff int, line float64) int {
	lines := []float64{line}
	if frac := math.Abs(line - math.Round(line*2)/2); frac > 0.1 { // quarter line
		lines = []float64{line - 0.25, line + 0.25}
	}
	net := 0.0
	for _, l := range lines {
		net += math.Copysign(1, float64(diff)+l) * b2f(float64(diff)+l != 0)
	}
	switch {
	case net > 0:
		return 0
	case net < 0:
		return 1
	}
	return -1
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
