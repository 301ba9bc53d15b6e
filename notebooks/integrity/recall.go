package main

import (
	"cmp"
	"math"
	"slices"

	"github.com/podium-sport/podium/models/integrity"
)

// ranking orders a league's scored matches from the most suspicious.
type ranking struct {
	name  string
	order func(scored []integrity.Scored) []int
}

// rankings are the detector and its baseline.
var rankings = []ranking{
	{"detector (weighted Bonferroni over the steam, outlier-book and upset tests)", integrity.Ranked},
	{"baseline: consensus move (largest opening→closing change of any outcome, result-blind)", consensusMove},
}

// consensusMove ranks matches by the largest absolute change, opening to
// closing, of the margin-free consensus probability of any outcome: the
// market-watch rule without the result.
func consensusMove(scored []integrity.Scored) []int {
	move := make([]float64, len(scored))
	for k, s := range scored {
		for o := range 3 {
			move[k] = max(move[k], math.Abs(s.Market[o]-s.Open[o]))
		}
	}
	order := make([]int, len(scored))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(move[b], move[a]) })
	return order
}

// tally is a pooled count at one alert rate.
type tally struct{ alerts, hits, cases int }

func (t tally) recall() float64    { return float64(t.hits) / float64(t.cases) }
func (t tally) precision() float64 { return float64(t.hits) / float64(t.alerts) }

// at pools, over the leagues, the planted fixes among the top ceil(rate·n)
// matches of each league's ranking (n: its scored matches).
func at(leagues []league, r ranking, rate float64) tally {
	var t tally
	for _, l := range leagues {
		order := r.order(l.scored)
		top := int(math.Ceil(rate * float64(len(order))))
		for _, k := range order[:top] {
			if l.fixed[l.scored[k].Match.Ref] {
				t.hits++
			}
		}
		t.alerts += top
		t.cases += len(l.fixed)
	}
	return t
}
