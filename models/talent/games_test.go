package talent

import (
	"math"
	"testing"
	"time"

	"github.com/podium-sport/podium/models/rating"
)

func TestGameRating(t *testing.T) {
	match := rating.Config{Initial: 1500, Scale: 400, KScale: 75, KOffset: 25, KShape: 0.2}
	d := time.Date(2010, 5, 1, 0, 0, 0, 0, time.UTC)
	// Two newcomers (1500 each, so E = 1/2); K = 4·75 / 25^0.2 = 157.59.
	// A wins 12 games of 18: he gains K·(2/3 − 1/2) = 26.26, B loses as much.
	move := 300 / math.Pow(25, 0.2) / 6
	tests := []struct {
		name         string
		gamesA       float64
		gamesB       float64
		wantA, wantB float64
		points       int
	}{
		{"12-6 in games", 12, 6, 1500 + move, 1500 - move, 1},
		{"even games", 9, 9, 1500, 1500, 1},
		{"no score", 0, 0, 1500, 1500, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := newGameRating(match)
			g.update(d, 1, 2, tc.gamesA, tc.gamesB)
			ra, na := g.current(1)
			rb, _ := g.current(2)
			if math.Abs(ra-tc.wantA) > 1e-9 || math.Abs(rb-tc.wantB) > 1e-9 || na != tc.points || len(g.hist[1]) != tc.points {
				t.Errorf("ratings %.4f, %.4f after %d scored matches; want %.4f, %.4f after %d", ra, rb, na, tc.wantA, tc.wantB, tc.points)
			}
		})
	}
}
