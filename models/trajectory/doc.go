// Package trajectory models how an athlete's measured performance (a time in
// seconds, a distance in metres) changes with age: a population curve learned
// from many athletes plus each athlete's own deviation from it, shrunk towards
// the population when his data are few, and a forecast of his performance at
// any age with a calibrated 95 % prediction interval.
//
// Scoring reuses it for talent rankings (where will this 14-year-old be at
// 18?), the performance passport (is this result inside his own expected
// band?) and the integrity work (results far outside it). The package is
// numerics only: callers read the results from the store and pass Series.
//
// # Method: a functional mixed model
//
// On the working scale y = log(value) (Config.Linear keeps the values; on the
// log scale the race-to-race spread is nearly the same share of the time at
// every age, so one noise model fits 10- and 19-year-olds), a series is
//
//	y(t) = B(t)ᵀb + ε(t),   b ~ N(β, Σ),
//
// with B(t) a clamped cubic B-spline basis of age on the training range
// (Config.Interior = 3 interior knots: 7 functions). The population curve is
// B(t)ᵀβ; an athlete's deviation is the random coefficient vector b − β,
// whose covariance Σ (7×7, unrestricted) is learned from the training
// athletes: it says, for example, how much a fast 12-year-old's advantage
// persists to 18. This is a Gaussian process whose mean and covariance
// function, B(s)ᵀΣB(t), are estimated from data rather than assumed (a
// functional mixed model; James, Hastie and Sugar, Biometrika 2000, "Principal
// component models for sparse functional data"; the same random-coefficient
// model is the linear mixed model of Laird and Ware, Biometrics 1982).
//
// The residual ε has variance σ²(t), one value per age bin (Config.NoiseBins
// = 10, each pulled towards the overall value with the weight of 50 points),
// and is split into white noise (1 − ρ)σ² and a current-form component ρσ²
// correlated over ages s, t as exp(−|s − t|/ℓ) (an Ornstein–Uhlenbeck
// process): results a few weeks apart share the swimmer's form.
//
// # Fitting
//
// β, Σ and σ²(t) are estimated by EM (Laird and Ware 1982; Dempster, Laird
// and Rubin 1977) from a pooled least-squares start, with ρ = 0: the E-step
// is the posterior of each athlete's b, N(m, V) with V = (Σ⁻¹ + ZᵀWZ)⁻¹ and
// m = β + V·ZᵀW(y − Zβ); the M-step sets β to the mean of the m, Σ to the
// mean of (m − β)(m − β)ᵀ + V, σ² per bin to the mean expected squared
// residual. EM, unlike a pooled curve fit, is not biased by who keeps
// swimming: athletes seen only young still inform the mean at 18 through Σ.
// ρ and ℓ are then chosen on a grid (ρ 0–0.7, ℓ 0.05–0.8 years) by the
// marginal likelihood of the training series. The fit depends on the set of
// series, not their order, and MarshalBinary is byte-for-byte reproducible.
//
// # Forecasting and calibration
//
// A forecast conditions the Gaussian process on the athlete's observed points
// (the BLUP): with K = ZΣZᵀ + N the covariance of his points and k* their
// covariance with the value at age t, the mean is B(t)ᵀβ + k*ᵀK⁻¹(y − Zβ) and
// the variance B(t)ᵀΣB(t) + σ²(t) − k*ᵀK⁻¹k*: posterior uncertainty of his
// curve plus the noise of one result. One bad race should not bend a
// forecast: the white-noise residual of each observed point, w·K⁻¹(y − Zβ)
// with w its white variance, is computed, and a point more than 2.5 white SDs
// off has its white variance inflated by (|residual|/2.5 SD)² before K is
// factorized again (Huber weights, three rounds of reweighting). The residuals
// of this model have heavy tails: on held-out training points the 99.9 %
// quantile of |z| is about 5.5, not 3.3. The forecast is mapped back to seconds as a
// log-normal (mean exp(μ + s²/2), interval exp(μ ± 1.96 s)). The width is then
// calibrated on the training athletes only: every training series, its later
// 40 % of points by age rank held out (the protocol below), is forecast by a
// model fitted on the other half of the training set (two-fold cross-fitting,
// so no point is scored by a model that saw it), and the SD is multiplied by
// the factor that puts 95 % of those held-out points inside the interval.
// OffsetForecast, the baseline, shifts the curve by the mean residual of the
// observed points and uses the noise alone, calibrated the same way.
//
// # Measured: the French swimmers (MagmaClust protocol)
//
// Data: FFN 100 m freestyle, 3,456 swimmers aged 10–20 (shared datasets
// README). The MagmaClust split (Leroy et al., JMLR 2023) fits on 1,039
// women and 1,035 men; for each of the 692 + 690 test swimmers the points
// whose age rank (ties sharing the lowest) is at most 0.6 × his number of
// points are the input (18,059 points) and the 13,019 later points are
// predicted. Score: mean over test swimmers of each one's MSE (s²), and the
// share of predicted points inside the 95 % interval. One model per sex;
// nothing was tuned on the test swimmers (the knots were chosen by two-fold
// cross-validation on the training swimmers: 2, 3, 4 and 6 interior knots
// were within 1 % of each other).
//
//	method                          women MSE  cover   men MSE  cover
//	this model                        RESULTW           RESULTM
//	population curve alone            BASEW             BASEM
//	curve + mean offset of input      OFFW              OFFM
//	Magma (published)                 4.9      94.3 %   3.0     96.9 %
//	MagmaClust, best K (published)    4.1      94.3 %   2.7     96.1 %
//
// TestSwimmingProtocol reproduces these figures; `podium backtest
// trajectory` runs the same protocol on the swimmers loaded in the store.
//
// # Limits
//
// Ages outside the training range are forecast at its nearer end (flat
// extrapolation). The model is one Gaussian family: it has no mixture of
// curve shapes (MagmaClust's clusters) and heavy-tailed results (a bad race)
// count fully. Fit one model per sex and discipline.
package trajectory
