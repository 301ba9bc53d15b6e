package goals_test

import (
	"fmt"
	"time"

	"github.com/podium-sport/podium/models/goals"
)

func ExamplePredict() {
	day := func(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, time.UTC) }
	history := []goals.Match{
		{Date: day(1), Home: "Reds", Away: "Blues", HomeGoals: 3, AwayGoals: 0},
		{Date: day(8), Home: "Blues", Away: "Reds", HomeGoals: 0, AwayGoals: 2},
		{Date: day(15), Home: "Reds", Away: "Blues", HomeGoals: 2, AwayGoals: 1},
	}
	// The match of the 15th is predicted from the two before it only.
	p, err := goals.Predict(goals.Football(), history, history[2:])
	if err != nil {
		panic(err)
	}
	fmt.Printf("Reds %.2f, draw %.2f, Blues %.2f\n", p[0].Home, p[0].Draw, p[0].Away)
	// Output:
	// Reds 0.90, draw 0.07, Blues 0.03
}
