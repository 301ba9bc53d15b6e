package importers

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/podium-sport/podium/datasets"
)

// season is the pair of years a football-data file covers ("E0_1993-1994"
// → 1993, 1994); zero when its name does not say.
type season struct{ from, to int }

func seasonOf(stem string) season {
	_, s, ok := strings.Cut(stem, "_")
	a, b, ok2 := strings.Cut(s, "-")
	if !ok || !ok2 || len(a) != 4 || len(b) != 4 || !digits(a) || !digits(b) {
		return season{}
	}
	from, _ := strconv.Atoi(a)
	to, _ := strconv.Atoi(b)
	return season{from, to}
}

// footballDate parses dd/mm/yy or dd/mm/yyyy into YYYY-MM-DD. A two-digit
// year takes the century that puts it in the file's season (1993-1994: 93 →
// 1993); without a season, 00–49 are 20xx and 50–99 19xx. A date whose year
// is outside a known season is an error: the file or the pivot is wrong.
func footballDate(s string, in season) (string, error) {
	parts := strings.Split(strings.TrimSpace(s), "/")
	if len(parts) != 3 || len(parts[0]) < 1 || len(parts[0]) > 2 || len(parts[1]) < 1 || len(parts[1]) > 2 ||
		!digits(parts[0]) || !digits(parts[1]) || !digits(parts[2]) || len(parts[2]) != 2 && len(parts[2]) != 4 {
		return "", errors.New("not a date dd/mm/yy or dd/mm/yyyy")
	}
	year, _ := strconv.Atoi(parts[2])
	if len(parts[2]) == 2 {
		switch {
		case in.from > 0 && (in.from%100 == year || in.to%100 == year):
			year += in.from / 100 * 100
			if year < in.from {
				year += 100 // 1999-2000: 00 is 2000
			}
		case year < 50:
			year += 2000
		default:
			year += 1900
		}
	}
	if in.from > 0 && year != in.from && year != in.to {
		return "", fmt.Errorf("year %d is outside the file's season %d-%d", year, in.from, in.to)
	}
	iso := fmt.Sprintf("%04d-%s-%s", year, pad2(parts[1]), pad2(parts[0]))
	if _, err := datasets.ParseDate(iso); err != nil {
		return "", err
	}
	return iso, nil
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// ahLine parses an Asian handicap line: "-0.5", "+1", a split line written
// "-1,-1.5" or "-1.5/-2" (their mean, -1.25 and -1.75), or a mixed fraction
// "-1 1/4". Lines are multiples of a quarter goal within ±10; anything else
// is refused (football-data has rows whose AH columns are shifted, putting
// a price where the line belongs).
func ahLine(s string) (float64, error) {
	s = strings.TrimSpace(s)
	var v float64
	var err error
	switch {
	case strings.ContainsAny(s, ",") || strings.Count(s, "/") == 1 && !strings.Contains(s, " "):
		a, b, _ := strings.Cut(strings.ReplaceAll(s, "/", ","), ",")
		var x, y float64
		if x, err = strconv.ParseFloat(strings.TrimSpace(a), 64); err == nil {
			y, err = strconv.ParseFloat(strings.TrimSpace(b), 64)
		}
		v = (x + y) / 2
	case strings.Contains(s, " "):
		v, err = mixedFraction(s)
	default:
		v, err = strconv.ParseFloat(s, 64)
	}
	if err != nil {
		return 0, errors.New("not a handicap line")
	}
	if math.IsNaN(v) || math.Abs(v) > 10 || v*4 != math.Trunc(v*4) {
		return 0, errors.New("not a multiple of 0.25 within ±10")
	}
	return v, nil
}

// mixedFraction parses "-1 1/4" as -1.25.
func mixedFraction(s string) (float64, error) {
	whole, frac, _ := strings.Cut(s, " ")
	num, den, ok := strings.Cut(frac, "/")
	w, err1 := strconv.ParseFloat(whole, 64)
	n, err2 := strconv.ParseFloat(num, 64)
	d, err3 := strconv.ParseFloat(den, 64)
	if !ok || err1 != nil || err2 != nil || err3 != nil || d == 0 || n < 0 {
		return 0, errors.New("not a mixed fraction")
	}
	if strings.HasPrefix(whole, "-") {
		return w - n/d, nil
	}
	return w + n/d, nil
}
