package rating

import (
	"fmt"
	"math"
	"time"
)

// Match is one head-to-head result between players (or teams) A and B.
//
// Which player is A carries no meaning for the model, but a back-test must
// not choose A by the outcome (for example "A is the winner"): choose it by
// something known before the match, such as the lower player id.
type Match struct {
	// Date is the day of the match (for tennis, the tournament start date).
	Date time.Time
	// A and B are the player ids; they must differ.
	A, B int64
	// AWon reports whether A won; it is ignored when Draw is set.
	AWon bool
	// Draw marks a drawn match (score 0.5 each), for team sports.
	Draw bool
	// AHome marks A as the home side; Config.HomeAdvantage is then added to
	// A's rating when computing the expectation. Leave false on neutral
	// ground and in tennis.
	AHome bool
	// ARank and BRank are the official rankings on the match date
	// (1 = best); 0 means unknown. Only the ranking baseline of Evaluate
	// uses them.
	ARank, BRank int
}

// Score returns A's score in the match: 1 for a win, 0 for a loss, 0.5 for
// a draw.
func (m Match) Score() float64 {
	switch {
	case m.Draw:
		return 0.5
	case m.AWon:
		return 1
	default:
		return 0
	}
}

// Config holds the parameters of an Elo system. Ratings and the home
// advantage are in Elo points.
type Config struct {
	// Initial is the rating of a player before his first match.
	Initial float64
	// Scale is the rating gap, in points, at which the stronger player's
	// odds are 10 to 1 (400 in chess and tennis Elo).
	Scale float64
	// KScale, KOffset and KShape set the K factor of a player who has
	// played m matches: K = KScale / (m + KOffset)^KShape. KShape = 0
	// gives a constant K = KScale.
	KScale, KOffset, KShape float64
	// HomeAdvantage is added to A's rating in the expectation when
	// Match.AHome is set.
	HomeAdvantage float64
}

// Tennis returns the FiveThirtyEight tennis parameters: start at 1500,
// Scale 400, K = 250/(m+5)^0.4, no home advantage.
func Tennis() Config {
	return Config{Initial: 1500, Scale: 400, KScale: 250, KOffset: 5, KShape: 0.4}
}

// K returns the K factor, in Elo points per unit of score surprise, of a
// player who has played m matches before the current one.
func (c Config) K(m int) float64 {
	return c.KScale / math.Pow(float64(m)+c.KOffset, c.KShape)
}

// validate reports a configuration that would give NaN or meaningless
// ratings.
func (c Config) validate() error {
	switch {
	case !(c.Scale > 0):
		return fmt.Errorf("rating: scale must be positive, got %v", c.Scale)
	case !(c.KScale > 0):
		return fmt.Errorf("rating: K scale must be positive, got %v", c.KScale)
	case !(c.KOffset > 0) && c.KShape != 0:
		return fmt.Errorf("rating: K offset must be positive when K shape is not 0, got %v", c.KOffset)
	case math.IsNaN(c.Initial) || math.IsInf(c.Initial, 0):
		return fmt.Errorf("rating: initial rating must be finite, got %v", c.Initial)
	case math.IsNaN(c.HomeAdvantage) || math.IsInf(c.HomeAdvantage, 0):
		return fmt.Errorf("rating: home advantage must be finite, got %v", c.HomeAdvantage)
	}
	return nil
}

// Expected returns the expected score of a player rated ra against one rated
// rb (both in Elo points, home advantage already added): the probability
// of winning when there are no draws.
func Expected(ra, rb, scale float64) float64 {
	return 1 / (1 + math.Pow(10, (rb-ra)/scale))
}

// Point is one step of a player's rating history.
type Point struct {
	// Date is the date of the match that produced this point.
	Date time.Time
	// Rating is the rating, in Elo points, after the match.
	Rating float64
	// Matches is the number of matches played, this one included.
	Matches int
	// RD is the Glicko-2 rating deviation after the match, in Elo points
	// (one standard deviation of the rating); 0 for Elo.
	RD float64
}

type player struct {
	rating  float64
	matches int
	history []Point
}

// order enforces the contract both systems share: matches come in date
// order and nobody plays himself. Breaking it is a programmer error.
type order struct {
	last    time.Time
	started bool
}

func (o *order) admit(m Match) {
	if m.A == m.B {
		panic(fmt.Sprintf("rating: player %d plays himself", m.A))
	}
	if o.started && m.Date.Before(o.last) {
		panic(fmt.Sprintf("rating: match dated %s after one dated %s; sort matches by date",
			m.Date.Format(time.DateOnly), o.last.Format(time.DateOnly)))
	}
	o.started, o.last = true, m.Date
}

// System is an Elo rating system. Its zero value is not usable; create one
// with New. A System is not safe for concurrent use.
type System struct {
	cfg     Config
	players map[int64]*player
	order   order
}

// New returns an empty system with the given parameters.
func New(cfg Config) (*System, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	return &System{cfg: cfg, players: make(map[int64]*player)}, nil
}

func (s *System) player(id int64) *player {
	p, ok := s.players[id]
	if !ok {
		p = &player{rating: s.cfg.Initial}
		s.players[id] = p
	}
	return p
}

// Predict returns the pre-match expected score of A in m (the probability
// that A wins when there are no draws) from the current ratings, without
// updating them.
func (s *System) Predict(m Match) float64 {
	ra, rb := s.cfg.Initial, s.cfg.Initial
	if p, ok := s.players[m.A]; ok {
		ra = p.rating
	}
	if p, ok := s.players[m.B]; ok {
		rb = p.rating
	}
	if m.AHome {
		ra += s.cfg.HomeAdvantage
	}
	return Expected(ra, rb, s.cfg.Scale)
}

// Update returns the pre-match expected score of A in m (the probability
// that A wins when there are no draws), then updates both ratings with the
// result and appends a Point to both histories.
//
// Matches must be passed in date order; matches on the same date are taken
// in the order given. Update panics if m is dated before the previous match
// or if A == B: both are programmer errors (Evaluate checks its input and
// returns an error instead).
func (s *System) Update(m Match) (pa float64) {
	s.order.admit(m)

	pa = s.Predict(m)
	a, b := s.player(m.A), s.player(m.B)
	d := m.Score() - pa
	ka, kb := s.cfg.K(a.matches), s.cfg.K(b.matches)
	a.rating += ka * d
	b.rating -= kb * d
	a.matches++
	b.matches++
	a.history = append(a.history, Point{Date: m.Date, Rating: a.rating, Matches: a.matches})
	b.history = append(b.history, Point{Date: m.Date, Rating: b.rating, Matches: b.matches})
	return pa
}

// Rating returns the current rating of player id in Elo points and the
// number of matches he has played; an unknown player has Config.Initial
// and 0.
func (s *System) Rating(id int64) (rating float64, matches int) {
	p, ok := s.players[id]
	if !ok {
		return s.cfg.Initial, 0
	}
	return p.rating, p.matches
}

// History returns a copy of the rating history of player id, one Point per
// match in the order played (dates non-decreasing); nil for an unknown
// player.
func (s *System) History(id int64) []Point {
	p, ok := s.players[id]
	if !ok {
		return nil
	}
	return append([]Point(nil), p.history...)
}

// Players returns the number of players the system has seen.
func (s *System) Players() int { return len(s.players) }
