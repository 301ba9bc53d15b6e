package integrity

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/sim"
	"github.com/podium-sport/podium/datasets/storetest"
)

// simTruth is what the simulator planted: fixed match source ids and the
// referees involved in fixes.
type simTruth struct {
	fixed    map[string]bool
	referees map[string]bool
}

// simStore generates the simulator's league with seed and loads it.
func simStore(t *testing.T, seed uint64) (*datasets.Store, []Match, simTruth) {
	t.Helper()
	ctx := context.Background()
	st := storetest.Open(t)
	if _, err := sim.Generate(ctx, st, sim.Config{Athletes: 50, Seed: seed}, nil); err != nil {
		t.Fatal(err)
	}
	all, err := Load(ctx, st, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	// Only the evaluation reads the truth tables.
	rows, err := st.Query(ctx, "SELECT subject, detail FROM truth_events WHERE kind = ?", sim.KindFixedMatch)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	tr := simTruth{fixed: map[string]bool{}, referees: map[string]bool{}}
	for rows.Next() {
		var subject, detail string
		if err := rows.Scan(&subject, &detail); err != nil {
			t.Fatal(err)
		}
		tr.fixed[subject] = true
		var d struct {
			Referee     string `json:"referee"`
			RefInvolved bool   `json:"referee_involved"`
		}
		if err := json.Unmarshal([]byte(detail), &d); err != nil {
			t.Fatal(err)
		}
		if d.RefInvolved {
			tr.referees[d.Referee] = true
		}
	}
	return st, all, tr
}

// TestDetectorRecallSim: on one simulated league (910 matches, 19 planted
// fixes with seed 7, i.e. 2 %), an alert budget of 2 % of the matches must
// hold most fixes, and the detector's own alerts must be mostly true ones:
// at most Alpha × 910 = 4.55 untouched matches alerted (the rate Alpha
// bounds), at least as many fixes.
func TestDetectorRecallSim(t *testing.T) {
	_, all, tr := simStore(t, 7)
	scored, err := Score(all, Default())
	if err != nil {
		t.Fatal(err)
	}
	truth := func(k int) bool { return tr.fixed[scored[k].Match.Ref] }
	hits, alerts := hitsAt(Ranked(scored), truth)
	if recall := float64(hits[3]) / float64(len(tr.fixed)); recall < 0.6 {
		t.Errorf("recall at a 2 %% budget (%d alerts) = %.2f (%d of %d fixes), want ≥ 0.6", alerts[3], recall, hits[3], len(tr.fixed))
	}
	base, _ := hitsAt(consensusOnly(scored), truth)
	if base[3] >= hits[3] {
		t.Errorf("consensus-move-only baseline finds %d fixes at 2 %%, the detector %d: no better than the baseline", base[3], hits[3])
	}
	as, err := MatchAlerts(scored, Default())
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]string{}
	for _, s := range scored {
		byID["match:"+strconv.FormatInt(s.Match.ID, 10)] = s.Match.Ref
	}
	found := 0
	for _, a := range as {
		if tr.fixed[byID[a.Subject]] {
			found++
		}
	}
	untouched := len(as) - found
	t.Logf("%d alerts: %d planted fixes, %d untouched matches", len(as), found, untouched)
	if float64(untouched) > Default().Alpha*float64(len(scored)) || found < untouched || found == 0 {
		t.Errorf("%d alerts: %d planted fixes and %d untouched matches, want at most %.2f untouched and at least as many fixes",
			len(as), found, untouched, Default().Alpha*float64(len(scored)))
	}
}

// TestEvaluateSim pools five simulated leagues and logs recall, precision
// and the baselines at the reported budgets, and the entity-level results
// for the compromised referees.
func TestEvaluateSim(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluation over five simulated leagues (about 10 s) skipped under -short")
	}
	var ev evaluation
	var refs, refsFound, falseEnt, entities int
	for seed := uint64(1); seed <= 5; seed++ {
		_, all, tr := simStore(t, seed)
		scored, err := Score(all, Default())
		if err != nil {
			t.Fatal(err)
		}
		ev.add(scored, func(k int) bool { return tr.fixed[scored[k].Match.Ref] }, len(tr.fixed))
		if seed == 1 {
			logLosses(t, scored)
		}
		for _, r := range EntityRuns(scored, Default()) {
			entities++
			name, isRef := strings.CutPrefix(r.Entity, "referee:")
			bad := isRef && tr.referees[name]
			if bad {
				t.Logf("seed %d: compromised %s: %d matches, %d steamed results (%.1f expected), p = %.4f, q = %.3f",
					seed, r.Entity, r.Matches, r.Hits, r.Expected, r.P, r.Q)
			}
			switch {
			case r.Q <= Default().FDR && bad:
				refsFound++
			case r.Q <= Default().FDR:
				falseEnt++
			}
		}
		refs += len(tr.referees)
	}
	rec := ev.report(t, "simulated fixes")
	t.Logf("entities: %d of %d compromised referees at q ≤ %.2f; %d other entities (of %d tested) flagged",
		refsFound, refs, Default().FDR, falseEnt, entities)
	if rec[2] < 0.4 {
		t.Errorf("pooled recall at 1 %% = %.2f, want ≥ 0.4", rec[2])
	}
}
