package talent

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"

	"github.com/podium-sport/podium/features"
	"github.com/podium-sport/podium/models/potential"
	"github.com/podium-sport/podium/models/rating"
)

// unrankedRank stands in for the ranking of a player never ranked before
// the cut-off: worse than any ATP ranking in the data (about 2,200 at most).
const unrankedRank = 2500

// Tennis extracts tennis cohorts: features from tennisSQL and the global
// Elo, elite = career-best ranking ≤ EliteRank.
//
// Height and hand are deliberately not features: the ATP file records a
// height for 4,154 of 65,989 players and a hand (R/L) for 18,160, almost
// only for those who made a career — every player born 1978–1997 who
// reached the top 100 has both — so their presence gives the outcome away.
type Tennis struct {
	Store     features.Source
	EliteRank int
}

var _ Extractor = (*Tennis)(nil)

// tennisFeatures are the model's inputs, in order (see row).
var tennisFeatures = []potential.Feature{
	{Name: "log_best_rank", Label: "best ranking before the cut-off (log; unranked = 2500)"},
	{Name: "ranked", Label: "ranked before the cut-off"},
	{Name: "log_latest_rank", Label: "latest ranking before the cut-off (log)"},
	{Name: "log_best_rank_12m", Label: "best ranking in the last 12 months (log)"},
	{Name: "rank_slope", Label: "slope of log ranking per year of age"},
	{Name: "years_ranked", Label: "years since first ranked match"},
	{Name: "years_on_tour", Label: "years since first tour-level main-draw match"},
	{Name: "played_tour", Label: "played a tour-level main-draw match"},
	{Name: "years_active", Label: "years since first match"},
	{Name: "log_played", Label: "matches played (log)"},
	{Name: "log_played_12m", Label: "matches in the last 12 months (log)"},
	{Name: "win_rate", Label: "win rate (Laplace-smoothed)"},
	{Name: "win_rate_vs_ranked", Label: "win rate against ranked opponents (smoothed)"},
	{Name: "win_rate_vs_better", Label: "win rate against better-ranked opponents (smoothed)"},
	{Name: "log_wins_vs_better", Label: "wins against better-ranked opponents (log)"},
	{Name: "share_futures", Label: "share of matches at futures level"},
	{Name: "share_challenger", Label: "share of matches at challenger level"},
	{Name: "share_tour", Label: "share of matches at tour level"},
	{Name: "share_slam", Label: "share of matches at grand slams"},
	{Name: "elo", Label: "Elo rating at the cut-off"},
	{Name: "elo_peak", Label: "best Elo rating before the cut-off"},
	{Name: "log_elo_world_rank", Label: "Elo rank among players active in the past year (log)"},
	{Name: "elo_change_12m", Label: "Elo change over the last 12 months"},
	{Name: "birth_quarter", Label: "quarter of birth (1–4)"},
}

var tennisBaselines = []Baseline{
	{Name: "best_rank_before_cutoff", Feature: "log_best_rank"},
	{Name: "elo_at_cutoff", Feature: "elo"},
	{Name: "matches_before_cutoff", Feature: "log_played"},
}

// Cohort returns every tennis player with a decided match before his
// freezeAgeYears-th birthday and a known birth date.
func (t *Tennis) Cohort(ctx context.Context, freezeAgeYears float64) (*Cohort, error) {
	if t.EliteRank < 1 || freezeAgeYears <= 0 || freezeAgeYears > 100 {
		return nil, fmt.Errorf("talent: elite rank %d, freeze age %g: want a rank ≥ 1 and an age in (0, 100]", t.EliteRank, freezeAgeYears)
	}
	outcomes, err := careers(ctx, t.Store)
	if err != nil {
		return nil, err
	}
	sys, err := eloHistories(ctx, t.Store)
	if err != nil {
		return nil, err
	}
	rr, err := t.Store.QueryArrow(ctx, tennisSQL, freezeAgeYears)
	if err != nil {
		return nil, fmt.Errorf("talent: tennis features at age %g: %w", freezeAgeYears, err)
	}
	defer rr.Release()
	c := &Cohort{Features: tennisFeatures, Baselines: tennisBaselines}
	for rr.Next() {
		rec := rr.Record()
		cols := columns(rec)
		ids := rec.Column(0).(*array.Int64)
		days := rec.Column(1).(*array.Date32)
		for i := range int(rec.NumRows()) {
			id := ids.Value(i)
			o, ok := outcomes[id]
			if !ok {
				return nil, fmt.Errorf("talent: athlete %d has features but no ATP alias or birth date", id)
			}
			x := row(cols, i, freezeAgeYears, sys, id, days.Value(i).ToTime())
			elite := o.best > 0 && o.best <= t.EliteRank
			c.Rows = append(c.Rows, Row{AthleteID: id, SourceID: o.sourceID, BirthYear: o.birthYear, X: x, Elite: elite})
		}
	}
	if err := rr.Err(); err != nil {
		return nil, fmt.Errorf("talent: read tennis features: %w", err)
	}
	return c, nil
}

// columns returns the float64 columns of rec by name, NaN for NULL.
func columns(rec arrow.Record) map[string][]float64 {
	cols := map[string][]float64{}
	for j, f := range rec.Schema().Fields() {
		a, ok := rec.Column(j).(*array.Float64)
		if !ok {
			continue
		}
		v := make([]float64, a.Len())
		for i := range v {
			v[i] = math.NaN()
			if a.IsValid(i) {
				v[i] = a.Value(i)
			}
		}
		cols[f.Name] = v
	}
	return cols
}

// row builds the feature vector of athlete i, in the order of
// tennisFeatures. day is his last day before the cut-off.
func row(c map[string][]float64, i int, age float64, e *elo, id int64, day time.Time) []float64 {
	get := func(name string, missing float64) float64 {
		if v := c[name][i]; !math.IsNaN(v) {
			return v
		}
		return missing
	}
	since := func(name string) float64 { return age - get(name, age) }
	smooth := func(wins, played string) float64 { return (get(wins, 0) + 1) / (get(played, 0) + 2) }
	ranked := 0.0
	if !math.IsNaN(c["best_rank"][i]) {
		ranked = 1
	}
	touring := 0.0
	if !math.IsNaN(c["first_tour_age"][i]) {
		touring = 1
	}
	initial := rating.Tennis().Initial
	h := e.sys.History(id)
	now, peak := eloAt(h, day, initial)
	before, _ := eloAt(h, day.AddDate(0, 0, -365), initial)
	return []float64{
		math.Log(get("best_rank", unrankedRank)), ranked,
		math.Log(get("latest_rank", unrankedRank)), math.Log(get("best_rank_12m", unrankedRank)),
		get("rank_slope", 0), since("first_ranked_age"), since("first_tour_age"), touring,
		since("first_match_age"), math.Log1p(get("played", 0)), math.Log1p(get("played_12m", 0)),
		smooth("wins", "played"), smooth("wins_vs_ranked", "played_vs_ranked"),
		smooth("wins_vs_better", "played_vs_better"), math.Log1p(get("wins_vs_better", 0)),
		get("share_futures", 0), get("share_challenger", 0), get("share_tour", 0), get("share_slam", 0),
		now, peak, math.Log(max(e.worldRank(day, now), 1)), now - before, get("birth_quarter", 2.5),
	}
}
