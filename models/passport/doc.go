// Package passport is the haematological module of an athlete biological
// passport: adaptive individual reference ranges for haemoglobin (HGB, g/L),
// reticulocytes (RET%) and the OFF-score (HGB − 60·√RET%), and a
// sequence-level test of each profile. It finds the blood-doping patterns the
// integrity unit reviews: a single abnormal value, and a level that moves and
// stays moved (EPO use raises HGB and RET%; stopping EPO or a transfusion
// leaves HGB high with RET% suppressed, so the OFF-score rises).
//
// It is numerics only: callers load each athlete's samples (the podium
// detect command reads physio_tests); nothing here reads files or databases.
//
// # Model
//
// Following the WADA Athlete Biological Passport (ABP Operating Guidelines;
// Sottas, Robinson, Giraud et al. 2006, "Bayesian detection of abnormal
// values in longitudinal biomarkers with an application to T/E ratio",
// Biostatistics 8:285; Sottas, Robinson, Rabin & Saugy 2011, "The athlete
// biological passport", Clinical Chemistry 57:969), each marker x of an
// athlete (RET% on the log scale, as its spread grows with its level) is
//
//	x = level(sex, age) + θ + ε,   θ ~ N(0, τ²) the athlete's own level,
//	                               ε ~ N(0, σ²) day-to-day variation.
//
// The population part — level by sex and year of age (15 and under … 19 and
// over; boys' HGB rises through puberty), the between-athlete variance τ²
// and the within-athlete variance σ² — is estimated from all the profiles
// of a sex by the method of moments of the one-way random-effects model
// (pooled within-athlete variance; variance of athlete means less σ²/nᵢ).
// The WADA software uses priors set from reference populations instead; here
// the squad is its own reference, and the few manipulated profiles among
// thousands hardly move it.
//
// Before an athlete's (n+1)-th sample, the n earlier residuals r update the
// prior of θ by the normal–normal conjugate rule: precision 1/τ² + n/σ²,
// mean (Σr/σ²)/precision. The next value is predicted with that mean and
// variance 1/precision + σ², and its two-sided 99 % range (Φ⁻¹(0.995) =
// 2.576 SD, the ABP's per-value specificity) is the athlete's individual
// reference range. With no earlier sample it is the population range; as
// samples accrue it narrows towards ±2.576σ around the athlete's own level,
// which is why individual ranges find changes that population ranges miss.
//
// A doped value is kept in the profile (as in the ABP): it widens nothing
// but pulls the athlete's estimated level, so a sustained change is judged
// by a sequence test as well. For each marker, the scan statistic is the
// largest standardised difference between the mean of a run of consecutive
// samples and the mean of the rest, |Δ| / (σ·√(1/m + 1/(n−m))) — the
// likelihood-ratio test of an "epidemic" change in level (Levin & Kline
// 1985). The athlete's own level cancels, so under the model its null
// distribution depends only on n; it is tabulated by Monte Carlo. (The
// ABP's "sequence abnormality" is the probability of the whole profile; the
// scan answers the same question aimed at level changes.)
//
// The athlete-level p-value combines the smallest value p-value (Šidák over
// 3 markers × n samples) and the smallest sequence p-value (Šidák over 3
// markers), Bonferroni over the two; an athlete is atypical below
// 1 − AthleteSpecificity (1 %). This is conservative: the OFF-score is a
// function of the other two markers.
//
// Config.FixedRanges turns the update off, giving the baseline every
// individual method is measured against: each value against the population
// range of its sex and age.
//
// # Measured figures
//
// On a simulated national squad (datasets/sim, 120,000 athletes, seed 11:
// 7,179 athletes with blood samples, four a season from age 15; 78
// EPO-like and 105 transfusion-like planted manipulations; evaluation in
// cmd/podium TestBloodPassportEvaluation, truth read by the test only):
//
//	method                                  athlete specificity   EPO-like   transfusion-like
//	individual ranges, HGB+RET+OFF (this)   99.47 %               100 %      97.1 %
//	population ranges, HGB+RET+OFF          99.43 %               69.2 %     33.3 %
//	individual ranges, HGB+OFF (Judge)      99.63 %               94.9 %     94.3 %
//	population ranges, HGB+OFF              99.73 %               20.5 %     21.9 %
//	HGB outside 1st–99th centile            93.18 %               29.5 %     24.8 %
//
// Per value, the specificity on clean athletes is 99.11 % (HGB), 99.45 %
// (RET%), 99.31 % (OFF) against the nominal 99 %; 98.9 % of the manipulated
// samples are outside a range. Sensitivity is above the 82–91 % that WADA
// reports at 99 % specificity for real EPO regimes, even judged on the
// ABP's primary markers HGB and OFF alone, because the simulator's planted
// changes are large (HGB +8–16 g/L against a 4 g/L day-to-day SD;
// reticulocytes ×1.6–2.2 up or ×0.3–0.55 down against a 12 % CV): the
// figures measure this simulator, not the field. What carries over is the
// gap: individual ranges find 3 to 4.5 times more manipulations than
// population ranges at the same specificity. On synthetic profiles drawn from the model (passport_test.go)
// a +12 g/L level shift over half of a 12-sample profile is found in ≥ 85 %
// of athletes, a +25 g/L single outlier in ≥ 95 %.
//
// Not modelled: the covariance between markers, heterogeneity factors other
// than sex and age (altitude, analyser, plasma volume shifts), and the
// expert review that follows an atypical passport.
package passport
