package datasets

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// epochDay is the Unix day number of a date, the unit DuckDB stores DATEs in.
type epochDay = int32

// ParseDate parses an ISO date YYYY-MM-DD (also YYYY/MM/DD) into days since
// 1970-01-01, refusing dates before 1800 (the ATP player list has births
// from 1836; no result is older than the 1870s).
func ParseDate(s string) (epochDay, error) {
	if len(s) != 10 || (s[4] != '-' && s[4] != '/') || s[7] != s[4] {
		return 0, errors.New("not a date in YYYY-MM-DD form")
	}
	y, ok1 := atoiFixed(s[0:4])
	m, ok2 := atoiFixed(s[5:7])
	d, ok3 := atoiFixed(s[8:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, errors.New("not a valid calendar date")
	}
	if y < 1800 {
		return 0, errors.New("year before 1800")
	}
	return daysFromCivil(y, m, d), nil
}

// FormatDate formats days since 1970-01-01 as YYYY-MM-DD.
func FormatDate(days epochDay) string {
	return time.Unix(int64(days)*86400, 0).UTC().Format(time.DateOnly)
}

// Today is the current date in days since 1970-01-01 (UTC); tests replace it.
var Today = func() epochDay { return epochDay(time.Now().UTC().Unix() / 86400) }

func atoiFixed(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// daysFromCivil is Howard Hinnant's days_from_civil: proleptic Gregorian
// date → days since 1970-01-01, without allocating a time.Time.
func daysFromCivil(y, m, d int) epochDay {
	if m <= 2 {
		y--
	}
	era := y / 400
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return epochDay(era*146097 + doe - 719468)
}

// ParseTimestamp parses RFC 3339 or "YYYY-MM-DD HH:MM:SS" (UTC) into
// microseconds since the Unix epoch.
func ParseTimestamp(s string) (int64, error) {
	for _, layout := range []string{time.RFC3339Nano, time.DateTime, "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < 1800 || t.Year() > 9999 {
				return 0, errors.New("year out of range")
			}
			return t.UnixMicro(), nil
		}
	}
	return 0, errors.New("not a time in RFC 3339 or YYYY-MM-DD HH:MM:SS form")
}

// ParseNumber parses a finite decimal number. A decimal comma is not accepted:
// it would be ambiguous with the CSV separator.
func ParseNumber(s string) (float64, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, errors.New("not a number")
	}
	if f != f || f > 1e300 || f < -1e300 {
		return 0, errors.New("not a finite number")
	}
	return f, nil
}

// ParseMark parses a performance mark: a plain number, or a time written
// m:ss.xx or h:mm:ss.xx (returned in seconds). Minutes and seconds after a
// colon must be below 60.
func ParseMark(s string) (float64, error) {
	if !strings.Contains(s, ":") {
		return ParseNumber(s)
	}
	parts := strings.Split(s, ":")
	if len(parts) > 3 {
		return 0, errors.New("a time has at most h:mm:ss")
	}
	var total float64
	for i, p := range parts {
		if p == "" {
			return 0, errors.New("empty time component")
		}
		v, err := strconv.ParseFloat(p, 64)
		if err != nil || v < 0 || strings.ContainsAny(p, "eE+-") {
			return 0, errors.New("not a time")
		}
		if i > 0 && v >= 60 {
			return 0, errors.New("minutes and seconds must be below 60")
		}
		if i < len(parts)-1 && v != float64(int64(v)) {
			return 0, errors.New("only the seconds may have decimals")
		}
		total = total*60 + v
	}
	// 60 + 43.01 is 103.00999…: round to the microsecond, far below any timing.
	return math.Round(total*1e6) / 1e6, nil
}

// ParseSex maps the spellings feeds use (M/F, male/female, Vietnamese
// nam/nữ, 1/2 as in the FFN data) to M or F.
func ParseSex(s string) (string, error) {
	switch strings.ToLower(norm.NFC.String(strings.TrimSpace(s))) {
	case "m", "male", "man", "men", "nam", "1":
		return "M", nil
	case "f", "w", "female", "woman", "women", "nữ", "nu", "2":
		return "F", nil
	}
	return "", errors.New("sex must be M or F")
}

// ParseBool accepts true/false, 1/0, yes/no.
func ParseBool(s string) (bool, error) {
	switch strings.ToLower(s) {
	case "true", "1", "yes", "t", "y":
		return true, nil
	case "false", "0", "no", "f", "n":
		return false, nil
	}
	return false, errors.New("not true or false")
}

// maxText is the longest text value accepted, in bytes.
const maxText = 500

// CleanText checks that s is UTF-8 without control characters (tabs and
// line breaks count as white space), trims it, folds inner runs of white
// space to one space and returns it NFC-normalised.
func CleanText(s string) (string, error) {
	if !utf8.ValidString(s) {
		return "", errors.New("not valid UTF-8 (re-save the file as UTF-8)")
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == 0x7f {
			if c == '\t' || c == '\n' || c == '\r' {
				continue // white space, folded below
			}
			return "", errors.New("contains a control character")
		}
		if c >= 0x80 {
			ascii = false
		}
	}
	s = strings.TrimSpace(s)
	if strings.Contains(s, "  ") || strings.ContainsAny(s, "\t\n\r") {
		s = strings.Join(strings.Fields(s), " ")
	}
	if !ascii && !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	if len(s) > maxText {
		return "", errors.New("longer than 500 bytes")
	}
	return s, nil
}

// stripMarks pools the transformer that removes combining marks: a chain
// keeps state between calls, so each goroutine needs its own.
var stripMarks = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// NameKey is the identity key of a person's name: lower case, without
// diacritics (Vietnamese đ → d), letters and digits only, single spaces.
// "Nguyễn Thị Ánh" and "NGUYEN thi anh" share the key "nguyen thi anh".
func NameKey(name string) string {
	ascii := true
	for i := 0; i < len(name); i++ {
		if name[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		// Invalid bytes would make the transform fail and keep the marks.
		name = strings.ToValidUTF8(name, " ")
		name = strings.NewReplacer("đ", "d", "Đ", "D").Replace(name)
		t := stripMarks.Get().(transform.Transformer)
		if out, _, err := transform.String(t, name); err == nil {
			name = out
		}
		stripMarks.Put(t)
	}
	var b strings.Builder
	b.Grow(len(name))
	space := false
	for _, r := range name {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}
