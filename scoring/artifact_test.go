package scoring

import (
	"bytes"
	"context"
	"testing"

	"github.com/podium-sport/podium/datasets/sim"
	"github.com/podium-sport/podium/datasets/storetest"
)

func TestArtifactRoundTripAndReproducible(t *testing.T) {
	st := storetest.Open(t)
	ctx := context.Background()
	if _, err := sim.Generate(ctx, st, sim.Config{Athletes: 600, Seed: 3}, nil); err != nil {
		t.Fatal(err)
	}
	asOf, err := LatestResult(ctx, st)
	if err != nil || asOf.Year() != 2025 {
		t.Fatalf("latest result %v: %v", asOf, err)
	}
	cfg := Config{AsOf: asOf, Seed: 7}
	build := func(cfg Config) (*Board, []byte) {
		b, err := Build(ctx, st, outcomesOf(st), cfg)
		if err != nil {
			t.Fatal(err)
		}
		art, err := b.Artifact()
		if err != nil {
			t.Fatal(err)
		}
		return b, art
	}
	b1, art1 := build(cfg)
	_, art2 := build(cfg)
	if !bytes.Equal(art1, art2) {
		t.Fatal("two builds with the same data and seed gave different artifacts")
	}
	cfg.Artifact = art1
	b3, art3 := build(cfg)
	if !bytes.Equal(art1, art3) {
		t.Error("re-encoding a loaded artifact changed it")
	}
	for i, r := range b1.Rows {
		if b3.Rows[i].AthleteID != r.AthleteID || b3.Rows[i].PElite != r.PElite {
			t.Fatalf("row %d: %+v vs %+v from the artifact", i, b3.Rows[i].PElite, r.PElite)
		}
	}
	if d := b1.Drift(); len(d) != len(featureList) {
		t.Errorf("drift of %d features: %v", len(d), d)
	}
	cfg.Artifact = append([]byte(nil), art1[:len(art1)/2]...)
	if _, err := Build(ctx, st, nil, cfg); err == nil {
		t.Error("a truncated artifact was accepted")
	}
}
