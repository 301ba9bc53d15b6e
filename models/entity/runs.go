package entity

import "sort"

// Event is one match of an entity (team or referee): the probability, under
// the market's own closing prices, that the suspicious outcome happens, and
// whether it did.
type Event struct {
	Match string  // match reference for the evidence
	P     float64 // market probability of the suspicious outcome; 0 when the match had none
	Hit   bool    // the suspicious outcome happened
}

// Run is the test of one entity.
type Run struct {
	Entity   string   `json:"entity"` // "team:<name>" or "referee:<name>"
	Matches  int      `json:"matches"`
	Hits     int      `json:"hits"`
	Expected float64  `json:"expected"` // Σ P: hits expected under the market
	P        float64  `json:"p"`        // exact Poisson-binomial P(K ≥ hits)
	Q        float64  `json:"q"`        // Benjamini–Hochberg q-value across all entities tested
	HitRefs  []string `json:"hit_matches"`
}

// Test scores every entity's run of suspicious outcomes against the
// market's own probabilities and adjusts across entities with BH. Entities
// with fewer than minMatches matches are left out (their runs mean little);
// the result is sorted by p-value.
func Test(events map[string][]Event, minMatches int) []Run {
	var runs []Run
	for e, evs := range events {
		if len(evs) < minMatches {
			continue
		}
		r := Run{Entity: e, Matches: len(evs)}
		ps := make([]float64, len(evs))
		for i, ev := range evs {
			ps[i] = ev.P
			r.Expected += ev.P
			if ev.Hit {
				r.Hits++
				r.HitRefs = append(r.HitRefs, ev.Match)
			}
		}
		r.P = Tail(ps, r.Hits)
		runs = append(runs, r)
	}
	sort.Slice(runs, func(i, j int) bool {
		if runs[i].P != runs[j].P {
			return runs[i].P < runs[j].P
		}
		return runs[i].Entity < runs[j].Entity
	})
	ps := make([]float64, len(runs))
	for i := range runs {
		ps[i] = runs[i].P
	}
	for i, q := range BH(ps) {
		runs[i].Q = q
	}
	return runs
}
