package integrity

import (
	"math"
	"sort"
	"testing"
)

// budgets are the alert rates at which recall is reported (the tests index
// them: 0.2, 0.5, 1 and 2 %).
var budgets = []float64{0.002, 0.005, 0.01, 0.02}

// hitsAt returns, for each budget, how many true cases are in the top
// ceil(budget·n) of order, and that top's size.
func hitsAt(order []int, truth func(k int) bool) (hits, alerts []int) {
	for _, b := range budgets {
		top := int(math.Ceil(b * float64(len(order))))
		hit := 0
		for _, k := range order[:top] {
			if truth(k) {
				hit++
			}
		}
		hits, alerts = append(hits, hit), append(alerts, top)
	}
	return hits, alerts
}

// consensusOnly is the "consensus move only" baseline ranking: the largest
// absolute consensus move of any outcome, result-blind.
func consensusOnly(scored []Scored) []int {
	v := make([]float64, len(scored))
	for k := range scored {
		mk := &scored[k].mk
		for o := range 3 {
			v[k] = math.Max(v[k], math.Abs(moveOf(mk.moveOpen, mk.moveClose, o)))
		}
	}
	order := make([]int, len(scored))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return v[order[a]] > v[order[b]] })
	return order
}

// ruleFlags applies the "any 10-point move" baseline (a book's probability
// of some outcome moving 10 points or more, opening → closing) or its odds
// variant (a price changing by 10 % or more): matches flagged and true cases
// among them.
func ruleFlags(scored []Scored, truth func(k int) bool, relative bool) (flagged, hit int) {
	for k := range scored {
		if moved10(&scored[k].mk, relative) {
			flagged++
			if truth(k) {
				hit++
			}
		}
	}
	return flagged, hit
}

func moved10(mk *market, relative bool) bool {
	if !relative {
		return anyMove(mk) >= 0.10
	}
	for _, i := range mk.movers {
		q := mk.books[i].quotes
		for o := range 3 {
			if math.Abs(q[len(q)-1].Prices[o]/q[0].Prices[o]-1) >= 0.10 {
				return true
			}
		}
	}
	return false
}

// logLoss is the mean −ln of the probability price(s) gave the result.
func logLoss(scored []Scored, price func(s *Scored) Price) float64 {
	sum := 0.0
	for k := range scored {
		s := &scored[k]
		sum -= math.Log(math.Max(price(s)[s.Outcome], 1e-15))
	}
	return sum / float64(len(scored))
}

func logLosses(t *testing.T, scored []Scored) map[string]float64 {
	ll := map[string]float64{
		"market_closing": logLoss(scored, func(s *Scored) Price { return s.Market }),
		"market_opening": logLoss(scored, func(s *Scored) Price { return s.Open }),
		"elo":            logLoss(scored, func(s *Scored) Price { return s.Elo }),
		"goals":          logLoss(scored, func(s *Scored) Price { return s.Goals }),
	}
	t.Logf("log-loss on %d matches: market closing %.4f, market opening %.4f, Elo %.4f, Dixon–Coles %.4f",
		len(scored), ll["market_closing"], ll["market_opening"], ll["elo"], ll["goals"])
	return ll
}

// evaluation pools match-level counts over runs.
type evaluation struct {
	cases, matches     int
	hits, alerts, base [4]int // per budget: model hits, alerts, consensus-only hits
	ruleFlag, ruleHit  [2]int // any 10-point move, any 10 % price move
}

func (e *evaluation) add(scored []Scored, truth func(k int) bool, cases int) {
	h, a := hitsAt(Ranked(scored), truth)
	b, _ := hitsAt(consensusOnly(scored), truth)
	for i := range budgets {
		e.hits[i] += h[i]
		e.alerts[i] += a[i]
		e.base[i] += b[i]
	}
	for j, rel := range []bool{false, true} {
		f, hit := ruleFlags(scored, truth, rel)
		e.ruleFlag[j] += f
		e.ruleHit[j] += hit
	}
	e.cases += cases
	e.matches += len(scored)
}

// report logs the pooled figures and returns the pooled recall per budget.
func (e *evaluation) report(t *testing.T, what string) []float64 {
	rec := make([]float64, len(budgets))
	c := float64(e.cases)
	for i, b := range budgets {
		rec[i] = float64(e.hits[i]) / c
		t.Logf("%s: %.1f %% alerted: recall %.1f %% (%d/%d), precision %.1f %%; consensus-move-only recall %.1f %%",
			what, 100*b, 100*rec[i], e.hits[i], e.cases, 100*float64(e.hits[i])/float64(e.alerts[i]), 100*float64(e.base[i])/c)
	}
	n := float64(e.matches)
	t.Logf("%s baselines over %d matches: any 10-point probability move flags %.2f %% of matches, recall %.1f %%; any 10 %% price move flags %.1f %%, recall %.1f %%",
		what, e.matches, 100*float64(e.ruleFlag[0])/n, 100*float64(e.ruleHit[0])/c, 100*float64(e.ruleFlag[1])/n, 100*float64(e.ruleHit[1])/c)
	return rec
}
