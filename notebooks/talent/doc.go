// Command talent writes the talent-identification report (report.html
// beside this file):
//
//   - Tennis back-test: models/talent's ATP cohorts frozen at an age (default
//     18; fit on players born 1978–1989, score those born 1990–1997; elite =
//     career-best ranking ≤ 100). The ROC and reliability (equal-count bins)
//     curves of the model and of each one-feature baseline: every baseline is
//     back-tested as a cohort reduced to its one feature, which is exactly the
//     model talent.Backtest scores (the notebook checks that the AUCs agree).
//   - Relative age: the simulator's athletes of the latest season ranked by
//     their best raw score (the mark standardised within its birth-year
//     category, centile.Categories) and by their best RAE-corrected score
//     (the LMS z at the exact age, centile.Reference); the birth quarters of
//     each top 10 % against the pool, and scoring.FairnessAudit's Q1:Q4 odds
//     ratio.
//   - Swimmers: models/trajectory fitted per sex on the training swimmers of
//     the FFN 100 m freestyle (MagmaClust split with --split), scored on the
//     later 40 % of each test swimmer's points against the curve-plus-offset
//     baseline, and the forecasts of the test swimmers with the most results.
//
// # Measured (committed report: ATP + FFN store, 5,000 simulated athletes, seed 1)
//
// Tennis, 18 / ≤ 100, test cohort 2,943 players (121 elite): model AUC 0.899
// [0.865, 0.926], precision@k 0.455, Brier 0.0300, ECE 0.011; baselines best
// ranking 0.848 / 0.388 / 0.0308 / 0.015, Elo 0.793, matches 0.851. Every
// method sits under the diagonal of the reliability chart at the top bins: the
// base rate falls from 7.5 % (train) to 4.1 % (test).
//
// Relative age (2,549 athletes, 255 selected): Q1:Q4 odds ratio 1.90 [1.28,
// 2.82] by raw score, 0.98 [0.67, 1.42] after correction.
//
// Swimmers: MSE 3.54 s² (women) and 2.29 s² (men), coverage 94.4 % and
// 95.7 %, against 5.17 and 3.90 s² for the curve plus offset.
package main
