// Package scoring turns the models' outputs into what selection committees
// act on: ranked lists of a cohort on the national common scale, each with a
// fairness audit and a cut-off simulator.
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
