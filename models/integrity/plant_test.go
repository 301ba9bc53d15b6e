package integrity

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/podium-sport/podium/models/odds"
)

// quietMatches builds n played matches quoted by three books at opening
// and closing with small random moves (seed), and pre-match prices at a
// fourth book.
func quietMatches(n int, seed uint64) []Match {
	r := rand.New(rand.NewPCG(seed, 1))
	teams := []string{"Reds", "Blues", "Greens", "Whites", "Blacks", "Golds"}
	out := make([]Match, n)
	for i := range out {
		h := 0.25 + 0.45*r.Float64()
		open := [3]float64{h, 0.27, 0.73 - h}
		var qs []Quote
		for _, b := range []string{"A", "B", "C"} {
			cl := open
			cl[0] += 0.02 * r.NormFloat64()
			cl[2] = 1 - cl[0] - cl[1]
			qs = append(qs, quoteOf(b, "opening", open), quoteOf(b, "closing", cl))
		}
		qs = append(qs, quoteOf("D", "pre-match", open))
		hg, ag := r.IntN(4), r.IntN(3)
		ht := r.Perm(len(teams))
		out[i] = Match{ID: int64(i + 1), Date: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/3),
			Home: teams[ht[0]], Away: teams[ht[1]], HomeGoals: hg, AwayGoals: ag, HTHome: min(hg, 1), HTAway: min(ag, 1), Quotes: qs}
	}
	return out
}

// quoteOf prices probabilities p with a 5 % margin.
func quoteOf(book, phase string, p [3]float64) Quote {
	return Quote{Bookmaker: book, Market: "1x2", Phase: phase, Prices: []float64{1 / (1.05 * p[0]), 1 / (1.05 * p[1]), 1 / (1.05 * p[2])}}
}

func TestPlantLeavesInputAndFollowsPatterns(t *testing.T) {
	all := quietMatches(600, 3)
	before := cloneMatches(all)
	work, truth, err := Plant(all, 30, 7, Patterns)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(all, before) {
		t.Fatal("Plant modified its input")
	}
	if len(truth) != 30 {
		t.Fatalf("%d plants, want 30", len(truth))
	}
	seen := map[int64]bool{}
	for k, p := range truth {
		if seen[p.MatchID] {
			t.Errorf("match %d planted twice", p.MatchID)
		}
		seen[p.MatchID] = true
		if want := Patterns[k%len(Patterns)]; p.Pattern != want {
			t.Errorf("plant %d: pattern %s, want %s (patterns take turns)", k, p.Pattern, want)
		}
		orig, got := &all[p.MatchID-1], &work[p.MatchID-1]
		if got.Outcome() != p.Outcome {
			t.Errorf("plant %d (%s): result %d, truth says %d", k, p.Pattern, got.Outcome(), p.Outcome)
		}
		checkPlant(t, p, orig, got)
	}
	again, truth2, err := Plant(all, 30, 7, Patterns)
	if err != nil || !reflect.DeepEqual(truth, truth2) || !reflect.DeepEqual(work, again) {
		t.Errorf("the same seed planted differently (err %v)", err)
	}
}

// checkPlant checks the documented change of one plant: which quotes moved,
// by how much (the change in proportional probability is the plant's size).
func checkPlant(t *testing.T, p Planted, orig, got *Match) {
	t.Helper()
	for i, q := range got.Quotes {
		a, _ := odds.Proportional(orig.Quotes[i].Prices)
		b, _ := odds.Proportional(q.Prices)
		var want float64 // change of the planted outcome's probability
		switch {
		case p.Pattern == Steam && q.Phase == "closing":
			want = p.Points
		case p.Pattern == OutlierBook && q.Bookmaker == p.Book:
			want = p.Points
		case p.Pattern == FavouriteLoses && q.Phase == "closing":
			want = -p.Points
		}
		o := p.Outcome
		if p.Pattern == FavouriteLoses {
			o = 2 - p.Outcome // the favourite is the other side
		}
		if math.Abs(b[o]-a[o]-want) > 1e-9 {
			t.Errorf("%s in match %d, %s %s: outcome %d moved %.4f, want %.4f", p.Pattern, p.MatchID, q.Bookmaker, q.Phase, o, b[o]-a[o], want)
		}
	}
	if p.Pattern == OutlierBook && p.Book != "D" {
		t.Errorf("outlier plant chose book %s, want the single-price book D", p.Book)
	}
	if p.Pattern == FavouriteLoses && orig.Outcome() == p.Outcome {
		t.Errorf("favourite plant in match %d: the underdog had already won", p.MatchID)
	}
}

func cloneMatches(ms []Match) []Match {
	out := make([]Match, len(ms))
	for i, m := range ms {
		out[i] = m
		out[i].Quotes = make([]Quote, len(m.Quotes))
		for j, q := range m.Quotes {
			out[i].Quotes[j] = q
			out[i].Quotes[j].Prices = append([]float64(nil), q.Prices...)
		}
	}
	return out
}

func TestPlantErrors(t *testing.T) {
	all := quietMatches(20, 1)
	if _, _, err := Plant(all, 1, 1, []Pattern{"nonsense"}); err == nil {
		t.Error("unknown pattern accepted")
	}
	if _, _, err := Plant(all, 21, 1, Patterns); !errors.Is(err, ErrTooFewMatches) {
		t.Errorf("21 plants in 20 matches: err %v, want ErrTooFewMatches", err)
	}
}

// TestEvaluateCounts is a hand-made case: two matches become away wins at
// an opening away probability of 0.025 (below every other match's) with a
// 30-point steam on the away win at every book, so they lead the steam and
// upset tests (tail share (2 + 1)/401 each, so p/weight = 0.0187) and are
// the two alerts at a 0.5 % budget and Alpha 0.02 (the lowest p of a quiet
// match is (1 + 1)/401/0.2 = 0.025, first in the outlier test). The truth names one of them (steam) and one quiet
// match (favourite_loses): recall 1/2, steam 1/1, favourite 0/1, precision
// 1/2 and one alert among the 398 untouched matches.
func TestEvaluateCounts(t *testing.T) {
	all := quietMatches(400, 5)
	for _, i := range []int{100, 300} {
		m := &all[i]
		m.HomeGoals, m.AwayGoals = 0, 2
		open := [3]float64{0.705, 0.27, 0.025}
		m.Quotes = nil
		for _, b := range []string{"A", "B", "C"} {
			m.Quotes = append(m.Quotes, quoteOf(b, "opening", open), quoteOf(b, "closing", open))
		}
		shiftQuotes(m, func(q Quote) bool { return q.Phase == "closing" }, AwayWin, func(p float64) float64 { return p + 0.30 })
	}
	truth := []Planted{{MatchID: all[100].ID, Pattern: Steam}, {MatchID: all[7].ID, Pattern: FavouriteLoses}}
	cfg := Default()
	cfg.Alpha = 0.015
	ev, err := Evaluate(all, truth, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Alerts != 3 || ev.Scored != 400 {
		t.Fatalf("setup: %d alerts of %d scored, want 3 of 400", ev.Alerts, ev.Scored)
	}
	// Whether the quiet match ranks in the top 2 % (8 of 400) is read from
	// the ranking; the steamed one does (it is alerted).
	scored, err := Score(all, Default())
	if err != nil {
		t.Fatal(err)
	}
	var q PatternRecall
	for _, k := range Ranked(scored)[:8] {
		if scored[k].Match.ID == all[7].ID {
			q.Top2Found, q.Top2Recall = 1, 1
		}
	}
	want := &Evaluation{Trials: 1, Planted: 2, Found: 1, Recall: 0.5, Precision: 1.0 / 3, Alerts: 3, Scored: 400,
		Untouched: 398, UntouchedAlerts: 2, UntouchedAlertRate: 2.0 / 398,
		ByPattern: map[Pattern]PatternRecall{Steam: {1, 1, 1, 1, 1, 1, 1}, FavouriteLoses: {1, 0, 0, 0, 0, q.Top2Found, q.Top2Recall}},
		// Only the two 30-point moves reach 10 points: one planted, one untouched.
		Top2Found: 1 + q.Top2Found, Top2Recall: float64(1+q.Top2Found) / 2,
		Any10Found: 1, Any10Recall: 0.5, Any10Untouched: 1, Any10UntouchedRate: 1.0 / 398}
	if !reflect.DeepEqual(ev, want) {
		t.Errorf("Evaluate = %+v\nwant       %+v", ev, want)
	}
}

// TestPool checks that pooling trials adds their counts and recomputes the
// rates from them: recall (1 + 3)/(2 + 4), precision (1 + 3)/(2 + 10),
// top-2 % recall (2 + 1)/6.
func TestPool(t *testing.T) {
	a := &Evaluation{Trials: 1, Planted: 2, Found: 1, Alerts: 2, Scored: 100, Untouched: 98, UntouchedAlerts: 1,
		ByPattern: map[Pattern]PatternRecall{Steam: {Planted: 2, Found: 1, Any10Found: 2, Top2Found: 2}}, Any10Found: 2, Top2Found: 2}
	b := &Evaluation{Trials: 2, Planted: 4, Found: 3, Alerts: 10, Scored: 200, Untouched: 196, UntouchedAlerts: 7,
		ByPattern:      map[Pattern]PatternRecall{Steam: {Planted: 1, Found: 1, Top2Found: 1}, OutlierBook: {Planted: 3, Found: 2}},
		Any10Untouched: 4, Top2Found: 1}
	got := Pool([]*Evaluation{a, b})
	want := &Evaluation{Trials: 3, Planted: 6, Found: 4, Recall: 4.0 / 6, Precision: 4.0 / 12, Alerts: 12, Scored: 300,
		Untouched: 294, UntouchedAlerts: 8, UntouchedAlertRate: 8.0 / 294,
		ByPattern: map[Pattern]PatternRecall{Steam: {3, 2, 2.0 / 3, 2, 2.0 / 3, 3, 1}, OutlierBook: {3, 2, 2.0 / 3, 0, 0, 0, 0}},
		Top2Found: 3, Top2Recall: 3.0 / 6, Any10Found: 2, Any10Recall: 2.0 / 6, Any10Untouched: 4, Any10UntouchedRate: 4.0 / 294}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Pool = %+v\nwant   %+v", got, want)
	}
}

func ExamplePlant() {
	all := quietMatches(200, 1)
	work, truth, err := Plant(all, 3, 1, Patterns)
	if err != nil {
		panic(err)
	}
	for _, p := range truth {
		i := p.MatchID - 1
		fmt.Printf("%s: result %s → %s, %.1f points\n", p.Pattern, outcomeNames[all[i].Outcome()], outcomeNames[work[i].Outcome()], 100*p.Points)
	}
	// The sizes are the seed's draws within each pattern's documented range.
	// Output:
	// steam: result home → home, 10.4 points
	// outlier_book: result away → away, 9.1 points
	// favourite_loses: result home → away, 3.2 points
}
