package sim

import (
	"compress/gzip"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// This file recomputes the calibration constants of calibration.go from the
// real datasets in ../shared/datasets (relative to the project root). Run
//
//	go test ./datasets/sim -run TestCalibration -v -args -print-calibration
//
// to print the values as Go literals.

var printCalibration = flag.Bool("print-calibration", false, "print the recomputed calibration constants")

// sharedDatasets returns the real-data folder, ../shared/datasets from the
// project root or $PODIUM_SHARED (the shared folder or its datasets
// folder), or skips the test loudly.
func sharedDatasets(t testing.TB) string {
	dir := filepath.Join("..", "..", "..", "shared", "datasets")
	if env := os.Getenv("PODIUM_SHARED"); env != "" {
		dir = env
		if _, err := os.Stat(filepath.Join(env, "datasets")); err == nil {
			dir = filepath.Join(env, "datasets")
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "swimming-ffn-100m-freestyle")); err != nil {
		t.Skipf("SKIPPED: real datasets not found at %s (set PODIUM_SHARED): calibration NOT checked", dir)
	}
	return dir
}

// csvGz reads a gzip-compressed CSV file and calls fn with the header
// index and each record.
func csvGz(path string, fn func(col map[string]int, rec []string)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	r := csv.NewReader(zr)
	r.FieldsPerRecord = -1
	h, err := r.Read()
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	col := map[string]int{}
	for i, name := range h {
		col[name] = i
	}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		fn(col, rec)
	}
}

type swimPoint struct{ age, sec float64 }

// fitSwim derives the youth development curves of one sex (1 men, 2 women)
// from the FFN 100 m freestyle results.
func fitSwim(t testing.TB, dir string) [2]swimCurve {
	bySwimmer := map[string][]swimPoint{}
	sexOf := map[string]int{}
	err := csvGz(filepath.Join(dir, "swimming-ffn-100m-freestyle", "swimmers.csv.gz"), func(col map[string]int, rec []string) {
		age, e1 := strconv.ParseFloat(rec[col["Age"]], 64)
		sec, e2 := strconv.ParseFloat(rec[col["Performance"]], 64)
		g, e3 := strconv.Atoi(rec[col["Gender"]])
		if e1 != nil || e2 != nil || e3 != nil || sec <= 0 || (g != 1 && g != 2) {
			return
		}
		id := rec[col["ID"]]
		bySwimmer[id] = append(bySwimmer[id], swimPoint{age, sec})
		sexOf[id] = g - 1
	})
	if err != nil {
		t.Fatal(err)
	}
	var out [2]swimCurve
	for s := 0; s < 2; s++ {
		// season best (log seconds) per swimmer and integer age
		best := map[string]map[int]float64{}
		for id, ps := range bySwimmer {
			if sexOf[id] != s {
				continue
			}
			m := map[int]float64{}
			for _, p := range ps {
				a := int(p.age)
				if v, ok := m[a]; !ok || math.Log(p.sec) < v {
					m[a] = math.Log(p.sec)
				}
			}
			best[id] = m
		}
		c := &out[s]
		for a := curveMinAge; a <= curveMaxAge; a++ {
			var xs []float64
			for _, m := range best {
				if v, ok := m[a]; ok {
					xs = append(xs, v)
				}
			}
			c.logMean[a-curveMinAge], c.logSD[a-curveMinAge] = meanSD(xs)
		}
		// correlation of the season best at age a with the adult level
		// (best of ages 18 and 19), made monotone by weighted isotonic
		// regression and divided by the square root of the 18–19 test–retest
		// correlation, since the adult proxy is itself noisy.
		var x18, x19 []float64
		for _, m := range best {
			a, ok1 := m[18]
			b, ok2 := m[19]
			if ok1 && ok2 {
				x18, x19 = append(x18, a), append(x19, b)
			}
		}
		retest := pearson(x18, x19)
		var rs, ws []float64
		for a := curveMinAge; a <= 17; a++ {
			var xs, ys []float64
			for _, m := range best {
				v, ok := m[a]
				ad, ok2 := adultBest(m)
				if ok && ok2 {
					xs, ys = append(xs, v), append(ys, ad)
				}
			}
			rs, ws = append(rs, pearson(xs, ys)), append(ws, float64(len(xs)))
		}
		iso := isotonic(rs, ws)
		for i, r := range iso {
			c.adultCorr[i] = math.Min(r/math.Sqrt(retest), 0.97)
		}
		c.adultCorr[18-curveMinAge] = math.Sqrt(retest)
		c.adultCorr[19-curveMinAge] = math.Sqrt(retest)
		// race-to-race noise: two results of one swimmer less than 0.1 year
		// apart (ages 15+, where the trend over 0.1 year is small) differ by
		// √2 times the per-race SD.
		var d []float64
		for id, ps := range bySwimmer {
			if sexOf[id] != s {
				continue
			}
			sort.Slice(ps, func(i, j int) bool { return ps[i].age < ps[j].age })
			for i := 1; i < len(ps); i++ {
				if ps[i].age-ps[i-1].age < 0.1 && ps[i-1].age >= 15 {
					d = append(d, math.Log(ps[i].sec)-math.Log(ps[i-1].sec))
				}
			}
		}
		_, sd := meanSD(d)
		c.raceNoise = sd / math.Sqrt2
	}
	return out
}

func adultBest(m map[int]float64) (float64, bool) {
	a, ok1 := m[18]
	b, ok2 := m[19]
	switch {
	case ok1 && ok2:
		return math.Min(a, b), true
	case ok1:
		return a, true
	case ok2:
		return b, true
	}
	return 0, false
}

func meanSD(x []float64) (float64, float64) {
	var s float64
	for _, v := range x {
		s += v
	}
	m := s / float64(len(x))
	var ss float64
	for _, v := range x {
		ss += (v - m) * (v - m)
	}
	return m, math.Sqrt(ss / float64(len(x)-1))
}

func pearson(x, y []float64) float64 {
	mx, sx := meanSD(x)
	my, sy := meanSD(y)
	var c float64
	for i := range x {
		c += (x[i] - mx) * (y[i] - my)
	}
	return c / float64(len(x)-1) / sx / sy
}

// isotonic is the weighted pool-adjacent-violators fit of a non-decreasing
// sequence to y.
func isotonic(y, w []float64) []float64 {
	type block struct {
		sum, w float64
		n      int
	}
	var bs []block
	for i := range y {
		bs = append(bs, block{y[i] * w[i], w[i], 1})
		for len(bs) > 1 && bs[len(bs)-2].sum/bs[len(bs)-2].w > bs[len(bs)-1].sum/bs[len(bs)-1].w {
			a, b := bs[len(bs)-2], bs[len(bs)-1]
			bs = append(bs[:len(bs)-2], block{a.sum + b.sum, a.w + b.w, a.n + b.n})
		}
	}
	var out []float64
	for _, b := range bs {
		for k := 0; k < b.n; k++ {
			out = append(out, b.sum/b.w)
		}
	}
	return out
}

// fitAnchor derives an athletics event's senior elite anchor (median
// personal best of the distinct athletes of the all-time list) and peak age
// (median age at that personal best).
func fitAnchor(t testing.TB, dir string, sex int, file string, lowerIsBetter bool) anchor {
	folder := [2]string{"men", "women"}[sex]
	type pb struct{ mark, age float64 }
	best := map[string]pb{}
	err := csvGz(filepath.Join(dir, "athletics-all-time", folder, file+".csv.gz"), func(col map[string]int, rec []string) {
		mark, err := parseListMark(rec[col["Mark"]])
		dob, e1 := parseListDate(rec[col["DOB"]])
		date, e2 := parseListDate(rec[col["Date"]])
		if err != nil || e1 != nil || e2 != nil {
			return
		}
		age := date.Sub(dob).Hours() / 24 / 365.25
		key := rec[col["Competitor"]] + "|" + rec[col["DOB"]]
		p, ok := best[key]
		if !ok || (lowerIsBetter && mark < p.mark) || (!lowerIsBetter && mark > p.mark) {
			best[key] = pb{mark, age}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	var marks, ages []float64
	for _, p := range best {
		marks, ages = append(marks, p.mark), append(ages, p.age)
	}
	return anchor{eliteMark: median(marks), peakAge: median(ages), athletes: len(best)}
}

func median(x []float64) float64 {
	s := append([]float64(nil), x...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func parseListMark(s string) (float64, error) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "h")
	total := 0.0
	for _, p := range strings.Split(s, ":") {
		v, err := strconv.ParseFloat(p, 64)
		if err != nil {
			return 0, err
		}
		total = total*60 + v
	}
	return total, nil
}

// parseListDate parses "21 AUG 1986".
func parseListDate(s string) (time.Time, error) {
	f := strings.Fields(s)
	if len(f) != 3 || len(f[1]) < 3 {
		return time.Time{}, errors.New("bad date")
	}
	f[1] = f[1][:1] + strings.ToLower(f[1][1:])
	return time.Parse("02 Jan 2006", strings.Join(f, " "))
}
