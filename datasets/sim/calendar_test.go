package sim

import (
	"math/rand/v2"
	"testing"
	"time"
)

func TestDateFormatting(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 1000; i++ {
		d := dateBase + day(r.IntN(len(dateTable)+500)) - 200 // also outside the table
		if got, want := d.String(), d.time().Format(time.DateOnly); got != want {
			t.Fatalf("day %d: %s, want %s", d, got, want)
		}
	}
	if got := date(2024, time.February, 29).String(); got != "2024-02-29" {
		t.Errorf("leap day = %s", got)
	}
}

func TestBirthMonthRelativeAgeEffect(t *testing.T) {
	r := newRNG().at(5, purposeIdentity, 0)
	const n = 60_000
	var quarter [4]float64
	for i := 0; i < n; i++ {
		quarter[(birthDay(r, 2010).time().Month()-1)/3]++
	}
	// Expected Q1/Q4 ratio from relativeAgeWeight (1.5 − 0.5·(m−1)/11) and
	// days per month, with the Aug–Oct ×1.08 seasonality:
	// Q1 = 31·1.5 + 28·1.4545 + 31·1.4091 = 130.41,
	// Q4 = 31·1.1364·1.08 + 30·1.0455 + 31·1 = 99.41 → 1.31.
	ratio := quarter[0] / quarter[3]
	if ratio < 1.25 || ratio > 1.38 {
		t.Errorf("Q1/Q4 births = %.3f, want ≈ 1.31 (relative-age effect)", ratio)
	}
	if quarter[0] <= quarter[1] {
		t.Errorf("Q1 %v births, Q2 %v: want more in Q1", quarter[0], quarter[1])
	}
}

func TestAthleteAgesAndSeasons(t *testing.T) {
	b := newBuilder(11)
	g := &resultGen{cal: newCalendar(11), r: newRNG()}
	var ages []float64
	for i := 0; i < 3000; i++ {
		a := b.build(i)
		if a.first < firstSeason || a.last > lastSeason || a.first > a.last {
			t.Fatalf("%s: seasons %d–%d", a.id, a.first, a.last)
		}
		w := &rowWriter{sink: func(f []string) {
			d, err := time.Parse(time.DateOnly, f[1])
			if err != nil {
				t.Fatal(err)
			}
			ages = append(ages, ageAt(a.birth, day(d.Unix()/86400)))
		}}
		g.athleteResults(&a, 11, w)
	}
	lo, hi := 100.0, 0.0
	for _, x := range ages {
		lo, hi = min(lo, x), max(hi, x)
	}
	// Stated ages: every season is one in which the athlete turns 11–19, and
	// meets run from March to October.
	if lo < 10 || hi >= 20 {
		t.Errorf("stated ages at results %.2f … %.2f, want within [10, 20)", lo, hi)
	}
	if lo > 10.5 || hi < 19.3 {
		t.Errorf("ages %.2f … %.2f do not span the youth range", lo, hi)
	}
}
