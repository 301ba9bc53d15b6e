package console

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file; inspect with go test -update and git diff", name)
	}
}

// The pages as rendered, in both languages, with the random CSRF tokens
// blanked.
func TestPageGoldens(t *testing.T) {
	tests := []struct{ file, user, path string }{
		{"login.vi.html", "", "/console/login?lang=vi"},
		{"alerts.en.html", "hoa", "/console/alerts?lang=en"},
		{"alert.vi.html", "hoa", "/console/alerts/1?lang=vi"},
		{"alert.en.html", "hoa", "/console/alerts/1?lang=en"},
		{"rankings.vi.html", "minh", "/console/rankings?lang=vi"},
		{"athlete.en.html", "admin", "/console/athletes/11?lang=en"},
		{"models.vi.html", "lan", "/console/models?lang=vi"},
		{"forbidden.en.html", "minh", "/console/alerts?lang=en"},
		{"job.vi.html", "lan", "/console/jobs/j1?lang=vi"},
	}
	h := newHarness(t, nil)
	if _, err := h.jobs.StartRetrain(t.Context(), "potential", "lan"); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			c := h.client(t)
			if tt.user != "" {
				c = h.login(t, tt.user)
			}
			body := csrfRe.ReplaceAllString(c.get(tt.path).body, `name="csrf" value="…"`)
			golden(t, tt.file, body)
		})
	}
}

func TestTrajectoryChartGolden(t *testing.T) {
	a, err := fakeTalent{}.Athlete(t.Context(), 12, false)
	if err != nil {
		t.Fatal(err)
	}
	svg := string(trajectorySVG(locales["en"], a))
	// times: lower is better, so the y axis is inverted: the slowest
	// band edge (P10 at 13, 14.0 s) is drawn at the bottom of the plot
	if !strings.Contains(svg, `<title id="traj-12-t">Trajectory of Lê Văn Đức – 100m</title>`) {
		t.Error("no accessible title")
	}
	golden(t, "trajectory.en.svg", svg)
}
