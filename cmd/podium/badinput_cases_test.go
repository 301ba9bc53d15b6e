package main

// badCase is one input of testdata/bad and the problem it must raise.
type badCase struct {
	file   string // under testdata/bad: a file, or an import/ folder
	kind   string // --kind of podium ingest, or import:DATASET for podium import of the folder
	in     string // for a folder: the file the problem is in
	line   int64  // 0: a whole-file problem
	field  string
	reason string // part of the reason
	breaks string // what the input breaks, for the README
	// bug, while set, is a finding: the input is accepted ("accepted: …") or
	// the error is unclear. The case is skipped while it fails.
	bug string
}

// badCases: every good row comes first so that the line numbers are checked
// (line 1 is the header, the bad row is line 3 unless said otherwise).
var badCases = []badCase{
	// athletes: headers and encodings
	{file: "athletes_wrong_header.csv", kind: "athletes", line: 1, field: "id", reason: "unknown column for kind athletes", breaks: "header from another system (id, full_name, gender, dob)"},
	{file: "athletes_missing_birth_date_column.csv", kind: "athletes", line: 1, field: "birth_date", reason: "required column is missing", breaks: "no birth_date column"},
	{file: "athletes_duplicate_column.csv", kind: "athletes", line: 1, field: "name", reason: "column appears twice", breaks: "column name twice in the header"},
	{file: "athletes_semicolon.csv", kind: "athletes", line: 1, field: "source_id;name;sex;birth_date;province", reason: "unknown column", breaks: "semicolon-separated (European spreadsheet export)"},
	{file: "athletes_utf16.csv", kind: "athletes", line: 1, field: "header", reason: "UTF-16", breaks: "saved as UTF-16 with a byte-order mark",
		bug: "unclear: 22 'unknown column' problems whose names are UTF-16 bytes; the decoder (datasets/decode.go newCSVRows) should detect the UTF-16 BOM and say 're-save as UTF-8'"},
	{file: "athletes_empty.csv", kind: "athletes", line: 1, field: "header", reason: "empty file", breaks: "zero bytes"},
	{file: "athletes_latin1.csv", kind: "athletes", line: 3, field: "name", reason: "not valid UTF-8", breaks: "Latin-1 bytes (\\xe1, \\xe0, \\xf4) in name and province"},
	{file: "athletes_nul_byte.csv", kind: "athletes", line: 3, field: "name", reason: "contains a control character", breaks: "NUL byte inside a name"},
	{file: "athletes_escape_sequence.csv", kind: "athletes", line: 3, field: "name", reason: "contains a control character", breaks: "ANSI escape sequence (ESC[31m) in a name: terminal injection"},
	{file: "athletes_c1_control.csv", kind: "athletes", line: 3, field: "name", reason: "control character", breaks: "C1 control U+009B (CSI, an escape sequence on some terminals) in a name",
		bug: "accepted: datasets.CleanText (datasets/parse.go) refuses ASCII controls only; U+0080–U+009F pass"},
	{file: "athletes_bidi_override.csv", kind: "athletes", line: 3, field: "name", reason: "control character", breaks: "right-to-left override U+202E: the name displays reversed (spoofing)",
		bug: "accepted: CleanText lets bidirectional controls (U+202A–U+202E, U+2066–U+2069) through; the console shows the name reversed"},
	{file: "athletes_huge_name.csv", kind: "athletes", line: 3, field: "name", reason: "longer than 500 bytes", breaks: "10 000-byte name"},
	{file: "athletes_formula_injection.csv", kind: "athletes", line: 3, field: "name", reason: "formula", breaks: `name =HYPERLINK("http://evil.example/","Trang"): spreadsheet formula injection`,
		bug: "accepted: stored as is; the console and scoring/live CSV exports defuse it (csvSafe), but features --out (features/write.go) writes it raw, where a spreadsheet runs it; datasets.CleanText (datasets/parse.go) should refuse a leading = + - @ in names or every CSV writer should defuse it"},
	{file: "athletes_extra_field.csv", kind: "athletes", line: 3, field: "row", reason: "has 6 fields, the header has 5", breaks: "row longer than the header"},
	{file: "athletes_unclosed_quote.csv", kind: "athletes", line: 4, field: "csv", reason: `extraneous or missing "`, breaks: "quote opened on line 3 and never closed"},
	{file: "athletes_bare_quote.csv", kind: "athletes", line: 3, field: "csv", reason: `bare " in non-quoted-field`, breaks: "quote inside an unquoted field"},
	// athletes: values
	{file: "athletes_bad_date.csv", kind: "athletes", line: 3, field: "birth_date", reason: "not a valid calendar date", breaks: "birth date 2008-02-30"},
	{file: "athletes_date_dmy.csv", kind: "athletes", line: 3, field: "birth_date", reason: "not a date in YYYY-MM-DD form", breaks: "birth date written 14/03/2008"},
	{file: "athletes_future_birth.csv", kind: "athletes", line: 3, field: "birth_date", reason: "is in the future", breaks: "born 2099-01-01"},
	{file: "athletes_under_three.csv", kind: "athletes", line: 3, field: "birth_date", reason: "under 3 years old", breaks: "born 2026-06-01, under 3 on 2026-11-24"},
	{file: "athletes_birth_1700s.csv", kind: "athletes", line: 3, field: "birth_date", reason: "year before 1800", breaks: "born 1750-01-01"},
	{file: "athletes_bad_sex.csv", kind: "athletes", line: 3, field: "sex", reason: "sex must be M or F", breaks: "sex X"},
	{file: "athletes_height_out_of_range.csv", kind: "athletes", line: 3, field: "height_cm", reason: "out of range 50 … 250", breaks: "height 1620 cm (mm typed as cm)"},
	{file: "athletes_name_no_letters.csv", kind: "athletes", line: 3, field: "name", reason: "has no letters", breaks: "name ---"},
	{file: "athletes_missing_name.csv", kind: "athletes", line: 3, field: "name", reason: "required value is empty", breaks: "empty name"},
	{file: "athletes_duplicate_source_id.csv", kind: "athletes", line: 3, field: "row", reason: "duplicate of line 2 (same source_id)", breaks: "source_id x1 twice with different names"},
	{file: "athletes_contradicts_seed.csv", kind: "athletes", line: 2, field: "birth_date", reason: "contradicts batch 1", breaks: "a1 again with another birth date than the seed's"},
	{file: "athletes_bad_date.parquet", kind: "athletes", line: 2, field: "birth_date", reason: "not a date in YYYY-MM-DD form", breaks: "Parquet: birth date as text 14/03/2008 in row 2"},

	// results: values
	{file: "results_negative_mark.csv", kind: "results", line: 3, field: "mark", reason: "out of range 0", breaks: "mark -12.8"},
	{file: "results_zero_mark.csv", kind: "results", line: 3, field: "mark", reason: "must be positive", breaks: "mark 0"},
	{file: "results_huge_mark.csv", kind: "results", line: 3, field: "mark", reason: "out of range", breaks: "mark 1e8"},
	{file: "results_nan_mark.csv", kind: "results", line: 3, field: "mark", reason: "not a finite number", breaks: "mark NaN"},
	{file: "results_inf_mark.csv", kind: "results", line: 3, field: "mark", reason: "not a finite number", breaks: "mark Inf"},
	{file: "results_hex_mark.csv", kind: "results", line: 3, field: "mark", reason: "not a number", breaks: "mark 0x1.9p3 (a Go hex float, 12.5)",
		bug: "accepted as 12.5: datasets.ParseNumber uses strconv.ParseFloat, which takes hex floats (and underscores after a base prefix); it should accept decimal only"},
	{file: "results_decimal_comma.csv", kind: "results", line: 3, field: "mark", reason: "not a number", breaks: "decimal comma \"12,8\""},
	{file: "results_mark_with_unit.csv", kind: "results", line: 3, field: "mark", reason: "not a number", breaks: "unit typed into the mark: 12.8s"},
	{file: "results_sixty_seconds.csv", kind: "results", line: 3, field: "mark", reason: "must be below 60", breaks: "time 1:60.00"},
	{file: "results_unknown_unit.csv", kind: "results", line: 3, field: "unit", reason: "not one of cm, kg, m, pts, s", breaks: "unit ft"},
	{file: "results_mixed_units.csv", kind: "results", line: 3, field: "unit", reason: "100m", breaks: "athletics 100m in s on line 2 and in m on line 3",
		bug: "accepted: nothing ties a discipline to one unit, so 11.95 m and 11.90 s of the same 100m both load and mix in every feature; datasets (checks.go resultCheck) needs a discipline → unit table or a check against the unit already stored"},
	{file: "results_clock_time_in_metres.csv", kind: "results", line: 3, field: "mark", reason: "unit", breaks: "long-jump mark 1:02.30 (a clock time) with unit m",
		bug: "accepted as 62.3 m: datasets.ParseMark reads m:ss for any unit; a mark with a colon should require unit s"},
	{file: "results_unknown_sport.csv", kind: "results", line: 3, field: "sport", reason: "unknown sport", breaks: "sport quidditch",
		bug: "accepted: sport is free text in the results contract (datasets/contract.go, checks.go); a typo (athletic, swiming) makes a new sport that no feature set or model reads"},
	{file: "results_bad_date.csv", kind: "results", line: 3, field: "date", reason: "not a valid calendar date", breaks: "date 2023-13-01"},
	{file: "results_future_date.csv", kind: "results", line: 3, field: "date", reason: "2099-06-01 is in the future", breaks: "date 2099-06-01"},
	{file: "results_before_birth.csv", kind: "results", line: 3, field: "date", reason: "would be -1.6 years old", breaks: "a2 (born 2009-01-02) competing on 2007-06-01"},
	{file: "results_age_two.csv", kind: "results", line: 3, field: "date", reason: "would be 2.0 years old", breaks: "a2 competing at age 2"},
	{file: "results_age_150.csv", kind: "results", line: 3, field: "age", reason: "out of range 4 … 100", breaks: "age 150 (age-only feed)"},
	{file: "results_no_date_no_age.csv", kind: "results", line: 3, field: "date", reason: "either date or age is required", breaks: "neither date nor age"},
	{file: "results_unknown_athlete.csv", kind: "results", line: 3, field: "athlete_source_id", reason: "no athlete zz9 from this source", breaks: "athlete zz9 never loaded"},
	{file: "results_sex_mismatch.csv", kind: "results", line: 3, field: "sex", reason: "M, but the athlete is recorded as F", breaks: "a2 (F) in a men's result"},
	{file: "results_wind_out_of_range.csv", kind: "results", line: 3, field: "wind", reason: "out of range -20 … 20", breaks: "wind 25 m/s"},
	{file: "results_place_text.csv", kind: "results", line: 3, field: "place", reason: "not a whole number", breaks: "place 1st"},
	{file: "results_bad_bool.csv", kind: "results", line: 3, field: "lower_is_better", reason: "not true or false", breaks: "lower_is_better maybe"},
	{file: "results_missing_sport.csv", kind: "results", line: 3, field: "sport", reason: "required value is empty", breaks: "empty sport"},
	{file: "results_missing_mark_column.csv", kind: "results", line: 1, field: "mark", reason: "required column is missing", breaks: "no mark column"},
	{file: "results_duplicate_rows.csv", kind: "results", line: 3, field: "row", reason: "duplicate of line 2", breaks: "the same result twice"},
	// results: files
	{file: "results_truncated.csv.gz", kind: "results", field: "gzip", reason: "truncated", breaks: "gzip stream cut in the middle",
		bug: "exit 1 and 'datasets: read …: unexpected EOF' with no line or field: decode.go does not turn the gzip reader's io.ErrUnexpectedEOF into a ValidationError"},
	{file: "results_not_gzip.csv.gz", kind: "results", field: "gzip", reason: "invalid header", breaks: "plain CSV named .gz"},
	{file: "results.xlsx", kind: "results", field: "format", reason: "unknown format", breaks: "an Excel file",
		bug: "exit 1 (tool failure) and no field: datasets.FormatOf returns a plain error; a bad file name is bad input (exit 3) or usage (exit 2)"},
	{file: "results_not_json.ndjson", kind: "results", line: 2, field: "json", reason: "not a JSON object", breaks: "YAML-like line in NDJSON"},
	{file: "results_unknown_key.ndjson", kind: "results", line: 2, field: "colour", reason: "unknown field for this kind", breaks: "key colour"},
	{file: "results_duplicate_key.ndjson", kind: "results", line: 2, field: "mark", reason: "twice", breaks: `"mark":-12.8 and "mark":12.8 in one object`,
		bug: "accepted: ndjsonRows.decode (datasets/decode.go) decodes into a map, so the last of two equal keys wins silently"},
	{file: "results_nested.ndjson", kind: "results", line: 2, field: "mark", reason: "nested objects and arrays are not accepted", breaks: `mark {"value":12.8}`},
	{file: "results_wrong_type.ndjson", kind: "results", line: 2, field: "date", reason: "not a date in YYYY-MM-DD form", breaks: "date as the number 20230601"},
	{file: "results_two_objects.ndjson", kind: "results", line: 1, field: "json", reason: "more than one JSON value on the line", breaks: "two objects on line 1"},
	{file: "results_array.ndjson", kind: "results", line: 2, field: "json", reason: "not a JSON object", breaks: "a JSON array instead of an object"},
	{file: "results_latin1.ndjson", kind: "results", line: 2, field: "json", reason: "not valid UTF-8", breaks: "Latin-1 bytes in a venue"},
	{file: "results_null_required.ndjson", kind: "results", line: 2, field: "sport", reason: "required value is empty", breaks: "sport null"},
	{file: "results_wrong_header.parquet", kind: "results", line: 1, field: "athlete", reason: "unknown column for kind results", breaks: "Parquet: columns athlete, when"},
	{file: "results_negative_mark.parquet", kind: "results", line: 2, field: "mark", reason: "out of range 0", breaks: "Parquet: mark -12.8 in row 2"},
	{file: "results_struct_mark.parquet", kind: "results", line: 1, field: "mark", reason: "not a time", breaks: "Parquet: mark is a struct {value, unit}"},
	{file: "results_truncated.parquet", kind: "results", field: "parquet", reason: "truncated", breaks: "Parquet file cut in half"},
	{file: "results_not_parquet.parquet", kind: "results", field: "parquet", reason: "not a Parquet file", breaks: "a CSV file named .parquet"},

	// physio
	{file: "physio_unknown_test.csv", kind: "physio", line: 3, field: "test", reason: `unknown test code "bench_press"`, breaks: "test bench_press"},
	{file: "physio_wrong_unit.csv", kind: "physio", line: 3, field: "unit", reason: "test height is measured in cm", breaks: "height 1.62 m (metres, not cm)"},
	{file: "physio_out_of_range.csv", kind: "physio", line: 3, field: "value", reason: "outside the plausible range 80 … 220 for hgb", breaks: "haemoglobin 500 g/L"},
	{file: "physio_duplicate.csv", kind: "physio", line: 3, field: "row", reason: "duplicate of line 2 (same athlete, date and test)", breaks: "two heights for a1 on one day"},
	{file: "physio_before_birth.csv", kind: "physio", line: 3, field: "date", reason: "would be -3.6 years old", breaks: "a2 measured before birth"},
	{file: "physio_future_date.csv", kind: "physio", line: 3, field: "date", reason: "is in the future", breaks: "test dated 2099"},

	// matches
	{file: "matches_same_sides.csv", kind: "matches", line: 3, field: "away", reason: "same side as home", breaks: "Hà Nội FC v HA NOI FC"},
	{file: "matches_result_mismatch.csv", kind: "matches", line: 3, field: "result", reason: "A does not match the score 2-1", breaks: "2-1 with result A"},
	{file: "matches_no_result.csv", kind: "matches", line: 3, field: "result", reason: "required when status is completed", breaks: "completed match without result"},
	{file: "matches_future_played.csv", kind: "matches", line: 3, field: "date", reason: "is in the future", breaks: "completed match dated 2099"},
	{file: "matches_duplicate_id.csv", kind: "matches", line: 3, field: "row", reason: "duplicate of line 2 (same match_source_id)", breaks: "match m2 twice"},
	{file: "matches_negative_score.csv", kind: "matches", line: 3, field: "home_score", reason: "out of range 0 … 1000", breaks: "score -1"},
	{file: "matches_bad_status.csv", kind: "matches", line: 3, field: "status", reason: `"finished": not one of`, breaks: "status finished"},
	{file: "matches_unknown_player.csv", kind: "matches", line: 2, field: "away_athlete_source_id", reason: "no athlete zz9 from this source", breaks: "tennis match against an athlete never loaded"},

	// odds
	{file: "odds_price_below_one.csv", kind: "odds", line: 3, field: "price", reason: "must be above 1.0", breaks: "decimal odds 0.95"},
	{file: "odds_unknown_match.csv", kind: "odds", line: 3, field: "match_source_id", reason: "no match m99 from source hn", breaks: "odds for a match never loaded"},
	{file: "odds_ou_without_line.csv", kind: "odds", line: 3, field: "line", reason: "required for market ou", breaks: "over/under without a line"},
	{file: "odds_bad_selection.csv", kind: "odds", line: 3, field: "selection", reason: "over is not a selection of market 1x2", breaks: "1x2 market, selection over"},
	{file: "odds_bad_market.csv", kind: "odds", line: 3, field: "market", reason: `"corners": not one of 1x2, ah, ou`, breaks: "market corners"},
	{file: "odds_duplicate.csv", kind: "odds", line: 3, field: "row", reason: "duplicate of line 2", breaks: "the same price key twice"},
	{file: "odds_future_capture.csv", kind: "odds", line: 3, field: "captured_at", reason: "is in the future", breaks: "captured 2099-03-02"},
	{file: "odds_bad_timestamp.csv", kind: "odds", line: 3, field: "captured_at", reason: "not a time in RFC 3339", breaks: "captured_at yesterday"},

	// podium import of public data
	{file: "import/swimming_negative_time", kind: "import:swimming", in: "swimmers.csv", line: 3, field: "mark", reason: "out of range 0", breaks: "FFN swimmers file with a time of -56.2 s"},
	{file: "import/swimming_wrong_header", kind: "import:swimming", in: "swimmers.csv", line: 1, field: "Performance", reason: "missing", breaks: "FFN swimmers file with columns Time, Sex",
		bug: "exit 1 and no line or field: importers.columns (datasets/importers/source.go) returns a plain error"},
	{file: "import/tennis_players_wrong_header", kind: "import:tennis-atp", in: "atp_players.csv", line: 1, field: "player_id", reason: "missing", breaks: "atp_players.csv with renamed columns",
		bug: "exit 1, no line or field, and the path twice ('datasets: ingest X: importers: X: column \"player_id\" is missing')"},
	{file: "import/tennis_matches_truncated_row", kind: "import:tennis-atp", in: "atp_matches_2019.csv", line: 3, field: "row", reason: "fields", breaks: "a match row cut after 60 characters",
		bug: "accepted in part: the players file is its own load and commits although the import then says 'rejected, nothing loaded' (import's help promises one load per dataset); and unclear: the cut row is reported as 'away: required value is empty' since the importers' CSV reader allows any field count (FieldsPerRecord = -1, for football-data)"},
}
