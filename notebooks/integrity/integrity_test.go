package main

import (
	"context"
	"strings"
	"testing"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/sim"
	"github.com/podium-sport/podium/datasets/storetest"
	"github.com/podium-sport/podium/notebooks/report/reporttest"
)

// league7 is a store with the simulated league of seed 7.
func league7(t *testing.T) *datasets.Store {
	t.Helper()
	st := storetest.Open(t)
	if _, err := sim.Generate(context.Background(), st, sim.Config{Athletes: 50, Seed: 7}, nil); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestBuild runs the notebook on one small simulated league (seed 7: 910
// matches, 19 planted fixes, as models/integrity's TestDetectorRecallSim):
// the page must hold the recall chart and the evidence chart, the league,
// budget and signal tables, and an evidence match that is a planted fix.
func TestBuild(t *testing.T) {
	page, err := (&options{}).build(context.Background(), league7(t))
	if err != nil {
		t.Fatal(err)
	}
	html, svgs, tables := reporttest.Render(t, page)
	if svgs != 2 || tables != 3 {
		t.Errorf("%d charts and %d tables, want 2 and 3", svgs, tables)
	}
	for _, want := range []string{"Recall of planted fixes against alert rate", "Odds of the result that came in", "a planted fix.", "consensus_move"} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// TestRecall: on the same league the detector must find more planted fixes
// than the consensus-move baseline at a 2 % budget (the model's own test
// asserts recall ≥ 0.6 there), and recall can only grow with the budget.
func TestRecall(t *testing.T) {
	l, err := loadLeague(context.Background(), league7(t), "seed 7")
	if err != nil {
		t.Fatal(err)
	}
	ls := []league{l}
	det, base := at(ls, rankings[0], 0.02), at(ls, rankings[1], 0.02)
	if det.recall() < 0.6 || det.hits <= base.hits {
		t.Errorf("at 2 %%: detector %d/%d, baseline %d/%d; want recall ≥ 0.6 and more than the baseline", det.hits, det.cases, base.hits, base.cases)
	}
	prev := 0.0
	for _, rate := range []float64{0.001, 0.005, 0.01, 0.02, 0.05} {
		r := at(ls, rankings[0], rate).recall()
		if r < prev {
			t.Errorf("recall %.2f at %.1f %% is below %.2f at a smaller budget", r, 100*rate, prev)
		}
		prev = r
	}
}

func TestDecodeEvidence(t *testing.T) {
	tests := []struct{ name, in, err string }{
		{"ok", `{"odds":[{"bookmaker":"b1","selection":"home","points":[{"phase":"opening","price":2.1},{"phase":"closing","price":1.8}]}],"result":{"match":"m","outcome":"home"}}`, ""},
		{"not json", `[`, "evidence pack"},
		{"no outcome", `{"result":{"match":"m"}}`, "no outcome"},
		{"bad phase", `{"odds":[{"bookmaker":"b1","selection":"home","points":[{"phase":"half-time"}]}],"result":{"match":"m","outcome":"home"}}`, "unknown phase"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev, err := decodeEvidence([]byte(tt.in))
			if (err == nil) != (tt.err == "") || (err != nil && !strings.Contains(err.Error(), tt.err)) {
				t.Fatalf("decodeEvidence: %v, want error ~ %q", err, tt.err)
			}
			if err == nil {
				books, odds := ev.series(func(price, _ float64) float64 { return price })
				// opening 2.1, no pre-match price, closing 1.8.
				if len(books) != 1 || odds[0][0] != 2.1 || odds[0][2] != 1.8 || odds[0][1] == odds[0][1] {
					t.Errorf("series %v %v, want b1 [2.1 NaN 1.8]", books, odds)
				}
			}
		})
	}
}

// FuzzDecodeEvidence: no input makes decoding or charting an evidence pack
// panic.
func FuzzDecodeEvidence(f *testing.F) {
	f.Add([]byte(`{"odds":[{"bookmaker":"b1","selection":"away","points":[{"phase":"pre-match","price":3}]}],"result":{"match":"m","outcome":"away"}}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		ev, err := decodeEvidence(in)
		if err != nil {
			return
		}
		ev.series(func(price, implied float64) float64 { return price + implied })
	})
}
