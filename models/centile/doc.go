// Package centile gives age-standardised performance: smooth centile curves
// of a discipline's marks against exact age, per (sport, discipline, sex),
// and the scores read off them — z, centile (0–100) and the mark at a
// centile for chart bands — plus the "raw" birth-year-category score of
// today's practice and the relative-age effect fitted on the data.
//
// It sits in models (numerics only): callers load results (ReadResults /
// ReadRecord read the Arrow batches of store.QueryArrow or a feature set)
// and hand them to FitReference; scoring turns marks into scores with
// Reference.Z. maturity.Scorer chains raw → RAE-corrected →
// maturity-adjusted scores.
//
// # Method: LMS by local likelihood
//
// Each group is summarised, as in Cole & Green (1992, Statistics in
// Medicine 11:1305), by three smooth functions of age: the Box-Cox power
// L(a), the median M(a) and the coefficient of variation S(a), so that
//
//	z = ((y/M)^L − 1) / (L·S)      (log(y/M)/S when L = 0)
//
// is standard normal at every age. Cole & Green fit L, M, S by penalised
// likelihood with cubic splines; here they are fitted by local likelihood,
// which gives the same kind of curves with simpler, dependency-free code:
// at each age g of a 0.25-year grid, the marks (divided by their geometric
// mean) are Box-Cox transformed and weighted by a Gaussian kernel in age
// (SD 0.4 years, widened where there are fewer than 150 effective marks);
// a kernel-weighted straight line in age gives the local mean μ (local
// linear, so the sparse ends of the age range are not biased towards the
// middle) and the residual variance σ². Then M = (1 + L·μ)^(1/L) and
// S = σ/(1 + L·μ). The power L is chosen by the Box-Cox profile likelihood
// (log σ² plus the Jacobian (L−1)·Σ log y) on a grid from −5 to 3, with the
// profiles pooled over a wider kernel (SD 2 years) so that L, the least
// identified parameter, is the smoothest, as Cole & Green recommend.
// Quantile regression was the alternative; LMS was chosen because one
// fit gives every centile at once, centiles never cross, the z is
// continuous in the tails, and the three curves are easy to store and
// explain. Times are oriented so that a higher z (and centile) is always
// better; Quantile(a, 0.97) of a time is a fast time.
//
// The curves exist only on [Lo, Hi], the range of the fitted ages: outside
// it Z, Centile and Quantile return NaN and Reference.Z returns
// ErrOutOfRange — nothing is extrapolated. Curves and Reference encode
// deterministically (MarshalBinary: same curves, same bytes).
//
// # Relative age
//
// RelativeAge places a birth date in its selection (calendar) year: 0 on 1
// January, →1 on 31 December. The raw score (Categories.Z) standardises a
// mark within its season and birth-year category (season − birth year),
// ignoring exact age, as provinces do today, so an athlete born in January
// is compared with peers up to a year younger. The RAE-corrected score is
// the LMS z by exact age: the within-category relative-age effect is the
// age gradient of performance over that year, which the curves estimate
// from all the data, smoothly in age; RelativeAgeSlopes checks that the
// corrected score has no slope left on relative age. RelativeAgeEffect
// fits the effect on the marks themselves (within-category slope of
// 100·ln mark on relative age, pooled over seasons) and AgeGradient gives
// the curves' implied % per year, to report next to the literature (≈10 %
// per year in the 60 m sprint at 8, ≈5 % at 15).
//
// The kernel SD of 0.4 years was chosen on the simulated data (one athlete
// in five held out; mean coverage gap 1.30, 1.31, 1.34, 1.46 points at SD
// 0.25, 0.35, 0.5, 0.75 years), then checked on the FFN data below.
// BenchmarkFit/1e+05 (100,000 marks) took 2.5 s and a Z about 0.6 µs on
// this shared, heavily loaded machine: refitting is a batch job, scoring
// is cheap.
//
// # Measured (held-out athletes)
//
// Share of held-out marks below the 3/10/25/50/75/90/97th fitted centiles
// (ideal 3/10/25/50/75/90/97) and the mean absolute gap in points, against
// the baseline "normal per whole year of age" (mean and SD of the marks by
// integer age):
//
//   - FFN 100 m freestyle, ages 10–20, the MagmaClust train/test split of
//     the swimmers (TestFFNHeldOutCoverage; 22.9k training and 15.5k test
//     times per sex): men 2.8/9.5/24.6/49.0/73.1/88.9/96.5, gap 0.79 points
//     (baseline 2.26); women 2.9/8.9/23.0/49.2/74.7/89.7/96.9, gap 0.66
//     (baseline 1.78). The baseline fails in the tails (98.8 % below its
//     97th: a normal misses the skew of times; the fitted L is −2.3 to −4).
//     Medians: men 77.4 s at 11, 59.3 s at 15, 55.6 s at 19 (7.9, 3.3, 0.8
//     % faster per year); women 79.0, 64.8, 63.1 s (9.3, 1.5, 0.4 %).
//   - Simulated data (maturity.TestSimEvaluation: datasets/sim, 20,000
//     athletes, seed 11, 216k results, 5-fold cross-fitting by athlete), 12
//     disciplines × sex: gap 0.20–0.41 points, mean 0.32; baseline 0.55–1.06,
//     mean 0.83. The baseline puts 98 % below its 97th centile.
//   - World Athletics all-time lists, men and women 100 m, 400 m, 1500 m,
//     long jump, ages 14–46 (TestWorldAthleticsHeldOutCoverage, one athlete
//     in five held out): both fail alike — mean gap 6.1 points (LMS) and
//     6.2 (baseline); no mark below the 3rd centile and about 30 % below the
//     25th. These are top lists cut at a mark and dominated by prolific
//     athletes: a truncated, clustered sample that no smooth centile model
//     describes. They are not a usable age reference.
//
// Relative age on the same simulated data (out-of-fold scores, within
// each season and birth-year category, pooled over disciplines): the raw
// score rises by +0.99 z per year of relative age in U11, +0.66 in U14,
// +0.13 in U17 (mean over U11–U19 +0.54 ± 0.05); the exact-age score by
// −0.05, −0.10, −0.03 (mean −0.03 ± 0.05, zero within noise). The effect
// fitted on the marks: +8.8 % per year in U11, +7.3 % U12, +6.5 % U13,
// +3.7 % U14, +2.3 % U15, +0.7 % U17 (the curves' median gradient at those
// ages: 9.9, 7.7, 6.7, 4.4, 2.6, 0.6 %), in line with the literature's
// ≈10 % per year at 8 and ≈5 % at 15 (the simulator's curves are
// calibrated on the FFN swimmers, which give 7.9–9.3 % at 11).
package centile
