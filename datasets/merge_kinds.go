package datasets

import "fmt"

// mergeResults upserts a staged results part. Validation already resolved
// athletes, ages, competitions and the natural key, and found duplicates.
func (ld *loader) mergeResults(sp *stagedPart, pr *PartReport) error {
	if err := ld.insertCompetitions(sp, sp.res); err != nil {
		return err
	}
	v := "v_" + sp.table
	if _, err := ld.exec(sp, fmt.Sprintf(`CREATE TEMP VIEW %s AS SELECT src_line, result_key, athlete_id, date, age_years,
		sport, discipline, sex_eff AS sex, mark, unit, lower_is_better, wind, round, place, competition_id, level, venue,
		$source AS source, source_ref FROM %s`, v, sp.table)); err != nil {
		return err
	}
	defer ld.exec(sp, "DROP VIEW IF EXISTS "+v)
	return ld.upsert(sp, upsert{target: "results", idCol: "result_id", key: []string{"result_key"},
		cols: []string{"athlete_id", "date", "age_years", "sport", "discipline", "sex", "mark", "unit", "lower_is_better",
			"wind", "round", "place", "competition_id", "level", "venue", "source", "source_ref"}}, v, pr)
}

// mergePhysio upserts a staged physiological tests part.
func (ld *loader) mergePhysio(sp *stagedPart, pr *PartReport) error {
	v := "v_" + sp.table
	if _, err := ld.exec(sp, fmt.Sprintf(`CREATE TEMP VIEW %s AS SELECT src_line, athlete_id, date, test, value, unit,
		$source AS source FROM %s`, v, sp.table)); err != nil {
		return err
	}
	defer ld.exec(sp, "DROP VIEW IF EXISTS "+v)
	return ld.upsert(sp, upsert{target: "physio_tests", key: []string{"athlete_id", "date", "test"},
		cols: []string{"value", "unit", "source"}}, v, pr)
}

func (ld *loader) mergeMatches(sp *stagedPart, pr *PartReport) error {
	n := "n_" + sp.table
	_, err := ld.exec(sp, fmt.Sprintf(`CREATE TEMP TABLE %s AS
		SELECT s.src_line, $source AS source, s.match_source_id AS source_id, s.sport, s.competition,
		       year(s.date) AS season, s.division, s.level, s.round, s.date, s.home, s.away,
		       ha.athlete_id AS home_athlete_id, aa.athlete_id AS away_athlete_id, s.home_rank, s.away_rank,
		       s.home_score, s.away_score, s.ht_home_score, s.ht_away_score, s.score, s.result, s.status,
		       s.referee, s.venue, s.home_athlete_source_id, s.away_athlete_source_id
		FROM %s s %s %s`, n, sp.table, joinAthleteAlias("ha", "home_athlete_source_id"), joinAthleteAlias("aa", "away_athlete_source_id")))
	if err != nil {
		return err
	}
	defer ld.exec(sp, "DROP TABLE IF EXISTS "+n)
	for _, side := range []string{"home", "away"} {
		col := side + "_athlete_source_id"
		if bad, err := ld.collect(sp, fmt.Sprintf(`SELECT src_line, '%s', %s FROM %s s WHERE s.%s IS NOT NULL AND s.%s_athlete_id IS NULL`,
			col, missingAthlete(col), n, col, side)); bad || err != nil {
			return err
		}
	}
	if bad, err := ld.duplicateCheck(sp, n, "source_id", "same match_source_id"); bad || err != nil {
		return err
	}
	if err := ld.mergeCompetitions(sp, n); err != nil {
		return err
	}
	c := "c_" + sp.table
	if _, err := ld.exec(sp, fmt.Sprintf(`CREATE TEMP TABLE %s AS SELECT n.*, x.competition_id FROM %s n
		LEFT JOIN competitions x ON x.sport = n.sport AND x.name = n.competition AND x.season = n.season`, c, n)); err != nil {
		return err
	}
	defer ld.exec(sp, "DROP TABLE IF EXISTS "+c)
	return ld.upsert(sp, upsert{target: "matches", idCol: "match_id", key: []string{"source", "source_id"},
		cols: []string{"sport", "competition_id", "division", "level", "round", "date", "home", "away", "home_athlete_id",
			"away_athlete_id", "home_rank", "away_rank", "home_score", "away_score", "ht_home_score", "ht_away_score",
			"score", "result", "status", "referee", "venue"}}, c, pr)
}

func (ld *loader) mergeOdds(sp *stagedPart, pr *PartReport) error {
	n := "n_" + sp.table
	_, err := ld.exec(sp, fmt.Sprintf(`CREATE TEMP TABLE %s AS
		SELECT s.src_line, m.match_id, s.match_source_id, s.bookmaker, s.market, s.selection, s.line, s.phase, s.captured_at, s.price
		FROM %s s LEFT JOIN matches m ON m.source = $source AND m.source_id = s.match_source_id`, n, sp.table))
	if err != nil {
		return err
	}
	defer ld.exec(sp, "DROP TABLE IF EXISTS "+n)
	if bad, err := ld.collect(sp, fmt.Sprintf(`SELECT src_line, 'match_source_id', 'no match ' || match_source_id || ' from source ' || $source ||
		' (load the matches first or in the same load)' FROM %s WHERE match_id IS NULL`, n)); bad || err != nil {
		return err
	}
	if bad, err := ld.duplicateCheck(sp, n, "match_id, bookmaker, market, selection, line, phase, captured_at",
		"same match, bookmaker, market, selection, line, phase and time"); bad || err != nil {
		return err
	}
	return ld.upsert(sp, upsert{target: "odds", key: []string{"match_id", "bookmaker", "market", "selection", "line", "phase", "captured_at"},
		cols: []string{"price"}}, n, pr)
}
