package scoring

import (
	"fmt"
	"math"
	"sort"
)

// Member is one athlete of a ranked pool as the fairness audit sees it.
type Member struct {
	Selected     bool   // in the top N
	BirthQuarter int    // 1–4; 0 when the birth date is unknown
	Sex          string // M or F
	Province     string // "" when unknown
}

// OddsRatio is an odds ratio with its 95 % confidence interval.
type OddsRatio struct {
	Value float64 `json:"value"`
	Lower float64 `json:"lower95"`
	Upper float64 `json:"upper95"`
	// Corrected is true when a zero cell made the Haldane–Anscombe correction
	// (0.5 added to every cell) necessary.
	Corrected bool `json:"corrected"`
}

// GroupShare compares one group's share of the selection with its share of
// the pool.
type GroupShare struct {
	Group    string  `json:"group"`
	Pool     int     `json:"pool"`
	Selected int     `json:"selected"`
	PoolPct  float64 `json:"pool_pct"`
	TopPct   float64 `json:"top_pct"`
	// Ratio is TopPct / PoolPct: 1 means proportional representation, above 1
	// over-representation. NaN for an empty selection.
	Ratio float64 `json:"ratio"`
}

// Audit is the fairness audit of one ranked list: who is in the top N
// compared with the pool it was chosen from.
type Audit struct {
	Pool     int          `json:"pool"`
	Selected int          `json:"selected"`
	Quarters []GroupShare `json:"birth_quarters"` // Q1…Q4, athletes with a known birth date
	// Q1vsQ4 is the odds of selection of athletes born in the first quarter
	// over those born in the fourth: 1 means no relative-age effect in the
	// selection, above 1 favours the oldest of the year.
	Q1vsQ4   OddsRatio    `json:"q1_q4_odds_ratio"`
	Sex      []GroupShare `json:"sex"`
	Province []GroupShare `json:"province"`
}

// FairnessAudit audits a selection. The odds ratio uses Woolf's logit
// interval, exp(ln OR ± 1.96·√(1/a + 1/b + 1/c + 1/d)), on the 2×2 table of
// (Q1, Q4) × (selected, not selected).
func FairnessAudit(pool []Member) Audit {
	a := Audit{Pool: len(pool)}
	q := map[string][2]int{}
	sex := map[string][2]int{}
	prov := map[string][2]int{}
	for _, m := range pool {
		if m.Selected {
			a.Selected++
		}
		if m.BirthQuarter >= 1 && m.BirthQuarter <= 4 {
			count(q, fmt.Sprintf("Q%d", m.BirthQuarter), m.Selected)
		}
		count(sex, m.Sex, m.Selected)
		p := m.Province
		if p == "" {
			p = "(unknown)"
		}
		count(prov, p, m.Selected)
	}
	for _, g := range []string{"Q1", "Q2", "Q3", "Q4"} {
		if _, ok := q[g]; !ok {
			q[g] = [2]int{}
		}
	}
	a.Quarters = shares(q)
	a.Sex = shares(sex)
	a.Province = shares(prov)
	q1, q4 := q["Q1"], q["Q4"]
	a.Q1vsQ4 = woolf(float64(q1[1]), float64(q1[0]-q1[1]), float64(q4[1]), float64(q4[0]-q4[1]))
	return a
}

// count adds one member to its group: [0] pool, [1] selected.
func count(m map[string][2]int, group string, selected bool) {
	c := m[group]
	c[0]++
	if selected {
		c[1]++
	}
	m[group] = c
}

// shares turns group counts into shares, sorted by group name.
func shares(m map[string][2]int) []GroupShare {
	var poolN, topN int
	for _, c := range m {
		poolN += c[0]
		topN += c[1]
	}
	out := make([]GroupShare, 0, len(m))
	for g, c := range m {
		s := GroupShare{Group: g, Pool: c[0], Selected: c[1], Ratio: math.NaN()}
		if poolN > 0 {
			s.PoolPct = 100 * float64(c[0]) / float64(poolN)
		}
		if topN > 0 {
			s.TopPct = 100 * float64(c[1]) / float64(topN)
			if s.PoolPct > 0 {
				s.Ratio = s.TopPct / s.PoolPct
			}
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Group < out[j].Group })
	return out
}

// woolf is the odds ratio (a/b)/(c/d) of a 2×2 table with Woolf's 95 %
// interval; a zero cell adds 0.5 to every cell (Haldane–Anscombe).
func woolf(a, b, c, d float64) OddsRatio {
	var or OddsRatio
	if a == 0 || b == 0 || c == 0 || d == 0 {
		a, b, c, d = a+0.5, b+0.5, c+0.5, d+0.5
		or.Corrected = true
	}
	lor := math.Log(a * d / (b * c))
	se := math.Sqrt(1/a + 1/b + 1/c + 1/d)
	or.Value = math.Exp(lor)
	or.Lower = math.Exp(lor - z975*se)
	or.Upper = math.Exp(lor + z975*se)
	return or
}

// z975 is the 97.5th percentile of the standard normal.
const z975 = 1.959963984540054
