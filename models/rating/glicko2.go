package rating

import (
	"fmt"
	"math"
	"time"
)

// glickoScale converts Elo points to the Glicko-2 internal scale
// (Glickman 2012, step 2: μ = (r − 1500)/173.7178).
const glickoScale = 173.7178

// Glicko2Config holds the parameters of a Glicko-2 system (Glickman,
// "Example of the Glicko-2 system", 2012). Ratings and deviations are in
// Elo points.
type Glicko2Config struct {
	// Initial, InitialRD and InitialVol are a newcomer's rating (1500),
	// rating deviation (350) and volatility (0.06, internal scale).
	Initial, InitialRD, InitialVol float64
	// Tau limits how fast the volatility changes; Glickman suggests
	// 0.3–1.2.
	Tau float64
	// PeriodDays is the length of a rating period in days. Each match is
	// treated as a rating period of its own for the two players; an idle
	// player's deviation also grows by one period's volatility per
	// PeriodDays of inactivity, capped at InitialRD.
	PeriodDays float64
}

// Glicko2Tennis returns Glickman's suggested defaults with a 30-day
// period; they were not tuned.
func Glicko2Tennis() Glicko2Config {
	return Glicko2Config{Initial: 1500, InitialRD: 350, InitialVol: 0.06, Tau: 0.5, PeriodDays: 30}
}

func (c Glicko2Config) validate() error {
	switch {
	case !(c.InitialRD > 0), !(c.InitialVol > 0), !(c.Tau > 0), !(c.PeriodDays > 0):
		return fmt.Errorf("rating: Glicko-2 deviation, volatility, tau and period must be positive, got %v, %v, %v, %v",
			c.InitialRD, c.InitialVol, c.Tau, c.PeriodDays)
	case math.IsNaN(c.Initial) || math.IsInf(c.Initial, 0):
		return fmt.Errorf("rating: initial rating must be finite, got %v", c.Initial)
	}
	return nil
}

// glickoPlayer is a player on the internal scale.
type glickoPlayer struct {
	mu, phi, sigma float64
	last           time.Time
	matches        int
	history        []Point
}

// result is one game of a rating period: the opponent's μ and φ and the
// score s (1, 0.5 or 0).
type result struct{ mu, phi, s float64 }

func glickoG(phi float64) float64 { return 1 / math.Sqrt(1+3*phi*phi/(math.Pi*math.Pi)) }

func glickoE(mu, muj, phij float64) float64 { return 1 / (1 + math.Exp(-glickoG(phij)*(mu-muj))) }

// glickoStep applies steps 3–7 of Glickman (2012) to a player (μ, φ, σ) who
// played the given games in one rating period, and returns μ', φ', σ'.
func glickoStep(mu, phi, sigma, tau float64, games []result) (float64, float64, float64) {
	var vInv, sum float64
	for _, r := range games {
		g, e := glickoG(r.phi), glickoE(mu, r.mu, r.phi)
		vInv += g * g * e * (1 - e)
		sum += g * (r.s - e)
	}
	v := 1 / vInv
	delta := v * sum

	// Step 5: new volatility by the Illinois algorithm.
	a := math.Log(sigma * sigma)
	f := func(x float64) float64 {
		ex := math.Exp(x)
		d := phi*phi + v + ex
		return ex*(delta*delta-phi*phi-v-ex)/(2*d*d) - (x-a)/(tau*tau)
	}
	const eps = 1e-6
	A := a
	var B float64
	if delta*delta > phi*phi+v {
		B = math.Log(delta*delta - phi*phi - v)
	} else {
		k := 1.0
		for f(a-k*tau) < 0 {
			k++
		}
		B = a - k*tau
	}
	fA, fB := f(A), f(B)
	for math.Abs(B-A) > eps {
		C := A + (A-B)*fA/(fB-fA)
		fC := f(C)
		if fC*fB <= 0 {
			A, fA = B, fB
		} else {
			fA /= 2
		}
		B, fB = C, fC
	}
	sigma2 := math.Exp(A / 2)

	phiStar := math.Sqrt(phi*phi + sigma2*sigma2)
	phi2 := 1 / math.Sqrt(1/(phiStar*phiStar)+1/v)
	mu2 := mu + phi2*phi2*sum
	return mu2, phi2, sigma2
}

// Glicko2 is a Glicko-2 rating system updated match by match. Create one
// with NewGlicko2. It is not safe for concurrent use.
type Glicko2 struct {
	cfg     Glicko2Config
	players map[int64]*glickoPlayer
	order   order
}

// NewGlicko2 returns an empty Glicko-2 system.
func NewGlicko2(cfg Glicko2Config) (*Glicko2, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	return &Glicko2{cfg: cfg, players: make(map[int64]*glickoPlayer)}, nil
}

// current returns the player's pre-match state at date d: a newcomer's
// defaults, or the stored state with the deviation grown for idle time.
func (s *Glicko2) current(id int64, d time.Time) glickoPlayer {
	phi0 := s.cfg.InitialRD / glickoScale
	p, ok := s.players[id]
	if !ok {
		return glickoPlayer{mu: (s.cfg.Initial - 1500) / glickoScale, phi: phi0, sigma: s.cfg.InitialVol}
	}
	q := *p
	periods := d.Sub(p.last).Hours() / 24 / s.cfg.PeriodDays
	if periods > 0 {
		q.phi = math.Min(math.Sqrt(q.phi*q.phi+periods*q.sigma*q.sigma), phi0)
	}
	return q
}

// Predict returns the pre-match probability that A wins m, from the current
// ratings and deviations, without updating them. Both deviations widen the
// prediction: E = 1/(1 + exp(−g(√(φa²+φb²))·(μa − μb))). Match.AHome is
// ignored.
func (s *Glicko2) Predict(m Match) float64 {
	a, b := s.current(m.A, m.Date), s.current(m.B, m.Date)
	return glickoE(a.mu, b.mu, math.Hypot(a.phi, b.phi))
}

// Update returns the pre-match probability that A wins m (as Predict), then
// updates both players, each treating the match as a rating period of one
// game against the opponent's pre-match rating. Order and panics are as for
// System.Update.
func (s *Glicko2) Update(m Match) (pa float64) {
	s.order.admit(m)
	pa = s.Predict(m)
	a, b := s.current(m.A, m.Date), s.current(m.B, m.Date)
	y := m.Score()
	for _, side := range []struct {
		id       int64
		me, them glickoPlayer
		s        float64
	}{{m.A, a, b, y}, {m.B, b, a, 1 - y}} {
		mu, phi, sigma := glickoStep(side.me.mu, side.me.phi, side.me.sigma, s.cfg.Tau,
			[]result{{mu: side.them.mu, phi: side.them.phi, s: side.s}})
		p := side.me
		p.mu, p.phi, p.sigma, p.last = mu, phi, sigma, m.Date
		p.matches++
		p.history = append(p.history, Point{Date: m.Date, Rating: 1500 + glickoScale*mu,
			Matches: p.matches, RD: glickoScale * phi})
		s.players[side.id] = &p
	}
	return pa
}

// Rating returns the current rating and rating deviation of player id in
// Elo points (the deviation as of his last match, not grown for idle time)
// and the number of matches played; an unknown player has the initial
// values and 0.
func (s *Glicko2) Rating(id int64) (rating, rd float64, matches int) {
	p, ok := s.players[id]
	if !ok {
		return s.cfg.Initial, s.cfg.InitialRD, 0
	}
	return 1500 + glickoScale*p.mu, glickoScale * p.phi, p.matches
}

// History returns a copy of the rating history of player id, one Point per
// match (with RD set); nil for an unknown player.
func (s *Glicko2) History(id int64) []Point {
	p, ok := s.players[id]
	if !ok {
		return nil
	}
	return append([]Point(nil), p.history...)
}
