package features

import (
	"fmt"
	"strings"
)

// viewNames are the cut-off views a set may read (see the package
// documentation). Each filters one base table to the cut-off; the names
// shadow the base tables so that a set's "FROM results" can only mean the
// filtered rows.
var viewNames = []string{"results", "physio_tests", "athlete_matches", "matches", "athletes"}

// cutoffAthletes is the internal CTE holding every athlete's own cut-off,
// athletes first seen after it included; sets may not read it.
const cutoffAthletes = "cutoff_athletes"

// viewsSQL defines the cut-off views. $1 is the cut-off value; the verbs are
// filled with the fragments of one cut-off kind (dateViews, ageViews), never
// with data.
//
// as_of_date is each athlete's last day before the cut-off and as_of_age the
// age at the cut-off; rows are compared by date where both dates are known.
const viewsSQL = `WITH
cutoff_athletes AS (
    SELECT a.athlete_id, a.name, a.sex, a.birth_date, a.province, a.nationality, a.hand,
           %[1]s AS as_of_date,
           %[2]s AS as_of_age
    FROM main.athletes a
),
results AS (
    SELECT r.result_id, r.athlete_id, r.date, r.age_years, r.sport, r.discipline, r.sex,
           r.mark, r.unit, r.lower_is_better, r.wind, r.round, r.place, r.competition_id,
           r.level, r.venue, r.source, r.source_ref
    FROM main.results r JOIN cutoff_athletes c ON c.athlete_id = r.athlete_id
    WHERE CASE WHEN r.date IS NOT NULL AND c.as_of_date IS NOT NULL THEN r.date <= c.as_of_date
               ELSE %[3]s END
),
physio_tests AS (
    SELECT p.athlete_id, p.date, (p.date - c.birth_date) / 365.25 AS age_years,
           p.test, p.value, p.unit, p.source
    FROM main.physio_tests p JOIN cutoff_athletes c ON c.athlete_id = p.athlete_id
    WHERE p.date <= c.as_of_date
),
athlete_matches AS (
    SELECT c.athlete_id, m.match_id, m.sport, m.competition_id, m.division, m.level, m.round,
           m.date, (m.date - c.birth_date) / 365.25 AS age_years, s.side,
           CASE s.side WHEN 'home' THEN m.away ELSE m.home END AS opponent,
           CASE s.side WHEN 'home' THEN m.away_athlete_id ELSE m.home_athlete_id END AS opponent_athlete_id,
           CASE s.side WHEN 'home' THEN m.home_rank ELSE m.away_rank END AS rank,
           CASE s.side WHEN 'home' THEN m.away_rank ELSE m.home_rank END AS opponent_rank,
           CASE s.side WHEN 'home' THEN m.home_score ELSE m.away_score END AS score,
           CASE s.side WHEN 'home' THEN m.away_score ELSE m.home_score END AS opponent_score,
           CASE WHEN m.result = 'D' THEN 'D'
                WHEN m.result = CASE s.side WHEN 'home' THEN 'H' ELSE 'A' END THEN 'W'
                WHEN m.result IN ('H', 'A') THEN 'L' END AS outcome,
           m.status
    FROM main.matches m
    CROSS JOIN (VALUES ('home'), ('away')) s(side)
    JOIN cutoff_athletes c
      ON c.athlete_id = CASE s.side WHEN 'home' THEN m.home_athlete_id ELSE m.away_athlete_id END
    WHERE m.date <= c.as_of_date
),
matches AS (
    SELECT m.match_id, m.source, m.source_id, m.sport, m.competition_id, m.division, m.level,
           m.round, m.date, m.home, m.away, m.home_athlete_id, m.away_athlete_id, m.home_rank,
           m.away_rank, m.home_score, m.away_score, m.ht_home_score, m.ht_away_score, m.score,
           m.result, m.status, m.referee, m.venue
    FROM main.matches m
    WHERE %[4]s
),
athletes AS (
    SELECT c.athlete_id, c.name, c.sex, c.birth_date, c.province, c.nationality, c.hand,
           c.as_of_date, c.as_of_age
    FROM cutoff_athletes c
    WHERE c.athlete_id IN (SELECT athlete_id FROM results)
       OR c.athlete_id IN (SELECT athlete_id FROM physio_tests)
       OR c.athlete_id IN (SELECT athlete_id FROM athlete_matches)
)`

// matchBeforeAgeCutoff keeps a match under an age cut-off: it has an athlete
// side and is before the cut-off of every athlete in it.
const matchBeforeAgeCutoff = `(m.home_athlete_id IS NOT NULL OR m.away_athlete_id IS NOT NULL)
      AND COALESCE(m.date <= (SELECT as_of_date FROM cutoff_athletes WHERE athlete_id = m.home_athlete_id),
                   m.home_athlete_id IS NULL)
      AND COALESCE(m.date <= (SELECT as_of_date FROM cutoff_athletes WHERE athlete_id = m.away_athlete_id),
                   m.away_athlete_id IS NULL)`

// ageCutoffDay is an athlete's first day at age $1 or older: the birthday on
// the calendar (plus the fraction of a year in days of 365.25), or day
// ⌈$1 × 365.25⌉ after birth if that is earlier, so that a dated row before it
// also has an age (date − birth) / 365.25 below $1.
const ageCutoffDay = `least(
               CAST(a.birth_date + to_years(CAST(floor(CAST($1 AS DOUBLE)) AS INTEGER)) AS DATE)
                   + CAST(ceil((CAST($1 AS DOUBLE) - floor(CAST($1 AS DOUBLE))) * 365.25) AS INTEGER),
               a.birth_date + CAST(ceil(CAST($1 AS DOUBLE) * 365.25) AS INTEGER))`

// The two renderings of viewsSQL: fragments for as_of_date, as_of_age, the
// rule for results without a usable date, and the whole-match rule.
var (
	dateViews = fmt.Sprintf(viewsSQL,
		`CAST($1 AS DATE)`,
		`(CAST($1 AS DATE) - a.birth_date) / 365.25`,
		`c.birth_date + CAST(ceil(r.age_years * 365.25) AS INTEGER) <= c.as_of_date`,
		`m.date <= CAST($1 AS DATE)`)
	ageViews = fmt.Sprintf(viewsSQL, ageCutoffDay+` - 1`,
		`CAST($1 AS DOUBLE)`,
		`r.age_years < c.as_of_age`,
		matchBeforeAgeCutoff)
)

// assemble returns the query that runs body over the cut-off views of cut,
// and its arguments. A body that starts with WITH has its CTEs appended to
// the views' WITH list; any other body follows it.
func assemble(body string, cut Cutoff) (string, []any) {
	views := dateViews
	if cut.IsAge() {
		views = ageViews
	}
	args := []any{cut.param()}
	if i, ok := keywordAt(body, 0, "with"); ok {
		return views + ",\n" + body[:i] + body[i+4:], args
	}
	return views + "\n" + body, args
}

// keywordAt reports whether the first token of sql[from:] is the keyword kw
// (in any case) and returns its offset.
func keywordAt(sql string, from int, kw string) (int, bool) {
	i := from + skipComments(sql[from:])
	end := i + len(kw)
	ok := end <= len(sql) && strings.EqualFold(sql[i:end], kw) && (end == len(sql) || isSpace(sql[end]))
	return i, ok
}

// skipComments returns the offset of the first token of sql after blanks,
// -- line comments and /* block */ comments.
func skipComments(sql string) int {
	i := 0
	for i < len(sql) {
		switch {
		case isSpace(sql[i]):
			i++
		case strings.HasPrefix(sql[i:], "--"):
			if j := strings.IndexByte(sql[i:], '\n'); j >= 0 {
				i += j + 1
			} else {
				return len(sql)
			}
		case strings.HasPrefix(sql[i:], "/*"):
			if j := strings.Index(sql[i+2:], "*/"); j >= 0 {
				i += j + 4
			} else {
				return len(sql)
			}
		default:
			return i
		}
	}
	return i
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' }
