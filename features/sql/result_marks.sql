-- result_marks: one row per result with a known age before the cut-off, with
-- what age standardisation needs: exact age, season, birth year and the
-- relative age within the selection (calendar) year of birth.
SELECT r.result_id,
       r.athlete_id,
       r.sport,
       r.discipline,
       r.sex,
       r.unit,
       r.lower_is_better,
       r.mark,
       r.age_years,
       r.date,
       CAST(coalesce(year(r.date), year(a.birth_date + CAST(round(r.age_years * 365.25) AS INTEGER))) AS BIGINT) AS season,
       CAST(year(a.birth_date) AS BIGINT) AS birth_year,
       (dayofyear(a.birth_date) - 1) / CAST(dayofyear(make_date(year(a.birth_date), 12, 31)) AS DOUBLE) AS relative_age,
       r.level,
       nullif(r.round, '') AS round
FROM results r
JOIN athletes a ON a.athlete_id = r.athlete_id
WHERE r.age_years IS NOT NULL
ORDER BY r.athlete_id, r.sport, r.discipline, r.age_years, r.result_id
