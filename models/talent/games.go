package talent

import (
	"math"
	"time"

	"github.com/podium-sport/podium/models/rating"
)

// gameRating is an Elo whose score is the share of games won rather than
// the result, so that a 6-4 7-6 loss to a strong player counts as a good
// match. A game is a weaker signal than a match — a player who wins 60 %
// of the games wins most matches — so its logistic curve is four times
// flatter than the match Elo's (Scale × 4) and its K factor four times
// larger, which keeps the moves comparable in points.
type gameRating struct {
	cfg  rating.Config
	hist map[int64][]rating.Point
}

// newGameRating returns an empty game rating scaled from the match Elo's
// configuration.
func newGameRating(match rating.Config) *gameRating {
	cfg := match
	cfg.Scale, cfg.KScale = 4*match.Scale, 4*match.KScale
	return &gameRating{cfg: cfg, hist: map[int64][]rating.Point{}}
}

// update applies one match between a and b in which a won gamesA games and
// b gamesB; a match without a score (both 0) leaves the ratings unchanged.
func (g *gameRating) update(d time.Time, a, b int64, gamesA, gamesB float64) {
	if gamesA+gamesB == 0 {
		return
	}
	ra, na := g.current(a)
	rb, nb := g.current(b)
	delta := gamesA/(gamesA+gamesB) - 1/(1+math.Pow(10, (rb-ra)/g.cfg.Scale))
	g.hist[a] = append(g.hist[a], rating.Point{Date: d, Rating: ra + g.cfg.K(na)*delta, Matches: na + 1})
	g.hist[b] = append(g.hist[b], rating.Point{Date: d, Rating: rb - g.cfg.K(nb)*delta, Matches: nb + 1})
}

// current returns the latest rating of id and his number of scored matches.
func (g *gameRating) current(id int64) (float64, int) {
	h := g.hist[id]
	if len(h) == 0 {
		return g.cfg.Initial, 0
	}
	return h[len(h)-1].Rating, h[len(h)-1].Matches
}
