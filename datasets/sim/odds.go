package sim

import (
	"math"
	"strconv"
	"time"
)

// bookmaker quotes 1x2 prices with its own margin and noise. Names are
// fictional.
type bookmaker struct {
	name   string
	margin float64 // overround: the inverse prices sum to 1 + margin
	noise  float64 // SD of its own ln-odds error
}

// books: one sharp book with the calibrated Pinnacle margins, one with the
// calibrated Bet365 margin, and three local books with 1.5, 2 and 2.5 times
// that margin (assumption: a small market is priced less keenly).
var books = []bookmaker{
	{"Northline", footballCal.sharpMargin, 0.03},
	{"Lotus", footballCal.softMargin, 0.05},
	{"Harbor", 1.5 * footballCal.softMargin, 0.06},
	{"Meridian", 2 * footballCal.softMargin, 0.07},
	{"Eastgate", 2.5 * footballCal.softMargin, 0.08},
}

// The price moments: opening three days before, pre-match six hours
// before, closing five minutes before kick-off.
var phases = []struct {
	name   string
	before time.Duration
	carry  float64 // share of the market's opening error still in the price
}{
	{"opening", 72 * time.Hour, 1},
	{"pre-match", 6 * time.Hour, 0.6},
	{"closing", 5 * time.Minute, 0.3},
}

// openingErrorSD is the SD of the market's common opening error (logit of
// the home probability). The sharp book's opening → closing change is then
// √((0.7·σ)² + 2·0.03²) ≈ the calibrated closingMoveSD.
var openingErrorSD = math.Sqrt(sq(footballCal.closingMoveSD)-2*sq(books[0].noise)) / 0.7

// fixPlan is a fixed match: the outcome was arranged, and money on it moves
// the prices at a few books late (a steam move), while the other outcomes drift.
type fixPlan struct {
	outcome     int     // 0 home, 1 draw, 2 away
	shift       float64 // relative rise of the fixed outcome's probability at the steam books at closing
	steam       []int   // indexes of the books that take the money
	refInvolved bool    // the referee is one of the two compromised referees
}

// A fixed outcome is an improbable one: true probability in [minFixProb, maxFixProb].
const (
	minFixProb = 0.10
	maxFixProb = 0.40
)

func drawFix(r *rng, m *match, refs []string) *fixPlan {
	var cands []int
	for o, p := range m.prob {
		if p >= minFixProb && p <= maxFixProb {
			cands = append(cands, o)
		}
	}
	if len(cands) == 0 {
		return nil
	}
	f := &fixPlan{outcome: cands[r.IntN(len(cands))], shift: r.uniform(0.5, 1.0)}
	for _, b := range r.Perm(len(books) - 1)[:2+r.IntN(2)] {
		f.steam = append(f.steam, b+1) // the sharp book limits stakes: steam shows at the others
	}
	if r.bernoulli(0.5) {
		f.refInvolved = true
		m.referee = refs[r.IntN(2)]
	}
	return f
}

// quote is one book's 1x2 prices at one phase.
type quote struct {
	book, phase int
	price       [3]float64
	at          time.Time
}

// matchOdds returns every book's prices at every phase for m.
func matchOdds(seed uint64, m *match, k int) []quote {
	r := newRNG().at(seed, purposeOdds, uint64(k))
	common := r.normal(0, openingErrorSD)
	kickoff := m.date.time().Add(kickoffUTC)
	var out []quote
	for b, bk := range books {
		for ph, phase := range phases {
			// The error is on the home price against the rest, so that it is
			// exactly the logit error of the home probability, the quantity
			// calibrated.
			e := phase.carry*common + r.normal(0, bk.noise)
			q := [3]float64{m.prob[0] * math.Exp(e), m.prob[1], m.prob[2]}
			if f := m.fix; f != nil && ph > 0 {
				q[f.outcome] *= 1 + steamShift(f, b)*float64(ph)/2
			}
			s := q[0] + q[1] + q[2]
			margin := bk.margin
			if b == 0 && phase.name == "closing" {
				margin = footballCal.sharpClosingMargin
			}
			var price [3]float64
			for o := range q {
				price[o] = math.Max(1.01, math.Round(100/(q[o]/s*(1+margin)))/100)
			}
			out = append(out, quote{book: b, phase: ph, price: price, at: kickoff.Add(-phase.before)})
		}
	}
	return out
}

// steamShift is the rise of the fixed outcome's probability at book b at
// closing: full at the steam books, a quarter elsewhere.
func steamShift(f *fixPlan, b int) float64 {
	for _, s := range f.steam {
		if s == b {
			return f.shift
		}
	}
	return 0.25 * f.shift
}

var (
	matchesHeader = []string{"match_source_id", "sport", "competition", "date", "home", "away", "home_score", "away_score",
		"ht_home_score", "ht_away_score", "score", "result", "status", "division", "level", "round", "referee", "venue"}
	oddsHeader = []string{"match_source_id", "bookmaker", "market", "selection", "price", "phase", "captured_at"}
	selections = [3]string{"home", "draw", "away"}
)

func matchRow(m *match) []string {
	return []string{m.id, "football", leagueName, m.date.String(), teams[m.home].name, teams[m.away].name,
		itoa(m.hg), itoa(m.ag), itoa(m.hhg), itoa(m.hag), itoa(m.hg) + "-" + itoa(m.ag), m.result(), "completed",
		"1", "national", "Vòng " + itoa(m.round), m.referee, "Sân vận động " + teams[m.home].city}
}

func oddsRows(m *match, qs []quote) [][]string {
	var out [][]string
	for _, q := range qs {
		at := q.at.Format(time.DateTime)
		for o := range selections {
			out = append(out, []string{m.id, books[q.book].name, "1x2", selections[o],
				strconv.FormatFloat(q.price[o], 'f', 2, 64), phases[q.phase].name, at})
		}
	}
	return out
}
