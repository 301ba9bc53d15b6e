// Package drift measures how far the data a model now scores has moved from
// the data it was trained on: the population stability index (PSI) of each
// feature.
//
// The training values are cut into Bins bins at their quantiles (so each holds
// about the same share of the training data); with e_i and a_i the shares of
// the training and current values in bin i,
//
//	PSI = Σ (a_i − e_i) · ln(a_i / e_i),
//
// with each share floored at 0.0001 so that an empty bin does not make it
// infinite. Missing values (NaN) form a bin of their own. The usual reading
// (Siddiqi, Credit Risk Scorecards, 2006): below 0.1 no real change, 0.1–0.25
// a moderate shift worth a look, above 0.25 a major shift — the default
// threshold for a data-quality alert.
package drift
