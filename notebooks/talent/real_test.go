package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/podium-sport/podium/datasets/importers"
	"github.com/podium-sport/podium/datasets/storetest"
)

// swimmingDir is the shared FFN 100 m freestyle dataset, from the
// repository root's sibling folder shared/datasets.
var swimmingDir = filepath.Join("..", "..", "..", "shared", "datasets", "swimming-ffn-100m-freestyle")

// TestRealSwimmers runs the swimmers' back-test on the FFN data with the
// MagmaClust split (6–20 s, with the machine's load): the mixed model must
// beat the curve-plus-offset baseline for both sexes and its 95 % interval
// cover 92–98 % of the later points (models/trajectory measured 3.54 / 2.29
// s² against 5.2 / 3.9, coverage 94.4 / 95.7 %).
func TestRealSwimmers(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIPPED under -short: the FFN swimmers' back-test takes about 30 s")
	}
	if _, err := os.Stat(swimmingDir); err != nil {
		t.Skipf("SKIPPED: shared swimming data not found at %s (%v): the real-data swimmers section was not checked", swimmingDir, err)
	}
	ctx := context.Background()
	st := storetest.Open(t)
	if _, err := importers.Import(ctx, st, "swimming", swimmingDir, nil); err != nil {
		t.Fatal(err)
	}
	all, err := readSwimmers(ctx, st, "ffn")
	if err != nil {
		t.Fatal(err)
	}
	isTest, err := testSet(all, filepath.Join(swimmingDir, "split_magmaclust.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, sex := range []string{"F", "M"} {
		m, train, test, err := fitSex(all, sex, isTest)
		if err != nil {
			t.Fatal(err)
		}
		_, sc, err := scoreRows(m, sex, len(train), test)
		if err != nil {
			t.Fatal(err)
		}
		model, base := sc[0], sc[1]
		t.Logf("sex %s: %d test swimmers, model MSE %.2f s² (coverage %.1f %%), baseline %.2f s² (%.1f %%)",
			sex, model.Series, model.MSE, 100*model.Coverage95, base.MSE, 100*base.Coverage95)
		if model.MSE >= base.MSE || model.Coverage95 < 0.92 || model.Coverage95 > 0.98 {
			t.Errorf("sex %s: model MSE %.2f (coverage %.3f) vs baseline %.2f: want lower MSE and coverage in [0.92, 0.98]",
				sex, model.MSE, model.Coverage95, base.MSE)
		}
	}
}
