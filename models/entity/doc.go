// Package entity tests whether a team or referee collects suspicious
// outcomes more often than chance allows.
//
// Each of the entity's matches contributes one Bernoulli trial whose success
// probability is the market's own closing probability of the suspicious
// outcome (for the integrity detector: an outcome whose price shortened
// opening → closing came in). Under an honest market the count of successes
// is Poisson-binomial; Tail gives its exact upper tail by the O(n²)
// recursion (checked against TailMonteCarlo), and BH (Benjamini and
// Hochberg 1995, JRSS B 57) controls the false discovery rate across all
// the entities tested at once, so that testing hundreds of teams and
// referees does not flag some by chance.
//
// Numerics only; models/integrity builds the events and reads the figures.
package entity
