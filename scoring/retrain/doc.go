// Package retrain is the batch retraining pipeline behind `podium retrain`
// and POST /v1/jobs/retrain: features as of the latest data → fit → compare
// with the champion on held-out data → register a new version → promote it
// when it is not worse.
//
// # Models
//
//   - talent: the talent board's P(elite) models (scoring.Board.Artifact:
//     regularised logistic regression on the board's ten features, Platt or
//     isotonic calibration, imputation means and the training distribution
//     of each feature for drift monitoring): a pooled model, and one per
//     sport with at least scoring.DefaultFamilyElite elite and non-elite
//     training athletes (TalentMetrics lists each one's out-of-fold
//     figures; the promotion rule reads the pooled model's). Its norms —
//     centile curves and trajectory models — are refitted from the data at
//     every board build.
//   - rating-football: the football Elo the match-fixing detector prices
//     matches with (models/integrity FitElo: constant K and home advantage
//     from a grid, chosen on the training days, recency-weighted; the last
//     fifth of the match days held out). The artifact is JSON: format
//     version, the Elo configuration, the draw handling, the grid and the
//     as-of date (DecodeRating reads it; podium detect uses the champion).
//     "log_loss" is the held-out 1x2 log-loss, next to the built-in K 20,
//     home 35 and the base rate (RatingMetrics). Fewer than 200 played
//     matches: skipped.
//   - trajectory: those trajectory models, one per event and sex, byte for
//     byte the board's (JSON of base64 trajectory.Model.MarshalBinary by
//     "sport/discipline/sex"), scored by scoring.EvaluateTrajectories on
//     the latest marks of held-out athletes against the population curve
//     and the curve plus the athlete's offset; its "log_loss" is the
//     held-out MSE of log(mark) (TrajectoryMetrics).
//   - alert-calibration: P(confirmed | detector type, severity) learnt from
//     officers' verdicts (models/triage on datasets alert_labels). Evaluated
//     on the latest 30 % of the verdicts, fitted on the earlier ones, against
//     the base rate, the type's rate and the raw severity (AlertMetrics);
//     the registered version is then fitted on every verdict. When it is
//     promoted, every undecided alert is rescored (alerts.p_confirmed,
//     calibrated_by), and podium detect scores new alerts with the champion
//     (Recalibrate). Fewer than 20 verdicts, or a held-out part of one kind:
//     skipped.
//
// # Reproducible
//
// The cut-off is the date of the latest result in the store, not the clock,
// and every fit is seeded: the same data and seed give a byte-identical
// artifact, hence the same sha256 (tested). The registry records the seed,
// the feature-set version, a fingerprint of the training data and the code
// version (the module's VCS revision when built from a checkout).
//
// # One state of the data
//
// Run fits every selected model before it registers any, and checks the
// store's data version (datasets.Store.DataVersion, a sequence lock) before
// and after: when a load or a verdict was committed meanwhile, the models
// would describe different data, so it fits them all again (at most three
// times, then ErrConflict). The registered set is always what a run before
// or after the load would give (tested under a concurrent load in
// cmd/podium's fault tests).
//
// # Promotion rule
//
// A new version replaces the champion when its held-out (out-of-fold,
// cross-validated) log-loss is not worse than the champion's by more than
// Options.Tolerance (relative, default 2 %), or with Options.Force (audited
// as forced). The first version of a model is promoted.
//
// # Not retrained here
//
// The detectors' operating points (the match score's α and review budget,
// the passports' specificity, the growth screen's threshold) are set by
// policy — the alert budget integrity officers can review — not fitted; the
// verdicts act on them through the alert calibration.
package retrain
