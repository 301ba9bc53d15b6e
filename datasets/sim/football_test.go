package sim

import (
	"math"
	"testing"
)

func TestRoundRobin(t *testing.T) {
	n := len(teams)
	rounds := roundRobin(n)
	if len(rounds) != 2*(n-1) {
		t.Fatalf("%d rounds, want %d", len(rounds), 2*(n-1))
	}
	home := map[[2]int]int{}
	for _, pairs := range rounds {
		played := map[int]bool{}
		for _, p := range pairs {
			if played[p[0]] || played[p[1]] || p[0] == p[1] {
				t.Fatalf("team plays twice in a round: %v", pairs)
			}
			played[p[0]], played[p[1]] = true, true
			home[p]++
		}
	}
	for a := 0; a < n; a++ {
		for b := 0; b < n; b++ {
			if a != b && home[[2]int{a, b}] != 1 {
				t.Errorf("%d hosts %d %d times, want once", a, b, home[[2]int{a, b}])
			}
		}
	}
}

func TestLeagueGoals(t *testing.T) {
	var hg, ag, draws, n float64
	for seed := uint64(1); seed <= 20; seed++ {
		ms, _ := league(seed)
		if len(ms) != seasons*len(teams)*(len(teams)-1) {
			t.Fatalf("%d matches", len(ms))
		}
		for _, m := range ms {
			hg, ag, n = hg+float64(m.hg), ag+float64(m.ag), n+1
			if m.hg == m.ag {
				draws++
			}
			if m.hhg > m.hg || m.hag > m.ag {
				t.Fatalf("%s: half-time %d-%d after full time %d-%d", m.id, m.hhg, m.hag, m.hg, m.ag)
			}
		}
	}
	// Calibrated means 1.448 and 1.174 goals (England 2015–18); n = 18,200
	// matches gives a Poisson SE of 0.009, and 20 leagues' team strengths
	// add about as much again.
	if math.Abs(hg/n-footballCal.homeGoals) > 0.05 || math.Abs(ag/n-footballCal.awayGoals) > 0.05 {
		t.Errorf("goals %.3f–%.3f, want about %.3f–%.3f", hg/n, ag/n, footballCal.homeGoals, footballCal.awayGoals)
	}
	// Independent Poisson goals give somewhat fewer draws than the data's 26 %.
	if d := draws / n; d < 0.20 || d > 0.30 {
		t.Errorf("draw rate %.3f", d)
	}
}

// impliedProb returns the margin-free probability of outcome o in prices p.
func impliedProb(p [3]float64, o int) float64 {
	return (1 / p[o]) / (1/p[0] + 1/p[1] + 1/p[2])
}

func TestOddsMarginsAndMoves(t *testing.T) {
	ms, _ := league(5)
	var cleanMove, steamMoves []float64
	margins := make([][]float64, len(books))
	fixes := 0
	for seed := uint64(5); seed < 25; seed++ {
		if seed > 5 {
			ms, _ = league(seed)
		}
		for k := range ms {
			m := &ms[k]
			qs := matchOdds(seed, m, k)
			if len(qs) != len(books)*len(phases) {
				t.Fatalf("%d quotes", len(qs))
			}
			at := map[[2]int][3]float64{}
			for _, q := range qs {
				at[[2]int{q.book, q.phase}] = q.price
				if q.phase == 0 {
					margins[q.book] = append(margins[q.book], 1/q.price[0]+1/q.price[1]+1/q.price[2]-1)
				}
			}
			if m.fix == nil {
				p0, p2 := impliedProb(at[[2]int{0, 0}], 0), impliedProb(at[[2]int{0, 2}], 0)
				cleanMove = append(cleanMove, math.Log(p2/(1-p2))-math.Log(p0/(1-p0)))
				continue
			}
			fixes++
			f := m.fix
			if outcomeOf(m.hg, m.ag) != f.outcome {
				t.Errorf("%s: fixed %s but ended %d-%d", m.id, outcomeCode[f.outcome], m.hg, m.ag)
			}
			// Against the sharp book (which takes no steam), the fixed outcome's
			// probability rises at the steam books by about ln(1 + 0.75·shift)
			// ≥ 0.3 in ln units, before renormalising; the books' own noises
			// (SD ≤ 0.08 at two phases) blur it by ≈ 0.12.
			sharp := math.Log(impliedProb(at[[2]int{0, 2}], f.outcome) / impliedProb(at[[2]int{0, 0}], f.outcome))
			for _, b := range f.steam {
				move := math.Log(impliedProb(at[[2]int{b, 2}], f.outcome)/impliedProb(at[[2]int{b, 0}], f.outcome)) - sharp
				steamMoves = append(steamMoves, move)
				if move < 0 {
					t.Errorf("%s book %s: fixed outcome moves %.3f against the sharp book, want a steam move", m.id, books[b].name, move)
				}
			}
		}
	}
	// For a typical fix (probability 0.25, shift 0.75): steam books
	// ln(1.75/1.19) = 0.39, the sharp book ln(1.19/1.05) = 0.13: ≈ 0.26.
	if m := mean(steamMoves); m < 0.18 || m > 0.34 {
		t.Errorf("mean steam move %.3f, want ≈ 0.26", m)
	}
	if fixes < 50 {
		t.Fatalf("only %d fixed matches in 20 seeds (fixRate 1 %% of 910)", fixes)
	}
	for b, bk := range books {
		if got := mean(margins[b]); math.Abs(got-bk.margin) > 0.004 {
			t.Errorf("%s: mean margin %.4f, want %.4f", bk.name, got, bk.margin)
		}
	}
	// The sharp book's opening → closing logit change of the home probability
	// has the calibrated SD.
	if sd := math.Sqrt(variance(cleanMove)); math.Abs(sd-footballCal.closingMoveSD) > 0.02 {
		t.Errorf("closing move SD %.4f, want %.4f", sd, footballCal.closingMoveSD)
	}
}

func variance(x []float64) float64 {
	m := mean(x)
	var s float64
	for _, v := range x {
		s += (v - m) * (v - m)
	}
	return s / float64(len(x)-1)
}
