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
	for _, s := range top.Signals[:2] {
		fmt.Printf("%s = %.3f\n", s.Name, s.Value)
	}
	// With three matches a tail share is at least 1/3: Score ranks them,
	// but none can reach Alpha.
	for _, t := range top.Tests {
		fmt.Printf("%s test: p = %.2f\n", t.Name, t.P)
	}
	// Output:
	// most suspicious: match 3
	// steam_z = 0.334
	// book_outlier = 0.000
	// steam test: p = 0.33
	// outlier_book test: p = 1.00
	// upset test: p = 0.33
}
