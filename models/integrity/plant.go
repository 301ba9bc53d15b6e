package integrity

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/podium-sport/podium/models/odds"
)

// Pattern names one documented way a planted fix shows in the prices and
// the result (see doc.go, "Planted fixes").
type Pattern string

// The planted-fix patterns. Sizes are in probability points (margin-free,
// proportional), drawn uniformly in the ranges given.
const (
	// Steam: money against the eventual loser. The winner (home or away,
	// opening probability 0.10–0.50) gains 6–12 points at every book's
	// closing price; prices taken before kick-off (football-data's other
	// books) predate the money and stay.
	Steam Pattern = "steam"
	// OutlierBook: one book's last price sits 8–15 points closer to the
	// eventual winner (opening probability 0.10–0.60) than before, the
	// other books unchanged. A book with a single price is chosen when
	// there is one, so that the plant is not also a move.
	OutlierBook Pattern = "outlier_book"
	// FavouriteLoses: a clear favourite (opening probability ≥ 0.60) that
	// did not lose now loses (a win's score is swapped, a draw gives the
	// underdog one more goal), after its closing probability fell 2–5
	// points at every book with a closing price: less than the natural
	// movement of many honest matches.
	FavouriteLoses Pattern = "favourite_loses"
)

// Patterns lists every pattern Plant knows.
var Patterns = []Pattern{Steam, OutlierBook, FavouriteLoses}

// ErrTooFewMatches is returned when fewer matches can take a pattern than
// the plants asked for.
var ErrTooFewMatches = errors.New("integrity: too few matches to plant in")

// Planted is one planted fix: the truth an evaluation is scored against.
type Planted struct {
	MatchID int64   `json:"match_id"`
	Pattern Pattern `json:"pattern"`
	Outcome int     `json:"outcome"` // the result after planting: HomeWin, Draw or AwayWin
	Points  float64 `json:"points"`  // size of the price change, probability points
	Book    string  `json:"book,omitempty"`
}

// planter plants one pattern into m (whose Quotes it may replace, never
// modify in place) and reports whether m could take it.
type planter func(m *Match, mk *market, r *rand.Rand) (Planted, bool)

var planters = map[Pattern]planter{Steam: plantSteam, OutlierBook: plantOutlier, FavouriteLoses: plantFavourite}

// Plant returns a copy of matches with n fixes planted in distinct random
// matches (seed), the patterns taking turns, and the planted truth. Only
// matches the detector scores (a result and a book's 1x2 prices at two
// moments) take a plant. matches is not modified: a planted match gets new
// Quotes and Prices slices.
func Plant(matches []Match, n int, seed uint64, patterns []Pattern) ([]Match, []Planted, error) {
	for _, p := range patterns {
		if planters[p] == nil {
			return nil, nil, fmt.Errorf("integrity: unknown plant pattern %q (have %v)", p, Patterns)
		}
	}
	out := slices.Clone(matches)
	if n <= 0 {
		return out, nil, nil
	}
	if len(patterns) == 0 {
		return nil, nil, fmt.Errorf("integrity: %d plants asked for with no pattern", n)
	}
	r := rand.New(rand.NewPCG(seed, 0x706c616e74)) // "plant"
	var truth []Planted
	for _, i := range r.Perm(len(out)) {
		m := &out[i]
		if m.Outcome() < 0 {
			continue
		}
		mk := marketOf(m, Default().OutlierDist)
		if len(mk.movers) == 0 {
			continue // not scored: nothing to detect
		}
		if t, ok := planters[patterns[len(truth)%len(patterns)]](m, &mk, r); ok {
			t.MatchID = m.ID
			truth = append(truth, t)
			if len(truth) == n {
				return out, truth, nil
			}
		}
	}
	return nil, nil, fmt.Errorf("%w: %d of %d plants placed in %d matches", ErrTooFewMatches, len(truth), n, len(matches))
}

func plantSteam(m *Match, mk *market, r *rand.Rand) (Planted, bool) {
	o := m.Outcome()
	if o == Draw || mk.open[o] < 0.10 || mk.open[o] > 0.50 {
		return Planted{}, false
	}
	d := 0.06 + 0.06*r.Float64()
	shiftQuotes(m, func(q Quote) bool { return q.Phase == "closing" }, o, func(p float64) float64 { return p + d })
	return Planted{Pattern: Steam, Outcome: o, Points: d}, true
}

func plantOutlier(m *Match, mk *market, r *rand.Rand) (Planted, bool) {
	o := m.Outcome()
	if o == Draw || mk.open[o] < 0.10 || mk.open[o] > 0.60 || len(mk.books) < 3 {
		return Planted{}, false
	}
	var single, all []string
	for _, b := range mk.books {
		all = append(all, b.name)
		if !b.moved() {
			single = append(single, b.name)
		}
	}
	if len(single) > 0 {
		all = single
	}
	book := all[r.IntN(len(all))]
	last := lastQuoteOf(m, book)
	d := 0.08 + 0.07*r.Float64()
	shiftQuotes(m, func(q Quote) bool { return q.Bookmaker == book && q.Phase == last }, o, func(p float64) float64 { return p + d })
	return Planted{Pattern: OutlierBook, Outcome: o, Points: d, Book: book}, true
}

func plantFavourite(m *Match, mk *market, r *rand.Rand) (Planted, bool) {
	fav, dog := HomeWin, AwayWin
	if mk.open[AwayWin] > mk.open[HomeWin] {
		fav, dog = AwayWin, HomeWin
	}
	o := m.Outcome()
	if mk.open[fav] < 0.60 || o == dog {
		return Planted{}, false
	}
	if o == fav {
		m.HomeGoals, m.AwayGoals = m.AwayGoals, m.HomeGoals
		m.HTHome, m.HTAway = m.HTAway, m.HTHome
	} else if dog == HomeWin {
		m.HomeGoals++
	} else {
		m.AwayGoals++
	}
	d := 0.02 + 0.03*r.Float64()
	shiftQuotes(m, func(q Quote) bool { return q.Phase == "closing" }, fav, func(p float64) float64 { return p - d })
	return Planted{Pattern: FavouriteLoses, Outcome: dog, Points: d}, true
}

// lastQuoteOf is the latest phase at which book quotes m's 1x2 market.
func lastQuoteOf(m *Match, book string) string {
	last := ""
	for _, q := range m.Quotes {
		if q.Market == "1x2" && q.Bookmaker == book && (last == "" || phaseOrder[q.Phase] > phaseOrder[last]) {
			last = q.Phase
		}
	}
	return last
}

// shiftQuotes replaces m.Quotes by a copy in which, at every 1x2 quote
// chosen by which, outcome's probability (proportional margin removal)
// becomes to(p), kept within 0.01–0.97, the other outcomes scaled to fill
// the rest and the book's margin kept.
func shiftQuotes(m *Match, which func(q Quote) bool, outcome int, to func(p float64) float64) {
	m.Quotes = slices.Clone(m.Quotes)
	for i, q := range m.Quotes {
		if q.Market != "1x2" || !which(q) {
			continue
		}
		p, err := odds.Proportional(q.Prices)
		if err != nil {
			continue
		}
		_, sum, _ := odds.Implied(q.Prices)
		rest := 1 - p[outcome]
		p[outcome] = min(max(to(p[outcome]), 0.01), 0.97)
		prices := make([]float64, len(p))
		for o := range p {
			if o != outcome {
				p[o] *= (1 - p[outcome]) / rest
			}
			prices[o] = 1 / (p[o] * sum)
		}
		m.Quotes[i].Prices = prices
	}
}

// PatternRecall is how many fixes of one pattern were planted and alerted.
type PatternRecall struct {
	Planted     int     `json:"planted"`
	Found       int     `json:"found"`
	Recall      float64 `json:"recall"`
	Any10Found  int     `json:"any_10pt_found"` // baseline: flagged by the any-10-point-move rule
	Any10Recall float64 `json:"any_10pt_recall"`
	Top2Found   int     `json:"top_2pct_found"` // ranked among the most suspicious 2 % (the operating point aside)
	Top2Recall  float64 `json:"top_2pct_recall"`
}

// Evaluation is what detection at one operating point finds in copies of
// the matches with planted fixes (one or more trials pooled).
type Evaluation struct {
	Trials             int                       `json:"trials"` // plantings pooled, each scored on its own
	Planted            int                       `json:"planted"`
	ByPattern          map[Pattern]PatternRecall `json:"by_pattern"`
	Found              int                       `json:"found"`
	Recall             float64                   `json:"recall"` // found / planted
	Top2Found          int                       `json:"top_2pct_found"`
	Top2Recall         float64                   `json:"top_2pct_recall"`
	Precision          float64                   `json:"precision"` // found / alerts
	Alerts             int                       `json:"alerts"`
	Scored             int                       `json:"scored"`    // matches scored, summed over trials
	Untouched          int                       `json:"untouched"` // scored matches without a plant
	UntouchedAlerts    int                       `json:"untouched_alerts"`
	UntouchedAlertRate float64                   `json:"untouched_alert_rate"`
	// The any-10-point-move baseline rule (a book's probability of some
	// outcome moving 10 points or more, opening → closing) on the same data.
	Any10Found         int     `json:"any_10pt_found"`
	Any10Recall        float64 `json:"any_10pt_recall"`
	Any10Untouched     int     `json:"any_10pt_untouched"`
	Any10UntouchedRate float64 `json:"any_10pt_untouched_rate"`
}

// Evaluate scores matches (a copy with the planted fixes of truth), alerts
// as MatchAlerts does at cfg and counts what was found: one trial.
func Evaluate(matches []Match, truth []Planted, cfg Config) (*Evaluation, error) {
	scored, err := Score(matches, cfg)
	if err != nil {
		return nil, err
	}
	alerts, err := MatchAlerts(scored, cfg)
	if err != nil {
		return nil, err
	}
	alerted := map[string]bool{}
	for _, a := range alerts {
		alerted[a.Subject] = true
	}
	ev := &Evaluation{Trials: 1, Planted: len(truth), ByPattern: map[Pattern]PatternRecall{}, Alerts: len(alerts), Scored: len(scored)}
	plants := map[int64]Pattern{}
	for _, t := range truth {
		plants[t.MatchID] = t.Pattern
		r := ev.ByPattern[t.Pattern]
		r.Planted++
		ev.ByPattern[t.Pattern] = r
	}
	top := map[int]bool{}
	for _, k := range Ranked(scored)[:int(math.Ceil(0.02*float64(len(scored))))] {
		top[k] = true
	}
	for k := range scored {
		s := &scored[k]
		hit, big := b2i(alerted[matchSubject(s.Match.ID)]), b2i(anyMove(&s.mk) >= 0.10)
		p, ok := plants[s.Match.ID]
		if !ok {
			ev.Untouched++
			ev.UntouchedAlerts += hit
			ev.Any10Untouched += big
			continue
		}
		r := ev.ByPattern[p]
		r.Found, r.Any10Found, r.Top2Found = r.Found+hit, r.Any10Found+big, r.Top2Found+b2i(top[k])
		ev.ByPattern[p] = r
		ev.Found, ev.Any10Found, ev.Top2Found = ev.Found+hit, ev.Any10Found+big, ev.Top2Found+b2i(top[k])
	}
	ev.rates()
	return ev, nil
}

// Pool adds up the counts of several trials and recomputes the rates.
func Pool(trials []*Evaluation) *Evaluation {
	out := &Evaluation{ByPattern: map[Pattern]PatternRecall{}}
	for _, e := range trials {
		out.Trials += e.Trials
		out.Planted += e.Planted
		out.Found += e.Found
		out.Top2Found += e.Top2Found
		out.Alerts += e.Alerts
		out.Scored += e.Scored
		out.Untouched += e.Untouched
		out.UntouchedAlerts += e.UntouchedAlerts
		out.Any10Found += e.Any10Found
		out.Any10Untouched += e.Any10Untouched
		for p, r := range e.ByPattern {
			o := out.ByPattern[p]
			o.Planted, o.Found, o.Any10Found, o.Top2Found = o.Planted+r.Planted, o.Found+r.Found, o.Any10Found+r.Any10Found, o.Top2Found+r.Top2Found
			out.ByPattern[p] = o
		}
	}
	out.rates()
	return out
}

// rates fills in the rates from the counts.
func (e *Evaluation) rates() {
	for p, r := range e.ByPattern {
		r.Recall, r.Any10Recall, r.Top2Recall = share(r.Found, r.Planted), share(r.Any10Found, r.Planted), share(r.Top2Found, r.Planted)
		e.ByPattern[p] = r
	}
	e.Recall, e.Precision, e.Top2Recall = share(e.Found, e.Planted), share(e.Found, e.Alerts), share(e.Top2Found, e.Planted)
	e.UntouchedAlertRate = share(e.UntouchedAlerts, e.Untouched)
	e.Any10Recall, e.Any10UntouchedRate = share(e.Any10Found, e.Planted), share(e.Any10Untouched, e.Untouched)
}

func matchSubject(id int64) string { return "match:" + strconv.FormatInt(id, 10) }

// share is a/b, 0 when b is 0.
func share(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
