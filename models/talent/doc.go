// Package talent builds sport cohorts frozen at a cut-off age and back-tests
// P(elite) models on them: fit on an older birth cohort, score a younger one,
// against one-feature baselines.
//
// An Extractor gives the population at a freeze age — every athlete with a
// result before his cut-off day — with features read only before it and an
// outcome that may be decided later. Tennis is the first; a marks sport
// (elite = a senior level) can implement the same interface. Backtest splits
// by birth year, fits potential.Fit on the training cohort (λ and the
// calibration chosen by cross-validation there), scores the test cohort and
// fits each baseline — a one-feature model, calibrated the same way — on
// the same rows.
//
// # Tennis
//
// Population: ATP players with a birth date and a decided match (not a
// walkover) before their A-th birthday (the features package's cut-off
// day). Elite: career-best ranking ≤ R over all their matches (winner_rank,
// loser_rank). Features, all before the cut-off day: best, latest and
// last-12-month best ranking (log; unranked = 2500), ranking slope, years
// since the first ranked / tour-level main-draw / any match, matches (all,
// last 12 months), win rates (all, vs ranked, vs better-ranked; Laplace-
// smoothed), share of matches at futures, challenger, tour and slam level,
// Elo at the cut-off (the global chronological Elo of models/rating, read
// after his last match before the cut-off), its peak and 12-month change,
// his Elo rank among the players active in the past year (from a monthly
// snapshot), and birth quarter.
//
// Height and hand are left out on purpose: the ATP file has a height for
// 4,154 of 65,989 players and a hand for 18,160, nearly only for those who
// made a career (every top-100 player born 1978–1997 has both, 499 of the
// 2,929 in the 1978–1989 population have a height), so their mere presence
// gives the outcome away.
//
// The features are one SQL query with an explicit per-player cut-off, not a
// features.Set: the features package's age views did not finish
// match_record on the full ATP store in 10 minutes. TestNoLookAhead proves
// that changing every match after a player's cut-off changes none of his
// features (and, as a control, that changing one before it does).
//
// # Measured (ATP, born 1978–1989 → 1990–1997, test cohort)
//
//	freeze  elite  n     elite  model AUC [95% CI]    P@k    Brier   ECE   | best-rank AUC  P@k    Brier   ECE
//	18      ≤100   2943  121    0.882 [0.842, 0.914]  0.446  0.0313  0.018 | 0.848          0.388  0.0308  0.015
//	17      ≤100   1460  85     0.780 [0.723, 0.828]  0.329  0.0488  0.028 | 0.707          0.353  0.0485  0.024
//	19      ≤100   4150  129    0.933 [0.907, 0.957]  0.504  0.0216  0.010 | 0.924          0.488  0.0211  0.006
//	18      ≤50    2943  71     0.872 [0.822, 0.916]  0.352  0.0205  0.011 | 0.825          0.366  0.0191  0.007
//	18      ≤200   2943  232    0.859 [0.828, 0.889]  0.530  0.0525  0.021 | 0.822          0.478  0.0551  0.029
//	17      ≤50    1460  55     0.780 [0.712, 0.841]  0.309  0.0349  0.019 | 0.695          0.255  0.0333  0.014
//	19      ≤200   4150  248    0.931 [0.912, 0.947]  0.589  0.0334  0.015 | 0.917          0.565  0.0352  0.016
//
// The model beats the best-ranking baseline on AUC everywhere (by 0.01 to
// 0.09) but misses the target at 18/≤100 (AUC ≥ 0.90, precision@k ≥
// 0.50) by 0.018 and 0.054, and its Brier score and ECE are slightly worse
// than that baseline's except at ≤200 (where it beats every baseline on all four). Why: the base rate falls from 7.5 %
// (train) to 4.1 % (test) — a growing population of juniors in the later
// files, and the youngest test players have had less time to reach the top
// 100 — and the model, which leans on counts and Elo, carries more of the
// training base rate (mean forecast 5.9 %) than the ranking, which is
// relative by nature.
package talent
