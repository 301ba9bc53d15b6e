-- progression: one row per athlete × sport × discipline (× unit and direction),
-- the level and the trend of the athlete's marks before the cut-off.
-- "Latest" orders by age, then date, then result_id; ties on the best mark go
-- to its first occurrence.
SELECT
    athlete_id,
    sport,
    discipline,
    unit,
    lower_is_better,
    count(*) AS n,
    CASE WHEN lower_is_better THEN min(mark) ELSE max(mark) END AS best,
    avg(mark) AS mean,
    stddev_samp(mark) AS sd,
    regr_slope(mark, age_years) AS slope_per_year,
    first(mark ORDER BY age_years DESC NULLS LAST, date DESC NULLS LAST, result_id DESC) AS last_mark,
    max(age_years) AS last_age, -- the age of the latest result, by the order above
    first(age_years ORDER BY CASE WHEN lower_is_better THEN mark ELSE -mark END,
                             age_years NULLS LAST, date NULLS LAST, result_id) AS age_at_best
FROM results
GROUP BY athlete_id, sport, discipline, unit, lower_is_better
ORDER BY athlete_id, sport, discipline, unit, lower_is_better
