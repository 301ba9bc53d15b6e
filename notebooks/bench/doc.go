// Command bench charts how Podium's hot paths scale with the size of the
// data. It reads one or more `podium bench --json` outputs (scoring/bench:
// one simulated database of N results per run, each case timed as the median
// of three runs after a warm-up, with the process's peak RSS) and draws each
// case's seconds and peak RSS against N on log-log axes, with the growth
// exponent between the smallest and the largest run, ln(y₂/y₁) / ln(N₂/N₁):
// 1 is linear growth, 0 a constant.
//
// # Measured (testdata: 10⁵ and 10⁶ results, 2 CPUs shared with other jobs)
//
// From 108,301 to 1,085,250 results: simulate 3.75 → 17.4 s, ingest 2.13 →
// 11.7 s, features-arrow 0.116 → 1.24 s (exponent 1.0), duckdb-alone 0.60 →
// 0.94 s, sql-scan 0.16 → 0.60 s, pandas 0.40 → 2.0 s; peak RSS 110–280 MB
// at 10⁵ and 270–560 MB at 10⁶ (memory exponents 0.26–0.6: bounded,
// streaming). The 10⁷ run did not finish in 10 minutes on the loaded machine
// (tried twice: stopped in the ingest case, then in duckdb-alone), so it is
// not in testdata.
package main
