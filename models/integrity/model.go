package integrity

import (
	"fmt"

	"github.com/podium-sport/podium/models/goals"
	"github.com/podium-sport/podium/models/rating"
)

// Price is a model's 1x2 probabilities.
type Price [3]float64

// modelPrices are the results-only model prices of the scored matches.
type modelPrices struct {
	elo, goals []Price
}

// footballElo is the built-in Elo system for clubs, Default's Config.Elo:
// constant K = 20 and a home advantage of 35 points, chosen by hand by
// walk-forward 1x2 log-loss on England 2012–15 (7,764 matches): K in {10,
// 15, 20, 30} at home advantages 50–100 (K 20 best throughout), then home
// advantage in {0, 20, 35, 50, 65, 80, 100} at K 20: 1.0522 at 35, 1.0525
// at 50, 1.0557 at 65, 1.0631 at 0. FitElo refits K and the home advantage
// (podium retrain, model rating-football).
func footballElo() rating.Config {
	return rating.Config{Initial: 1500, Scale: 400, KScale: 20, HomeAdvantage: 35}
}

// priceModels runs Elo and the Dixon–Coles goals model walk-forward over
// all played matches (sorted by date) and returns their prices for the
// matches at indexes scored: each price uses only results of earlier days.
func priceModels(all []Match, scored []int, elo rating.Config) (modelPrices, error) {
	eloAll, err := eloPrices(all, elo)
	if err != nil {
		return modelPrices{}, err
	}
	hist := make([]goals.Match, len(all))
	for i, m := range all {
		hist[i] = goals.Match{Date: m.Date, Home: m.Home, Away: m.Away, HomeGoals: m.HomeGoals, AwayGoals: m.AwayGoals}
	}
	targets := make([]goals.Match, len(scored))
	for k, i := range scored {
		targets[k] = hist[i]
	}
	gp, err := goals.Predict(goals.Football(), hist, targets)
	if err != nil {
		return modelPrices{}, fmt.Errorf("integrity: goals model: %w", err)
	}
	mp := modelPrices{elo: make([]Price, len(scored)), goals: make([]Price, len(scored))}
	for k, i := range scored {
		mp.elo[k] = eloAll[i]
		mp.goals[k] = Price{gp[k].Home, gp[k].Draw, gp[k].Away}
	}
	return mp, nil
}

// eloPrices turns Elo's expected score E of the home side into 1x2 prices:
// P(draw) = r·2·min(E, 1−E) and P(home) = E − P(draw)/2, where r is the
// ratio of draws to Σ 2·min(E, 1−E) over all earlier days (0.5 before any).
// Matches of one day are all priced before any of them updates the ratings.
func eloPrices(ms []Match, cfg rating.Config) ([]Price, error) {
	sys, err := rating.New(cfg)
	if err != nil {
		return nil, fmt.Errorf("integrity: elo: %w", err)
	}
	ids := map[string]int64{}
	id := func(team string) int64 {
		if v, ok := ids[team]; ok {
			return v
		}
		ids[team] = int64(len(ids) + 1)
		return ids[team]
	}
	out := make([]Price, len(ms))
	draws, room := 0.0, 0.0
	for lo := 0; lo < len(ms); {
		hi := lo
		for hi < len(ms) && ms[hi].Date.Equal(ms[lo].Date) {
			hi++
		}
		r := 0.5
		if room > 0 {
			r = draws / room
		}
		matches := make([]rating.Match, hi-lo)
		for k := lo; k < hi; k++ {
			m := &ms[k]
			rm := rating.Match{Date: m.Date, A: id(m.Home), B: id(m.Away), AHome: true,
				AWon: m.HomeGoals > m.AwayGoals, Draw: m.HomeGoals == m.AwayGoals}
			matches[k-lo] = rm
			e := sys.Predict(rm)
			pd := r * 2 * min(e, 1-e)
			out[k] = Price{e - pd/2, pd, 1 - e - pd/2}
			if rm.Draw {
				draws++
			}
			room += 2 * min(e, 1-e)
		}
		for _, rm := range matches {
			sys.Update(rm)
		}
		lo = hi
	}
	return out, nil
}
