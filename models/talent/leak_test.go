package talent

import (
	"context"
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/importers"
	"github.com/podium-sport/podium/datasets/storetest"
	"github.com/podium-sport/podium/models/talent/talenttest"
)

// importSynthetic writes a to a temporary tennis-atp folder and imports it
// into a fresh store.
func importSynthetic(t *testing.T, a *talenttest.ATP) *datasets.Store {
	t.Helper()
	dir := t.TempDir()
	a.Write(t, dir)
	st := storetest.Open(t)
	if _, err := importers.Import(context.Background(), st, "tennis-atp", dir, nil); err != nil {
		t.Fatalf("import synthetic ATP: %v", err)
	}
	return st
}

// cohortRow returns the cohort row of ATP player id, failing when absent.
func cohortRow(t *testing.T, st *datasets.Store, age float64, id int) Row {
	t.Helper()
	c, err := (&Tennis{Store: st, EliteRank: 20}).Cohort(context.Background(), age)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(c.Rows, func(r Row) bool { return r.SourceID == fmt.Sprint(id) })
	if i < 0 {
		t.Fatalf("player %d not in the cohort at %g", id, age)
	}
	return c.Rows[i]
}

// TestNoLookAhead changes every match dated after a player's cut-off — the
// result flipped, both players ranked 1 — and checks that none of his
// features move while his label does (the label may look ahead). A control
// changes one match before the cut-off and must move a feature, so the test
// can fail.
func TestNoLookAhead(t *testing.T) {
	const age = 18
	base := talenttest.Generate(120, 3)
	st := importSynthetic(t, base)
	for _, p := range base.Players[45:47] {
		born, err := time.Parse("20060102", p.Born)
		if err != nil {
			t.Fatal(err)
		}
		cut := born.AddDate(age, 0, 0)
		before := cohortRow(t, st, age, p.ID)
		after := rewrite(base, func(m talenttest.Match) bool {
			return time.Date(m.Year, 6, 1, 0, 0, 0, 0, time.UTC).Compare(cut) >= 0
		})
		got := cohortRow(t, importSynthetic(t, after), age, p.ID)
		if !near(got.X, before.X) {
			t.Errorf("player %d: features moved when only matches after %s changed:\n%v\n%v", p.ID, cut.Format(time.DateOnly), before.X, got.X)
		}
		if got.Elite == before.Elite && !got.Elite {
			t.Errorf("player %d: ranked 1 after the cut-off but not elite", p.ID)
		}
		control := rewrite(base, func(m talenttest.Match) bool {
			return (m.Winner == p.ID || m.Loser == p.ID) && time.Date(m.Year, 6, 1, 0, 0, 0, 0, time.UTC).Before(cut)
		})
		if x := cohortRow(t, importSynthetic(t, control), age, p.ID).X; near(x, before.X) {
			t.Errorf("player %d: features did not move when his matches before the cut-off changed", p.ID)
		}
	}
}

// near reports whether a and b agree to 1e-12 relative: DuckDB's parallel
// sums (avg, regr_slope) may add in another order from one store to the
// next and move the last bits; a leak moves a feature far more.
func near(a, b []float64) bool {
	return slices.EqualFunc(a, b, func(x, y float64) bool { return math.Abs(x-y) <= 1e-12*max(1, math.Abs(x)) })
}

// rewrite returns a copy of a with the matches that pick selects flipped
// and both players ranked 1.
func rewrite(a *talenttest.ATP, pick func(talenttest.Match) bool) *talenttest.ATP {
	b := &talenttest.ATP{Players: a.Players, Matches: slices.Clone(a.Matches)}
	for i, m := range b.Matches {
		if pick(m) {
			b.Matches[i] = talenttest.Match{Year: m.Year, Num: m.Num, Winner: m.Loser, Loser: m.Winner, WinnerRank: 1, LoserRank: 1}
		}
	}
	return b
}
