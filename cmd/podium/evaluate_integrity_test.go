package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/podium-sport/podium/models/integrity"
)

// evaluateJSON runs `podium evaluate integrity --json` with args and
// decodes its report.
func evaluateJSON(t *testing.T, args ...string) *integrityEvaluation {
	t.Helper()
	code, out, errOut := runCLI(t, append([]string{"evaluate", "integrity", "--json"}, args...)...)
	if code != exitOK {
		t.Fatalf("evaluate integrity: exit %d: %s", code, errOut)
	}
	var rep integrityEvaluation
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	return &rep
}

// checkMatchArithmetic checks that the match report's rates are its counts'
// ratios: recall per pattern and overall, precision, untouched matches.
func checkMatchArithmetic(t *testing.T, m *integrity.Evaluation, planted int) {
	t.Helper()
	if m.Planted != planted || m.Untouched != m.Scored-planted {
		t.Errorf("planted %d of %d scored, %d untouched; want %d planted", m.Planted, m.Scored, m.Untouched, planted)
	}
	var sum, found int
	for _, p := range integrity.Patterns {
		r, ok := m.ByPattern[p]
		if !ok || r.Planted != planted/len(integrity.Patterns) {
			t.Errorf("pattern %s: %+v, want %d planted (patterns take turns)", p, r, planted/len(integrity.Patterns))
		}
		if r.Found > r.Planted || math.Abs(r.Recall-float64(r.Found)/float64(r.Planted)) > 1e-12 {
			t.Errorf("pattern %s: recall %.4f for %d of %d found", p, r.Recall, r.Found, r.Planted)
		}
		sum, found = sum+r.Planted, found+r.Found
	}
	if sum != planted || math.Abs(m.Recall-float64(found)/float64(planted)) > 1e-12 {
		t.Errorf("overall recall %.4f, patterns found %d of %d", m.Recall, found, sum)
	}
	if m.Alerts > 0 && math.Abs(m.Precision-float64(found)/float64(m.Alerts)) > 1e-12 {
		t.Errorf("precision %.4f for %d found among %d alerts", m.Precision, found, m.Alerts)
	}
	if want := float64(m.Alerts-found) / float64(m.Untouched); math.Abs(m.UntouchedAlertRate-want) > 1e-12 {
		t.Errorf("untouched alert rate %.5f, want (alerts − found)/untouched = %.5f", m.UntouchedAlertRate, want)
	}
}

func TestCLIEvaluateIntegrity(t *testing.T) {
	db := filepath.Join(t.TempDir(), "e.duckdb")
	if code, _, errOut := runCLI(t, "generate", "--db", db, "--athletes", "50", "--seed", "3"); code != exitOK {
		t.Fatalf("generate: exit %d: %s", code, errOut)
	}
	_, before, _ := runCLI(t, "stats", "--db", db)
	rep := evaluateJSON(t, "--db", db, "--plant", "6", "--seed", "4", "--athletes", "3000")
	if _, after, _ := runCLI(t, "stats", "--db", db); after != before {
		t.Errorf("the evaluation changed the store:\n%s\nthen\n%s", before, after)
	}
	// The simulated league: 910 matches, all scored (see TestCLIDetectMatch).
	if rep.Matches == nil || rep.Matches.Scored != 910 {
		t.Fatalf("matches: %+v, want 910 scored", rep.Matches)
	}
	checkMatchArithmetic(t, rep.Matches, 6)
	b := rep.Blood
	if b == nil || b.Athletes == 0 || len(b.ValueSpecificity) != 3 || len(b.ByPattern) == 0 || b.Population == nil {
		t.Fatalf("blood: %+v", b)
	}
	for name, v := range b.ValueSpecificity {
		if v < 0.95 || v > 1 { // 99 % by construction; 0.95 leaves room for a small squad
			t.Errorf("blood value specificity %s = %.4f", name, v)
		}
	}
	if a := rep.Age; a == nil || a.Screened == 0 || a.Alerts == 0 || a.Found > a.Alerts || a.PlantedMeasured > a.Planted {
		t.Errorf("age: %+v", a)
	}
	if len(rep.Targets) != 2+3+len(b.ByPattern) || rep.Seconds <= 0 {
		t.Errorf("targets %+v, seconds %v", rep.Targets, rep.Seconds)
	}
	var table bytes.Buffer
	printIntegrityEvaluation(&cliEnv{stdout: &table}, rep)
	for _, want := range []string{"match fixing: 910 matches scored in 1 trial(s), 6 fixes planted", "favourite_loses", "blood passport:", "age fraud", "targets:"} {
		if !strings.Contains(table.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, table.String())
		}
	}
}

func TestCLIEvaluateUsage(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"no kind", []string{"evaluate"}},
		{"unknown kind", []string{"evaluate", "doping"}},
		{"negative plants", []string{"evaluate", "integrity", "--plant", "-1"}},
		{"bad flag", []string{"evaluate", "integrity", "--nonsense"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if code, _, _ := runCLI(t, tc.args...); code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
		})
	}
}

// TestEvaluateIntegrityEngland plants 30 fixes into England 2015–18 (the
// matches with Pinnacle's opening and closing prices) and checks the
// detector against its alert budget and the any-10-point-move baseline.
func TestEvaluateIntegrityEngland(t *testing.T) {
	const england = "/work/shared/datasets/football-odds/england"
	if testing.Short() {
		t.Skip("full-data test (import of England 1993–2018 and a detection run, about a minute) skipped under -short")
	}
	if _, err := os.Stat(england); err != nil {
		t.Skipf("SKIPPED: full-data test needs %s (%v)", england, err)
	}
	dir := t.TempDir()
	if err := os.Symlink(england, filepath.Join(dir, "england")); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "f.duckdb")
	if code, _, errOut := runCLI(t, "import", "--db", db, "football-data", dir); code != exitOK {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	rep := evaluateJSON(t, "--db", db, "--plant", "30", "--seed", "1", "--athletes", "0")
	m := rep.Matches
	var table bytes.Buffer
	printIntegrityEvaluation(&cliEnv{stdout: &table}, rep)
	t.Log("\n" + table.String())
	if m.Scored < 7000 {
		t.Fatalf("%d matches scored, want the 7,000+ with Pinnacle closing prices", m.Scored)
	}
	checkMatchArithmetic(t, m, 30)
	if budget := int(math.Ceil(integrity.Default().MaxRate * float64(m.Scored))); m.Alerts > budget {
		t.Errorf("%d alerts exceed the budget of %d", m.Alerts, budget)
	}
	if m.Recall <= m.Any10Recall {
		t.Errorf("recall %.3f does not beat the any-10-point rule's %.3f", m.Recall, m.Any10Recall)
	}
}
