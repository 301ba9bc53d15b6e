package talent

import (
	"context"
	"fmt"
	"sort"
	"time"

	"github.com/apache/arrow/go/v17/arrow/array"

	"github.com/podium-sport/podium/features"
	"github.com/podium-sport/podium/models/rating"
)

// tennisMatchesSQL lists every decided tennis match between two known
// players in playing order: by tournament date, then round (qualifying
// first), then source id. The winner is side A.
const tennisMatchesSQL = `SELECT date, home_athlete_id, away_athlete_id,
       coalesce(list_sum(list_transform(regexp_extract_all(score, '(\d+)-(\d+)', 1), x -> CAST(x AS DOUBLE))), 0) AS games_w,
       coalesce(list_sum(list_transform(regexp_extract_all(score, '(\d+)-(\d+)', 2), x -> CAST(x AS DOUBLE))), 0) AS games_l
FROM matches
WHERE sport = 'tennis' AND result = 'H' AND status <> 'walkover'
  AND home_athlete_id IS NOT NULL AND away_athlete_id IS NOT NULL
ORDER BY date,
         CASE round WHEN 'Q1' THEN 1 WHEN 'Q2' THEN 2 WHEN 'Q3' THEN 3 WHEN 'Q4' THEN 4
                    WHEN 'R128' THEN 5 WHEN 'R64' THEN 6 WHEN 'R32' THEN 7 WHEN 'R16' THEN 8
                    WHEN 'QF' THEN 9 WHEN 'SF' THEN 10 WHEN 'BR' THEN 11 WHEN 'F' THEN 12 ELSE 7 END,
         source_id`

// elo is the global chronological Elo (rating.Tennis) over all tennis
// matches, with a monthly snapshot of the ratings of the players active in
// the 365 days before each month's first day. A player's rating after a
// match dated before t uses only matches dated before t, and a snapshot
// only matches before its month, so reading either at a cut-off leaks
// nothing.
type elo struct {
	sys       *rating.System
	games     *gameRating
	months    []time.Time // first day of each snapshot's month, increasing
	snapshots [][]float64 // ratings, decreasing
}

// worldRank returns 1 + the number of players active in the year before
// day's month whose rating exceeded r at its start; 0 before any snapshot.
func (e *elo) worldRank(day time.Time, r float64) float64 {
	i := sort.Search(len(e.months), func(i int) bool { return e.months[i].After(day) }) - 1
	if i < 0 {
		return 0
	}
	s := e.snapshots[i]
	return float64(1 + sort.Search(len(s), func(k int) bool { return s[k] <= r }))
}

// field returns the number of players active in the year before day's
// month (the size of its snapshot); 0 before any snapshot.
func (e *elo) field(day time.Time) float64 {
	i := sort.Search(len(e.months), func(i int) bool { return e.months[i].After(day) }) - 1
	if i < 0 {
		return 0
	}
	return float64(len(e.snapshots[i]))
}

// snapshot records the ratings of the players seen in the year before month.
func (e *elo) snapshot(month time.Time, last map[int64]time.Time) {
	from := month.AddDate(-1, 0, 0)
	var s []float64
	for id, d := range last {
		if !d.Before(from) {
			r, _ := e.sys.Rating(id)
			s = append(s, r)
		}
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(s)))
	e.months, e.snapshots = append(e.months, month), append(e.snapshots, s)
}

// eloHistories runs the global Elo over all tennis matches.
func eloHistories(ctx context.Context, q features.Source) (*elo, error) {
	cfg := rating.Tennis()
	cfg.KScale, cfg.KOffset, cfg.KShape = 75, 25, 0.2
	sys, err := rating.New(cfg)
	if err != nil {
		return nil, fmt.Errorf("talent: elo: %w", err)
	}
	e := &elo{sys: sys, games: newGameRating(cfg)}
	last := map[int64]time.Time{}
	rr, err := q.QueryArrow(ctx, tennisMatchesSQL)
	if err != nil {
		return nil, fmt.Errorf("talent: load tennis matches: %w", err)
	}
	defer rr.Release()
	for rr.Next() {
		rec := rr.Record()
		dates := rec.Column(0).(*array.Date32)
		a, b := rec.Column(1).(*array.Int64), rec.Column(2).(*array.Int64)
		gw, gl := rec.Column(3).(*array.Float64), rec.Column(4).(*array.Float64)
		for i := range int(rec.NumRows()) {
			d := dates.Value(i).ToTime()
			if month := time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC); len(e.months) == 0 || month.After(e.months[len(e.months)-1]) {
				e.snapshot(month, last)
			}
			sys.Update(rating.Match{Date: d, A: a.Value(i), B: b.Value(i), AWon: true})
			e.games.update(d, a.Value(i), b.Value(i), gw.Value(i), gl.Value(i))
			last[a.Value(i)], last[b.Value(i)] = d, d
		}
	}
	if err := rr.Err(); err != nil {
		return nil, fmt.Errorf("talent: read tennis matches: %w", err)
	}
	return e, nil
}

// eloAt returns the rating after the last match dated on or before day
// (initial before any), and the best such rating.
func eloAt(h []rating.Point, day time.Time, initial float64) (last, best float64) {
	n := sort.Search(len(h), func(i int) bool { return h[i].Date.After(day) })
	if n == 0 {
		return initial, initial
	}
	best = h[0].Rating
	for _, p := range h[:n] {
		best = max(best, p.Rating)
	}
	return h[n-1].Rating, best
}
