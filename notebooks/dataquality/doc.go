// Command dataquality writes the data-quality report of a Podium store
// (report.html beside this file): rows per table and what each source's
// ingest batches loaded; NULL values per column of the observed tables, per
// source; duplicate-identity candidates (datasets.Store.DuplicateCandidates)
// counted by the sources of the two athletes and the reason, with the most
// similar pairs; results per season and discipline; and birth dates by month
// per source against the share of days (January heaping is a sign of invented
// birth dates).
//
// The committed report is of a store with the ATP players and matches, the
// FFN swimmers, the football-data files and 5,000 simulated athletes (seed 1):
// 29.5 % of the athletes (nearly all ATP players) lack a birth date, 94 %
// a height; the
// football-data odds lack a capture time for 98 % of the prices; 919
// duplicate candidates, 894 of them between ATP ids.
//
//	go run ./notebooks/dataquality --db podium.duckdb --out report.html
package main
