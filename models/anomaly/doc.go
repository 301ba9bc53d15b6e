// Package anomaly holds generic anomaly scores over numbers and feature
// vectors, for the integrity detectors (blood passport, age-fraud screen and
// the others) to share: a robust z-score (median and MAD), the Mahalanobis
// distance under a Ledoit–Wolf shrinkage covariance, an isolation forest,
// and an empirical threshold calibrated to a target alert rate.
//
// It is numerics only (gonum): callers load the vectors; nothing here reads
// files or databases. NaN inputs are skipped by the fitting functions and
// give NaN scores.
//
// # Robust z
//
// z = (x − median) / (1.4826 · MAD), where MAD is the median absolute
// deviation from the median; 1.4826 = 1/Φ⁻¹(3/4) makes the scale equal to
// the standard deviation for normal data (Rousseeuw & Croux 1993, JASA 88).
// One outlier in a hundred moves neither median nor MAD, unlike the mean
// and SD.
//
// # Mahalanobis distance with Ledoit–Wolf shrinkage
//
// d²(x) = (x − μ)ᵀ Σ̂⁻¹ (x − μ). With few rows per column the sample
// covariance S is noisy and badly conditioned, so Σ̂ = (1 − δ)·S + δ·m·I
// shrinks it towards a scaled identity (m = trace(S)/p) with the intensity
// δ that minimises the expected Frobenius loss, estimated from the data as in
// Ledoit & Wolf (2004), "A well-conditioned estimator for large-dimensional
// covariance matrices", J. Multivariate Analysis 88, 365–411 (the same
// estimator as scikit-learn's ledoit_wolf, with S normalised by n). Under
// multivariate normality d² is χ² with p degrees of freedom.
//
// # Isolation forest
//
// Liu, Ting & Zhou (2008), "Isolation Forest", ICDM: 100 trees, each grown
// on 256 rows sampled without replacement by random axis-parallel splits up
// to depth ⌈log₂ 256⌉; a vector's score is 2^(−E[h]/c(256)), with h its path
// length and c(n) = 2H(n−1) − 2(n−1)/n the mean path of an unsuccessful
// binary-search-tree search. It needs no distributional assumption and
// finds anomalies that are unusual in a few coordinates only.
//
// # Calibrated thresholds
//
// Threshold returns the (1 − rate) empirical quantile of reference scores, so
// that flagging scores above it raises alerts on the given share of the
// reference population: the integrity unit sets how many cases it can review
// and the threshold follows, instead of a nominal p-value that the data may
// not honour.
//
// # Measured figures
//
// The tests check each score against hand calculations (a Ledoit–Wolf
// shrinkage of 17/18 on a four-point example; the MAD of a sample with one
// outlier; c(256) of the isolation forest), the calibrated threshold's
// alert rate on fresh data (2 % ± 0.7), and a large-sample limit (δ → 0 and the exact Mahalanobis
// distance for n = 20,000 correlated normal pairs). Used as the generic
// score of the age-fraud signals (cmd/podium TestAgeFraudEvaluation), the
// Mahalanobis distance and the isolation forest each found 9.6 % of planted
// frauds at a 1 % alert budget against 18.3 % for the age-fraud package's
// directed score: a two-sided
// distance spends its alerts on unusual athletes of every kind, which is
// why the detectors use these scores as building blocks, not as verdicts.
package anomaly
