package sim

import (
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// fitFootball derives the goals model and bookmaker constants from the
// England files that carry Pinnacle closing odds (2015–16 on).
func fitFootball(t testing.TB, dir string) footballCalibration {
	files, err := filepath.Glob(filepath.Join(dir, "football-odds", "england", "*.csv.gz"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no England football files in %s", dir)
	}
	var n, draws, htGoals, goals float64
	var home, away, psMargin, pscMargin, b365Margin, moves []float64
	for _, file := range files {
		err := csvGz(file, func(col map[string]int, rec []string) {
			get := func(name string) (float64, bool) {
				i, ok := col[name]
				if !ok || i >= len(rec) {
					return 0, false
				}
				v, err := strconv.ParseFloat(rec[i], 64)
				return v, err == nil && v > 0
			}
			if _, ok := col["PSCH"]; !ok {
				return
			}
			hg, ok1 := getInt(rec, col, "FTHG")
			ag, ok2 := getInt(rec, col, "FTAG")
			hh, ok3 := getInt(rec, col, "HTHG")
			ha, ok4 := getInt(rec, col, "HTAG")
			if !ok1 || !ok2 || !ok3 || !ok4 {
				return
			}
			n++
			home, away = append(home, hg), append(away, ag)
			if hg == ag {
				draws++
			}
			htGoals += hh + ha
			goals += hg + ag
			ph, ok5 := get("PSH")
			pd, ok6 := get("PSD")
			pa, ok7 := get("PSA")
			ch, ok8 := get("PSCH")
			cd, ok9 := get("PSCD")
			ca, ok10 := get("PSCA")
			if ok5 && ok6 && ok7 && ok8 && ok9 && ok10 {
				o := 1/ph + 1/pd + 1/pa
				c := 1/ch + 1/cd + 1/ca
				psMargin, pscMargin = append(psMargin, o-1), append(pscMargin, c-1)
				moves = append(moves, logit((1/ch)/c)-logit((1/ph)/o))
			}
			bh, ok11 := get("B365H")
			bd, ok12 := get("B365D")
			ba, ok13 := get("B365A")
			if ok11 && ok12 && ok13 {
				b365Margin = append(b365Margin, 1/bh+1/bd+1/ba-1)
			}
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	mh, _ := meanSD(home)
	ma, _ := meanSD(away)
	_, moveSD := meanSD(moves)
	return footballCalibration{
		matches: int(n), homeGoals: mh, awayGoals: ma, drawRate: draws / n, halfTimeShare: htGoals / goals,
		sharpMargin: median(psMargin), sharpClosingMargin: median(pscMargin), softMargin: median(b365Margin),
		closingMoveSD: moveSD,
	}
}

func getInt(rec []string, col map[string]int, name string) (float64, bool) {
	i, ok := col[name]
	if !ok || i >= len(rec) {
		return 0, false
	}
	v, err := strconv.Atoi(strings.TrimSpace(rec[i]))
	return float64(v), err == nil && v >= 0
}

func logit(p float64) float64 { return math.Log(p / (1 - p)) }
