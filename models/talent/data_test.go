package talent

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/importers"
)

// atpDir is the shared ATP dataset behind the full-data tests.
const atpDir = "/work/shared/datasets/tennis-atp"

var (
	atpOnce  sync.Once
	atpStore *datasets.Store
	atpErr   error
	atpTmp   string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if atpStore != nil {
		atpStore.Close()
	}
	if atpTmp != "" {
		os.RemoveAll(atpTmp)
	}
	os.Exit(code)
}

// atp returns a store with the whole ATP dataset, imported once per test
// binary (about 25 s). PODIUM_ATP_DB names an already imported store to
// use instead. It skips under -short and when the data is missing.
func atp(t *testing.T) *datasets.Store {
	t.Helper()
	if testing.Short() {
		t.Skip("full ATP data test: skipped under -short (imports 900k matches)")
	}
	if _, err := os.Stat(atpDir); err != nil {
		t.Skipf("FULL ATP DATA TEST SKIPPED: %s is missing (%v)", atpDir, err)
	}
	atpOnce.Do(func() {
		ctx := context.Background()
		path := os.Getenv("PODIUM_ATP_DB")
		if path == "" {
			if atpTmp, atpErr = os.MkdirTemp("", "talent-atp"); atpErr != nil {
				return
			}
			path = filepath.Join(atpTmp, "atp.duckdb")
		}
		if atpStore, atpErr = datasets.Open(ctx, path); atpErr != nil {
			return
		}
		_, atpErr = importers.Import(ctx, atpStore, "tennis-atp", atpDir, nil)
	})
	if atpErr != nil {
		t.Fatalf("import ATP data: %v", atpErr)
	}
	return atpStore
}
