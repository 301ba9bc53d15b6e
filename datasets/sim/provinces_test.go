package sim

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestProvinces(t *testing.T) {
	names := Provinces()
	if len(names) != 34 {
		t.Fatalf("%d provincial units, want 34 (since 1 July 2025)", len(names))
	}
	seen := map[string]bool{}
	var cities []string
	var popK float64
	for _, p := range provinces {
		if seen[p.name] || !norm.NFC.IsNormalString(p.name) {
			t.Errorf("%q repeated or not NFC", p.name)
		}
		seen[p.name] = true
		if p.city {
			cities = append(cities, p.name)
		}
		if len(p.formerly) == 1 {
			t.Errorf("%s: a merged unit joins at least two former provinces", p.name)
		}
		popK += p.popK
	}
	want := []string{"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "TP. Hồ Chí Minh", "Cần Thơ"}
	if len(cities) != len(want) {
		t.Fatalf("centrally-run cities %v, want %v", cities, want)
	}
	for i := range want {
		if cities[i] != want[i] {
			t.Errorf("city %d = %s, want %s", i, cities[i], want[i])
		}
	}
	// 63 former units: 11 unchanged, 52 merged into 23.
	merged := 0
	for _, p := range provinces {
		merged += len(p.formerly)
	}
	if merged != 52 {
		t.Errorf("%d former provinces merged, want 52 (63 − 11 unchanged)", merged)
	}
	// Vietnam had about 101 million inhabitants in 2024; the merger figures
	// include temporary residents and run higher.
	if popK < 100_000 || popK > 120_000 {
		t.Errorf("total population %.0fk", popK)
	}
}

func TestProvinceSamplingFollowsPopulation(t *testing.T) {
	r := newRNG().at(9, purposeIdentity, 0)
	const n = 100_000
	count := make([]int, len(provinces))
	for i := 0; i < n; i++ {
		count[provinceDist.draw(r)]++
	}
	var total float64
	for _, p := range provinces {
		total += p.popK
	}
	for i, p := range provinces {
		want := p.popK / total
		got := float64(count[i]) / n
		// binomial SD ≤ sqrt(0.12·0.88/n) ≈ 0.001: allow 5 SD
		if d := got - want; d > 0.005 || d < -0.005 {
			t.Errorf("%s: share %.4f, want %.4f", p.name, got, want)
		}
	}
}
