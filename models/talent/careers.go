package talent

import (
	"context"
	"fmt"
	"strings"

	"github.com/apache/arrow/go/v17/arrow/array"

	"github.com/podium-sport/podium/features"
)

// careerSQL gives each ATP player with a birth date his source id, birth
// year and career-best ranking over all his matches (0 when never ranked).
// It is the outcome, read on purpose after the cut-off; features never use
// it.
const careerSQL = `WITH r AS (
    SELECT home_athlete_id AS id, home_rank AS rank FROM matches WHERE sport = 'tennis'
    UNION ALL
    SELECT away_athlete_id, away_rank FROM matches WHERE sport = 'tennis'
)
SELECT a.athlete_id, min(al.source_id) AS source_id, CAST(year(a.birth_date) AS BIGINT) AS birth_year,
       CAST(coalesce(min(r.rank), 0) AS BIGINT) AS best
FROM athletes a
JOIN athlete_aliases al ON al.athlete_id = a.athlete_id AND al.source = 'atp'
LEFT JOIN r ON r.id = a.athlete_id
WHERE a.birth_date IS NOT NULL
GROUP BY a.athlete_id, a.birth_date
ORDER BY a.athlete_id`

type career struct {
	sourceID  string
	birthYear int
	best      int
}

func careers(ctx context.Context, q features.Source) (map[int64]career, error) {
	rr, err := q.QueryArrow(ctx, careerSQL)
	if err != nil {
		return nil, fmt.Errorf("talent: career-best rankings: %w", err)
	}
	defer rr.Release()
	out := map[int64]career{}
	for rr.Next() {
		rec := rr.Record()
		ids, src := rec.Column(0).(*array.Int64), rec.Column(1)
		year, best := rec.Column(2).(*array.Int64), rec.Column(3).(*array.Int64)
		for i := range int(rec.NumRows()) {
			// ValueStr aliases the batch's buffer, freed on the next batch.
			out[ids.Value(i)] = career{strings.Clone(src.ValueStr(i)), int(year.Value(i)), int(best.Value(i))}
		}
	}
	if err := rr.Err(); err != nil {
		return nil, fmt.Errorf("talent: read career-best rankings: %w", err)
	}
	return out, nil
}
