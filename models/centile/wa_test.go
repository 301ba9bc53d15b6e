package centile

import (
	"hash/fnv"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/podium-sport/podium/datasets"
)

// TestWorldAthleticsHeldOutCoverage fits curves of mark against age on the
// World Athletics all-time lists (senior top lists cut at a mark, so the
// curves describe the elite tail at each age, not an age group) and counts
// the held-out athletes' marks below each centile, against the per-age
// normal baseline. Figures in doc.go.
func TestWorldAthleticsHeldOutCoverage(t *testing.T) {
	if testing.Short() {
		t.Skip("World Athletics fits take several seconds; skipped under -short")
	}
	dir := filepath.Join(sharedDir(), "athletics-all-time")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("SKIPPED: World Athletics lists not found at %s (set PODIUM_SHARED): %v", dir, err)
	}
	var sumL, sumB float64
	var groups int
	for _, sex := range []string{"men", "women"} {
		for _, ev := range []struct {
			file  string
			lower bool
		}{{"100-metres", true}, {"400-metres", true}, {"1500-metres", true}, {"long-jump", false}} {
			train, held := readWA(t, filepath.Join(dir, sex, ev.file+".csv.gz"))
			c, err := Fit(train, Config{LowerIsBetter: ev.lower})
			if err != nil {
				t.Fatalf("%s %s: %v", sex, ev.file, err)
			}
			ls, n := Coverage(c, held, ChartCentiles)
			bs, _ := Coverage(FitAgeNormal(train, ev.lower), held, ChartCentiles)
			le, be := CoverageError(ls, ChartCentiles), CoverageError(bs, ChartCentiles)
			sumL, sumB, groups = sumL+le, sumB+be, groups+1
			t.Logf("%-5s %-11s ages %.1f–%.1f, %5d fit, %4d held out; below 3/10/25/50/75/90/97: LMS %s (err %.2f pt), normal-by-age %s (err %.2f pt)",
				sex, ev.file, c.Lo, c.Hi, len(train), n, ls, le, bs, be)
		}
	}
	t.Logf("mean coverage error: LMS %.2f points, normal-by-age %.2f points", sumL/float64(groups), sumB/float64(groups))
	// Both miss by about 6 points: a list cut at a mark is truncated (no one
	// below the 3rd centile) and dominated by a few prolific athletes, so no
	// smooth distribution fits it; the check is only that LMS is no worse.
	if sumL > sumB+0.5*float64(groups) {
		t.Errorf("mean LMS coverage error %.2f points, baseline %.2f", sumL/float64(groups), sumB/float64(groups))
	}
}

// readWA reads one list (columns Mark, Competitor, DOB, Date, found by
// header: only sprints and jumps have WIND) and splits it by athlete: one
// in five held out by a hash of name and birth date. Rows without a full
// birth date or a readable mark are skipped.
func readWA(t *testing.T, name string) (train, held []Obs) {
	rows := readCSV(t, name, true)
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	for _, h := range []string{"Mark", "Competitor", "DOB", "Date"} {
		if _, ok := col[h]; !ok {
			t.Fatalf("%s: no column %s in %v", name, h, rows[0])
		}
	}
	for _, r := range rows[1:] {
		mark, err := datasets.ParseMark(r[col["Mark"]])
		dob, err1 := time.Parse("02 Jan 2006", r[col["DOB"]])
		day, err2 := time.Parse("02 Jan 2006", r[col["Date"]])
		if err != nil || err1 != nil || err2 != nil {
			continue
		}
		o := Obs{Age: day.Sub(dob).Hours() / 24 / 365.25, Value: mark}
		h := fnv.New32a()
		h.Write([]byte(r[col["Competitor"]] + "|" + r[col["DOB"]]))
		if h.Sum32()%5 == 0 {
			held = append(held, o)
		} else {
			train = append(train, o)
		}
	}
	return train, held
}
