// Package triage learns, from integrity officers' verdicts, how likely an
// alert is to be confirmed: P(confirmed | detector, severity). Detectors
// speak different languages — a match's combined p-value, a passport's
// excursion, a growth screen's z-score, each mapped to a 0–1 severity — and
// a 0.8 from one is not a 0.8 from another. The calibrated probability puts
// every alert of the queue on one scale, so officers work the likeliest
// cases first, and it tells them how often alerts like this one turned out
// to be real.
//
// # Model
//
// A logistic regression of the verdict on
//
//	1, s, and per detector type t: 1[type = t], 1[type = t]·s
//
// where s is logit(severity) less the mean logit(severity) of the alert's
// type in training (of all verdicts, for a type never seen): each type
// shift is then that type's log-odds at its typical severity, and shrinking
// a slope does not move it. Detectors map very different statistics onto
// severity, so a pooled, uncentred slope mostly learnt which type an alert
// was.
//
// fitted by penalised Newton–Raphson (IRLS): every type seen in training gets
// its own intercept and slope, shrunk towards the pooled ones — the type
// shifts by one penalty, the slopes (pooled and per type) by another, which
// pulls them towards "severity says nothing". Both penalties are chosen on
// a 10 × 10 grid (0.1 to 10⁴) by stratified 5-fold cross-validation (fewer folds when a
// class has fewer verdicts), so a type with few verdicts borrows from the
// others and the model falls back to per-type confirmation rates when
// severity does not predict the verdict. A type never seen gets the pooled
// terms. Severities are clipped to [0.001, 0.999] before the logit.
//
// # Evaluation
//
// Evaluate splits the verdicts in time (the order given, oldest first): the
// model is fitted on the earlier share and scored on the later one, as it
// would have been used, against three named baselines fitted on the same
// earlier share: the overall confirmation rate, the confirmation rate of the
// alert's type (Laplace-smoothed towards the overall rate), and the raw
// severity read as a probability.
//
// # Measured
//
// On simulated data (podium generate, detect, simulate-review at a 60 %
// share and a 5 % officer error rate, then retrain), held-out log-loss of
// the model / the type's rate / the base rate / raw severity:
//
//	 30k athletes,    87 held out: 0.210 / 0.205 / 0.346 / 0.90  (loses to the type's rate)
//	100k athletes,   299 held out: 0.198 / 0.234 / 0.368 / 0.81
//	  1M athletes, 2,882 held out: 0.264 / 0.272 / 0.425 / 0.90  (AUC 0.811 vs 0.804)
//
// Most of what the verdicts teach is which detector raised the alert (blood
// passport alerts are mostly confirmed, performance jumps mostly not); within
// a type the severity adds a little, and only with hundreds of verdicts.
// Before centring s, the model lost to the type's rate at 30k (0.216).
//
// The verdicts themselves come from officers through the review workflow
// (datasets alert_labels). The demo's and the tests' verdicts come from a
// simulated officer who knows the simulator's planted truth and errs at a
// set rate (datasets/sim Review); the figures measured on them are in the
// README and scoring/retrain's documentation.
package triage
