package integrity

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestEvidenceGolden pins the evidence pack of the top alert of simulated
// league 7 (a planted fix): its shape is what the console charts.
func TestEvidenceGolden(t *testing.T) {
	_, all, _ := simStore(t, 7)
	scored, err := Score(all, Default())
	if err != nil {
		t.Fatal(err)
	}
	as, err := MatchAlerts(scored, Default())
	if err != nil || len(as) == 0 {
		t.Fatalf("alerts: %v (%d)", err, len(as))
	}
	var ev struct {
		Odds []struct {
			Bookmaker string `json:"bookmaker"`
			Selection string `json:"selection"`
			Points    []struct {
				Phase   string  `json:"phase"`
				Price   float64 `json:"price"`
				Implied float64 `json:"implied"`
			} `json:"points"`
		} `json:"odds"`
		Signals    []Signal                   `json:"signals"`
		ModelPrice map[string]json.RawMessage `json:"model_price"`
		Result     map[string]any             `json:"result"`
	}
	if err := json.Unmarshal(as[0].Evidence, &ev); err != nil {
		t.Fatal(err)
	}
	// five books × three selections, three phases each
	if len(ev.Odds) != 15 || len(ev.Odds[0].Points) != 3 || ev.Odds[0].Points[0].Phase != "opening" ||
		len(ev.Signals) < 7 || len(ev.ModelPrice) != 4 || ev.Result["outcome"] == nil {
		t.Errorf("evidence shape: %s", as[0].Evidence)
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, as[0].Evidence, "", "  "); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "evidence_sim7.golden.json")
	if *update {
		if err := os.WriteFile(golden, pretty.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(pretty.Bytes(), want) {
		t.Errorf("evidence differs from %s (run with -update after checking the change):\n%s", golden, pretty.Bytes())
	}
}
