package sim

import (
	"math"
	"strconv"
	"time"
)

// team is a club of the simulated first division. The clubs are fictional
// (names made of their home region), so that planted fixes name no real club.
type team struct{ name, city string }

var teams = []team{
	{"Sông Hồng Hà Nội", "Hà Nội"}, {"Cảng Hải Phòng", "Hải Phòng"}, {"Xứ Thanh", "Thanh Hóa"},
	{"Xứ Nghệ Vinh", "Vinh"}, {"Núi Ngự Huế", "Huế"}, {"Sông Hàn Đà Nẵng", "Đà Nẵng"},
	{"Phố Núi Gia Lai", "Pleiku"}, {"Biển Xanh Nha Trang", "Nha Trang"}, {"Phương Nam Sài Gòn", "TP. Hồ Chí Minh"},
	{"Cửu Long Cần Thơ", "Cần Thơ"}, {"Đất Mỏ Quảng Ninh", "Cẩm Phả"}, {"Thành Nam Ninh Bình", "Nam Định"},
	{"Sao Mai Hà Tĩnh", "Hà Tĩnh"}, {"Miền Đông Đồng Nai", "Biên Hòa"},
}

const (
	leagueName = "Giải bóng đá Vô địch Quốc gia"
	referees   = 16
	// strengthSD is the SD of team attack and defence (ln goal rate);
	// strengthCarry how much of it carries into the next season.
	strengthSD    = 0.2
	strengthCarry = 0.7
	fixRate       = 0.01 // share of matches fixed
	// kickoffUTC is 18:00 in Vietnam (UTC+7).
	kickoffUTC = 11 * time.Hour
)

// match is one simulated league match.
type match struct {
	id         string
	season     int
	round      int
	date       day
	home, away int
	hg, ag     int // full-time goals
	hhg, hag   int // half-time goals
	referee    string
	prob       [3]float64 // true home, draw, away probabilities
	fix        *fixPlan
}

// result returns H, D or A.
func (m *match) result() string { return outcomeCode[outcomeOf(m.hg, m.ag)] }

var outcomeCode = [3]string{"H", "D", "A"}

func outcomeOf(hg, ag int) int {
	switch {
	case hg > ag:
		return 0
	case hg == ag:
		return 1
	}
	return 2
}

// league simulates every season of the league: a double round robin of 14
// teams (26 rounds, February to November with a break at mid-season),
// goals from independent Poisson rates with team attack and defence
// strengths and the calibrated home and away means.
func league(seed uint64) (matches []match, refs []string) {
	r := newRNG().at(seed, purposeLeague, 0)
	for k := 0; k < referees; k++ {
		refs = append(refs, drawName(r, 0, region(k%3)).String())
	}
	n := len(teams)
	att, def := make([]float64, n), make([]float64, n)
	for i := range att {
		att[i], def[i] = r.normal(0, strengthSD), r.normal(0, strengthSD)
	}
	// E[exp(att − def)] = exp(σ²) for independent normal strengths.
	bias := math.Exp(-strengthSD * strengthSD)
	carry := math.Sqrt(1 - strengthCarry*strengthCarry)
	for y := firstSeason; y <= lastSeason; y++ {
		if y > firstSeason {
			for i := range att {
				att[i] = strengthCarry*att[i] + carry*r.normal(0, strengthSD)
				def[i] = strengthCarry*def[i] + carry*r.normal(0, strengthSD)
			}
		}
		center(att)
		center(def)
		first := firstSaturday(y, time.February)
		for rd, pairs := range roundRobin(n) {
			d := first + day(7*rd)
			if rd >= n-1 {
				d += 21 // mid-season break
			}
			for k, p := range pairs {
				m := match{id: matchID(seed, y, rd+1, k), season: y, round: rd + 1, date: d + day(k%2), home: p[0], away: p[1],
					referee: refs[r.IntN(referees)]}
				lh := footballCal.homeGoals * bias * math.Exp(att[m.home]-def[m.away])
				la := footballCal.awayGoals * bias * math.Exp(att[m.away]-def[m.home])
				m.prob = outcomeProbs(lh, la)
				if r.bernoulli(fixRate) {
					m.fix = drawFix(r, &m, refs)
				}
				playMatch(r, &m, lh, la)
				matches = append(matches, m)
			}
		}
	}
	return matches, refs
}

func matchID(seed uint64, y, rd, k int) string {
	return "S" + strconv.FormatUint(seed, 10) + "-M" + itoa(y) + "-R" + pad2(rd) + "-" + itoa(k+1)
}

func pad2(i int) string {
	if i < 10 {
		return "0" + itoa(i)
	}
	return itoa(i)
}

func firstSaturday(y int, m time.Month) day {
	d := date(y, m, 1)
	for d.time().Weekday() != time.Saturday {
		d++
	}
	return d
}

// roundRobin returns the rounds of a double round robin of n (even) teams
// by the circle method; the second half swaps home and away.
func roundRobin(n int) [][][2]int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	var first [][][2]int
	for rd := 0; rd < n-1; rd++ {
		var pairs [][2]int
		for i := 0; i < n/2; i++ {
			a, b := idx[i], idx[n-1-i]
			if (rd+i)%2 == 1 {
				a, b = b, a
			}
			pairs = append(pairs, [2]int{a, b})
		}
		first = append(first, pairs)
		// rotate all but the first
		last := idx[n-1]
		copy(idx[2:], idx[1:n-1])
		idx[1] = last
	}
	out := first
	for _, pairs := range first {
		var rev [][2]int
		for _, p := range pairs {
			rev = append(rev, [2]int{p[1], p[0]})
		}
		out = append(out, rev)
	}
	return out
}

// outcomeProbs returns P(home win), P(draw), P(away win) for independent
// Poisson goals with means lh and la.
func outcomeProbs(lh, la float64) [3]float64 {
	const maxGoals = 12
	var ph, pa [maxGoals + 1]float64
	ph[0], pa[0] = math.Exp(-lh), math.Exp(-la)
	for k := 1; k <= maxGoals; k++ {
		ph[k] = ph[k-1] * lh / float64(k)
		pa[k] = pa[k-1] * la / float64(k)
	}
	var p [3]float64
	for i := 0; i <= maxGoals; i++ {
		for j := 0; j <= maxGoals; j++ {
			p[outcomeOf(i, j)] += ph[i] * pa[j]
		}
	}
	s := p[0] + p[1] + p[2]
	return [3]float64{p[0] / s, p[1] / s, p[2] / s}
}

func poisson(r *rng, lambda float64) int {
	l, k, p := math.Exp(-lambda), 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

// playMatch draws the score; a fixed match is replayed until it ends with
// the fixed outcome. Each goal falls in the first half with the calibrated share.
func playMatch(r *rng, m *match, lh, la float64) {
	for try := 0; ; try++ {
		m.hg, m.ag = poisson(r, lh), poisson(r, la)
		if m.fix == nil || outcomeOf(m.hg, m.ag) == m.fix.outcome {
			break
		}
		if try == 1000 { // cannot happen for outcomes of probability ≥ minFixProb; keep the fix anyway
			m.hg, m.ag = [3]int{1, 1, 0}[m.fix.outcome], [3]int{0, 1, 1}[m.fix.outcome]
			break
		}
	}
	m.hhg, m.hag = 0, 0
	for g := 0; g < m.hg; g++ {
		if r.bernoulli(footballCal.halfTimeShare) {
			m.hhg++
		}
	}
	for g := 0; g < m.ag; g++ {
		if r.bernoulli(footballCal.halfTimeShare) {
			m.hag++
		}
	}
}

// center makes the strengths of a season average zero, so that the league's
// goal means stay the calibrated ones.
func center(x []float64) {
	var m float64
	for _, v := range x {
		m += v
	}
	m /= float64(len(x))
	for i := range x {
		x[i] -= m
	}
}
