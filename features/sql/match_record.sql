-- match_record: one row per athlete × sport with matches before the cut-off,
-- from the athlete's side of each match (individual sports: tennis, …).
SELECT athlete_id,
       sport,
       count(outcome) AS played,
       count(*) FILTER (WHERE outcome = 'W') AS wins,
       count(*) FILTER (WHERE outcome = 'D') AS draws,
       count(*) FILTER (WHERE outcome = 'L') AS losses,
       count(*) FILTER (WHERE outcome = 'W') / nullif(count(outcome), 0) AS win_rate,
       max(date) FILTER (WHERE outcome IS NOT NULL) AS last_date
FROM athlete_matches
GROUP BY athlete_id, sport
ORDER BY athlete_id, sport
