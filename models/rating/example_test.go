package rating_test

import (
	"fmt"
	"time"

	"github.com/podium-sport/podium/models/rating"
)

func ExampleSystem_Update() {
	s, err := rating.New(rating.Tennis())
	if err != nil {
		panic(err)
	}
	d := func(day int) time.Time { return time.Date(2024, 1, day, 0, 0, 0, 0, time.UTC) }
	// Player 1 beats two newcomers, then loses to a third. With K(0) = 131.3,
	// K(1) = 122.1 and K(2) = 250/7^0.4 = 114.8: 1500 + 131.3·0.5 = 1565.7;
	// + 122.1·(1 − 0.593) = 1615.3; − 114.8·0.660 = 1539.5.
	for _, m := range []rating.Match{
		{Date: d(1), A: 1, B: 2, AWon: true},
		{Date: d(2), A: 1, B: 3, AWon: true},
		{Date: d(3), A: 1, B: 4, AWon: false},
	} {
		pa := s.Update(m)
		fmt.Printf("%d v %d: P(%d wins) = %.3f\n", m.A, m.B, m.A, pa)
	}
	for _, p := range s.History(1) {
		fmt.Printf("%s  %.1f after %d matches\n", p.Date.Format(time.DateOnly), p.Rating, p.Matches)
	}
	// Output:
	// 1 v 2: P(1 wins) = 0.500
	// 1 v 3: P(1 wins) = 0.593
	// 1 v 4: P(1 wins) = 0.660
	// 2024-01-01  1565.7 after 1 matches
	// 2024-01-02  1615.3 after 2 matches
	// 2024-01-03  1539.5 after 3 matches
}
