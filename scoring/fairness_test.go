package scoring

import (
	"math"
	"testing"
)

// pool builds members: per birth quarter, (in pool, selected).
func quarterPool(counts map[int][2]int) []Member {
	var out []Member
	for q, c := range counts {
		for i := 0; i < c[0]; i++ {
			out = append(out, Member{Selected: i < c[1], BirthQuarter: q, Sex: "M", Province: "Hà Nội"})
		}
	}
	return out
}

func TestFairnessAuditOddsRatio(t *testing.T) {
	// Hand-computed (python): Q1 30/100 selected, Q4 10/100:
	// OR = (30/70)/(10/90) = 3.857143, Woolf 95 % [1.766603, 8.421560].
	// Q1 5/16, Q4 0/20 → Haldane 0.5: (5.5/11.5)/(0.5/20.5) = 19.608696 [0.992249, 387.504687].
	cases := []struct {
		name              string
		counts            map[int][2]int
		or, lo, hi        float64
		corrected         bool
		q1TopPct, q1Ratio float64
	}{
		{"RAE", map[int][2]int{1: {100, 30}, 2: {100, 20}, 3: {100, 15}, 4: {100, 10}},
			3.857143, 1.766603, 8.421560, false, 40, 1.6},
		{"zero cell", map[int][2]int{1: {16, 5}, 4: {20, 0}},
			19.608696, 0.992249, 387.504687, true, 100, 100 / (100 * 16.0 / 36)},
	}
	for _, c := range cases {
		a := FairnessAudit(quarterPool(c.counts))
		got := a.Q1vsQ4
		for _, v := range [][2]float64{{got.Value, c.or}, {got.Lower, c.lo}, {got.Upper, c.hi}} {
			if math.Abs(v[0]-v[1]) > 1e-5*v[1] {
				t.Errorf("%s: odds ratio %+v, want %v [%v, %v]", c.name, got, c.or, c.lo, c.hi)
				break
			}
		}
		if got.Corrected != c.corrected {
			t.Errorf("%s: corrected = %v", c.name, got.Corrected)
		}
		if len(a.Quarters) != 4 || a.Quarters[0].Group != "Q1" {
			t.Fatalf("%s: quarters %+v", c.name, a.Quarters)
		}
		q1 := a.Quarters[0]
		if math.Abs(q1.TopPct-c.q1TopPct) > 1e-9 || math.Abs(q1.Ratio-c.q1Ratio) > 1e-9 {
			t.Errorf("%s: Q1 share %+v, want top %v%% ratio %v", c.name, q1, c.q1TopPct, c.q1Ratio)
		}
	}
}

func TestFairnessAuditGroups(t *testing.T) {
	pool := []Member{
		{Selected: true, BirthQuarter: 1, Sex: "F", Province: "Huế"},
		{Selected: true, BirthQuarter: 0, Sex: "M", Province: ""},
		{Selected: false, BirthQuarter: 2, Sex: "M", Province: "Huế"},
		{Selected: false, BirthQuarter: 4, Sex: "M", Province: "Cần Thơ"},
	}
	a := FairnessAudit(pool)
	if a.Pool != 4 || a.Selected != 2 {
		t.Fatalf("pool %d selected %d", a.Pool, a.Selected)
	}
	want := map[string]GroupShare{
		"F": {Group: "F", Pool: 1, Selected: 1, PoolPct: 25, TopPct: 50, Ratio: 2},
		"M": {Group: "M", Pool: 3, Selected: 1, PoolPct: 75, TopPct: 50, Ratio: 50.0 / 75},
	}
	for _, s := range a.Sex {
		if s != want[s.Group] {
			t.Errorf("sex %+v, want %+v", s, want[s.Group])
		}
	}
	var unknown bool
	for _, p := range a.Province {
		unknown = unknown || p.Group == "(unknown)" && p.Selected == 1
	}
	if !unknown || len(a.Province) != 3 {
		t.Errorf("provinces %+v", a.Province)
	}
	// The athlete with no birth date counts in the pool but in no quarter.
	n := 0
	for _, q := range a.Quarters {
		n += q.Pool
	}
	if n != 3 {
		t.Errorf("%d athletes in quarters, want 3", n)
	}
}

func TestSimulateCutoffs(t *testing.T) {
	p := []float64{0.9, 0.1, 0.5, 0.3}
	// By the model's own order: 0.9, 0.5, 0.3, 0.1 (total 1.8).
	rows, err := SimulateCutoffs(p, p, []int{1, 2, 10})
	if err != nil {
		t.Fatal(err)
	}
	want := []CutoffRow{
		{1, 0.9, 0.9, 0.9, 0.5},
		{2, 1.4, 0.4, 0.7, 1.4 / 1.8},
		{4, 1.8, 0, 0.45, 1},
	}
	for i, r := range rows {
		w := want[i]
		if r.Size != w.Size || math.Abs(r.ExpectedSelected-w.ExpectedSelected) > 1e-12 ||
			math.Abs(r.ExpectedMissed-w.ExpectedMissed) > 1e-12 || math.Abs(r.Precision-w.Precision) > 1e-12 ||
			math.Abs(r.Recall-w.Recall) > 1e-12 {
			t.Errorf("row %d = %+v, want %+v", i, r, w)
		}
	}
	// Another order (raw results that favour athlete 1) costs expected elites.
	raw := []float64{1, 4, 2, 3}
	rows, _ = SimulateCutoffs(raw, p, []int{2})
	if math.Abs(rows[0].ExpectedSelected-0.4) > 1e-12 {
		t.Errorf("raw order top 2 expects %v elites, want 0.4", rows[0].ExpectedSelected)
	}
	for _, bad := range []struct {
		rank, p []float64
		sizes   []int
	}{
		{[]float64{1}, []float64{0.5, 0.5}, nil},
		{[]float64{1}, []float64{1.5}, nil},
		{[]float64{1}, []float64{math.NaN()}, nil},
		{[]float64{1}, []float64{0.5}, []int{-1}},
	} {
		if _, err := SimulateCutoffs(bad.rank, bad.p, bad.sizes); err == nil {
			t.Errorf("%+v: no error", bad)
		}
	}
}
