-- One row per tennis player with a birth date and a decided match before his
-- cut-off day, from his side of each match (walkovers and unfinished
-- matches left out). $1 is the freeze age in years; the cut-off day is the
-- features package's (the $1-th birthday, or day ⌈$1 × 365.25⌉ after birth
-- if earlier) and only matches dated before it are read.
-- Levels: futures = satellite-futures, itf-m15, itf-m25; tour = atp-tour,
-- masters-1000, tour-finals, davis-cup, olympics; slam = grand-slam. A
-- tour-level match is a main-draw (not Q1–Q4) match at tour or slam level.
-- Games are the sums of the "W-L" pairs of the score (tiebreak points in
-- brackets ignored; 0 when there is no score). Two columns read other
-- players, still only before his cut-off: nation_top100 counts compatriots
-- ranked ≤ 100 in the calendar year before the cut-off's, and peers the
-- players born in the 365 days before him who played before their own
-- (earlier) cut-off day.
WITH p AS (
    SELECT athlete_id, birth_date, nationality,
           least(CAST(birth_date + to_years(CAST(floor($1) AS INTEGER)) AS DATE)
                     + CAST(ceil(($1 - floor($1)) * 365.25) AS INTEGER),
                 birth_date + CAST(ceil($1 * 365.25) AS INTEGER)) - 1 AS as_of_date
    FROM athletes
    WHERE birth_date IS NOT NULL
),
g AS (
    SELECT *,
           coalesce(list_sum(list_transform(regexp_extract_all(score, '(\d+)-(\d+)', 1), x -> CAST(x AS DOUBLE))), 0) AS games_w,
           coalesce(list_sum(list_transform(regexp_extract_all(score, '(\d+)-(\d+)', 2), x -> CAST(x AS DOUBLE))), 0) AS games_l
    FROM matches WHERE sport = 'tennis' AND result = 'H' AND status <> 'walkover'
),
sides AS (
    SELECT home_athlete_id AS athlete_id, date, level, round, home_rank AS rank,
           away_rank AS opponent_rank, 1.0::DOUBLE AS won, games_w AS games_won, games_l AS games_lost
    FROM g
    UNION ALL
    SELECT away_athlete_id, date, level, round, away_rank, home_rank, 0.0::DOUBLE, games_l, games_w
    FROM g
),
m AS (
    SELECT s.athlete_id, s.date, (s.date - p.birth_date) / 365.25 AS age_years, s.rank,
           s.opponent_rank, s.round, s.won, s.games_won, s.games_lost, p.as_of_date, p.birth_date, p.nationality,
           CASE WHEN s.level IN ('satellite-futures', 'itf-m15', 'itf-m25') THEN 'futures'
                WHEN s.level = 'challenger' THEN 'challenger'
                WHEN s.level = 'grand-slam' THEN 'slam'
                ELSE 'tour' END AS tier
    FROM sides s JOIN p ON p.athlete_id = s.athlete_id
    WHERE s.date <= p.as_of_date
),
nation_top100 AS (
    SELECT a.nationality, year(s.date) AS year, count(DISTINCT s.athlete_id) AS n
    FROM sides s JOIN athletes a ON a.athlete_id = s.athlete_id
    WHERE s.rank <= 100 AND a.nationality IS NOT NULL
    GROUP BY ALL
),
population AS (
    SELECT DISTINCT athlete_id, birth_date FROM m
),
peers AS (
    SELECT a.athlete_id, CAST(count(b.athlete_id) AS DOUBLE) AS n
    FROM population a
    LEFT JOIN population b ON b.birth_date >= a.birth_date - 365 AND b.birth_date < a.birth_date
    GROUP BY a.athlete_id
),
last_ranked AS (
    SELECT athlete_id, max(date) AS date FROM m WHERE rank IS NOT NULL GROUP BY athlete_id
)
SELECT m.athlete_id,
       m.as_of_date,
       CAST(quarter(m.birth_date) AS DOUBLE) AS birth_quarter,
       CAST(count(*) AS DOUBLE) AS played,
       sum(m.won) AS wins,
       CAST(count(*) FILTER (WHERE m.date > m.as_of_date - 365) AS DOUBLE) AS played_12m,
       CAST(count(m.opponent_rank) AS DOUBLE) AS played_vs_ranked,
       coalesce(sum(m.won) FILTER (WHERE m.opponent_rank IS NOT NULL), 0) AS wins_vs_ranked,
       CAST(count(*) FILTER (WHERE m.opponent_rank < coalesce(m.rank, 100000)) AS DOUBLE) AS played_vs_better,
       coalesce(sum(m.won) FILTER (WHERE m.opponent_rank < coalesce(m.rank, 100000)), 0) AS wins_vs_better,
       CAST(min(m.rank) AS DOUBLE) AS best_rank,
       CAST(min(m.rank) FILTER (WHERE m.date > m.as_of_date - 365) AS DOUBLE) AS best_rank_12m,
       CAST(min(m.rank) FILTER (WHERE m.date = l.date) AS DOUBLE) AS latest_rank,
       regr_slope(ln(m.rank), m.age_years) AS rank_slope,
       min(m.age_years) AS first_match_age,
       min(m.age_years) FILTER (WHERE m.rank IS NOT NULL) AS first_ranked_age,
       min(m.age_years) FILTER (WHERE m.tier IN ('tour', 'slam') AND m.round NOT LIKE 'Q%') AS first_tour_age,
       CAST(min(m.rank) FILTER (WHERE m.date <= m.as_of_date - 365) AS DOUBLE) AS best_rank_1y_before,
       CAST(min(m.rank) FILTER (WHERE m.date <= m.as_of_date - 730) AS DOUBLE) AS best_rank_2y_before,
       min(m.age_years) FILTER (WHERE m.rank <= 500) AS first_top500_age,
       min(m.age_years) FILTER (WHERE m.rank <= 200) AS first_top200_age,
       CAST(min(m.opponent_rank) FILTER (WHERE m.won = 1) AS DOUBLE) AS best_beaten_rank,
       coalesce(sum(m.won) FILTER (WHERE m.tier = 'challenger'), 0) AS wins_challenger,
       coalesce(sum(m.won) FILTER (WHERE m.tier IN ('tour', 'slam')), 0) AS wins_tour,
       CAST(any_value(coalesce(nt.n, 0)) AS DOUBLE) AS nation_top100,
       any_value(pe.n) AS peers,
       sum(m.games_won) AS games_won,
       sum(m.games_won + m.games_lost) AS games_played,
       coalesce(sum(m.games_won) FILTER (WHERE m.date > m.as_of_date - 365), 0) AS games_won_12m,
       coalesce(sum(m.games_won + m.games_lost) FILTER (WHERE m.date > m.as_of_date - 365), 0) AS games_played_12m,
       coalesce(sum(m.games_won) FILTER (WHERE m.opponent_rank IS NOT NULL), 0) AS games_won_vs_ranked,
       coalesce(sum(m.games_won + m.games_lost) FILTER (WHERE m.opponent_rank IS NOT NULL), 0) AS games_played_vs_ranked,
       avg(ln(coalesce(m.opponent_rank, 2500))) AS mean_log_opponent_rank,
       coalesce(sum(m.games_won) FILTER (WHERE m.opponent_rank < coalesce(m.rank, 100000)), 0) AS games_won_vs_better,
       coalesce(sum(m.games_won + m.games_lost) FILTER (WHERE m.opponent_rank < coalesce(m.rank, 100000)), 0) AS games_played_vs_better,
       coalesce(sum(m.games_won) FILTER (WHERE m.tier <> 'futures'), 0) AS games_won_high,
       coalesce(sum(m.games_won + m.games_lost) FILTER (WHERE m.tier <> 'futures'), 0) AS games_played_high,
       avg(CAST(m.tier = 'futures' AS DOUBLE)) AS share_futures,
       avg(CAST(m.tier = 'challenger' AS DOUBLE)) AS share_challenger,
       avg(CAST(m.tier = 'tour' AS DOUBLE)) AS share_tour,
       avg(CAST(m.tier = 'slam' AS DOUBLE)) AS share_slam
FROM m
LEFT JOIN last_ranked l ON l.athlete_id = m.athlete_id
JOIN peers pe ON pe.athlete_id = m.athlete_id
LEFT JOIN nation_top100 nt ON nt.nationality = m.nationality AND nt.year = year(m.as_of_date) - 1
GROUP BY m.athlete_id, m.as_of_date, m.birth_date
ORDER BY m.athlete_id
