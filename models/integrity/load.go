package integrity

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/apache/arrow/go/v17/arrow/array"
)

// Source runs a query and returns Arrow record batches; *datasets.Store
// satisfies it.
type Source interface {
	QueryArrow(ctx context.Context, query string, args ...any) (array.RecordReader, error)
}

const matchesSQL = `SELECT match_id, source_id, date, coalesce(division, ''), home, away, coalesce(referee, ''),
	coalesce(home_score, -1)::BIGINT, coalesce(away_score, -1)::BIGINT,
	coalesce(ht_home_score, -1)::BIGINT, coalesce(ht_away_score, -1)::BIGINT
FROM matches WHERE sport = 'football' AND home_score IS NOT NULL AND away_score IS NOT NULL AND date < ?
ORDER BY date, match_id`

// The 1x2, 2.5-goal over/under and Asian handicap prices of every played
// football match dated before the cut-off, one row per price.
const oddsSQL = `SELECT o.match_id, o.bookmaker, o.market, o.line, o.phase, o.selection, o.price
FROM odds o JOIN matches m USING (match_id)
WHERE m.sport = 'football' AND m.home_score IS NOT NULL AND m.date < ?
	AND o.phase IN ('opening', 'pre-match', 'closing')
	AND (o.market IN ('1x2', 'ah') OR (o.market = 'ou' AND o.line = 2.5))
ORDER BY o.match_id, o.bookmaker, o.market, o.line, o.phase`

// Load reads every played football match dated before before, in date
// order, with its 1x2, over/under 2.5 and Asian handicap prices. A market whose prices are
// incomplete at a bookmaker and phase is left out.
func Load(ctx context.Context, src Source, before time.Time) ([]Match, error) {
	ms, err := LoadResults(ctx, src, before)
	if err != nil {
		return nil, err
	}
	at := make(map[int64]int, len(ms))
	for i, m := range ms {
		at[m.ID] = i
	}
	if err := loadOdds(ctx, src, before, ms, at); err != nil {
		return nil, err
	}
	return ms, nil
}

// LoadResults reads every played football match dated before before, in
// date order (then match id), without prices: what the Elo learns from.
func LoadResults(ctx context.Context, src Source, before time.Time) ([]Match, error) {
	rr, err := src.QueryArrow(ctx, matchesSQL, before)
	if err != nil {
		return nil, fmt.Errorf("integrity: load matches: %w", err)
	}
	defer rr.Release()
	var ms []Match
	for rr.Next() {
		rec := rr.Record()
		id := rec.Column(0).(*array.Int64)
		date := rec.Column(2).(*array.Date32)
		str := func(c, i int) string { return strings.Clone(rec.Column(c).(*array.String).Value(i)) }
		num := func(c, i int) int { return int(rec.Column(c).(*array.Int64).Value(i)) }
		for i := 0; i < int(rec.NumRows()); i++ {
			ms = append(ms, Match{ID: id.Value(i), Ref: str(1, i), Date: date.Value(i).ToTime(), Division: str(3, i),
				Home: str(4, i), Away: str(5, i), Referee: str(6, i),
				HomeGoals: num(7, i), AwayGoals: num(8, i), HTHome: num(9, i), HTAway: num(10, i)})
		}
	}
	if err := rr.Err(); err != nil {
		return nil, fmt.Errorf("integrity: load matches: %w", err)
	}
	return ms, nil
}

// selectionIndex is each selection's place in Quote.Prices, by market.
var selectionIndex = map[string]map[string]int{
	"1x2": {"home": 0, "draw": 1, "away": 2},
	"ou":  {"over": 0, "under": 1},
	"ah":  {"home": 0, "away": 1},
}

func loadOdds(ctx context.Context, src Source, before time.Time, ms []Match, at map[int64]int) error {
	rr, err := src.QueryArrow(ctx, oddsSQL, before)
	if err != nil {
		return fmt.Errorf("integrity: load odds: %w", err)
	}
	defer rr.Release()
	var g quoteGroup
	for rr.Next() {
		rec := rr.Record()
		id := rec.Column(0).(*array.Int64)
		book, market := rec.Column(1).(*array.String), rec.Column(2).(*array.String)
		line := rec.Column(3).(*array.Float64)
		phase, sel := rec.Column(4).(*array.String), rec.Column(5).(*array.String)
		price := rec.Column(6).(*array.Float64)
		for i := 0; i < int(rec.NumRows()); i++ {
			if !g.same(id.Value(i), book.Value(i), market.Value(i), line.Value(i), phase.Value(i)) {
				g.flush(ms, at)
				g.start(id.Value(i), book.Value(i), market.Value(i), line.Value(i), phase.Value(i))
			}
			if k, ok := selectionIndex[g.q.Market][sel.Value(i)]; ok {
				g.q.Prices[k] = price.Value(i)
			}
		}
	}
	g.flush(ms, at)
	if err := rr.Err(); err != nil {
		return fmt.Errorf("integrity: load odds: %w", err)
	}
	return nil
}

// quoteGroup gathers the rows of one quote.
type quoteGroup struct {
	match int64
	q     *Quote
}

func (g *quoteGroup) same(id int64, book, market string, line float64, phase string) bool {
	return g.q != nil && g.match == id && g.q.Bookmaker == book && g.q.Market == market && g.q.Line == line && g.q.Phase == phase
}

func (g *quoteGroup) start(id int64, book, market string, line float64, phase string) {
	n := len(selectionIndex[market])
	g.match = id
	g.q = &Quote{Bookmaker: strings.Clone(book), Market: strings.Clone(market), Line: line, Phase: strings.Clone(phase),
		Prices: make([]float64, n)}
}

func (g *quoteGroup) flush(ms []Match, at map[int64]int) {
	if g.q == nil {
		return
	}
	for _, p := range g.q.Prices {
		if p <= 1 {
			return // incomplete market
		}
	}
	if i, ok := at[g.match]; ok {
		ms[i].Quotes = append(ms[i].Quotes, *g.q)
	}
}
