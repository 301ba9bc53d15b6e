package goals

import (
	"math"
	"time"
)

// fitter keeps the parameters between walk-forward refits (warm start).
type fitter struct {
	cfg        Config
	ms         []Match
	h, a       []int // team indexes of ms
	teams      []string
	att, def   []float64
	home, away float64
	rho        float64
	fitted     bool
	w          []float64 // weights of the current window
	lo, hi     int       // current window ms[lo:hi]
	sumG, sumE []float64 // scratch
}

func newFitter(cfg Config, ms []Match) *fitter {
	f := &fitter{cfg: cfg, ms: ms, h: make([]int, len(ms)), a: make([]int, len(ms)), home: 1.5, away: 1.1}
	idx := map[string]int{}
	id := func(name string) int {
		i, ok := idx[name]
		if !ok {
			i = len(f.teams)
			idx[name] = i
			f.teams = append(f.teams, name)
		}
		return i
	}
	for i, m := range ms {
		f.h[i], f.a[i] = id(m.Home), id(m.Away)
	}
	f.att, f.def = ones(len(f.teams)), ones(len(f.teams))
	f.sumG, f.sumE = make([]float64, len(f.teams)), make([]float64, len(f.teams))
	return f
}

func ones(n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = 1
	}
	return v
}

// fitBefore refits on the matches dated in [t − window, t).
func (f *fitter) fitBefore(t time.Time) {
	start := t.Add(-time.Duration(f.cfg.WindowDays * 24 * float64(time.Hour)))
	for f.lo < len(f.ms) && f.ms[f.lo].Date.Before(start) {
		f.lo++
	}
	for f.hi < len(f.ms) && f.ms[f.hi].Date.Before(t) {
		f.hi++
	}
	lo := min(f.lo, f.hi)
	f.w = f.w[:0]
	xi := math.Ln2 / f.cfg.HalfLifeDays
	for i := lo; i < f.hi; i++ {
		f.w = append(f.w, math.Exp(-xi*t.Sub(f.ms[i].Date).Hours()/24))
	}
	if len(f.w) == 0 {
		return
	}
	sweeps := f.cfg.Sweeps
	if !f.fitted {
		sweeps *= 20
		f.fitted = true
	}
	for s := 0; s < sweeps; s++ {
		f.sweep(lo)
	}
	f.fitRho(lo)
}

// sweep is one round of coordinate ascent on the weighted Poisson
// likelihood with the gamma prior: each block has a closed-form update
// (observed goals + prior) / (expected goals at strength 1 + prior).
func (f *fitter) sweep(lo int) {
	f.update(lo, f.att, false)
	f.update(lo, f.def, true)
	var gh, eh, ga, ea float64
	for k, w := range f.w {
		i := lo + k
		m := f.ms[i]
		gh += w * float64(m.HomeGoals)
		eh += w * f.att[f.h[i]] * f.def[f.a[i]]
		ga += w * float64(m.AwayGoals)
		ea += w * f.att[f.a[i]] * f.def[f.h[i]]
	}
	f.home, f.away = gh/eh, ga/ea
}

// update sets every team's attack (or, with defence set, defensive
// weakness) s to (Σ w·goals + prior)/(Σ w·rate + prior): the goals it
// scored (conceded) and their expectation at strength 1 given the rest.
func (f *fitter) update(lo int, s []float64, defence bool) {
	clear(f.sumG)
	clear(f.sumE)
	for k, w := range f.w {
		i := lo + k
		h, a := f.h[i], f.a[i]
		gh, ga := float64(f.ms[i].HomeGoals), float64(f.ms[i].AwayGoals)
		eh, ea := f.home*f.def[a], f.away*f.def[h] // attack: home and away side's expected goals / own attack
		if defence {
			gh, ga = ga, gh
			eh, ea = f.away*f.att[a], f.home*f.att[h] // goals conceded by home and away side / own weakness
		}
		f.sumG[h] += w * gh
		f.sumE[h] += w * eh
		f.sumG[a] += w * ga
		f.sumE[a] += w * ea
	}
	for t := range s {
		if f.sumE[t] > 0 {
			s[t] = (f.sumG[t] + f.cfg.Prior) / (f.sumE[t] + f.cfg.Prior)
		}
	}
}

// fitRho maximises the weighted Dixon–Coles log-likelihood term Σ w·ln τ
// over ρ by golden-section search to 1e-3, the rates held fixed (two-stage
// fit). Only scores of 0 or 1 goals on each side carry a τ ≠ 1.
func (f *fitter) fitRho(lo int) {
	type low struct {
		x, y    int
		l, u, w float64
	}
	var lows []low
	for k, w := range f.w {
		i := lo + k
		m := f.ms[i]
		if m.HomeGoals <= 1 && m.AwayGoals <= 1 {
			lows = append(lows, low{m.HomeGoals, m.AwayGoals, f.home * f.att[f.h[i]] * f.def[f.a[i]],
				f.away * f.att[f.a[i]] * f.def[f.h[i]], w})
		}
	}
	ll := func(rho float64) float64 {
		s := 0.0
		for _, c := range lows {
			t := tau(c.x, c.y, c.l, c.u, rho)
			if t <= 0 {
				return math.Inf(-1)
			}
			s += c.w * math.Log(t)
		}
		return s
	}
	a, b := -0.3, 0.3
	g := (math.Sqrt(5) - 1) / 2
	for b-a > 1e-3 {
		c, d := b-g*(b-a), a+g*(b-a)
		if ll(c) > ll(d) {
			b = d
		} else {
			a = c
		}
	}
	f.rho = (a + b) / 2
}

func (f *fitter) model() *Model {
	m := &Model{Home: f.home, Away: f.away, Rho: f.rho, Att: map[string]float64{}, Def: map[string]float64{}}
	for i, t := range f.teams {
		m.Att[t], m.Def[t] = f.att[i], f.def[i]
	}
	return m
}
