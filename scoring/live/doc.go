// Package live is what the running server serves from: the talent board in
// use, swapped atomically when a retrain promotes a new model, the
// background retraining jobs, and the adapters that show them through the
// JSON API (api.Rankings, api.Profiles, api.Jobs) and the web console
// (console.RankingSource, AthleteSource, ModelSource, JobSource).
//
// # Hot swap
//
// The board is held in an atomic pointer. A request loads the pointer once
// and works on that board to the end, so requests in flight finish on the
// old model while new requests see the new one; no lock is held while a
// board is built (a build takes seconds to minutes) and no request fails
// during a swap.
//
// # Start-up
//
// Load builds the board from the data with the registry's champion talent
// artifact when there is one. The registry verifies its sha256: a corrupted
// artifact is refused with a clear message in the log and the board is fitted
// afresh instead, so the server keeps serving. Until the first board is
// ready, rankings and profiles answer 503 with Retry-After.
//
// # Drift
//
// The population stability index per feature (models/drift) of the athletes
// ranked now against those ranked when the model was trained is
// exported on /metrics as podium_feature_psi{model, feature}; a feature
// above drift.Alert raises an open "data-quality" alert for the integrity
// and data staff queues.
package live
