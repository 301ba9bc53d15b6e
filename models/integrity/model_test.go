package integrity

import (
	"math"
	"testing"
	"time"
)

// TestEloPricesNoLookAhead: a match's Elo price must not depend on results
// of its own day or later, and the three outcomes must add up to 1.
func TestEloPricesNoLookAhead(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }
	ms := []Match{
		{Date: day(1), Home: "A", Away: "B", HomeGoals: 2, AwayGoals: 0},
		{Date: day(1), Home: "C", Away: "D", HomeGoals: 1, AwayGoals: 1},
		{Date: day(8), Home: "A", Away: "C", HomeGoals: 0, AwayGoals: 1},
		{Date: day(8), Home: "B", Away: "A", HomeGoals: 3, AwayGoals: 3},
	}
	base, err := eloPrices(ms, footballElo())
	if err != nil {
		t.Fatal(err)
	}
	changed := append([]Match(nil), ms...)
	changed[2].HomeGoals, changed[2].AwayGoals = 5, 0 // a result of day 8 changes
	again, err := eloPrices(changed, footballElo())
	if err != nil {
		t.Fatal(err)
	}
	for i := range ms {
		if base[i] != again[i] {
			t.Errorf("match %d: price %v became %v when a same-day result changed", i, base[i], again[i])
		}
		if s := base[i][0] + base[i][1] + base[i][2]; math.Abs(s-1) > 1e-12 || base[i][1] < 0 {
			t.Errorf("match %d: price %v", i, base[i])
		}
	}
	// Before any draw is seen the draw ratio is 0.5: equal teams at home
	// with E = 1/(1+10^(−35/400)) get P(draw) = 0.5·2·(1 − E).
	if want := 0.5 * 2 * (1 - 1/(1+math.Pow(10, -35.0/400))); math.Abs(base[0][1]-want) > 1e-12 {
		t.Errorf("first draw probability %v, want %v", base[0][1], want)
	}
}
