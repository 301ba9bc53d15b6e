package datasets

import (
	"context"
	"fmt"
)

// mergeAthletes loads a staged athletes part with identity resolution:
//
//   - a known (source, source_id) updates its athlete; a different birth date
//     or sex for it is a contradiction, reported and not merged;
//   - a new source id joins the existing athlete with the same name key
//     (no diacritics, any case), birth date and sex, when that athlete is
//     known to other sources only: two ids of one source are that source's
//     word that they are two people (Vietnamese names are so concentrated
//     that about 4 % of a million youths share name, birth date and sex with
//     someone), so such pairs are listed as candidates instead;
//   - otherwise a new athlete is created.
//
// Rows without a birth date are never merged by name alone: `podium athletes
// duplicates` lists them as candidates for a person to decide.
func (ld *loader) mergeAthletes(sp *stagedPart, pr *PartReport) error {
	n := "n_" + sp.table
	_, err := ld.exec(sp, fmt.Sprintf(`CREATE TEMP TABLE %s AS
		SELECT s.*, al.athlete_id AS known_id, al.birth_date AS known_birth, al.sex AS known_sex, al.batch_id AS known_batch
		FROM %s s LEFT JOIN athlete_aliases al ON al.source = $source AND al.source_id = s.source_id`, n, sp.table))
	if err != nil {
		return err
	}
	defer ld.exec(sp, "DROP TABLE IF EXISTS "+n)
	if bad, err := ld.duplicateCheck(sp, n, "source_id", "same source_id"); bad || err != nil {
		return err
	}
	if bad, err := ld.collect(sp, fmt.Sprintf(`SELECT src_line, CASE WHEN known_sex <> sex THEN 'sex' ELSE 'birth_date' END,
		'contradicts batch ' || known_batch || ': source ' || $source || ' id ' || source_id || ' is recorded as ' ||
		CASE WHEN known_sex <> sex THEN 'sex ' || known_sex ELSE 'born ' || known_birth END ||
		'; not merged: correct the source or the earlier record'
		FROM %s WHERE known_id IS NOT NULL AND (known_sex <> sex OR known_birth <> birth_date)`, n)); bad || err != nil {
		return err
	}
	r := "r_" + sp.table
	// Resolve: known alias, else an existing athlete with the same identity,
	// else a new id shared by the load's rows of one identity.
	if _, err := ld.exec(sp, fmt.Sprintf(`CREATE TEMP TABLE %[1]s AS
		WITH m AS (
			SELECT n.*, coalesce(n.known_id, e.athlete_id) AS found_id
			FROM %[2]s n LEFT JOIN (
				SELECT name_key, birth_date, sex, min(athlete_id) AS athlete_id FROM athletes a
				WHERE birth_date IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM athlete_aliases z WHERE z.athlete_id = a.athlete_id AND z.source = $source)
				GROUP BY name_key, birth_date, sex) e
			ON n.known_id IS NULL AND e.name_key = n.name_key AND e.birth_date = n.birth_date AND e.sex = n.sex),
		k AS (
			SELECT m.*, coalesce(m.found_id, (SELECT coalesce(max(athlete_id), 0) FROM athletes)
			                     + row_number() OVER (PARTITION BY m.found_id IS NULL ORDER BY m.src_line)) AS athlete_id
			FROM m)
		SELECT k.*, k.found_id IS NULL AS is_new,
		       row_number() OVER (PARTITION BY k.athlete_id ORDER BY k.src_line DESC) AS latest
		FROM k`, r, n)); err != nil {
		return err
	}
	defer ld.exec(sp, "DROP TABLE IF EXISTS "+r)
	// Existing athletes: the latest row of the load for each fills what is
	// unknown, and its province, nationality, height and hand win; the name
	// changes only to the same name with more diacritics, or when the same
	// source corrects its own record.
	changed, err := ld.exec(sp, fmt.Sprintf(`UPDATE athletes SET
		name = CASE WHEN r.known_id IS NOT NULL OR (r.name_key = athletes.name_key AND strlen(r.name) > strlen(athletes.name))
		            THEN r.name ELSE athletes.name END,
		name_key = CASE WHEN r.known_id IS NOT NULL THEN r.name_key ELSE athletes.name_key END,
		birth_date = coalesce(athletes.birth_date, r.birth_date),
		province = coalesce(r.province, athletes.province), nationality = coalesce(r.nationality, athletes.nationality),
		height_cm = coalesce(r.height_cm, athletes.height_cm), hand = coalesce(r.hand, athletes.hand), batch_id = %d
		FROM %s r WHERE r.athlete_id = athletes.athlete_id AND NOT r.is_new AND r.latest = 1 AND (
		  (r.known_id IS NOT NULL AND r.name IS DISTINCT FROM athletes.name)
		  OR (r.name_key = athletes.name_key AND strlen(r.name) > strlen(athletes.name))
		  OR (athletes.birth_date IS NULL AND r.birth_date IS NOT NULL)
		  OR athletes.province IS DISTINCT FROM coalesce(r.province, athletes.province)
		  OR athletes.nationality IS DISTINCT FROM coalesce(r.nationality, athletes.nationality)
		  OR athletes.height_cm IS DISTINCT FROM coalesce(r.height_cm, athletes.height_cm)
		  OR athletes.hand IS DISTINCT FROM coalesce(r.hand, athletes.hand))`, sp.batchID, r))
	if err != nil {
		return err
	}
	if _, err := ld.exec(sp, fmt.Sprintf(`INSERT INTO athletes (athlete_id, name, name_key, sex, birth_date, province, nationality, height_cm, hand, batch_id)
		SELECT athlete_id, name, name_key, sex, birth_date, province, nationality, height_cm, hand, %d FROM %s WHERE is_new AND latest = 1`, sp.batchID, r)); err != nil {
		return err
	}
	aliasChanged, err := ld.exec(sp, fmt.Sprintf(`UPDATE athlete_aliases SET name = r.name, birth_date = coalesce(r.birth_date, athlete_aliases.birth_date), batch_id = %d
		FROM %s r WHERE athlete_aliases.source = $source AND athlete_aliases.source_id = r.source_id AND r.known_id IS NOT NULL
		AND (athlete_aliases.name <> r.name OR (athlete_aliases.birth_date IS NULL AND r.birth_date IS NOT NULL))`, sp.batchID, r))
	if err != nil {
		return err
	}
	if pr.Inserted, err = ld.exec(sp, fmt.Sprintf(`INSERT INTO athlete_aliases (source, source_id, athlete_id, name, birth_date, sex, batch_id)
		SELECT $source, source_id, athlete_id, name, birth_date, sex, %d FROM %s WHERE known_id IS NULL`, sp.batchID, r)); err != nil {
		return err
	}
	known, err := ld.count(sp, fmt.Sprintf(`SELECT count(*) FROM %s WHERE known_id IS NOT NULL`, r))
	if err != nil {
		return err
	}
	pr.Updated = min(known, max(changed, aliasChanged))
	pr.Unchanged = known - pr.Updated
	return nil
}

// DuplicateCandidate is a pair of athletes that may be one person.
type DuplicateCandidate struct {
	A          AthleteRef `json:"a"`
	B          AthleteRef `json:"b"`
	Reason     string     `json:"reason"`
	Similarity float64    `json:"similarity"`
}

// AthleteRef names an athlete in a candidate pair.
type AthleteRef struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	Sex       string `json:"sex"`
	BirthDate string `json:"birth_date"`
	Province  string `json:"province"`
	Sources   string `json:"sources"`
}

// DuplicateCandidates lists athlete pairs that identity resolution did not
// merge but that may be one person: the same name key, birth date and sex
// (two ids of one source); the same name key and sex with one birth date
// unknown or with day and month swapped; or the same birth date, sex,
// family and given name with another or no middle name. When both athletes
// have results they must share an event. Vietnamese full names are so
// concentrated that looser rules (same name and birth year, or string
// similarity) mostly list namesakes; TestDuplicateIdentitiesAgainstPlantedTruth
// measures this against planted duplicates.
func (s *Store) DuplicateCandidates(ctx context.Context, limit int) ([]DuplicateCandidate, error) {
	rows, err := s.db.QueryContext(ctx, `
		WITH a AS (
			SELECT a.*, string_split(a.name_key, ' ') AS tokens,
			       (SELECT string_agg(source || ':' || source_id, ', ' ORDER BY source, source_id)
			        FROM athlete_aliases x WHERE x.athlete_id = a.athlete_id) AS sources
			FROM athletes a),
		disc AS (SELECT DISTINCT athlete_id, sport, discipline FROM results),
		pairs AS (
			SELECT x.athlete_id AS ida, y.athlete_id AS idb, 1.0 AS sim,
			       CASE WHEN x.birth_date IS NULL OR y.birth_date IS NULL THEN 'same name, one birth date unknown'
			            ELSE 'same name, day and month swapped' END AS reason
			FROM a x JOIN a y ON x.name_key = y.name_key AND x.sex = y.sex AND x.athlete_id < y.athlete_id
			WHERE x.birth_date IS NULL OR y.birth_date IS NULL
			   OR (month(x.birth_date) = day(y.birth_date) AND day(x.birth_date) = month(y.birth_date) AND year(x.birth_date) = year(y.birth_date))
			UNION ALL
			SELECT x.athlete_id, y.athlete_id, 1.0, 'same name, birth date and sex: two ids of one source'
			FROM a x JOIN a y ON x.name_key = y.name_key AND x.birth_date = y.birth_date AND x.sex = y.sex AND x.athlete_id < y.athlete_id
			UNION ALL
			SELECT x.athlete_id, y.athlete_id, jaro_winkler_similarity(x.name_key, y.name_key), 'same birth date, middle name differs'
			FROM a x JOIN a y ON x.birth_date = y.birth_date AND x.sex = y.sex AND x.athlete_id < y.athlete_id
			 AND x.tokens[1] = y.tokens[1] AND x.tokens[-1] = y.tokens[-1]
			WHERE x.name_key <> y.name_key),
		evidence AS (
			-- Namesakes are common: when both compete, they must share an event.
			SELECT p.* FROM pairs p
			WHERE NOT EXISTS (SELECT 1 FROM disc WHERE athlete_id = p.ida)
			   OR NOT EXISTS (SELECT 1 FROM disc WHERE athlete_id = p.idb)
			   OR EXISTS (SELECT 1 FROM disc d1 JOIN disc d2 USING (sport, discipline) WHERE d1.athlete_id = p.ida AND d2.athlete_id = p.idb))
		SELECT p.reason, p.sim,
		       x.athlete_id, x.name, x.sex, coalesce(x.birth_date::VARCHAR, ''), coalesce(x.province, ''), coalesce(x.sources, ''),
		       y.athlete_id, y.name, y.sex, coalesce(y.birth_date::VARCHAR, ''), coalesce(y.province, ''), coalesce(y.sources, '')
		FROM evidence p JOIN a x ON x.athlete_id = p.ida JOIN a y ON y.athlete_id = p.idb
		ORDER BY p.sim DESC, x.athlete_id, y.athlete_id LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("datasets: duplicate candidates: %w", err)
	}
	defer rows.Close()
	var out []DuplicateCandidate
	for rows.Next() {
		var c DuplicateCandidate
		if err := rows.Scan(&c.Reason, &c.Similarity,
			&c.A.ID, &c.A.Name, &c.A.Sex, &c.A.BirthDate, &c.A.Province, &c.A.Sources,
			&c.B.ID, &c.B.Name, &c.B.Sex, &c.B.BirthDate, &c.B.Province, &c.B.Sources); err != nil {
			return nil, fmt.Errorf("datasets: duplicate candidates: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
