package retrain

import (
	"context"
	"errors"
	"testing"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/sim"
	"github.com/podium-sport/podium/datasets/storetest"
)

func TestRetrainTwiceSameSeedSameArtifact(t *testing.T) {
	st := storetest.Open(t)
	ctx := context.Background()
	if _, err := sim.Generate(ctx, st, sim.Config{Athletes: 600, Seed: 4}, nil); err != nil {
		t.Fatal(err)
	}
	var stages []string
	progress := func(stage string, pct float64) {
		if pct < 0 || pct > 100 {
			t.Errorf("stage %q at %v %%", stage, pct)
		}
		stages = append(stages, stage)
	}
	first, err := Run(ctx, st, Options{Seed: 11, Actor: "test"}, progress)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Run(ctx, st, Options{Seed: 11, Actor: "test"}, nil)
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
	other, err := Run(ctx, st, Options{Seed: 12, Tolerance: -0.5, Actor: "test"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if v := other.Versions[0]; v.Promoted || v.SHA256 == a.SHA256 {
		t.Errorf("a version required to be 50 %% better was promoted, or another seed gave the same artifact: %+v", v)
	}
	forced, err := Run(ctx, st, Options{Seed: 12, Tolerance: -0.5, Force: true, Actor: "ops"}, nil)
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
