package sim

import (
	"math"
	"testing"

	"github.com/podium-sport/podium/datasets"
)

func TestBuildIsDeterministicAndIndependent(t *testing.T) {
	a := newBuilder(3).build(1234)
	b := newBuilder(3)
	b.build(5) // other athletes built before do not matter
	c := b.build(1234)
	if a.id != c.id || a.birth != c.birth || a.potential != c.potential || a.form != c.form || a.body != c.body {
		t.Fatalf("athlete 1234 differs between builders:\n%+v\n%+v", a, c)
	}
	if d := newBuilder(4).build(1234); d.potential == a.potential {
		t.Error("another seed gives the same athlete")
	}
}

// TestMaturityShiftsYouthPerformance: early maturers (maturity > +1) beat
// late maturers (< −1) of equal potential around puberty, not as adults.
func TestMaturityShiftsYouthPerformance(t *testing.T) {
	b := newBuilder(8)
	var early, late [2][]float64 // levels at 13.5 and 19.5
	for i := 0; i < 30_000; i++ {
		a := b.build(i)
		if a.sex != 0 {
			continue
		}
		y := a.first
		lv := [2]float64{a.level(0, 13.5, y) - adultCorr(0, 13.5)*a.potential[0], a.level(0, 19.5, y) - adultCorr(0, 19.5)*a.potential[0]}
		for k := range lv {
			switch {
			case a.maturity > 1:
				early[k] = append(early[k], lv[k])
			case a.maturity < -1:
				late[k] = append(late[k], lv[k])
			}
		}
	}
	gap := func(k int) float64 { return mean(early[k]) - mean(late[k]) }
	// At 13.5 (near boys' APHV + 0.5), maturityWeight ≈ 0.69 and the
	// non-potential part has weight √(1 − r²) ≈ 0.89: E[M | M > 1] ≈ 1.53,
	// so the gap ≈ 2·1.53·0.69·0.89 ≈ 1.9 SD.
	if g := gap(0); g < 1.5 || g > 2.3 {
		t.Errorf("early − late maturers at 13.5: %.2f SD, want ≈ 1.9", g)
	}
	if g := gap(1); math.Abs(g) > 0.3 {
		t.Errorf("early − late maturers at 19.5: %.2f SD, want ≈ 0", g)
	}
}

func TestSeniorLevelsFollowPotential(t *testing.T) {
	b := newBuilder(12)
	count := map[string]int{}
	var pot, sen []float64
	for i := 0; i < 20_000; i++ {
		a := b.build(i)
		count[seniorLevel(a.seniorZ)]++
		pot, sen = append(pot, a.potential[0]), append(sen, a.seniorZ)
	}
	// Normal tail shares: P(z ≥ 2.5) ≈ 0.6 %, P(1.5 ≤ z < 2.5) ≈ 6 %.
	if e := float64(count[levelElite]) / 20_000; e < 0.002 || e > 0.015 {
		t.Errorf("elite share %.4f", e)
	}
	if r := corr(pot, sen); r < 0.9 || r > 0.99 {
		t.Errorf("corr(potential, senior level) = %.3f, want high but not 1", r)
	}
}

func TestPhysioWithinContractRanges(t *testing.T) {
	ranges := map[string]datasets.PhysioTest{}
	for _, pt := range datasets.PhysioTests {
		ranges[pt.Code] = pt
	}
	b := newBuilder(13)
	g := &physioGen{r: newRNG()}
	seen := map[string]int{}
	w := &rowWriter{sink: func(f []string) {
		pt, ok := ranges[f[2]]
		if !ok {
			t.Fatalf("unknown test %q", f[2])
		}
		if f[4] != pt.Unit {
			t.Fatalf("%s in %q, want %q", f[2], f[4], pt.Unit)
		}
		v := parseFloat(t, f[3])
		if v < pt.Min || v > pt.Max {
			t.Errorf("%s = %v outside %v … %v", f[2], v, pt.Min, pt.Max)
		}
		seen[f[2]]++
	}}
	for i := 0; i < 20_000; i++ {
		a := b.build(i)
		g.athletePhysio(&a, 13, w)
	}
	for code := range ranges {
		if seen[code] == 0 {
			t.Errorf("no %s values generated", code)
		}
	}
}

// TestGrowthFollowsMaturity: at 13, early-maturing boys are taller than late
// ones; as adults the difference is only that of adult height.
func TestGrowthFollowsMaturity(t *testing.T) {
	b := newBuilder(14)
	var early, late [2][]float64
	for i := 0; i < 20_000; i++ {
		a := b.build(i)
		if a.sex != 0 {
			continue
		}
		rel := [2]float64{a.height(13) - a.body.adultHeight, a.height(19.5) - a.body.adultHeight}
		for k := range rel {
			if a.maturity > 1 {
				early[k] = append(early[k], rel[k])
			} else if a.maturity < -1 {
				late[k] = append(late[k], rel[k])
			}
		}
	}
	if g := mean(early[0]) - mean(late[0]); g < 8 {
		t.Errorf("at 13 early maturers are %.1f cm taller (relative to adult height), want ≥ 8", g)
	}
	if g := mean(early[1]) - mean(late[1]); math.Abs(g) > 1 {
		t.Errorf("at 19.5 the gap is %.1f cm, want ≈ 0", g)
	}
	// The simulated APHV equals the athlete's: Preece–Baines shifted by pb1Lead.
	a := b.build(1)
	best, at := 0.0, 0.0
	for t := 8.0; t < 18; t += 0.01 {
		if v := a.height(t+0.005) - a.height(t-0.005); v > best {
			best, at = v, t
		}
	}
	if math.Abs(at-a.aphv) > 0.02 {
		t.Errorf("peak height velocity at %.2f, athlete's APHV %.2f", at, a.aphv)
	}
}

func TestVO2maxFromShuttle(t *testing.T) {
	tests := []struct {
		name       string
		level, age float64
		want       float64
	}{
		// Léger 1988: S = 8 + 0.5·8 = 12 km/h, age 12:
		// 31.025 + 38.856 − 38.976 + 22.1184 = 53.0234
		{"child", 8, 12, 53.0234},
		// Léger & Gadoury 1989: S = 8 + 0.5·10 = 13 km/h: −24.4 + 6·13 = 53.6
		{"adult", 10, 19, 53.6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := vo2maxFromShuttle(tc.level, tc.age); math.Abs(got-tc.want) > 1e-3 {
				t.Errorf("got %.4f, want %.4f", got, tc.want)
			}
		})
	}
}

func mean(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

func corr(x, y []float64) float64 {
	mx, my := mean(x), mean(y)
	var sxy, sxx, syy float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
		syy += (y[i] - my) * (y[i] - my)
	}
	return sxy / math.Sqrt(sxx*syy)
}

func parseFloat(t testing.TB, s string) float64 {
	t.Helper()
	v, err := datasets.ParseMark(s)
	if err != nil {
		t.Fatalf("%q: %v", s, err)
	}
	return v
}
