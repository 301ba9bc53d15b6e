package integrity

import (
	"math"
	"testing"

	"github.com/podium-sport/podium/models/odds"
)

func TestMarketOfExcludesOutliers(t *testing.T) {
	q := func(book, phase string, p ...float64) Quote {
		return Quote{Bookmaker: book, Market: "1x2", Phase: phase, Prices: p}
	}
	m := &Match{HomeGoals: 0, AwayGoals: 1, Quotes: []Quote{
		q("A", "closing", 2.5, 3.4, 2.9), q("A", "opening", 2.0, 3.4, 3.8), // listed out of phase order
		q("B", "opening", 2.0, 3.4, 3.8), q("B", "closing", 2.5, 3.4, 2.9),
		// C opens with home and away swapped: 30 points from the consensus.
		q("C", "opening", 3.8, 3.4, 2.0), q("C", "closing", 3.8, 3.4, 2.0),
		q("D", "pre-match", 2.1, 3.4, 3.6), // one moment: not a mover
		{Bookmaker: "A", Market: "ou", Line: 2.5, Phase: "closing", Prices: []float64{1.9, 1.9}},
	}}
	mk := marketOf(m, 0.10)
	if len(mk.books) != 4 {
		t.Fatalf("%d books, want 4 (A, B, C, D)", len(mk.books))
	}
	if len(mk.movers) != 2 || mk.books[mk.movers[0]].name != "A" || mk.books[mk.movers[1]].name != "B" {
		t.Fatalf("movers %v, want A and B (C is an outlier, D has one price)", mk.movers)
	}
	if ph := mk.books[0].quotes[0].Phase; ph != "opening" {
		t.Errorf("A's first quote is %q, want opening", ph)
	}
	// A and B move alike, so the movers' consensus move is each one's move:
	// Shin probability of the away win at 2.0/3.4/3.8 → 2.5/3.4/2.9.
	pa := shinOf(t, 2.0, 3.4, 3.8)
	pb := shinOf(t, 2.5, 3.4, 2.9)
	if got, want := moveOf(mk.moveOpen, mk.moveClose, AwayWin), pb[2]-pa[2]; math.Abs(got-want) > 1e-12 {
		t.Errorf("consensus move %v, want %v", got, want)
	}
	if v := ouProb(m); math.Abs(v-0.5) > 1e-12 {
		t.Errorf("over probability %v, want 0.5 (1.9/1.9)", v)
	}
}

func shinOf(t *testing.T, prices ...float64) []float64 {
	t.Helper()
	p, _, err := odds.Shin(prices)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
