package live

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"sync/atomic"

	"github.com/podium-sport/podium/api"
	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/models/drift"
	"github.com/podium-sport/podium/scoring"
	"github.com/podium-sport/podium/scoring/retrain"
)

// Store is what the live services read and write (*datasets.Store).
type Store interface {
	retrain.Store
	LoadModel(ctx context.Context, model string, version int) (datasets.ModelVersion, []byte, error)
	UpsertAlerts(ctx context.Context, alerts []datasets.NewAlert) (*datasets.AlertsReport, error)
}

// Talent holds the talent board in use.
type Talent struct {
	st      Store
	log     *slog.Logger
	board   atomic.Pointer[scoring.Board]
	version atomic.Int64 // registry version of the model in use; 0 = fitted at start-up
	failed  atomic.Pointer[string]
	drift   atomic.Pointer[map[string]float64] // of the board in use
	pages   pages                              // encoded ranking pages of the board in use
}

// NewTalent returns an empty holder; call Load.
func NewTalent(st Store, log *slog.Logger) *Talent {
	return &Talent{st: st, log: log}
}

// Load builds the board as of the latest data, with the champion talent
// artifact when the registry has a sound one, and puts it in use.
func (t *Talent) Load(ctx context.Context) error {
	art, version := t.champion(ctx)
	asOf, err := scoring.LatestResult(ctx, t.st)
	if err == nil && asOf.IsZero() {
		err = errors.New("no results in the database")
	}
	var b *scoring.Board
	if err == nil {
		b, err = scoring.Build(ctx, t.st, t.outcomes, scoring.Config{AsOf: asOf.AddDate(0, 0, 1), Artifact: art})
	}
	if err != nil {
		msg := err.Error()
		t.failed.Store(&msg)
		return fmt.Errorf("live: talent board: %w", err)
	}
	t.Swap(ctx, b, version)
	return nil
}

// champion is the champion talent artifact and its version, or nil when
// there is none or it is corrupt (logged).
func (t *Talent) champion(ctx context.Context) ([]byte, int) {
	list, err := t.st.ListModels(ctx)
	if err != nil {
		t.log.Error("model registry unreadable; fitting the talent model afresh", "err", err)
		return nil, 0
	}
	for _, mv := range list {
		if mv.Model != retrain.Talent || !mv.Champion {
			continue
		}
		_, art, err := t.st.LoadModel(ctx, mv.Model, mv.Version)
		if err != nil {
			t.log.Error("champion talent artifact refused; fitting the talent model afresh",
				"version", mv.Version, "err", err)
			return nil, 0
		}
		return art, mv.Version
	}
	return nil, 0
}

func (t *Talent) outcomes(ctx context.Context) (map[int64]string, error) {
	known, err := t.st.Outcomes(ctx, "sim")
	if err != nil {
		return nil, err
	}
	out := make(map[int64]string, len(known))
	for id, o := range known {
		out[id] = o.SeniorLevel
	}
	return out, nil
}

// Swap puts b in use (version: its registry version, 0 if unregistered).
// Requests that already hold the previous board finish on it.
func (t *Talent) Swap(ctx context.Context, b *scoring.Board, version int) {
	psi := b.Drift()
	t.drift.Store(&psi)
	t.board.Store(b)
	t.version.Store(int64(version))
	t.failed.Store(nil)
	t.log.Info("talent board in use", "as_of", b.AsOf.Format("2006-01-02"), "rows", len(b.Rows), "model_version", version)
	t.driftAlert(ctx, psi)
}

// Board is the board in use, or api.ErrUnavailable while none is.
func (t *Talent) Board() (*scoring.Board, error) {
	if b := t.board.Load(); b != nil {
		return b, nil
	}
	if msg := t.failed.Load(); msg != nil {
		return nil, fmt.Errorf("%w: the talent board could not be built: %s", api.ErrUnavailable, *msg)
	}
	return nil, fmt.Errorf("%w: the talent board is being built; retry shortly", api.ErrUnavailable)
}

// Version is the registry version of the talent model in use (0: fitted at
// start-up, not registered).
func (t *Talent) Version() int { return int(t.version.Load()) }

// driftAlert raises a data-quality alert when a feature drifted past
// drift.Alert.
func (t *Talent) driftAlert(ctx context.Context, psi map[string]float64) {
	var over []string
	for f, v := range psi {
		if v > drift.Alert {
			over = append(over, f)
		}
	}
	if len(over) == 0 {
		return
	}
	sort.Strings(over)
	ev, _ := json.Marshal(map[string]any{"psi": psi, "threshold": drift.Alert, "features_over": over,
		"statement": "the athletes being ranked differ from those the talent model was trained on; retrain or check the data loads"})
	if _, err := t.st.UpsertAlerts(ctx, []datasets.NewAlert{{Type: "data-quality", Subject: "model:talent",
		Severity: 0.5, Evidence: ev}}); err != nil {
		t.log.Error("drift alert not recorded", "err", err)
	}
}
