package centile

import (
	"compress/gzip"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"testing"
)

// sharedDir is the shared datasets folder: $PODIUM_SHARED, else
// ../../../shared/datasets (the repository sits next to shared/).
func sharedDir() string {
	if d := os.Getenv("PODIUM_SHARED"); d != "" {
		return d
	}
	return filepath.Join("..", "..", "..", "shared", "datasets")
}

// TestFFNHeldOutCoverage fits 100 m freestyle curves per sex on the
// training swimmers of the MagmaClust split of the FFN data (Leroy et al.
// 2023) and counts the test swimmers' times below each centile, against
// the per-age normal baseline. Figures in doc.go.
func TestFFNHeldOutCoverage(t *testing.T) {
	if testing.Short() {
		t.Skip("FFN fit takes several seconds; skipped under -short")
	}
	dir := filepath.Join(sharedDir(), "swimming-ffn-100m-freestyle")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("SKIPPED: real FFN swimming data not found at %s (set PODIUM_SHARED): %v", dir, err)
	}
	split := readCSV(t, filepath.Join(dir, "split_magmaclust.csv"), false)
	test := map[string]bool{}
	for _, r := range split[1:] {
		test[r[0]] = r[2] == "test"
	}
	rows := readCSV(t, filepath.Join(dir, "swimmers.csv.gz"), true)
	train, held := map[string][]Obs{}, map[string][]Obs{}
	for _, r := range rows[1:] {
		age, err1 := strconv.ParseFloat(r[1], 64)
		mark, err2 := strconv.ParseFloat(r[2], 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("FFN row %v: %v %v", r, err1, err2)
		}
		if test[r[0]] {
			held[r[3]] = append(held[r[3]], Obs{age, mark})
		} else {
			train[r[3]] = append(train[r[3]], Obs{age, mark})
		}
	}
	for _, sex := range []string{"1", "2"} {
		c, err := Fit(train[sex], Config{LowerIsBetter: true})
		if err != nil {
			t.Fatal(err)
		}
		base := FitAgeNormal(train[sex], true)
		ls, n := Coverage(c, held[sex], ChartCentiles)
		bs, _ := Coverage(base, held[sex], ChartCentiles)
		le, be := CoverageError(ls, ChartCentiles), CoverageError(bs, ChartCentiles)
		t.Logf("FFN gender %s: %d training, %d held-out times; below 3/10/25/50/75/90/97: LMS %s (err %.2f pt), normal-by-age %s (err %.2f pt)",
			sex, len(train[sex]), n, ls, le, bs, be)
		for age := 11.0; age <= 19; age += 2 {
			l, m, s, _ := c.at(age)
			t.Logf("  age %.0f: L %+.2f, median %.2f s, S %.3f, P10–P90 %.2f–%.2f s, %.1f %% faster per year", age, l, m, s,
				c.Quantile(age, 0.1), c.Quantile(age, 0.9), c.AgeGradient(age))
		}
		if le > 3 {
			t.Errorf("gender %s: LMS coverage error %.2f points", sex, le)
		}
	}
}

func readCSV(t *testing.T, name string, gz bool) [][]string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var r *csv.Reader
	if gz {
		zr, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		r = csv.NewReader(zr)
	} else {
		r = csv.NewReader(f)
	}
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return rows
}
