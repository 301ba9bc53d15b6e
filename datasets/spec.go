package datasets

import (
	"strings"

	"github.com/apache/arrow/go/v17/arrow"
)

// ftype is how a contract column's text is parsed and staged.
type ftype int

const (
	tText      ftype = iota // cleaned, NFC-normalised text
	tDate                   // YYYY-MM-DD → date32
	tTimestamp              // RFC 3339 → timestamp[us]
	tNumber                 // finite float64 within [min, max]
	tInt                    // integer within [min, max]
	tMark                   // number or m:ss.xx time → float64
	tSex                    // M or F
	tBool                   // true/false
	tEnum                   // one of enum's keys, stored as its value
	tInt64                  // derived ids
	tBlob                   // derived binary keys
)

// fieldSpec says how to parse one contract column.
type fieldSpec struct {
	name     string
	typ      ftype
	min, max float64
	enum     map[string]string
}

func (f fieldSpec) arrowType() arrow.DataType {
	switch f.typ {
	case tDate:
		return arrow.FixedWidthTypes.Date32
	case tTimestamp:
		return &arrow.TimestampType{Unit: arrow.Microsecond}
	case tNumber, tMark:
		return arrow.PrimitiveTypes.Float64
	case tInt:
		return arrow.PrimitiveTypes.Int32
	case tBool:
		return arrow.FixedWidthTypes.Boolean
	case tInt64:
		return arrow.PrimitiveTypes.Int64
	case tBlob:
		return arrow.BinaryTypes.Binary
	}
	return arrow.BinaryTypes.String
}

func enumOf(pairs ...string) map[string]string {
	m := map[string]string{}
	for i := 0; i < len(pairs); i += 2 {
		for _, k := range strings.Split(pairs[i], "|") {
			m[k] = pairs[i+1]
		}
	}
	return m
}

// Units a result mark may be in.
var resultUnits = enumOf("s|sec|seconds", "s", "m|metres|meters", "m", "cm", "cm", "kg", "kg", "pts|points", "pts")

var (
	enumMarket    = enumOf("1x2|1X2|h2h|match", "1x2", "ou|OU|over/under|totals", "ou", "ah|AH|asian-handicap|handicap", "ah")
	enumSelection = enumOf("home|h|H|1", "home", "draw|d|D|x|X", "draw", "away|a|A|2", "away", "over|o|O", "over", "under|u|U", "under")
	enumPhase     = enumOf("opening|open", "opening", "pre-match|prematch|pre_match", "pre-match", "closing|close", "closing", "live|in-play", "live")
	enumStatus    = enumOf("completed|played|ft", "completed", "retired|ret", "retired", "walkover|w/o|wo", "walkover",
		"abandoned", "abandoned", "scheduled", "scheduled", "postponed", "postponed", "cancelled|canceled", "cancelled")
	enumResult = enumOf("H|h|home", "H", "D|d|draw", "D", "A|a|away", "A")
	enumHand   = enumOf("R|r", "R", "L|l", "L", "A|a", "A", "U|u", "U")
)

// specs is how each kind's contract columns are parsed. Order and names
// match Contracts; TestSpecsMatchContracts checks that.
var specs = map[Kind][]fieldSpec{
	KindAthletes: {
		{name: "source_id"}, {name: "name"}, {name: "sex", typ: tSex},
		{name: "birth_date", typ: tDate}, {name: "province"}, {name: "nationality"},
		{name: "height_cm", typ: tNumber, min: 50, max: 250}, {name: "hand", typ: tEnum, enum: enumHand},
	},
	KindResults: {
		{name: "athlete_source_id"}, {name: "date", typ: tDate}, {name: "age", typ: tNumber, min: 4, max: 100},
		{name: "sport"}, {name: "discipline"}, {name: "mark", typ: tMark, min: 0, max: 1e7},
		{name: "unit", typ: tEnum, enum: resultUnits}, {name: "lower_is_better", typ: tBool}, {name: "sex", typ: tSex},
		{name: "wind", typ: tNumber, min: -20, max: 20}, {name: "round"}, {name: "place", typ: tInt, min: 1, max: 100000},
		{name: "competition"}, {name: "level"}, {name: "venue"}, {name: "source_ref"},
	},
	KindPhysio: {
		{name: "athlete_source_id"}, {name: "date", typ: tDate}, {name: "test"},
		{name: "value", typ: tNumber, min: -1e9, max: 1e9}, {name: "unit"},
	},
	KindMatches: {
		{name: "match_source_id"}, {name: "sport"}, {name: "competition"}, {name: "date", typ: tDate},
		{name: "home"}, {name: "away"}, {name: "home_athlete_source_id"}, {name: "away_athlete_source_id"},
		{name: "home_rank", typ: tInt, min: 1, max: 100000}, {name: "away_rank", typ: tInt, min: 1, max: 100000},
		{name: "home_score", typ: tInt, min: 0, max: 1000}, {name: "away_score", typ: tInt, min: 0, max: 1000},
		{name: "ht_home_score", typ: tInt, min: 0, max: 1000}, {name: "ht_away_score", typ: tInt, min: 0, max: 1000},
		{name: "score"}, {name: "result", typ: tEnum, enum: enumResult}, {name: "status", typ: tEnum, enum: enumStatus},
		{name: "division"}, {name: "level"}, {name: "round"}, {name: "referee"}, {name: "venue"},
	},
	KindOdds: {
		{name: "match_source_id"}, {name: "bookmaker"}, {name: "market", typ: tEnum, enum: enumMarket},
		{name: "selection", typ: tEnum, enum: enumSelection}, {name: "price", typ: tNumber, min: -1e9, max: 1e9},
		{name: "phase", typ: tEnum, enum: enumPhase}, {name: "line", typ: tNumber, min: -100, max: 1000},
		{name: "captured_at", typ: tTimestamp},
	},
}

// derived are staging columns that row checks compute, after the contract's.
var derived = map[Kind][]fieldSpec{
	KindAthletes: {{name: "name_key"}},
	KindResults: {{name: "athlete_id", typ: tInt64}, {name: "age_years", typ: tNumber}, {name: "sex_eff"},
		{name: "competition_id", typ: tInt64}, {name: "result_key", typ: tBlob}},
	KindPhysio:  {{name: "athlete_id", typ: tInt64}},
	KindMatches: {{name: "home_athlete_id", typ: tInt64}, {name: "away_athlete_id", typ: tInt64}, {name: "competition_id", typ: tInt64}},
}

// stagingSchema is src_line, then the kind's contract columns, then derived ones.
func stagingSchema(k Kind) *arrow.Schema {
	fields := []arrow.Field{{Name: "src_line", Type: arrow.PrimitiveTypes.Int64}}
	for _, f := range specs[k] {
		fields = append(fields, arrow.Field{Name: f.name, Type: f.arrowType(), Nullable: true})
	}
	for _, f := range derived[k] {
		fields = append(fields, arrow.Field{Name: f.name, Type: f.arrowType(), Nullable: true})
	}
	return arrow.NewSchema(fields, nil)
}
