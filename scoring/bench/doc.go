// Package bench is Podium's performance harness (podium bench): it builds a
// simulated database of N results and measures, in one run, on the same
// machine and the same data, each hot path next to its baseline.
//
// Cases (each a Case with rows, seconds, rows/s and peak resident memory):
//
//   - simulate: the seeded simulator writing N results (≈ N/10 athletes) through
//     validated ingestion;
//   - ingest: a CSV export of those results (and their athletes) loaded into a
//     fresh database by the same validated, all-or-nothing path as
//     `podium ingest`;
//   - features-arrow: the progression feature set through features.Compute,
//     DuckDB's result read as Arrow record batches;
//   - duckdb-alone: the same SQL run by DuckDB with every output column reduced
//     to one row (nothing but that row leaves DuckDB): the floor;
//   - sql-scan: the same SQL read row by row through database/sql;
//   - pandas: the same aggregates computed by pandas (Debian python3-pandas)
//     from a CSV file of the same rows; only the computation is timed
//     (the script times itself after loading, median of three runs), which
//     is fair to pandas;
//   - further cases registered by the model packages' wiring (training and
//     cohort scoring).
//
// Timed cases run once untimed to warm DuckDB's buffers and the OS cache, then
// three times; the median is reported. Peak memory is the process's peak
// resident set during the case: the kernel's high-water mark (VmHWM) is reset
// before each case by writing 5 to /proc/self/clear_refs, and the Go heap is
// returned to the OS first; for the pandas child it is the child's maxrss.
// The Ratios put each path against its baseline from the same run, so the
// figures hold on any machine; absolute seconds belong to the machine.
package bench
