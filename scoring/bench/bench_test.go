package bench

import (
	"context"
	"os/exec"
	"testing"
)

// TestRunSmall runs the whole harness on a small database: every case must
// produce rows and the ratios must be present; pandas joins when the Debian
// python3 has it.
func TestRunSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("simulates and loads a database; skipped with -short")
	}
	cfg := Config{Results: 20000, Seed: 3, Dir: t.TempDir()}
	if err := exec.Command("/usr/bin/python3", "-c", "import pandas").Run(); err == nil {
		cfg.Python = "/usr/bin/python3"
	} else {
		t.Log("no pandas on /usr/bin/python3: pandas case skipped (apt-get install python3-pandas)")
	}
	rep, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"simulate": true, "ingest": true, "features-arrow": true, "duckdb-alone": true, "sql-scan": true}
	if cfg.Python != "" {
		want["pandas"] = true
	}
	var featureRows int64
	for _, c := range rep.Cases {
		if c.Rows <= 0 || c.Seconds <= 0 || c.RowsPerS <= 0 {
			t.Errorf("case %+v: empty", c)
		}
		if c.Name == "features-arrow" {
			featureRows = c.Out
		}
		delete(want, c.Name)
	}
	if len(want) > 0 {
		t.Errorf("cases missing: %v", want)
	}
	for _, c := range rep.Cases {
		if (c.Name == "duckdb-alone" || c.Name == "sql-scan" || c.Name == "pandas") && c.Out != featureRows {
			t.Errorf("%s: %d rows out, features %d", c.Name, c.Out, featureRows)
		}
	}
	if rep.Results < 15000 || rep.IngestRowsPerS <= 0 || rep.Ratios["features_vs_duckdb_raw"] <= 0 || rep.Ratios["sql_scan_vs_arrow"] <= 0 {
		t.Errorf("report %+v", rep)
	}
	t.Logf("%+v", rep)
}

func TestRunRefusesTinySizes(t *testing.T) {
	if _, err := Run(context.Background(), Config{Results: 10, Dir: t.TempDir()}); err == nil {
		t.Error("no error for 10 results")
	}
}
