// Package potential estimates P(elite) — the probability that an athlete
// reaches the elite level — from a feature vector frozen at a cut-off, and
// scores such forecasts.
//
// It sits in models (numerics only): callers (models/talent, scoring) build
// the feature vectors; nothing here reads files or databases.
//
// # Model
//
// Fit standardises each feature on the training rows and fits an
// L2-penalised logistic regression by iteratively reweighted least squares
// (Newton's method, intercept unpenalised), minimising
//
//	−Σ [y ln p + (1−y) ln(1−p)] + λ/2 · Σ_j w_j²,   logit p = w_0 + Σ_j w_j z_j.
//
// λ is chosen from Options.Lambdas by stratified k-fold cross-validation on
// the training rows only (out-of-fold log-loss). The out-of-fold logits of
// the chosen λ then fit two calibrators — Platt scaling (σ(A·s + B) by
// maximum likelihood) and isotonic regression (pool-adjacent-violators,
// linear between block means) — and the one with the lower cross-validated
// log-loss is refitted on all of them. CV reports every choice and the
// calibrated out-of-fold metrics.
//
// A second model family was tried on ATP data (the logistic model on the
// features and their squares): it did not help (held-out AUC 0.879 against
// 0.882 with the first 24 features), nor did interactions with "ranked"
// (training-cohort forward AUC 0.882 against 0.892), so the package keeps
// the linear model.
//
// # Per athlete
//
//   - Predict: P(elite) with a 95 % interval by the delta method: the logit
//     ± 1.96 standard errors, the covariance being the inverse penalised
//     Hessian at the optimum, mapped through the (monotone) calibrator. The
//     calibrator's own uncertainty is not included.
//   - Explain: the features that pushed the logit up or down the most, each
//     effect = coefficient × standardised deviation from the training mean.
//   - Neighbours: the k training athletes nearest in standardised Euclidean
//     distance, with their outcomes.
//
// MarshalBinary writes a versioned JSON body (deterministic: the same model
// gives the same bytes); UnmarshalBinary checks the parts' sizes.
//
// # Metrics
//
// Evaluate gives AUC (Mann–Whitney with mid-ranks for ties), PR-AUC as
// average precision (tied scores form one threshold), precision@k with k =
// the number of positives (a tie group across place k counts pro rata),
// Brier score, log-loss and ECE over ten equal-width bins of the predicted
// probability; Bootstrap adds percentile 95 % intervals.
//
// # Measured
//
// On ATP players (models/talent, born 1978–1989 → 1990–1997, frozen at 18,
// elite = career-best ranking ≤ 100, 41 features) λ = 100 and Platt
// calibration were chosen; held-out AUC 0.899 (bootstrap 95 % CI
// 0.865–0.926), Brier 0.0300, ECE 0.0112. DefaultOptions' grid runs from
// 0.01 to 3000: the chosen λ = 100 lies inside it (out-of-fold log-loss
// 0.1672 at 30, 0.1671 at 100, 0.1693 at 300, 0.1770 at 1000).
package potential
