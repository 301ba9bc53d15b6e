// Package retrain is the batch retraining pipeline behind `podium retrain`
// and POST /v1/jobs/retrain: features as of the latest data → fit → compare
// with the champion on held-out data → register a new version → promote it
// when it is not worse.
//
// # Models
//
//   - talent: the talent board's P(elite) model (scoring.Board.Artifact:
//     regularised logistic regression on the board's ten features, Platt or
//     isotonic calibration, imputation means and the training distribution
//     of each feature for drift monitoring). Its norms — centile curves and
//     trajectory models — are refitted from the data at every board build.
//
// # Reproducible
//
// The cut-off is the date of the latest result in the store, not the clock,
// and every fit is seeded: the same data and seed give a byte-identical
// artifact, hence the same sha256 (tested). The registry records the seed,
// the feature-set version, a fingerprint of the training data and the code
// version (the module's VCS revision when built from a checkout).
//
// # Promotion rule
//
// A new version replaces the champion when its held-out (out-of-fold,
// cross-validated) log-loss is not worse than the champion's by more than
// Options.Tolerance (relative, default 2 %), or with Options.Force (audited
// as forced). The first version of a model is promoted.
//
// # Not yet retrained here
//
// The integrity detectors' operating points (models/integrity, passports,
// age screen) are configured, not refitted; recalibrating their alert scores
// on officers' verdicts (datasets alert_labels) is future work.
package retrain
