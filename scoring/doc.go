// Package scoring turns the models' outputs into what selection committees
// act on: ranked lists of a cohort on the national common scale, each with a
// fairness audit and a cut-off simulator.
//
// # P(elite) per sport
//
// P(elite) is fitted on every sport's training athletes together (the
// pooled model), and again on each sport's alone when it has at least
// Config.FamilyElite elite and non-elite training athletes (a Family); a
// family's athletes are scored by its own model. On 100k simulated athletes
// (trained born ≤ 2006, 61,396 tested born 2007–14) the sports' own models
// were better calibrated than the pooled one (Brier 0.0693 vs 0.0700, ECE
// 0.029 vs 0.031, PR-AUC 0.305 vs 0.301) but ranked across sports less well
// (AUC 0.785 vs 0.787, Spearman with the planted potential 0.490 vs 0.541).
//
// # Fairness audit
//
// Every ranked list is audited against the pool it was chosen from
// (FairnessAudit): the birth-quarter distribution of the top N against the
// pool, the odds ratio of selection for athletes born in the first quarter
// of the selection year against those born in the fourth (Woolf's logit 95 %
// interval; 0.5 added to every cell when one is empty), and each sex's and
// province's share of the selection against its share of the pool. A Q1:Q4
// odds ratio whose interval lies above 1 is the relative-age effect at work.
//
// # Cut-off simulator
//
// SimulateCutoffs answers "if we take the top n, how many future elites do we
// expect to select and to miss?" from the calibrated P(elite) of every
// athlete in the pool: the expected number selected is the sum of the
// probabilities of those taken. Ordering by another score (raw results)
// with the same probabilities shows what that order costs.
package scoring
