-- athlete_profile: one row per athlete seen before the cut-off.
-- relative_age places the birth date within its calendar (selection) year:
-- (day of year - 1) / days in the year, 0 for 1 January, just under 1 for 31 December.
WITH per_athlete AS (
    SELECT athlete_id,
           count(*) AS n_results,
           count(DISTINCT discipline) AS n_disciplines,
           string_agg(DISTINCT discipline, ',' ORDER BY discipline) AS disciplines
    FROM results
    GROUP BY athlete_id
)
SELECT a.athlete_id,
       a.sex,
       a.birth_date,
       a.province,
       a.as_of_date,
       a.as_of_age AS age_years,
       quarter(a.birth_date) AS birth_quarter,
       (dayofyear(a.birth_date) - 1) / CAST(dayofyear(make_date(year(a.birth_date), 12, 31)) AS DOUBLE) AS relative_age,
       coalesce(p.n_results, 0) AS n_results,
       coalesce(p.n_disciplines, 0) AS n_disciplines,
       coalesce(p.disciplines, '') AS disciplines
FROM athletes a
LEFT JOIN per_athlete p ON p.athlete_id = a.athlete_id
ORDER BY a.athlete_id
