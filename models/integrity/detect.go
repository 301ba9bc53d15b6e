package integrity

import (
	"context"
	"math"
	"sort"
	"time"

	"github.com/podium-sport/podium/datasets"
)

// Summary says what a detection run looked at, for `podium detect --json`.
type Summary struct {
	Matches        int     `json:"matches"`         // played football matches loaded
	Scored         int     `json:"scored"`          // with 1x2 prices from a book at two moments
	MatchAlerts    int     `json:"match_alerts"`    // scored matches alerted
	AlertRate      float64 `json:"alert_rate"`      // MatchAlerts / Scored
	Any10Rate      float64 `json:"any_10pt_rate"`   // baseline: share of scored matches with a 10-point move at some book
	EntitiesTested int     `json:"entities_tested"` // teams and referees with enough matches
	EntityAlerts   int     `json:"entity_alerts"`
}

// Detect loads every played football match up to today, scores it and
// returns the alerts of the suspicious matches and entities.
func Detect(ctx context.Context, src Source, cfg Config) ([]datasets.NewAlert, *Summary, error) {
	all, err := Load(ctx, src, time.Now().AddDate(0, 0, 1))
	if err != nil {
		return nil, nil, err
	}
	scored, err := Score(all, cfg)
	if err != nil {
		return nil, nil, err
	}
	sum := &Summary{Matches: len(all), Scored: len(scored)}
	alerts, err := MatchAlerts(scored, cfg)
	if err != nil {
		return nil, nil, err
	}
	sum.MatchAlerts = len(alerts)
	big := 0
	for k := range scored {
		if anyMove(&scored[k].mk) >= 0.10 {
			big++
		}
	}
	if len(scored) > 0 {
		sum.AlertRate = float64(len(alerts)) / float64(len(scored))
		sum.Any10Rate = float64(big) / float64(len(scored))
	}
	runs := EntityRuns(scored, cfg)
	ents, err := entityAlerts(runs, cfg)
	if err != nil {
		return nil, nil, err
	}
	sum.EntitiesTested, sum.EntityAlerts = len(runs), len(ents)
	return append(alerts, ents...), sum, nil
}

// MatchAlerts alerts the scored matches whose combined p-value is at most
// cfg.Alpha, the lowest first, at most cfg.MaxRate of the scored matches
// (rounded up).
func MatchAlerts(scored []Scored, cfg Config) ([]datasets.NewAlert, error) {
	order := Ranked(scored)
	limit := int(math.Ceil(cfg.MaxRate * float64(len(scored))))
	var out []datasets.NewAlert
	for _, k := range order {
		if len(out) >= limit || scored[k].P > cfg.Alpha {
			break
		}
		a, err := matchAlert(&scored[k], cfg)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// Ranked returns the indexes of scored from the most to the least
// suspicious: lowest P first, ties broken by the lower product of the
// tests' p-values.
func Ranked(scored []Scored) []int {
	order := make([]int, len(scored))
	for i := range order {
		order[i] = i
	}
	sum := make([]float64, len(scored))
	for k := range scored {
		for _, t := range scored[k].Tests {
			sum[k] += math.Log(t.P)
		}
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := &scored[order[a]], &scored[order[b]]
		if x.P != y.P {
			return x.P < y.P
		}
		return sum[order[a]] < sum[order[b]]
	})
	return order
}

// anyMove is the largest absolute move of any outcome's probability at any
// moving book: the "any 10-point move" baseline rule flags it at 0.10.
func anyMove(mk *market) float64 {
	best := 0.0
	for _, i := range mk.movers {
		b := &mk.books[i]
		for o := range 3 {
			best = math.Max(best, math.Abs(b.last()[o]-b.first()[o]))
		}
	}
	return best
}
