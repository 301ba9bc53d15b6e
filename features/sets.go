package features

// Progression is the level and trend of each athlete's marks per discipline:
// the input of trajectory models and of the performance-jump detector.
var Progression = Set{
	Name:    "progression",
	Version: 1,
	Doc:     "per athlete × discipline: count, best, mean, sd, OLS slope per year of age, last mark, age at best",
	SQL:     mustSQL("progression"),
	Columns: []Column{
		{"athlete_id", "int64", "athlete"},
		{"sport", "utf8", "sport"},
		{"discipline", "utf8", "event name"},
		{"unit", "utf8", "unit of every mark in the row: s, m, cm, kg or pts"},
		{"lower_is_better", "bool", "true for times: the best mark is the smallest"},
		{"n", "int64", "number of results"},
		{"best", "float64", "best mark in unit: the minimum when lower_is_better, else the maximum"},
		{"mean", "float64", "mean mark in unit"},
		{"sd", "float64", "sample standard deviation of the marks in unit; NULL when n = 1"},
		{"slope_per_year", "float64", "OLS slope of mark on age, unit per year; NULL with fewer than two distinct known ages"},
		{"last_mark", "float64", "mark of the latest result"},
		{"last_age", "float64", "age at the latest result, years; NULL when unknown"},
		{"age_at_best", "float64", "age at the first occurrence of the best mark, years; NULL when unknown"},
	},
}

// PhysioLatest is each athlete's latest value of each physiological test.
var PhysioLatest = Set{
	Name:    "physio_latest",
	Version: 1,
	Doc:     "per athlete × physio test: the latest value before the cut-off, with its date and the age then",
	SQL:     mustSQL("physio_latest"),
	Columns: []Column{
		{"athlete_id", "int64", "athlete"},
		{"test", "utf8", "test code, see datasets.PhysioTests"},
		{"unit", "utf8", "unit of value"},
		{"value", "float64", "latest value in unit (the mean of that day's values when tested more than once)"},
		{"date", "date32", "date of the latest test"},
		{"age_years", "float64", "age at the latest test, years; NULL when the birth date is unknown"},
		{"n", "int64", "number of tests of this code before the cut-off"},
	},
}

// AthleteProfile describes each athlete seen before the cut-off, with the
// relative-age measures used to correct selection bias.
var AthleteProfile = Set{
	Name:    "athlete_profile",
	Version: 1,
	Doc:     "per athlete: sex, birth date, province, age at the cut-off, birth quarter, relative age, results and disciplines",
	SQL:     mustSQL("athlete_profile"),
	Columns: []Column{
		{"athlete_id", "int64", "athlete"},
		{"sex", "utf8", "M or F"},
		{"birth_date", "date32", "NULL when unknown"},
		{"province", "utf8", "NULL when unknown or foreign"},
		{"as_of_date", "date32", "the athlete's last day before the cut-off; NULL for an age cut-off without a birth date"},
		{"age_years", "float64", "age at the cut-off, years; NULL for a date cut-off without a birth date"},
		{"birth_quarter", "int64", "quarter of the calendar year of birth, 1–4; NULL when the birth date is unknown"},
		{"relative_age", "float64", "(day of year of birth − 1) / days in that year: 0 on 1 January, → 1 on 31 December"},
		{"n_results", "int64", "number of results"},
		{"n_disciplines", "int64", "number of distinct disciplines"},
		{"disciplines", "utf8", "the disciplines, sorted, comma-separated; empty when none"},
	},
}

// MatchRecord is each athlete's win-loss record in individual-sport matches.
var MatchRecord = Set{
	Name:    "match_record",
	Version: 1,
	Doc:     "per athlete × sport: matches played, wins, draws, losses, win rate, last match date",
	SQL:     mustSQL("match_record"),
	Columns: []Column{
		{"athlete_id", "int64", "athlete"},
		{"sport", "utf8", "sport"},
		{"played", "int64", "matches with a result"},
		{"wins", "int64", "matches won"},
		{"draws", "int64", "matches drawn"},
		{"losses", "int64", "matches lost"},
		{"win_rate", "float64", "wins / played; NULL when none was played"},
		{"last_date", "date32", "date of the latest match with a result; NULL when none"},
	},
}

// ResultMarks is every result with a known age, with the season, birth year and
// relative age that age-standardised scores (models/centile) and trajectory
// models (models/trajectory) read.
var ResultMarks = Set{
	Name:    "result_marks",
	Version: 1,
	Doc:     "per result with a known age: athlete, event, mark, exact age, season, birth year, relative age, level",
	SQL:     mustSQL("result_marks"),
	Columns: []Column{
		{"result_id", "int64", "result"},
		{"athlete_id", "int64", "athlete"},
		{"sport", "utf8", "sport"},
		{"discipline", "utf8", "event name"},
		{"sex", "utf8", "M or F"},
		{"unit", "utf8", "unit of mark"},
		{"lower_is_better", "bool", "true for times"},
		{"mark", "float64", "the mark in unit"},
		{"age_years", "float64", "exact age at the result, years"},
		{"date", "date32", "date of the result; NULL when the feed gives only the age"},
		{"season", "int64", "calendar year of the result (from the date, else birth date + age); NULL when neither is known"},
		{"birth_year", "int64", "calendar year of birth; NULL when unknown"},
		{"relative_age", "float64", "(day of year of birth − 1) / days in that year; NULL when the birth date is unknown"},
		{"level", "utf8", "competition level; NULL when not given"},
		{"round", "utf8", "round (heat, final, …); NULL when not given"},
	},
}
