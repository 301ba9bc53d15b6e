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
//	1, logit(severity), and per detector type t: 1[type = t], 1[type = t]·logit(severity)
//
// fitted by penalised Newton–Raphson (IRLS): every type seen in training gets
// its own intercept and slope, shrunk towards the pooled ones — the type
// shifts by one penalty, the slopes (pooled and per type) by another, which
// pulls them towards "severity says nothing". Both penalties are chosen on
// a 7 × 7 grid by stratified 5-fold cross-validation (fewer folds when a
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
// The verdicts themselves come from officers through the review workflow
// (datasets alert_labels). The demo's and the tests' verdicts come from a
// simulated officer who knows the simulator's planted truth and errs at a
// set rate (datasets/sim Review); the figures measured on them are in the
// README and scoring/retrain's documentation.
package triage
