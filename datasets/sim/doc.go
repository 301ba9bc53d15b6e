// Package sim is Podium's simulator: a seeded synthetic national youth-sport
// dataset with planted ground truth, so that the talent and integrity
// models downstream can be scored against known answers.
//
// Generate streams five kinds of observed data into the store through the
// same validated ingestion as outside files (source "sim"), then writes
// what the models must find into truth_athletes and truth_events:
//
//   - athletes: Vietnamese names (NFC, realistic family-name frequencies,
//     southern forms Huỳnh/Võ), the 34 provincial units of 2025 weighted by
//     population, birth dates with the relative-age effect of youth selection;
//   - results: athletics (100m, 400m, 1500m, long-jump) and swimming
//     (100m- and 50m-freestyle) at school, provincial and national meets,
//     2021–2025, heats and finals, wind, places. Each athlete has a latent
//     adult level (potential) and a maturity timing; the level at age a is
//     r(a)·potential + √(1−r(a)²)·(maturity and season form), mapped to marks
//     by age curves calibrated on the FFN swimmers (longitudinal, 10–20) and
//     anchored on the World Athletics all-time lists (calibration.go);
//   - physio: yearly growth and fitness tests (Preece–Baines growth shifted
//     by the athlete's age at peak height velocity) and blood-passport
//     samples of the national squad;
//   - matches and odds: a 14-club league (double round robin, Poisson goals
//     with team strengths and home advantage), five bookmakers' opening,
//     pre-match and closing 1x2 prices.
//
// Planted cases: age fraud, doping-like jumps, EPO- and transfusion-like
// blood patterns, duplicate registrations and fixed matches with steam
// moves (planted.go, odds.go).
//
// Every athlete and match is drawn from its own random substream of the
// seed, so streams regenerate athletes instead of holding them: a million
// athletes and ten million results stream through in bounded memory, with
// generation on one core and validation and loading on the other.
//
// Data flows one way: datasets → features → models → scoring → api; sim is
// part of datasets and imports only the datasets package.
package sim
