// Package odds turns bookmakers' decimal prices into probabilities and
// measures how they move: the market side of Podium's match-integrity work.
//
// # Margin removal
//
// A book's inverse prices add up to 1 + its margin. Three ways to remove it:
//
//   - Proportional: divide by the sum. Simple, but leaves the favourite–long-
//     shot bias in.
//   - Power: p_i = (1/o_i)^k with k solved so the p_i add up to 1.
//   - Shin (Shin 1993, "Measuring the incidence of insider trading in a market
//     for state-contingent claims", Economic Journal 103): the book prices
//     against a share z of insiders; z is solved by bisection and kept as a
//     signal (a book that fears informed money widens its long-shot margin,
//     so z rises). For two outcomes Shin equals the additive method (checked
//     in the tests); Štrumbelj (2014, International Journal of Forecasting
//     30) found Shin's probabilities the best calibrated of the simple methods.
//
// # Consensus and movements
//
// Consensus is the median across books per outcome (robust to one stale or
// mistyped book); Outliers marks books far from it, which callers leave out of
// movement measures. Move, Steam (several books shortening the same outcome),
// Reverse (books moving against the consensus) and Spread (cross-book
// divergence) work on margin-free probabilities, in probability points.
//
// The package is numerics only: the integrity detector (models/integrity)
// loads prices and calls it. Its figures in use are in that package's doc.
package odds
