package datasets

import "fmt"

// Kind names what a file holds; each kind has a column contract (Contracts).
type Kind string

// The kinds of data Podium ingests.
const (
	KindAthletes Kind = "athletes"
	KindResults  Kind = "results"
	KindPhysio   Kind = "physio"
	KindMatches  Kind = "matches"
	KindOdds     Kind = "odds"
)

// Kinds lists every kind in load order: a batch loads athletes before the
// results, tests and matches that reference them, and matches before odds.
var Kinds = []Kind{KindAthletes, KindResults, KindPhysio, KindMatches, KindOdds}

// ParseKind checks that s names a kind.
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, nil
		}
	}
	return "", fmt.Errorf("datasets: unknown kind %q (want athletes, results, physio, matches or odds)", s)
}

// Column is one column of a kind's contract.
type Column struct {
	Name     string
	Required bool   // the column must be present and every value non-empty
	Doc      string // format and meaning, shown by `podium ingest --help` and the README
}

// Contracts is the column contract of each kind. Columns are matched by
// header name (case-insensitive); unknown columns are an error so that a
// misspelt optional column is never silently dropped.
var Contracts = map[Kind][]Column{
	KindAthletes: {
		{"source_id", true, "the feed's own athlete id"},
		{"name", true, "full name, UTF-8; stored NFC-normalised"},
		{"sex", true, "M or F (also male/female, nam/nữ)"},
		{"birth_date", false, "YYYY-MM-DD; the column is required, an empty value means unknown"},
		{"province", false, "province or state; the column is required, may be empty for foreign athletes"},
		{"nationality", false, "IOC or ISO 3-letter country code"},
		{"height_cm", false, "adult or latest standing height, 50–250"},
		{"hand", false, "R, L, A (ambidextrous) or U (unknown), tennis"},
	},
	KindResults: {
		{"athlete_source_id", true, "source_id of an athlete of the same source, loaded before or in the same batch"},
		{"date", false, "YYYY-MM-DD; empty only when age is given"},
		{"age", false, "exact age at the result in years (for feeds that give only ages)"},
		{"sport", true, "athletics, swimming, …"},
		{"discipline", true, "event name, e.g. 100m, 100m-freestyle, long-jump"},
		{"mark", true, "number > 0 in unit; times may be written m:ss.xx or h:mm:ss"},
		{"unit", true, "s, m, cm, kg or pts"},
		{"lower_is_better", false, "true/false; default true for s, false otherwise"},
		{"sex", false, "M or F; default the athlete's"},
		{"wind", false, "m/s, −20 … 20"},
		{"round", false, "heat, semi, final, h1, …"},
		{"place", false, "integer ≥ 1"},
		{"competition", false, "competition name"},
		{"level", false, "international, national, provincial, school, …"},
		{"venue", false, "venue or city"},
		{"source_ref", false, "the feed's own id for this result; the natural key when given"},
	},
	KindPhysio: {
		{"athlete_source_id", true, "source_id of an athlete of the same source"},
		{"date", true, "YYYY-MM-DD"},
		{"test", true, "test code, see PhysioTests"},
		{"value", true, "number in the test's unit"},
		{"unit", true, "the test's unit, see PhysioTests"},
	},
	KindMatches: {
		{"match_source_id", true, "the feed's own match id; natural key with the source"},
		{"sport", true, "football, tennis, …"},
		{"competition", true, "league, division or tournament"},
		{"date", true, "YYYY-MM-DD"},
		{"home", true, "home team, or first player (the winner in tennis feeds)"},
		{"away", true, "away team or second player"},
		{"home_athlete_source_id", false, "for individual sports: source_id of the athlete"},
		{"away_athlete_source_id", false, "for individual sports: source_id of the athlete"},
		{"home_rank", false, "ranking of side A on the match date"},
		{"away_rank", false, "ranking of side B on the match date"},
		{"home_score", false, "goals or sets won by side A"},
		{"away_score", false, "goals or sets won by side B"},
		{"ht_home_score", false, "half-time score of side A"},
		{"ht_away_score", false, "half-time score of side B"},
		{"score", false, "score as text, e.g. 6-4 3-6 7-6(5)"},
		{"result", false, "H, D or A; required when status is completed"},
		{"status", false, "completed (default), retired, walkover, abandoned, scheduled"},
		{"division", false, "division code"},
		{"level", false, "competition level"},
		{"round", false, "round"},
		{"referee", false, "referee name"},
		{"venue", false, "venue"},
	},
	KindOdds: {
		{"match_source_id", true, "match_source_id of a match of the same source, loaded before or in the same batch"},
		{"bookmaker", true, "bookmaker name"},
		{"market", true, "1x2, ou (over/under) or ah (Asian handicap)"},
		{"selection", true, "home, draw, away (1x2, ah) or over, under (ou)"},
		{"price", true, "decimal odds > 1.0"},
		{"phase", true, "opening, pre-match, closing or live"},
		{"line", false, "handicap or total for ou and ah; empty for 1x2"},
		{"captured_at", false, "RFC 3339 time or YYYY-MM-DD HH:MM:SS when the price was taken"},
	},
}

// PhysioTest describes a physiological test code: its unit and the range of
// plausible values (outside it a row is rejected as a data error).
type PhysioTest struct {
	Code     string
	Unit     string
	Min, Max float64
	Doc      string
}

// PhysioTests are the physiological test codes Podium knows.
var PhysioTests = []PhysioTest{
	{"height", "cm", 80, 230, "standing height"},
	{"sitting_height", "cm", 40, 130, "sitting height"},
	{"body_mass", "kg", 15, 200, "body mass"},
	{"cmj", "cm", 5, 90, "countermovement jump height"},
	{"sprint_30m", "s", 3.3, 9, "30 m sprint time"},
	{"shuttle_run", "level", 1, 21, "20 m multistage shuttle run level"},
	{"vo2max", "ml/kg/min", 20, 95, "VO2max estimate"},
	{"grip", "kg", 3, 100, "handgrip strength, best hand"},
	{"hgb", "g/L", 80, 220, "haemoglobin concentration"},
	{"ret_pct", "%", 0.05, 5, "reticulocyte percentage"},
}

// Row is one decoded source row. Fields are aligned with the Rows' header and
// are only valid until the next call of Next.
type Row struct {
	Line   int64 // line in the file (1 = header for CSV), or record number
	Fields []string
}

// Rows is a stream of decoded rows in one kind's column contract: the file
// decoders (CSV, NDJSON, Parquet), the public-data importers and the simulator
// all produce it. Next returns io.EOF after the last row.
type Rows interface {
	Header() []string
	Next() (Row, error)
}

// Part is one file, or one stream, of a load.
type Part struct {
	Kind   Kind
	Source string // feed name, e.g. "vn-hanoi", "atp", "sim"; scopes source ids
	File   string // name used in error messages and provenance
	SHA256 string // hex digest of the content; the same kind+source+digest again is a no-op
	Rows   Rows
}
