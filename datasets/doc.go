// Package datasets is Podium's store: the only package that talks to DuckDB.
//
// It owns the schema (versioned migrations in migrations/, applied on Open),
// validated all-or-nothing ingestion of athletes, results, physiological tests,
// matches and odds from CSV, NDJSON and Parquet (Ingest), identity resolution of
// athletes across sources, and the Arrow query path that the features package
// reads from (QueryArrow).
//
// Data flows one way: datasets → features → models → scoring → api.
package datasets
