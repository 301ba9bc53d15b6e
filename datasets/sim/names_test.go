package sim

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/podium-sport/podium/datasets"
	"golang.org/x/text/unicode/norm"
)

// registrations returns the athlete rows of n athletes of seed.
func registrations(seed uint64, n int) [][]string {
	rows, _ := registrationsDup(seed, n)
	return rows
}

// registrationsDup also returns the source id each duplicate registration
// duplicates.
func registrationsDup(seed uint64, n int) ([][]string, map[string]string) {
	var rows [][]string
	dupOf := map[string]string{}
	w := &rowWriter{sink: func(f []string) { rows = append(rows, append([]string(nil), f...)) }}
	b := newBuilder(seed)
	nm := newNamer(b)
	for i := 0; i < n; i++ {
		a := b.build(i)
		athleteRows(nm, &a, w)
		if d := a.planted.dup; d != nil {
			dupOf[d.id] = a.id
		}
	}
	return rows, dupOf
}

func TestNamesAreNFCWithDiacritics(t *testing.T) {
	rows := registrations(1, 5000)
	withMarks := 0
	for _, r := range rows {
		name := r[1]
		if !utf8.ValidString(name) || !norm.NFC.IsNormalString(name) {
			t.Fatalf("%q is not NFC UTF-8", name)
		}
		if len(strings.Fields(name)) < 2 {
			t.Fatalf("%q has no family and given name", name)
		}
		if stripDiacritics(name) != name {
			withMarks++
		}
	}
	// Nearly every Vietnamese full name has a diacritic (Nguyễn alone is 38 %
	// of names); only the planted no-diacritics duplicates lack them.
	if share := float64(withMarks) / float64(len(rows)); share < 0.9 {
		t.Errorf("only %.1f %% of names have diacritics", 100*share)
	}
}

func TestFamilyNameFrequencies(t *testing.T) {
	r := newRNG().at(1, purposeName, 0)
	const n = 50_000
	count := map[string]int{}
	for i := 0; i < n; i++ {
		count[drawName(r, i%2, north).family]++
	}
	var total float64
	for _, f := range familyNames {
		total += f.freq
	}
	tests := []struct {
		name string
		want float64 // share from the familyNames table
	}{
		{"Nguyễn", 38.4 / total}, {"Trần", 11.0 / total}, {"Lê", 9.5 / total}, {"Phạm", 7.0 / total}, {"Hoàng", 5.1 / total},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := float64(count[tc.name]) / n
			// binomial SD at n = 50,000 is at most 0.0022: allow 4 SD
			if d := got - tc.want; d > 0.009 || d < -0.009 {
				t.Errorf("share %.4f, want %.4f", got, tc.want)
			}
		})
	}
}

func TestSouthernNameForms(t *testing.T) {
	r := newRNG().at(2, purposeName, 0)
	count := map[region]map[string]int{north: {}, south: {}}
	for i := 0; i < 20_000; i++ {
		for reg := range count {
			count[reg][drawName(r, 0, reg).family]++
		}
	}
	if count[north]["Huỳnh"] != 0 || count[north]["Võ"] != 0 {
		t.Errorf("northern names use southern forms: %d Huỳnh, %d Võ", count[north]["Huỳnh"], count[north]["Võ"])
	}
	// southernShare = 0.8 of the Hoàng/Huỳnh mass
	if h, hy := count[south]["Hoàng"], count[south]["Huỳnh"]; hy < 3*h {
		t.Errorf("south: %d Huỳnh vs %d Hoàng, want about 4:1", hy, h)
	}
}

func TestNamesDistinctPeople(t *testing.T) {
	// Distinct people never share name key, birth date and sex, so the store
	// never merges them; only planted duplicates (auto-merge expected) do.
	rows, dupOf := registrationsDup(4, 20_000)
	seen := map[string]string{}
	for _, r := range rows {
		if r[3] == "" {
			continue
		}
		k := datasets.NameKey(r[1]) + "|" + r[3] + "|" + r[2]
		if prev, ok := seen[k]; ok && dupOf[r[0]] != prev {
			t.Errorf("%s and %s share %s", prev, r[0], k)
		}
		seen[k] = r[0]
	}
}
