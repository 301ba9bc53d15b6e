// Command bench charts how Podium's hot paths scale with the size of the
// data. It reads one or more `podium bench --json` outputs (scoring/bench:
// one simulated database of N results per run, each case timed as the median
// of three runs after a warm-up, with the process's peak RSS) and draws each
// case's seconds and peak RSS against N on log-log axes, with the growth
// exponent between the smallest and the largest run, ln(y₂/y₁) / ln(N₂/N₁):
// 1 is linear growth, 0 a constant.
//
// # Measured (testdata: 10⁵, 10⁶ and 10⁷ results, 2 idle CPUs)
//
// Idle 2-core machine, 10⁵ → 10⁶ → 10⁷ results (108,301 → 1,085,250 →
// 10,865,227 feature input rows): ingest 0.55 → 3.7 → 35.2 s (216k → 322k
// → 338k rows/s); features-arrow 0.04 → 0.22 → 2.79 s, 1.11 / 1.11 / 1.09×
// DuckDB alone; database/sql scan 1.22 / 1.32 / 1.23× Arrow; pandas
// (computation only) 3.9 / 7.5 / 11.3× slower than Podium; retrain-talent
// 5.4 → 17.2 → 71.6 s (10k → 100k → 1M athletes), peak 0.23 → 1.5 → 8.0 GB;
// rank-full-cohort 4.5 → 12.1 → 64.1 s; detect-integrity 1.8 → 5.6 →
// 69.0 s. The whole 10⁷ run took 7.5 min, peak 10.3 GB.
package main
