package importers

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/podium-sport/podium/datasets"
)

// tennisMapping versions the tennis mapping: changing it reloads the files.
const tennisMapping = "tennis-atp/1"

// athletesHeader is the athletes contract as every importer fills it.
var athletesHeader = []string{"source_id", "name", "sex", "birth_date", "province", "nationality", "height_cm", "hand"}

var tennisMatchHeader = []string{"match_source_id", "sport", "competition", "date", "home", "away",
	"home_athlete_source_id", "away_athlete_source_id", "home_rank", "away_rank", "home_score", "away_score",
	"score", "result", "status", "division", "level", "round"}

// tennisLevels names the codes of tourney_level.
var tennisLevels = map[string]string{
	"G": "grand-slam", "M": "masters-1000", "A": "atp-tour", "F": "tour-finals", "D": "davis-cup",
	"O": "olympics", "C": "challenger", "S": "satellite-futures", "15": "itf-m15", "25": "itf-m25",
}

// tennisSeries maps a match file's name prefix to its division; the longest
// prefix is tried first.
var tennisSeries = []struct{ prefix, division string }{
	{"atp_matches_qual_chall_", "qual-chall"},
	{"atp_matches_futures_", "futures"},
	{"atp_matches_", "tour"},
}

// Plausible athlete heights, as the athletes contract bounds height_cm.
const minHeightCm, maxHeightCm = 50, 250

func importTennis(ctx context.Context, st Ingester, dir string, s *Summary, progress func(int64)) error {
	players, err := sourceFiles(dir, "atp_players")
	if err != nil {
		return err
	}
	if len(players) != 1 {
		return fmt.Errorf("importers: tennis-atp: want one atp_players.csv.gz in %s, found %d", dir, len(players))
	}
	matches, err := sourceFiles(dir, "atp_matches_*")
	if err != nil {
		return err
	}
	if len(matches) == 0 {
		return fmt.Errorf("importers: tennis-atp: no atp_matches_*.csv.gz in %s", dir)
	}
	s.Files = 1 + len(matches)
	// One load per file, the players first: one load for all files held
	// 3 GB and took longer (see MAPPING.md).
	m := &tennisMapper{sum: s}
	if err := s.loadFile(ctx, st, datasets.KindAthletes, players[0], tennisMapping, athletesHeader, m.bindPlayers, progress); err != nil {
		return err
	}
	for _, f := range matches {
		division, err := tennisDivision(f)
		if err != nil {
			return err
		}
		if err := s.loadFile(ctx, st, datasets.KindMatches, f, tennisMapping, tennisMatchHeader, m.bindMatches(division), progress); err != nil {
			return err
		}
	}
	return nil
}

// newPart is a part of kind over one source file, mapped by bind.
func newPart(kind datasets.Kind, source, path, mapping string, header []string, bind bindFunc) (datasets.Part, error) {
	sum, err := digest(mapping, path)
	if err != nil {
		return datasets.Part{}, err
	}
	return datasets.Part{Kind: kind, Source: source, File: path, SHA256: sum, Rows: newTable(path, header, bind)}, nil
}

func tennisDivision(path string) (string, error) {
	name := stem(path)
	for _, s := range tennisSeries {
		if rest, ok := strings.CutPrefix(name, s.prefix); ok && len(rest) == 4 && digits(rest) {
			return s.division, nil
		}
	}
	return "", fmt.Errorf("importers: tennis-atp: %s is not atp_matches[_qual_chall|_futures]_YYYY", path)
}

// tennisMapper maps the ATP files, noting what it had to change in sum.
type tennisMapper struct{ sum *Summary }

func invalid(file string, line int64, field, reason string) error {
	return &datasets.ValidationError{File: file, Line: line, Field: field, Reason: reason}
}

func (m *tennisMapper) bindPlayers(file string, header []string) (fillFunc, error) {
	c, err := columns(file, header, "player_id", "name_first", "name_last", "hand", "dob", "ioc", "height")
	if err != nil {
		return nil, err
	}
	return func(rec []string, line int64, emit emitFunc) error {
		id := field(rec, c["player_id"])
		if id == "" {
			return invalid(file, line, "player_id", "empty")
		}
		name := strings.TrimSpace(field(rec, c["name_first"]) + " " + field(rec, c["name_last"]))
		if datasets.NameKey(name) == "" {
			m.sum.note(file, line, "name", name, `no name: named "ATP player <player_id>"`)
			name = "ATP player " + id
		}
		emit(line, id, name, "M", m.birthDate(file, line, field(rec, c["dob"])), "",
			m.nationality(file, line, field(rec, c["ioc"])), m.height(file, line, field(rec, c["height"])),
			m.hand(file, line, field(rec, c["hand"])))
		return nil
	}, nil
}

// birthDate turns dob (YYYYMMDD) into YYYY-MM-DD; what the store cannot
// take is noted and left empty (unknown).
func (m *tennisMapper) birthDate(file string, line int64, dob string) string {
	if dob == "" {
		return ""
	}
	iso, ok := isoFromYYYYMMDD(dob)
	switch {
	case !ok:
		m.sum.note(file, line, "dob", dob, "not a YYYYMMDD date: birth date left empty")
	case strings.Contains(iso[4:], "-00"):
		m.sum.note(file, line, "dob", dob, "month or day unknown (00): birth date left empty")
	default:
		if _, err := datasets.ParseDate(iso); err != nil {
			m.sum.note(file, line, "dob", dob, "birth date refused by the store ("+err.Error()+"): left empty")
			return ""
		}
		return iso
	}
	return ""
}

// isoFromYYYYMMDD rewrites 8 digits YYYYMMDD as YYYY-MM-DD (not checking the
// calendar; "00" month or day is kept).
func isoFromYYYYMMDD(s string) (string, bool) {
	if len(s) != 8 || !digits(s) {
		return "", false
	}
	return s[:4] + "-" + s[4:6] + "-" + s[6:], true
}

func (m *tennisMapper) nationality(file string, line int64, ioc string) string {
	if ioc == "" || countryCode(ioc) {
		return ioc
	}
	m.sum.note(file, line, "ioc", ioc, "not a 3-letter country code: nationality left empty")
	return ""
}

// countryCode reports whether s is three capital letters A–Z (IOC or ISO).
func countryCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func (m *tennisMapper) height(file string, line int64, h string) string {
	if h == "" {
		return ""
	}
	cm, err := strconv.ParseFloat(h, 64)
	if err != nil || cm < minHeightCm || cm > maxHeightCm {
		m.sum.note(file, line, "height", h, "not a height of 50–250 cm: height left empty")
		return ""
	}
	return h
}

func (m *tennisMapper) hand(file string, line int64, h string) string {
	switch h {
	case "", "R", "L", "A", "U":
		return h
	}
	m.sum.note(file, line, "hand", h, "not R, L, A or U: hand left empty")
	return ""
}

func (m *tennisMapper) bindMatches(division string) bindFunc {
	return func(file string, header []string) (fillFunc, error) {
		c, err := columns(file, header, "tourney_id", "tourney_name", "tourney_level", "tourney_date", "match_num",
			"winner_id", "winner_name", "loser_id", "loser_name", "score", "round", "winner_rank", "loser_rank")
		if err != nil {
			return nil, err
		}
		return func(rec []string, line int64, emit emitFunc) error {
			return m.match(file, division, c, rec, line, emit)
		}, nil
	}
}

func (m *tennisMapper) match(file, division string, c map[string]int, rec []string, line int64, emit emitFunc) error {
	get := func(name string) string { return field(rec, c[name]) }
	tid, num := get("tourney_id"), get("match_num")
	if tid == "" || num == "" {
		return invalid(file, line, "tourney_id/match_num", "empty: the match has no id")
	}
	date, ok := isoFromYYYYMMDD(get("tourney_date"))
	if !ok {
		return invalid(file, line, "tourney_date", fmt.Sprintf("%q is not YYYYMMDD", get("tourney_date")))
	}
	home, away := get("winner_name"), get("loser_name")
	if datasets.NameKey(home) == datasets.NameKey(away) {
		m.sum.skip(file, line, "winner_name/loser_name", home+" v "+away,
			"winner and loser are the same (ids "+get("winner_id")+", "+get("loser_id")+"): the store needs two sides")
		return nil
	}
	sc := decodeScore(get("score"))
	if isBye(away) && sc.text == "" {
		sc.status = statusWalkover // a bye: the winner went through without an opponent
	}
	if sc.text != "" && !sc.sets && sc.status == statusCompleted {
		m.sum.note(file, line, "score", sc.text, "no readable sets with the winner ahead: home_score/away_score left empty")
	}
	result, hs, as := "H", "", ""
	if sc.status == statusAbandoned {
		result = "" // the contract gives no result to a match that did not finish
	}
	if sc.sets {
		hs, as = strconv.Itoa(sc.home), strconv.Itoa(sc.away)
	}
	level := get("tourney_level")
	if name, ok := tennisLevels[level]; ok {
		level = name
	}
	emit(line, tid+"-"+num, "tennis", get("tourney_name"), date, home, away, get("winner_id"), get("loser_id"),
		m.rank(file, line, "winner_rank", get("winner_rank")), m.rank(file, line, "loser_rank", get("loser_rank")),
		hs, as, sc.text, result, sc.status, division, level, get("round"))
	return nil
}

// isBye reports whether a player name is the draw's placeholder "Bye1", "Bye2"….
func isBye(name string) bool {
	rest, ok := strings.CutPrefix(name, "Bye")
	return ok && (rest == "" || digits(rest))
}

func (m *tennisMapper) rank(file string, line int64, col, v string) string {
	if v == "" {
		return ""
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 1 {
		return v
	}
	m.sum.note(file, line, col, v, "not a ranking (whole number ≥ 1): left empty")
	return ""
}
