package datasets

import (
	"fmt"
	"strings"
)

// mergeResults settles a results part that sinkSQL already inserted with
// batch_id = this part's: it reports rows of the part that share a natural
// key, then resolves overlaps with earlier rows — an identical row is
// dropped (unchanged), a changed one updates the earlier row in place, so ids
// stay stable — and registers the competitions the part named first.
func (ld *loader) mergeResults(sp *stagedPart, pr *PartReport) error {
	dups, err := ld.count(sp, fmt.Sprintf(`SELECT count(*) FROM (SELECT result_key FROM results WHERE batch_id = %d
		GROUP BY result_key HAVING count(*) > 1)`, sp.batchID))
	if err != nil {
		return err
	}
	if dups > 0 {
		_, err := ld.collect(sp, fmt.Sprintf(`SELECT result_id - %[1]d, 'row', 'duplicate of line ' || (first - %[1]d) ||
			' (same source_ref, or same athlete, discipline, date, round and competition)'
			FROM (SELECT result_id, min(result_id) OVER (PARTITION BY result_key) AS first FROM results WHERE batch_id = %[2]d
			      AND result_key IN (SELECT result_key FROM results WHERE batch_id = %[2]d GROUP BY result_key HAVING count(*) > 1))
			WHERE result_id <> first`, sp.idBase, sp.batchID))
		return err
	}
	if err := ld.insertCompetitions(sp, sp.res); err != nil {
		return err
	}
	pr.Inserted = sp.rows
	if !sp.hadRows {
		return nil
	}
	ov := "ov_" + sp.table
	var diff, set []string
	for _, c := range resultCols[1:] {
		diff = append(diff, fmt.Sprintf("o.%s IS DISTINCT FROM n.%s", c, c))
		set = append(set, fmt.Sprintf("%s = n.%s", c, c))
	}
	if _, err := ld.exec(sp, fmt.Sprintf(`CREATE TEMP TABLE %s AS SELECT n.result_id AS new_id, o.result_id AS old_id, (%s) AS changed
		FROM results n JOIN results o ON o.result_key = n.result_key WHERE n.batch_id = %d AND o.batch_id <> %d`,
		ov, strings.Join(diff, " OR "), sp.batchID, sp.batchID)); err != nil {
		return err
	}
	defer ld.exec(sp, "DROP TABLE IF EXISTS "+ov)
	if pr.Updated, err = ld.exec(sp, fmt.Sprintf(`UPDATE results SET %s, batch_id = %d FROM %s v JOIN results n ON n.result_id = v.new_id
		WHERE results.result_id = v.old_id AND v.changed`, strings.Join(set, ", "), sp.batchID, ov)); err != nil {
		return err
	}
	matched, err := ld.exec(sp, fmt.Sprintf(`DELETE FROM results WHERE result_id IN (SELECT new_id FROM %s)`, ov))
	if err != nil {
		return err
	}
	pr.Inserted, pr.Unchanged = sp.rows-matched, matched-pr.Updated
	return nil
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

// mergeMatches upserts a staged matches part; validation resolved players
// and competitions and found duplicates.
func (ld *loader) mergeMatches(sp *stagedPart, pr *PartReport) error {
	if err := ld.insertCompetitions(sp, sp.res); err != nil {
		return err
	}
	v := "v_" + sp.table
	if _, err := ld.exec(sp, fmt.Sprintf(`CREATE TEMP VIEW %s AS SELECT src_line, $source AS source, match_source_id AS source_id,
		sport, competition_id, division, level, round, date, home, away, home_athlete_id, away_athlete_id, home_rank, away_rank,
		home_score, away_score, ht_home_score, ht_away_score, score, result, status, referee, venue FROM %s`, v, sp.table)); err != nil {
		return err
	}
	defer ld.exec(sp, "DROP VIEW IF EXISTS "+v)
	return ld.upsert(sp, upsert{target: "matches", idCol: "match_id", key: []string{"source", "source_id"},
		cols: []string{"sport", "competition_id", "division", "level", "round", "date", "home", "away", "home_athlete_id",
			"away_athlete_id", "home_rank", "away_rank", "home_score", "away_score", "ht_home_score", "ht_away_score",
			"score", "result", "status", "referee", "venue"}}, v, pr)
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
		cols: []string{"price"}, scope: "match_id"}, n, pr)
}
