package retrain

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"runtime/debug"
	"slices"
	"time"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/scoring"
)

// Model names.
const (
	Talent = "talent" // the talent board's P(elite) model
)

// Models are the models Run knows how to retrain, in the order it fits them:
// the talent board last, as it stays in memory for the server to swap in,
// so the others' training data are freed before it is built.
var Models = []string{RatingFootball, Trajectory, AlertCalibration, Talent}

// trainers fit each model of Models.
var trainers = map[string]trainer{
	Talent:           fitTalent,
	RatingFootball:   fitRating,
	AlertCalibration: fitAlerts,
	Trajectory:       fitTrajectory,
}

// errNoData is wrapped by a trainer when the store holds nothing it can
// learn from (no football matches, no officers' verdicts): Run reports the
// model as skipped and goes on with the others.
var errNoData = errors.New("no data to train on")

// A trainer fits one model on the store's data as of its latest record.
type trainer func(ctx context.Context, st Store, o Options, progress Progress) (*candidate, error)

// candidate is a fitted, not yet registered, model version.
type candidate struct {
	artifact    []byte
	metrics     any     // held-out figures; marshals with a "log_loss" field
	logLoss     float64 // the held-out loss the promotion rule compares (lower is better)
	featureSet  string
	fingerprint string         // of the training data
	board       *scoring.Board // the talent board, for the server to swap in
	// promoted, when set, puts the version into use once it is promoted.
	promoted func(ctx context.Context, version int) error
}

// Store is what retraining reads and writes (*datasets.Store).
type Store interface {
	scoring.Source
	Outcomes(ctx context.Context, source string) (map[int64]datasets.Outcome, error)
	RegisterModel(ctx context.Context, mv datasets.ModelVersion, artifact []byte) (datasets.ModelVersion, error)
	ListModels(ctx context.Context) ([]datasets.ModelVersion, error)
	Promote(ctx context.Context, model string, version int, actor, reason string) error
	AppendAudit(ctx context.Context, actor, action, subject string, detail any) (datasets.AuditEntry, error)
	// DataVersion changes whenever the data does, and is odd while a write
	// is under way (datasets.Store.DataVersion).
	DataVersion() uint64
	alertStore
}

// Options configure a run.
type Options struct {
	Models    []string // default: all of Models
	Seed      uint64
	Tolerance float64 // relative held-out log-loss the new version may lose; default 0.02
	Force     bool    // promote whatever the metrics say (audited)
	Actor     string  // who asked, for the audit log
	// OutcomeSource is the source whose outcome register trains P(elite)
	// (default "sim", the simulator's).
	OutcomeSource string
}

// Version is one registered model version; Version 0 and an empty SHA256
// mean the model was skipped (Reason says why).
type Version struct {
	Model    string          `json:"model"`
	Version  int             `json:"version"`
	SHA256   string          `json:"sha256"`
	Metrics  json.RawMessage `json:"metrics"`
	Promoted bool            `json:"promoted"`
	Reason   string          `json:"reason"`
}

// Report is the outcome of a run.
type Report struct {
	Versions []Version `json:"versions"`
	Seconds  float64   `json:"seconds"`
	// Board is the board the talent model was trained on, ready to serve
	// when it was promoted.
	Board *scoring.Board `json:"-"`
}

// Progress is told each stage and its share done (0–100).
type Progress func(stage string, percent float64)

// Run retrains the selected models in the order of Models on one
// consistent state of the data: every model is fitted first, and when the
// data changed meanwhile (a load committed: Store.DataVersion moved) the
// fits are redone, at most maxAttempts times (then ErrConflict). Only then is
// each registered and judged by the promotion rule on its own.
func Run(ctx context.Context, st Store, o Options, progress Progress) (*Report, error) {
	start := time.Now()
	if progress == nil {
		progress = func(string, float64) {}
	}
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	fits, err := fitConsistent(ctx, st, o, progress)
	if err != nil {
		return nil, err
	}
	rep := &Report{}
	for _, f := range fits {
		v := Version{Model: f.name, Metrics: json.RawMessage(`{}`), Reason: f.skipped}
		if f.c != nil {
			progress(f.name+": registering", 99)
			if v, err = register(ctx, st, f.name, f.c, o); err != nil {
				return nil, fmt.Errorf("retrain %s: %w", f.name, err)
			}
			if f.name == Talent {
				rep.Board = f.c.board
			}
		}
		rep.Versions = append(rep.Versions, v)
	}
	rep.Seconds = time.Since(start).Seconds()
	for _, v := range rep.Versions {
		if v.Version == 0 {
			continue
		}
		if _, err := st.AppendAudit(ctx, o.Actor, "model.retrain", "model:"+v.Model, v); err != nil {
			return nil, err
		}
	}
	progress("done", 100)
	return rep, nil
}

func (o Options) withDefaults() (Options, error) {
	if len(o.Models) == 0 {
		o.Models = Models
	}
	for _, m := range o.Models {
		if !slices.Contains(Models, m) {
			return o, fmt.Errorf("retrain: unknown model %q (known: %v): %w", m, Models, datasets.ErrInvalid)
		}
	}
	if o.Tolerance == 0 {
		o.Tolerance = 0.02
	}
	if o.OutcomeSource == "" {
		o.OutcomeSource = "sim"
	}
	return o, nil
}

// maxAttempts bounds the refits when loads keep changing the data.
const maxAttempts = 3

// fit is one model's outcome: a candidate, or why it was skipped.
type fit struct {
	name    string
	c       *candidate
	skipped string
}

// fitConsistent fits the selected models until one pass saw no data change.
func fitConsistent(ctx context.Context, st Store, o Options, progress Progress) ([]fit, error) {
	for attempt := 1; ; attempt++ {
		v0, err := settledVersion(ctx, st)
		if err != nil {
			return nil, err
		}
		fits, err := fitAll(ctx, st, o, progress)
		if err != nil || st.DataVersion() == v0 {
			return fits, err
		}
		if attempt == maxAttempts {
			return nil, fmt.Errorf("retrain: the data changed during each of %d attempts; run again once the loads are done: %w",
				maxAttempts, datasets.ErrConflict)
		}
		progress(fmt.Sprintf("data changed during the fit: attempt %d of %d", attempt+1, maxAttempts), 0)
	}
}

// settledVersion waits for a write in progress to finish and returns the
// data version.
func settledVersion(ctx context.Context, st Store) (uint64, error) {
	for {
		if v := st.DataVersion(); v%2 == 0 {
			return v, nil
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// fitAll fits every selected model, in the order of Models.
func fitAll(ctx context.Context, st Store, o Options, progress Progress) ([]fit, error) {
	selected := slices.DeleteFunc(slices.Clone(Models), func(m string) bool { return !slices.Contains(o.Models, m) })
	var out []fit
	for i, name := range selected {
		lo, share := 100*float64(i)/float64(len(selected)), 99/float64(len(selected))
		sub := func(stage string, pct float64) { progress(name+": "+stage, lo+share*pct/100) }
		c, err := trainers[name](ctx, st, o, sub)
		if err == nil {
			err = ctx.Err()
		}
		switch {
		case errors.Is(err, errNoData):
			out = append(out, fit{name: name, skipped: "skipped: " + err.Error()})
		case err != nil:
			return nil, fmt.Errorf("retrain %s: %w", name, err)
		default:
			out = append(out, fit{name: name, c: c})
		}
	}
	return out, nil
}

// register stores a candidate as the next version of its model and promotes
// it when the rule allows.
func register(ctx context.Context, st Store, name string, c *candidate, o Options) (Version, error) {
	metrics, err := json.Marshal(c.metrics)
	if err != nil {
		return Version{}, err
	}
	mv, err := st.RegisterModel(ctx, datasets.ModelVersion{Model: name, Metrics: metrics, FeatureSet: c.featureSet,
		DataFingerprint: c.fingerprint, Seed: o.Seed, CodeVersion: codeVersion()}, c.artifact)
	if err != nil {
		return Version{}, err
	}
	v := Version{Model: name, Version: mv.Version, SHA256: mv.SHA256, Metrics: metrics}
	v.Promoted, v.Reason, err = decide(ctx, st, mv, c.logLoss, o)
	if err != nil || !v.Promoted {
		return v, err
	}
	if err := st.Promote(ctx, name, mv.Version, o.Actor, v.Reason); err != nil || c.promoted == nil {
		return v, err
	}
	return v, c.promoted(ctx, mv.Version)
}

// decide applies the promotion rule against the current champion.
func decide(ctx context.Context, st Store, mv datasets.ModelVersion, logLoss float64, o Options) (bool, string, error) {
	list, err := st.ListModels(ctx)
	if err != nil {
		return false, "", err
	}
	var champ *datasets.ModelVersion
	for i := range list {
		if list[i].Model == mv.Model && list[i].Champion {
			champ = &list[i]
		}
	}
	if o.Force {
		return true, "forced by " + o.Actor, nil
	}
	if champ == nil {
		return true, "first version of the model", nil
	}
	var cm struct {
		LogLoss *float64 `json:"log_loss"`
	}
	if err := json.Unmarshal(champ.Metrics, &cm); err != nil || cm.LogLoss == nil || math.IsNaN(logLoss) {
		return false, "", errors.Join(fmt.Errorf("retrain: champion %s v%d metrics unreadable", mv.Model, champ.Version), err)
	}
	limit := *cm.LogLoss * (1 + o.Tolerance)
	if logLoss <= limit {
		return true, fmt.Sprintf("held-out log-loss %.4f ≤ champion v%d's %.4f + %.0f %%", logLoss, champ.Version, *cm.LogLoss, 100*o.Tolerance), nil
	}
	return false, fmt.Sprintf("held-out log-loss %.4f worse than champion v%d's %.4f by more than %.0f %%: kept the champion",
		logLoss, champ.Version, *cm.LogLoss, 100*o.Tolerance), nil
}

// codeVersion is the VCS revision the binary was built from, when known.
func codeVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" {
				return s.Value[:min(12, len(s.Value))]
			}
		}
		return bi.Main.Version
	}
	return "unknown"
}
