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

// Tennis extracts tennis cohorts: features from tennisSQL, the global Elo
// and the game rating, elite = career-best ranking ≤ EliteRank.
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
	{Name: "log_best_rank_1y_before", Label: "best ranking up to a year before the cut-off (log)"},
	{Name: "log_best_rank_2y_before", Label: "best ranking up to two years before the cut-off (log)"},
	{Name: "years_top500", Label: "years since first ranked in the top 500 (0 if never)"},
	{Name: "years_top200", Label: "years since first ranked in the top 200 (0 if never)"},
	{Name: "log_best_beaten_rank", Label: "ranking of the best-ranked opponent beaten (log)"},
	{Name: "log_wins_challenger", Label: "wins at challenger level (log)"},
	{Name: "log_wins_tour", Label: "wins at tour or slam level (log)"},
	{Name: "log_nation_top100", Label: "compatriots in the top 100 in the calendar year before the cut-off's (log)"},
	{Name: "log_field", Label: "players active in the year before the cut-off (log)"},
	{Name: "game_share", Label: "share of games won (smoothed)"},
	{Name: "game_share_12m", Label: "share of games won in the last 12 months (smoothed)"},
	{Name: "game_share_vs_ranked", Label: "share of games won against ranked opponents (smoothed)"},
	{Name: "mean_log_opponent_rank", Label: "mean log ranking of the opponents (unranked = 2500)"},
	{Name: "game_share_vs_better", Label: "share of games won against better-ranked opponents (smoothed)"},
	{Name: "game_share_high", Label: "share of games won above futures level (smoothed)"},
	{Name: "game_elo", Label: "game rating at the cut-off (Elo on the share of games won)"},
	{Name: "log_peers", Label: "players born in the year before him who played before their own cut-off (log)"},
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

// record reads one athlete's columns from tennisSQL: NaN (no such match)
// becomes the value given as missing.
type record struct {
	c   map[string][]float64
	i   int
	age float64
}

func (r record) get(name string, missing float64) float64 {
	if v := r.c[name][r.i]; !math.IsNaN(v) {
		return v
	}
	return missing
}

func (r record) has(name string) float64 {
	if math.IsNaN(r.c[name][r.i]) {
		return 0
	}
	return 1
}

// since returns the years between the age in column name and the cut-off
// (0 when it never happened).
func (r record) since(name string) float64 { return r.age - r.get(name, r.age) }

// logRank returns the log of the ranking in column name, unrankedRank when
// he had none.
func (r record) logRank(name string) float64 { return math.Log(r.get(name, unrankedRank)) }

// share returns (won + prior) / (played + 2·prior): a rate shrunk towards
// one half, prior = 1 for matches and 6 (a set) for games.
func (r record) share(won, played string, prior float64) float64 {
	return (r.get(won, 0) + prior) / (r.get(played, 0) + 2*prior)
}

// row builds the feature vector of athlete i, in the order of
// tennisFeatures. day is his last day before the cut-off.
func row(c map[string][]float64, i int, age float64, e *elo, id int64, day time.Time) []float64 {
	r := record{c, i, age}
	initial := rating.Tennis().Initial
	h := e.sys.History(id)
	now, peak := eloAt(h, day, initial)
	before, _ := eloAt(h, day.AddDate(0, 0, -365), initial)
	games, _ := eloAt(e.games.hist[id], day, initial)
	return []float64{
		r.logRank("best_rank"), r.has("best_rank"), r.logRank("latest_rank"), r.logRank("best_rank_12m"),
		r.get("rank_slope", 0), r.since("first_ranked_age"), r.since("first_tour_age"), r.has("first_tour_age"),
		r.since("first_match_age"), math.Log1p(r.get("played", 0)), math.Log1p(r.get("played_12m", 0)),
		r.share("wins", "played", 1), r.share("wins_vs_ranked", "played_vs_ranked", 1),
		r.share("wins_vs_better", "played_vs_better", 1), math.Log1p(r.get("wins_vs_better", 0)),
		r.get("share_futures", 0), r.get("share_challenger", 0), r.get("share_tour", 0), r.get("share_slam", 0),
		now, peak, math.Log(max(e.worldRank(day, now), 1)), now - before, r.get("birth_quarter", 2.5),
		r.logRank("best_rank_1y_before"), r.logRank("best_rank_2y_before"),
		r.since("first_top500_age"), r.since("first_top200_age"), r.logRank("best_beaten_rank"),
		math.Log1p(r.get("wins_challenger", 0)), math.Log1p(r.get("wins_tour", 0)),
		math.Log1p(r.get("nation_top100", 0)), math.Log1p(e.field(day)),
		r.share("games_won", "games_played", 6), r.share("games_won_12m", "games_played_12m", 6),
		r.share("games_won_vs_ranked", "games_played_vs_ranked", 6), r.get("mean_log_opponent_rank", math.Log(unrankedRank)),
		r.share("games_won_vs_better", "games_played_vs_better", 6), r.share("games_won_high", "games_played_high", 6),
		games, math.Log1p(r.get("peers", 0)),
	}
}
