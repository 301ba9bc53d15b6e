package integrity_test

import (
	"fmt"
	"time"

	"github.com/podium-sport/podium/models/integrity"
)

func ExampleScore() {
	day := func(d int) time.Time { return time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC) }
	quotes := func(open, close [3]float64) []integrity.Quote {
		var qs []integrity.Quote
		for _, b := range []string{"A", "B", "C"} {
			qs = append(qs,
				integrity.Quote{Bookmaker: b, Market: "1x2", Phase: "opening", Prices: open[:]},
				integrity.Quote{Bookmaker: b, Market: "1x2", Phase: "closing", Prices: close[:]})
		}
		return qs
	}
	steady := quotes([3]float64{2.0, 3.4, 3.8}, [3]float64{2.0, 3.4, 3.8})
	all := []integrity.Match{
		{ID: 1, Date: day(2), Home: "Reds", Away: "Blues", HomeGoals: 1, AwayGoals: 0, Quotes: steady},
		{ID: 2, Date: day(9), Home: "Blues", Away: "Reds", HomeGoals: 2, AwayGoals: 2, Quotes: steady},
		// The away price shortens from 3.8 to 2.4 at every book, and the away side wins.
		{ID: 3, Date: day(16), Home: "Reds", Away: "Blues", HomeGoals: 0, AwayGoals: 1,
			Quotes: quotes([3]float64{2.0, 3.4, 3.8}, [3]float64{2.6, 3.6, 2.4})},
	}
	scored, err := integrity.Score(all, integrity.Default())
	if err != nil {
		panic(err)
	}
	top := scored[integrity.Ranked(scored)[0]]
	fmt.Println("most suspicious: match", top.Match.ID)
	for _, s := range top.Signals[:3] {
		fmt.Printf("%s = %.3f\n", s.Name, s.Value)
	}
	// Output:
	// most suspicious: match 3
	// consensus_move = 0.144
	// max_book_move = 0.144
	// steam_books = 3.000
}
