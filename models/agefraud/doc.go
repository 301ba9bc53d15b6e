// Package agefraud screens youth athletes for age fraud — a stated birth
// date later than the true one, so that an athlete competes against younger
// children — and tests registries for birth dates heaped on 1 January.
//
// It is numerics only: callers load the growth sessions and birth dates
// (the podium detect command reads physio_tests, athletes and
// athlete_aliases); nothing here reads files or databases.
//
// # Growth and maturity against the stated age
//
// A child older than stated looks, for the stated age, tall, heavy and
// advanced in maturity, and grows at the wrong time: faster than the stated
// age group before its growth spurt, slower after it. Screen turns each of
// these into a robust z-score (median and MAD, models/anomaly) within the
// same sex and whole year of stated age, with references built from all the
// screened athletes themselves (fraud is rare: it hardly moves a median):
//
//   - height for age and body mass for age;
//   - predicted age at peak height velocity, stated age − maturity offset
//     (Mirwald et al. 2002, Med Sci Sports Exerc 34:689, from
//     models/maturity), sign flipped so that "earlier" counts as older;
//   - height velocity between sessions half a year or more apart, signed
//     "faster" before the sex's year of fastest median growth and "slower"
//     after it (the year itself is left out).
//
// Each signal is averaged over the athlete's sessions and the score is the
// mean of the available signals. The detector alerts on the top share of
// scores (anomaly.Threshold at a review budget), not on a nominal p-value.
//
// The screen cannot tell age fraud from early maturation: a boy with peak
// height velocity at 12 instead of 13.8 (2 SD early, about 2 % of boys) has
// the same body as one 1.8 years older than stated with average timing.
// With fraud in about 0.3 % of athletes, even a perfect estimate of the age
// at peak height velocity would give at best about 20 % precision at 50 %
// recall; the screen is a triage for document checks, not a verdict.
//
// # 1-January heaping
//
// Registries fill unknown birth days with 1 January, and falsified
// documents favour it. HeapingTest compares the 1-January share of a group
// with 1/365.25 by the one-sided binomial test P(X ≥ k) = I_p(k, n−k+1),
// and with 1/31 of the group's January births: the second test is immune to
// seasonal births and to the relative-age effect of youth selection, which
// move whole months (Helsen et al. 2005, J Sports Sci 23:629).
//
// # Measured figures
//
// Growth screen, simulated data (datasets/sim, 120,000 athletes, seed 11;
// 33,277 with growth sessions, 104 of them planted age fraud of 1.5–3 years;
// cmd/podium TestAgeFraudEvaluation, truth read by the test only), recall
// and precision of the top-scored athletes:
//
//	alert budget         combined score   height for age   Mahalanobis (LW)   isolation forest
//	0.5 % (166 alerts)   12.5 % / 7.8 %   9.6 % / 6.0 %    5.8 % / 3.6 %      7.7 % / 4.8 %
//	1 % (333 alerts)     18.3 % / 5.7 %   14.4 % / 4.5 %   9.6 % / 3.0 %      9.6 % / 3.0 %
//	2 % (666 alerts)     23.1 % / 3.6 %   21.2 % / 3.3 %   13.5 % / 2.1 %     12.5 % / 2.0 %
//
// (recall / precision; random alerts: recall equal to the budget, precision
// 0.3 %). The combined score beats every single signal and the generic
// scores of the signal vector (Mahalanobis and isolation forest need every
// signal, so lose athletes measured once, and are two-sided), but it is weak in absolute terms: of the 104
// measured frauds, 32 were measured once and 37 more only from a stated age
// past the mean age at peak height velocity (14 boys, 12 girls), when the
// true age puts the growth spurt behind them and little in the body tells
// the age. An athlete's own peak-velocity
// age was tried as a fifth signal and dropped: with yearly tests it is
// mostly censored at the first or last interval and added nothing.
//
// Heaping, real data (shared datasets; heaping_real_test.go): ATP players,
// 261 of 47,485 birth dates on 1 January (0.55 %, expected 0.27 %,
// p = 3·10⁻²⁴; within January 261 of 4,646, p = 3·10⁻¹⁷), most of all
// Morocco (3.3 %), Turkey, Egypt and Greece; World Athletics all-time
// lists, 131 of 32,923 athletes (0.40 %, p = 3·10⁻⁵; within January
// p = 0.008), Morocco again at 3.5 %. Part of this is registries writing
// 1 January for an unknown day, not fraud; the test finds both.
package agefraud
