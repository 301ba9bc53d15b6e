// Package goals is a results-only model price for football: the Dixon–Coles
// model (Dixon and Coles 1997, "Modelling association football scores and
// inefficiencies in the football betting market", Applied Statistics 46),
// fitted walk-forward.
//
// Home goals ~ Poisson(λ) and away goals ~ Poisson(μ), λ = Home·Att[h]·Def[a]
// and μ = Away·Att[a]·Def[h], with Dixon and Coles' correction τ of the
// scores 0-0, 1-0, 0-1 and 1-1 (parameter ρ). Each match in the fit is
// weighted by exp(−ξ·age), ξ = ln 2 / HalfLifeDays, and a gamma prior of
// Prior matches pulls every team towards average, so a promoted or new team
// starts average. The strengths have closed-form coordinate updates
// (weighted goals + prior)/(weighted expected goals + prior); ρ follows by
// golden-section search with the rates fixed (a two-stage fit).
//
// Predict refits once per match day using only matches dated strictly
// before it (warm-started from the previous day's fit), so a prediction can
// never see its own day's results: TestPredictNoLookAhead rewrites every
// later result and checks the predictions do not change by a bit.
//
// # Measured
//
// England, five divisions, every match with Pinnacle opening and closing
// prices 2015–18 (7,722 matches; models/integrity's TestEvaluateEngland):
// 1x2 log-loss 1.0439, against 1.0486 for Elo (K 20, home advantage 35) and
// 1.0255 for Pinnacle's closing prices — the market beats both results-only
// models, as expected: the model's use is the gap to the market, not a
// better price. On the simulator's league (910 matches, seed 1): 1.0831,
// Elo 1.1114, market closing 1.0425.
package goals
