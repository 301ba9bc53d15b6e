// Package rating turns head-to-head match results into player ratings: an
// Elo system with a match-count-dependent K factor (the FiveThirtyEight
// tennis variant), the rating history of every athlete as a time series,
// and an honest walk-forward back-test.
//
// Ratings are the performance signal for sports without a mark (tennis now,
// team sports later): scoring reads a player's rating trajectory the way it
// reads times and distances elsewhere, and the integrity work reuses the
// pre-match probabilities to find results that the ratings did not expect.
// The package is numerics only: callers (datasets, features) load and sort
// the matches; nothing here reads files or databases.
//
// # Model
//
// Every player starts at Config.Initial (1500 Elo points). Before a match
// between A (rating Ra) and B (rating Rb) the expected score of A is
//
//	E = 1 / (1 + 10^((Rb − (Ra + H)) / Scale))
//
// with Scale = 400 points (the chess convention: a 400-point gap means odds
// of 10 to 1) and H the home advantage in Elo points, added only when
// Match.AHome is set. After the match, with S = 1 (A won), 0 (A lost) or
// 0.5 (draw), each player moves by his own K:
//
//	Ra' = Ra + Ka·(S − E),   Rb' = Rb − Kb·(S − E),
//	K   = KScale / (m + KOffset)^KShape,
//
// where m is the number of matches the player had played before this one.
// A large K for newcomers lets their rating find its level quickly; a small K
// for veterans keeps it stable. Because Ka and Kb differ, the ratings are not
// zero-sum. For a tennis match E is the probability that A wins; when draws
// are possible (football) E is the expected score P(win) + P(draw)/2.
//
// # Parameters and their sources
//
//   - Tennis() uses K = 250/(m+5)^0.4 and starts players at 1500, as in
//     FiveThirtyEight's tennis Elo ("How We're Forecasting The 2016 U.S. Open",
//     Morris, Bialik and Boice, 2016). FiveThirtyEight also blends an overall
//     and a surface-specific rating and weights Grand Slams more; this package
//     keeps one overall, surface-independent rating per player and does not
//     weight by event.
//
//   - Kovalchik (2016), "Searching for the GOAT of tennis win prediction",
//     Journal of Quantitative Analysis in Sports 12(3), compared eleven
//     published models on ATP matches of 2014 and found Elo the most
//     accurate, at about 70 % of matches predicted correctly. The back-test in
//     this package's tests measures it on the ATP tour 2019–2024.
//
//   - HomeAdvantage is 0 for tennis. For football a value of the order of
//     60–100 points is usual in published Elo ratings; it must be fitted on
//     training seasons before use.
//
//   - On ATP tour-level matches, K = 75/(m+25)^0.2 had a lower log-loss than
//     the FiveThirtyEight K on 2015–2018 (0.6066 against 0.6114; a grid
//     search in the tests, run with PODIUM_TUNE=1). Tennis() keeps the
//     published values; callers may pass the tuned Config.
//
// # Glicko-2
//
// Glicko2 implements Glickman's Glicko-2 ("Example of the Glicko-2 system",
// 2012), updated match by match: each match is a rating period of one game
// for each player, and an idle player's rating deviation grows by one
// period's volatility per Glicko2Config.PeriodDays. Its prediction widens
// with both players' deviations. Glicko2Tennis uses Glickman's defaults
// (RD 350, volatility 0.06, τ 0.5) and a 30-day period, untuned.
//
// # Order and determinism
//
// System.Update must see matches in date order; the caller sorts them (for
// tennis: by tournament date, then round, then match number) because only the
// caller knows the order of matches that share a date. A prediction made by
// Update uses only the matches passed in before it, so results that come
// later can never change it. Updates are deterministic: the same matches in
// the same order give the same ratings bit for bit.
//
// # Back-test
//
// Evaluate (Elo) and Backtest (any Updater) run the system over all matches and scores only the predictions
// for matches dated in [from, to), against two baselines: a constant 0.5 and
// "the better-ranked player wins with probability p_fav", where p_fav is the
// favourite's win rate measured on the matches before from. It reports
// log-loss, Brier score, accuracy and a calibration table for each.
package rating
