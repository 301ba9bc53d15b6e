package integrity

import (
	"encoding/json"
	"fmt"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/models/entity"
)

// entityEvents turns the scored matches into one Bernoulli trial per match
// for each team and referee: the suspicious outcomes are those whose
// probability rose by cfg.EntityMove or more at some book, opening →
// closing; the trial's probability is the closing consensus probability of
// those outcomes, and it succeeds when one of them came in. Matches without
// opening and closing prices give no trial.
func entityEvents(scored []Scored, cfg Config) map[string][]entity.Event {
	events := map[string][]entity.Event{}
	for k := range scored {
		s := &scored[k]
		if len(s.mk.movers) == 0 {
			continue
		}
		ev := entity.Event{Match: s.Match.Ref}
		for o := range 3 {
			if s.mk.maxMove(o) >= cfg.EntityMove {
				ev.P += s.Market[o]
				ev.Hit = ev.Hit || o == s.Outcome
			}
		}
		subjects := []string{"team:" + s.Match.Home, "team:" + s.Match.Away}
		if s.Match.Referee != "" {
			subjects = append(subjects, "referee:"+s.Match.Referee)
		}
		for _, e := range subjects {
			events[e] = append(events[e], ev)
		}
	}
	return events
}

// EntityRuns tests every team and referee (see package entity).
func EntityRuns(scored []Scored, cfg Config) []entity.Run {
	return entity.Test(entityEvents(scored, cfg), cfg.EntityMin)
}

type entityEvidence struct {
	Run    entity.Run `json:"run"`
	Method string     `json:"method"`
}

const entityMethod = "exact Poisson-binomial tail of the steamed results under the market's own closing probabilities; q-value by Benjamini–Hochberg across all teams and referees tested"

// entityAlerts raises an alert for every run whose q-value is at most the
// FDR.
func entityAlerts(runs []entity.Run, cfg Config) ([]datasets.NewAlert, error) {
	var out []datasets.NewAlert
	for _, r := range runs {
		if r.Q > cfg.FDR {
			continue
		}
		raw, err := json.Marshal(entityEvidence{r, entityMethod})
		if err != nil {
			return nil, fmt.Errorf("integrity: evidence of %s: %w", r.Entity, err)
		}
		out = append(out, datasets.NewAlert{Type: TypeEntity, Subject: r.Entity, Severity: severity(r.Q, cfg.FDR), Evidence: raw})
	}
	return out, nil
}
