// Package features computes named, versioned feature sets from the store as of
// a cut-off and delivers them as Arrow record batches.
//
// It sits between datasets and models in Podium's one-way flow
// (datasets → features → models → scoring → api): a Set is a DuckDB SELECT,
// Compute runs it through a Source (satisfied by *datasets.Store) and returns
// the result as an array.RecordReader straight from DuckDB's Arrow interface,
// with no row-by-row scanning. Write and WriteFile turn the batches into
// Parquet, Arrow IPC or CSV files.
//
//	rr, err := features.Compute(ctx, store, features.Progression, features.AsOfAge(18))
//	if err != nil { ... }
//	defer rr.Release()
//	for rr.Next() { rec := rr.Record(); ... }
//
// # Cut-offs and look-ahead
//
// Every set is computed as of a Cutoff and never reads a row after it. A
// Cutoff is either a date (AsOfDate: everything known by the end of that day)
// or an age (AsOfAge: for each athlete, everything before he or she reached
// that age, e.g. before the 18th birthday). The value is bound as a query
// parameter.
//
// Look-ahead is impossible by construction: Compute prefixes the set's SQL
// with common table expressions that filter each source table once to the
// cut-off, and these carry the base tables' names (athletes, results,
// physio_tests, matches) plus athlete_matches, so that a set's "FROM results"
// reads the filtered view. Before a set runs, its SQL is parsed by DuckDB
// (json_serialize_sql) and rejected with ErrUnsafeSet unless every table it
// reads is one of those views or a CTE of its own; schema- or
// catalog-qualified names (main.results), file scans, table functions other
// than range/unnest, macros defined in the database, query parameters and
// clock or random functions are all refused, so the output depends only on
// the data before the cut-off.
//
// The rules that decide what is "before" the cut-off:
//
//   - Ages are in years of 365.25 days from the birth date, as in datasets.
//   - Date cut-off D: dated rows count when date ≤ D. A result with no date
//     (feeds that give only the age) counts only when the athlete's birth date
//     is known and the day it could have happened at the latest,
//     birth_date + ⌈age_years × 365.25⌉ days, is ≤ D; without a birth date it
//     is left out, since nothing says when it happened.
//   - Age cut-off A: a row counts when the athlete is younger than A at it.
//     An athlete's cut-off day is the A-th birthday on the calendar (for a
//     fractional A, the birthday of the whole years plus the fraction × 365.25
//     days, rounded up; a 29 February birthday falls on 28 February), or day
//     ⌈A × 365.25⌉ after birth when that is earlier, so that every dated row
//     before it also has an age below A. Dated rows of athletes with a birth
//     date count when dated before the cut-off day; results with no date, or
//     of an athlete with no birth date, when their age_years < A; rows whose
//     age is unknown are left out.
//   - An athlete appears in the athletes view only with at least one result,
//     physio test or match before the cut-off, so athletes first seen later
//     stay invisible. The athletes view omits height_cm ("adult or latest"
//     height, a value from the future for a young athlete).
//   - Matches under an age cut-off: athlete_matches keeps each side's row
//     before that athlete's cut-off; the whole-match view keeps a match only
//     when it has an athlete side and is before the cut-off of every athlete
//     in it (team matches have no age and are left out).
//
// The cut-off is on event time (the date of the result, test or match), not
// on when the row was loaded: the store keeps no history of corrections, so a
// result corrected after the cut-off is read in its corrected form, and the
// athlete's attributes (sex, birth date, province) are their current values.
//
// # Reproducibility
//
// Sets order their output fully, and Write cuts Parquet row groups by row
// count rather than at DuckDB's batch boundaries (which vary with parallel
// execution), so the same rows give the same Parquet and CSV bytes. Two
// caveats: Arrow IPC files copy DuckDB's batches as they come, including the
// uninitialised value slots under NULLs; and on large inputs DuckDB sums in
// parallel, so means, standard deviations and slopes may differ between runs
// in the last bits (about 1e-15 relative).
//
// # Sets
//
// Sets lists the registered sets (progression, physio_latest,
// athlete_profile, match_record); Lookup finds one by name. Each Set documents
// its output Columns, and Compute checks the result's schema against them so
// the documentation cannot drift. A set's Version is bumped whenever its
// output changes meaning; a golden test fails when the SQL changes without it.
package features
