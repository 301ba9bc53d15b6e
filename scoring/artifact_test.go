package scoring

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/sim"
	"github.com/podium-sport/podium/datasets/storetest"
)

// artifactStore is a simulated store of 600 athletes, its latest result
// and a builder of boards on it with their artifacts.
func artifactStore(t *testing.T) (*datasets.Store, time.Time, func(Config) (*Board, []byte)) {
	t.Helper()
	st := storetest.Open(t)
	ctx := context.Background()
	if _, err := sim.Generate(ctx, st, sim.Config{Athletes: 600, Seed: 3}, nil); err != nil {
		t.Fatal(err)
	}
	asOf, err := LatestResult(ctx, st)
	if err != nil || asOf.Year() != 2025 {
		t.Fatalf("latest result %v: %v", asOf, err)
	}
	return st, asOf, func(cfg Config) (*Board, []byte) {
		t.Helper()
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
}

func TestArtifactRoundTripAndReproducible(t *testing.T) {
	ctx := context.Background()
	st, asOf, build := artifactStore(t)
	cfg := Config{AsOf: asOf, Seed: 7}
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

func TestFamiliesFitRoundTripAndScoreTheirSport(t *testing.T) {
	ctx := context.Background()
	st, asOf, build := artifactStore(t)
	pooled, _ := build(Config{AsOf: asOf, Seed: 7, FamilyElite: -1})
	fam, art := build(Config{AsOf: asOf, Seed: 7, FamilyElite: 5})
	if len(pooled.Families) != 0 || len(fam.Families) == 0 {
		t.Fatalf("families: pooled-only %d, with a threshold of 5 elites %d", len(pooled.Families), len(fam.Families))
	}
	own := map[string]bool{}
	for i, f := range fam.Families {
		own[f.Sport] = true
		if f.TrainElite < 5 || f.TrainN-f.TrainElite < 5 || i > 0 && fam.Families[i-1].Sport >= f.Sport {
			t.Errorf("family %d %+v: under the threshold or out of order", i, f)
		}
	}
	before := map[int64]Interval{} // rows are ordered by score: match them by athlete
	for _, r := range pooled.Rows {
		before[r.AthleteID] = r.PElite
	}
	changed := 0
	for _, r := range fam.Rows {
		if !own[r.Sport] && r.PElite != before[r.AthleteID] {
			t.Fatalf("athlete %d (%s, no model of its own) changed: %+v vs %+v", r.AthleteID, r.Sport, r.PElite, before[r.AthleteID])
		}
		if own[r.Sport] && r.PElite != before[r.AthleteID] {
			changed++
		}
	}
	if changed == 0 {
		t.Error("no athlete of a sport with its own model was scored differently")
	}
	loaded, again := build(Config{AsOf: asOf, Seed: 7, Artifact: art})
	if !bytes.Equal(art, again) || len(loaded.Families) != len(fam.Families) {
		t.Fatal("the artifact with families did not round-trip")
	}
	for i, r := range fam.Rows {
		if loaded.Rows[i].PElite != r.PElite {
			t.Fatalf("row %d from the artifact: %+v vs %+v", i, loaded.Rows[i].PElite, r.PElite)
		}
	}
	if len(fam.Families) > 0 {
		bad := bytes.Replace(art, []byte(`"sport":"`+fam.Families[0].Sport+`"`), []byte(`"sport":"zzz"`), 1)
		if _, err := Build(ctx, st, nil, Config{AsOf: asOf, Artifact: bad}); len(fam.Families) > 1 && err == nil {
			t.Error("families out of sport order were accepted")
		}
	}
}
