// Package jobs runs long batch work (model retraining, data loads) in the
// background of the server, one job of a kind at a time, with state, stage
// and percent for clients to poll, and cancellation.
//
// A job moves queued → running → succeeded | failed | cancelled. Start
// refuses a second job of a kind while one is queued or running (ErrBusy),
// so two retrains never interleave. The job's function gets a context that
// Cancel (or the manager's shutdown) cancels, and a Progress to report its
// stage and percent. Finished jobs are kept (the latest Keep of them) so a
// client can read the outcome.
package jobs
