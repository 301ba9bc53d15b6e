-- physio_latest: one row per athlete × test, the latest result before the
-- cut-off (the mean when a test was taken more than once that day).
WITH dated AS (
    SELECT athlete_id, test, unit, date, age_years, value,
           max(date) OVER (PARTITION BY athlete_id, test, unit) AS last_date,
           count(*) OVER (PARTITION BY athlete_id, test, unit) AS n
    FROM physio_tests
)
SELECT athlete_id, test, unit, avg(value) AS value, date, min(age_years) AS age_years, min(n) AS n
FROM dated
WHERE date = last_date
GROUP BY athlete_id, test, unit, date
ORDER BY athlete_id, test, unit
