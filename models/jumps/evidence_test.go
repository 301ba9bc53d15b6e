package jumps

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/podium-sport/podium/models/trajectory"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestEvidenceGolden builds the evidence pack of a hand-made long jumper:
// two history results, a scored result inside his band and a 7.80 m jump
// after a 400-day break, flagged by z and by the CUSUM crossing.
func TestEvidenceGolden(t *testing.T) {
	rs := []Result{
		{ID: 1, Date: "2021-06-01", AgeYears: 21.40, Mark: 7.40},
		{ID: 2, Date: "2021-07-01", AgeYears: 21.48, Mark: 7.45},
		{ID: 3, Date: "2021-08-01", AgeYears: 21.57, Mark: 7.42},
		{ID: 4, Date: "2022-09-05", AgeYears: 22.66, Mark: 7.80},
	}
	band := trajectory.Point{Mean: 7.45, Lower95: 7.25, Upper95: 7.65}
	cs := []Check{
		{Result: rs[2], Forecast: band, Prior: 2, PrevAge: 21.48, GapDays: 31, Scale: 1, Z: -0.5},
		{Result: rs[3], Forecast: band, Prior: 3, PrevAge: 21.57, GapDays: 400, Scale: 1.1, Z: 3.6, CUSUM: 3.1},
	}
	ev := Evidence{Model: "test", Budget: 0.005, Thresholds: Thresholds{Z: 3.2, CUSUM: 3}}
	if !ev.Add("long-jump (M)", "m", rs, cs, func(r Result) []Caveat { return Conditions(1.2, true, "Sestriere (ITA)") }) {
		t.Fatal("the 7.80 m jump was not flagged")
	}
	got, err := json.MarshalIndent(ev, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "evidence.golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("evidence pack differs from %s (run with -update after checking it):\n%s", path, got)
	}
}
