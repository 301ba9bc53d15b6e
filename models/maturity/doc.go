// Package maturity estimates somatic maturity from growth measurements and
// removes its effect from age-standardised scores, so that a talent ranking
// can show each score raw, RAE-corrected and maturity-adjusted side by side.
//
// It sits in models (numerics only). Callers take an athlete's height,
// sitting height and body mass from the physio tests (datasets.PhysioTests
// "height", "sitting_height", "body_mass"; cm, kg) at a test date, with the
// exact age then, and call Offset; the offset at a later result is the
// offset at the test plus the time since. Scorer chains the three scores of
// a result (centile.Categories → centile.Reference → Adjuster).
//
// # Maturity offset
//
// The offset is the predicted time (years) from peak height velocity (PHV);
// age at PHV = age − offset. With leg length LL = H − SH (cm), mass W (kg),
// age in years:
//
//	Mirwald et al. 2002 (Med Sci Sports Exerc 34:689–694)
//	  boys  −9.236 + 0.0002708·LL·SH − 0.001663·age·LL + 0.007216·age·SH + 0.02292·(W/H·100)
//	  girls −9.376 + 0.0001882·LL·SH + 0.0022·age·LL + 0.005841·age·SH − 0.002658·age·W + 0.07693·(W/H·100)
//	Moore et al. 2015 (Med Sci Sports Exerc 47:1755–1764)
//	  boys  −8.128741 + 0.0070346·age·SH
//	  girls −7.709133 + 0.0042232·age·H
//
// Validated ranges and flags (the estimate is always returned, with Flags):
//
//   - AgeOutsideSample: age outside the derivation sample — the Saskatchewan
//     Paediatric Bone Mineral Accrual Study (PBMAS), 8–16 years for Mirwald
//     2002, 7.5–17.5 years as re-analysed by Moore 2015.
//   - FarFromPHV: |offset| > 1 year. Both equations shrink towards the
//     sample's mean age at PHV: they are accurate only for average maturers
//     within about a year of PHV, and predict early maturers late and late
//     maturers early (Kozieł & Malina 2018, Sports Med 48:221–236; Moore
//     2015; the ±1 year threshold of Towlson et al. 2021, J Sport Health Sci
//     10:403–412).
//   - OutsideValidation: |offset| > 3 years, beyond the −3…+3 years from PHV
//     over which the equations have been validated at all (Kozieł & Malina
//     2018).
//
// # Bio-banding
//
// Band uses maturity status from the offset: pre-PHV (< −1 y), circa-PHV
// (−1…+1 y), post-PHV (> +1 y). Percentage of predicted adult height
// (Khamis–Roche) needs the parents' heights, which Podium does not hold,
// and its no-parents variants are not validated outside US samples; the
// offset bands use what the tests measure and their ±1 year edges match the
// accuracy window above.
//
// # Maturity-adjusted score
//
// In each sex and whole year of age, FitAdjuster regresses the offset on
// age (the offset expected at that age) and then the RAE-corrected z on the
// timing residual (offset minus the expected one: how early the athlete
// matures for his age). Adjust subtracts slope × timing. The score is not
// rescaled (its spread shrinks by the variance maturity explained). Bands
// with fewer than MinBand samples are not fitted (ErrNoBand). The bands
// are per sex only, not per discipline: the simulator plants one maturity
// effect for all events; on real data power and endurance events may need
// their own. An Adjuster encodes deterministically (MarshalBinary, JSON).
//
// # Measured on simulated data (TestSimEvaluation; datasets/sim, 20,000
// athletes, seed 11; truth read only by the test; scores by 5-fold
// cross-fitting over athletes)
//
//   - Offsets at each athlete's first growth test against the planted
//     offset (3,120 boys, 2,351 girls): Moore MAE 0.77 y boys, 0.91 y girls
//     (bias −0.13, −0.60 y); Mirwald 0.86 y and 1.14 y (bias −0.45, −0.92
//     y); r = 0.94–0.95 for all four; within ±1 y of PHV the MAE falls to
//     0.50–0.61 y. About 70 % of first tests carry a flag (most athletes are
//     tested well before or after PHV). Moore is used for the adjustment.
//   - Maturity effect, fitted on all athletes with a test: the exact-age z
//     rises by +0.85 to +0.99 z per year of earlier maturity in girls at
//     10–12 (+0.64 at 13) and +0.73 to +0.90 in boys at 12–14 (+0.50 at
//     15), fading to ≈0 by 17–18, as planted (largest just after PHV). On the
//     held-out fold the slope pooled over sex × age bands falls from +0.38
//     to −0.00 z per year after adjustment (mean |band slope| 0.47 → 0.25,
//     mostly noise: the band SEs ignore that an athlete's results share one
//     timing).
//   - Correlation of the athlete's mean out-of-fold score with the planted
//     potential: all 19,865 athletes raw 0.620, RAE-corrected 0.631; the
//     5,519 with a growth test raw 0.668, RAE-corrected 0.679,
//     maturity-adjusted 0.694.
package maturity
