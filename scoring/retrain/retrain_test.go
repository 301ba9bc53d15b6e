package retrain

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/sim"
	"github.com/podium-sport/podium/datasets/storetest"
)

// simStore is a temporary store holding a simulated dataset.
func simStore(t *testing.T, athletes int, seed uint64) *datasets.Store {
	t.Helper()
	st := storetest.Open(t)
	if _, err := sim.Generate(context.Background(), st, sim.Config{Athletes: athletes, Seed: seed}, nil); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestRetrainTwiceSameSeedSameArtifact(t *testing.T) {
	st := simStore(t, 600, 4)
	ctx := context.Background()
	var stages []string
	progress := func(stage string, pct float64) {
		if pct < 0 || pct > 100 {
			t.Errorf("stage %q at %v %%", stage, pct)
		}
		stages = append(stages, stage)
	}
	first, err := Run(ctx, st, Options{Models: []string{Talent}, Seed: 11, Actor: "test"}, progress)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Run(ctx, st, Options{Models: []string{Talent}, Seed: 11, Actor: "test"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, b := first.Versions[0], second.Versions[0]
	if a.SHA256 != b.SHA256 || a.Version != 1 || b.Version != 2 || len(a.SHA256) != 64 {
		t.Fatalf("versions %+v and %+v: want the same sha256 for the same data and seed", a, b)
	}
	if !a.Promoted || a.Reason != "first version of the model" || !b.Promoted || first.Board == nil {
		t.Errorf("promotion: %+v, %+v", a, b)
	}
	if len(stages) < 5 || stages[len(stages)-1] != "done" {
		t.Errorf("progress stages %v", stages)
	}
	other, err := Run(ctx, st, Options{Models: []string{Talent}, Seed: 12, Tolerance: -0.5, Actor: "test"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if v := other.Versions[0]; v.Promoted || v.SHA256 == a.SHA256 {
		t.Errorf("a version required to be 50 %% better was promoted, or another seed gave the same artifact: %+v", v)
	}
	forced, err := Run(ctx, st, Options{Models: []string{Talent}, Seed: 12, Tolerance: -0.5, Force: true, Actor: "ops"}, nil)
	if err != nil || !forced.Versions[0].Promoted || forced.Versions[0].Reason != "forced by ops" {
		t.Errorf("forced: %+v, %v", forced, err)
	}
	list, err := st.ListModels(ctx)
	if err != nil || len(list) != 4 || !list[3].Champion {
		t.Errorf("registry: %+v, %v", list, err)
	}
	if _, err := Run(ctx, st, Options{Models: []string{"nope"}}, nil); !errors.Is(err, datasets.ErrInvalid) {
		t.Errorf("unknown model: %v", err)
	}
}

// movingStore reports a data version that moves between each pair of reads
// for the first moves fits: loads committing while the models are fitted.
type movingStore struct {
	*datasets.Store
	moves, calls int
}

func (m *movingStore) DataVersion() uint64 {
	m.calls++
	if (m.calls+1)/2 <= m.moves {
		return uint64(2 * m.calls)
	}
	return 1000
}

func TestRetrainRefitsWhenTheDataMoves(t *testing.T) {
	st := simStore(t, 300, 2)
	ctx := context.Background()
	var stages []string
	progress := func(stage string, _ float64) { stages = append(stages, stage) }
	ms := &movingStore{Store: st, moves: 1}
	rep, err := Run(ctx, ms, Options{Models: []string{Trajectory}, Actor: "test"}, progress)
	if err != nil || len(rep.Versions) != 1 || !slices.Contains(stages, "data changed during the fit: attempt 2 of 3") {
		t.Fatalf("one move: %+v, %v, stages %v", rep, err, stages)
	}
	ms = &movingStore{Store: st, moves: maxAttempts}
	if _, err := Run(ctx, ms, Options{Models: []string{Trajectory}, Actor: "test"}, nil); !errors.Is(err, datasets.ErrConflict) {
		t.Fatalf("moving at every attempt: %v, want ErrConflict", err)
	}
	if list, _ := st.ListModels(ctx); len(list) != 1 {
		t.Errorf("%d versions registered, want only the first run's", len(list))
	}
}
