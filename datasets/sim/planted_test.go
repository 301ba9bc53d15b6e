package sim

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
)

// plantedSample builds n athletes of seed and returns them.
func plantedSample(seed uint64, n int) []athlete {
	b := newBuilder(seed)
	out := make([]athlete, n)
	for i := range out {
		out[i] = b.build(i)
	}
	return out
}

var sample = func() func() []athlete {
	var cache []athlete
	return func() []athlete {
		if cache == nil {
			cache = plantedSample(31, 150_000)
		}
		return cache
	}
}()

type obsResult struct {
	id   string
	d    day
	e    int
	mark float64
}

// observedResults returns the result rows of a as parsed values.
func observedResults(t *testing.T, g *resultGen, a *athlete) []obsResult {
	var out []obsResult
	g.athleteResults(a, 31, &rowWriter{sink: func(f []string) {
		d, err := time.Parse(time.DateOnly, f[1])
		if err != nil {
			t.Fatal(err)
		}
		e := -1
		for k := range events {
			if events[k].discipline == f[3] {
				e = k
			}
		}
		out = append(out, obsResult{f[0], day(d.Unix() / 86400), e, parseFloat(t, f[4])})
	}})
	return out
}

func TestPlantedRates(t *testing.T) {
	var fraud, doping, blood, dup, squad int
	all := sample()
	for i := range all {
		p := &all[i].planted
		fraud += btoi(p.fraudYears > 0)
		doping += btoi(p.doping != nil)
		blood += btoi(p.blood != nil)
		dup += btoi(p.dup != nil)
		squad += btoi(all[i].squad)
	}
	n := float64(len(all))
	tests := []struct {
		name   string
		got    float64
		lo, hi float64 // bounds from the rate times the eligible share
	}{
		{"age fraud", float64(fraud) / n, 0.0025, 0.0035},       // ageFraudRate 0.3 % of all
		{"doping", float64(doping) / n, 0.0010, 0.0040},         // 0.4 % of those eligible
		{"blood", float64(blood) / float64(squad), 0.005, 0.03}, // 3 % of eligible squad athletes
		{"duplicate", float64(dup) / n, 0.002, 0.005},           // 0.5 % of multi-season athletes
		{"squad", float64(squad) / n, 0.08, 0.12},               // P(N(0,1) ≥ 1.3) ≈ 9.7 %
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got < tc.lo || tc.got > tc.hi {
				t.Errorf("rate %.4f, want %.4f … %.4f", tc.got, tc.lo, tc.hi)
			}
		})
	}
}

// TestDopingJumpIsVisible compares, in the observed marks, each planted
// athlete's level after the jump with before, against the same change for
// clean athletes of the same seasons.
func TestDopingJumpIsVisible(t *testing.T) {
	g := &resultGen{cal: newCalendar(31), r: newRNG()}
	var planted, clean []float64
	all := sample()
	for i := range all {
		a := &all[i]
		start := day(0)
		switch {
		case a.planted.doping != nil:
			start = a.planted.doping.start
		case a.last > a.first && len(clean) < 2000:
			start = date(a.last, time.January, 1)
		default:
			continue
		}
		var before, after []float64
		for _, r := range observedResults(t, g, a) {
			lv := curves[r.e][a.sex].levelOf(ageAt(a.trueBirth, r.d), r.mark)
			if r.d < start {
				before = append(before, lv)
			} else {
				after = append(after, lv)
			}
		}
		if len(before) == 0 || len(after) == 0 {
			continue
		}
		if a.planted.doping != nil {
			planted = append(planted, mean(after)-mean(before))
		} else {
			clean = append(clean, mean(after)-mean(before))
		}
	}
	if len(planted) < 50 {
		t.Fatalf("only %d planted doping cases with results on both sides", len(planted))
	}
	t.Logf("%d planted: level change %.2f SD; clean: %.2f SD", len(planted), mean(planted), mean(clean))
	// A 2.5–5 % better mark is 0.5–1.2 SD of level (sd19 0.04–0.07 in ln units).
	if d := mean(planted) - mean(clean); d < 0.5 {
		t.Errorf("doping jump %.2f SD beyond the clean athletes' change (%.2f), want ≥ 0.5", d, mean(clean))
	}
}

func TestBloodManipulationPatterns(t *testing.T) {
	g := &physioGen{r: newRNG()}
	var epoUp, epoDown, offRise []float64
	all := sample()
	for i := range all {
		a := &all[i]
		b := a.planted.blood
		if b == nil {
			continue
		}
		hgb, ret := map[day]float64{}, map[day]float64{}
		g.athletePhysio(a, 31, &rowWriter{sink: func(f []string) {
			d, _ := time.Parse(time.DateOnly, f[1])
			switch f[2] {
			case "hgb":
				hgb[day(d.Unix()/86400)] = parseFloat(t, f[3])
			case "ret_pct":
				ret[day(d.Unix()/86400)] = parseFloat(t, f[3])
			}
		}})
		s := func(k int) day { return bloodSampleDay(31, a.index, b.season, k) }
		for k := 0; k < samplesPerSeason; k++ {
			if _, ok := hgb[s(k)]; !ok {
				t.Fatalf("%s: no blood sample %d of season %d", a.id, k, b.season)
			}
		}
		off := func(k int) float64 { return hgb[s(k)] - 60*math.Sqrt(ret[s(k)]) }
		switch b.kind {
		case "epo":
			epoUp = append(epoUp, ret[s(1)]/ret[s(0)])
			epoDown = append(epoDown, ret[s(2)]/ret[s(0)])
		case "transfusion":
			k := 1
			if b.hgbAdd[2] > 0 {
				k = 2
			}
			offRise = append(offRise, off(k)-off(3-k))
		}
	}
	if len(epoUp) < 10 || len(offRise) < 10 {
		t.Fatalf("too few cases: %d EPO, %d transfusion", len(epoUp), len(offRise))
	}
	t.Logf("EPO ret ×%.2f then ×%.2f (%d cases); transfusion OFF +%.1f (%d cases)", mean(epoUp), mean(epoDown), len(epoUp), mean(offRise), len(offRise))
	// EPO: reticulocytes ×1.6–2.2 while using, ×0.3–0.5 after.
	if m := mean(epoUp); m < 1.5 {
		t.Errorf("EPO reticulocytes during use ×%.2f, want ≥ 1.5", m)
	}
	if m := mean(epoDown); m > 0.6 {
		t.Errorf("EPO reticulocytes after use ×%.2f, want ≤ 0.6", m)
	}
	// Transfusion: +8–16 g/L and reticulocytes ×0.35–0.55 raise the
	// OFF-score by about 12 + 60·(1 − √0.45)·1 ≈ 31.
	if m := mean(offRise); m < 20 {
		t.Errorf("transfusion OFF-score rise %.1f, want ≥ 20", m)
	}
}

// TestAgeFraudLooksPrecocious: judged by the stated birth date, age-fraud
// athletes perform far above their age group.
func TestAgeFraudLooksPrecocious(t *testing.T) {
	g := &resultGen{cal: newCalendar(31), r: newRNG()}
	var fraud, honest [2][]float64 // stated age under 15, 15 and over
	all := sample()
	for i := range all {
		a := &all[i]
		if a.planted.fraudYears == 0 && i > 5000 {
			continue
		}
		for _, r := range observedResults(t, g, a) {
			stated := ageAt(a.birth, r.d)
			lv := curves[r.e][a.sex].levelOf(stated, r.mark)
			k := btoi(stated >= 15)
			if a.planted.fraudYears > 0 {
				fraud[k] = append(fraud[k], lv)
			} else {
				honest[k] = append(honest[k], lv)
			}
		}
	}
	// Being 1.5–3 years older is worth most before and around puberty,
	// where the age curves are steep: boys' mean ln time falls 0.25 from 11
	// to 13 (≈ 5 SD at 19). By 17–19 the curves are flat (girls' from 15),
	// so late age fraud shows little.
	for k, want := range []float64{1.0, 0.1} {
		d := mean(fraud[k]) - mean(honest[k])
		t.Logf("stated age %s: fraud %.2f SD above honest (%d results)", []string{"< 15", "≥ 15"}[k], d, len(fraud[k]))
		if d < want {
			t.Errorf("stated age %s: age-fraud athletes %.2f SD above honest ones, want ≥ %.1f", []string{"< 15", "≥ 15"}[k], d, want)
		}
	}
}

func TestDuplicateRegistrations(t *testing.T) {
	rows, dupOf := registrationsDup(31, 60_000)
	byID := map[string][]string{}
	for _, r := range rows {
		byID[r[0]] = r
	}
	b := newBuilder(31)
	checked := 0
	for dupID, origID := range dupOf {
		d, o := byID[dupID], byID[origID]
		var n int
		if _, err := fmtSscan(origID, &n); err != nil {
			t.Fatal(err)
		}
		a := b.build(n)
		p := a.planted.dup
		switch p.name {
		case "no-diacritics":
			if d[1] != stripDiacritics(o[1]) || d[1] == o[1] && stripDiacritics(o[1]) != o[1] {
				t.Errorf("%s: %q is not %q without diacritics", dupID, d[1], o[1])
			}
		case "missing-middle-name":
			if len(strings.Fields(d[1])) != len(strings.Fields(o[1]))-1 {
				t.Errorf("%s: %q vs %q", dupID, d[1], o[1])
			}
		case "same":
			if d[1] != o[1] {
				t.Errorf("%s: %q vs %q", dupID, d[1], o[1])
			}
		}
		if (p.birth == "missing") != (d[3] == "") || (p.birth == "same") != (d[3] == o[3]) {
			t.Errorf("%s: birth variant %s, dates %q vs %q", dupID, p.birth, d[3], o[3])
		}
		if (p.province == "same") != (d[4] == o[4]) || d[2] != o[2] {
			t.Errorf("%s: province variant %s: %q vs %q", dupID, p.province, d[4], o[4])
		}
		// Every season's data is under one of the two ids, switching at from.
		for y := a.first; y <= a.last; y++ {
			if want := map[bool]string{true: dupID, false: origID}[y >= p.from]; a.idFor(y) != want {
				t.Errorf("%s season %d under %s", origID, y, a.idFor(y))
			}
		}
		checked++
	}
	if checked < 50 {
		t.Errorf("only %d duplicates checked", checked)
	}
}

// fmtSscan reads the athlete number from a source id S<seed>-A<number>.
func fmtSscan(id string, n *int) (int, error) {
	i := strings.LastIndex(id, "-A")
	v, err := parseIntStrict(id[i+2:])
	*n = v
	return 1, err
}

func parseIntStrict(s string) (int, error) { return strconv.Atoi(s) }

// TestAgeFraudLooksMature: in the physical tests, age-fraud athletes are
// taller than honest athletes of the same sex and stated age.
func TestAgeFraudLooksMature(t *testing.T) {
	g := &physioGen{r: newRNG()}
	type cell struct{ sex, age int }
	honest := map[cell][]float64{}
	var fraudRows []struct {
		c cell
		h float64
	}
	all := sample()
	for i := range all {
		a := &all[i]
		if !a.tested || (a.planted.fraudYears == 0 && i > 40_000) {
			continue
		}
		g.athletePhysio(a, 31, &rowWriter{sink: func(f []string) {
			if f[2] != "height" {
				return
			}
			d, _ := time.Parse(time.DateOnly, f[1])
			c := cell{a.sex, int(ageAt(a.birth, day(d.Unix()/86400)))}
			h := parseFloat(t, f[3])
			if a.planted.fraudYears > 0 {
				fraudRows = append(fraudRows, struct {
					c cell
					h float64
				}{c, h})
			} else {
				honest[c] = append(honest[c], h)
			}
		}})
	}
	var diffs []float64
	for _, r := range fraudRows {
		if len(honest[r.c]) >= 30 {
			diffs = append(diffs, r.h-mean(honest[r.c]))
		}
	}
	if len(diffs) < 30 {
		t.Fatalf("only %d age-fraud height tests", len(diffs))
	}
	// 1.5–3 years of growth: several cm before and during the spurt
	// (boys grow ≈ 8 cm/year around 13.8), nothing once grown.
	t.Logf("age-fraud athletes %.1f cm taller than honest ones of their stated age (%d tests)", mean(diffs), len(diffs))
	if m := mean(diffs); m < 4 {
		t.Errorf("age-fraud athletes only %.1f cm taller, want ≥ 4", m)
	}
}
