package importers

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/podium-sport/podium/datasets"
)

var monthAbbr = map[string]string{
	"JAN": "01", "FEB": "02", "MAR": "03", "APR": "04", "MAY": "05", "JUN": "06",
	"JUL": "07", "AUG": "08", "SEP": "09", "OCT": "10", "NOV": "11", "DEC": "12",
}

// parseDMY parses a World Athletics date "16 AUG 2009" (any case, day of
// one or two digits) into YYYY-MM-DD, checking the calendar as the store does.
func parseDMY(s string) (string, error) {
	f := strings.Fields(s)
	if len(f) != 3 {
		return "", errors.New("not a date like 16 AUG 2009")
	}
	mm, ok := monthAbbr[strings.ToUpper(f[1])]
	if !ok || len(f[0]) > 2 || !digits(f[0]) || len(f[2]) != 4 || !digits(f[2]) {
		return "", errors.New("not a date like 16 AUG 2009")
	}
	iso := f[2] + "-" + mm + "-" + pad2(f[0])
	if _, err := datasets.ParseDate(iso); err != nil {
		return "", err
	}
	return iso, nil
}

// birthDMY reads a DOB: a full date gives YYYY-MM-DD; a year ("1986") or a
// month and year ("OCT 2003") gives "" with partial set (the birth date is
// unknown to the store, but the text still tells athletes apart).
func birthDMY(s string) (iso string, partial bool, err error) {
	f := strings.Fields(s)
	switch {
	case len(f) == 0:
		return "", false, nil
	case len(f) == 1 && len(f[0]) == 4 && digits(f[0]):
		return "", true, nil
	case len(f) == 2 && monthAbbr[strings.ToUpper(f[0])] != "" && len(f[1]) == 4 && digits(f[1]):
		return "", true, nil
	}
	iso, err = parseDMY(s)
	return iso, false, err
}

// athleticsMark reads a mark: seconds written "9.58", "1:43.01" or
// "2:01:39", metres "8.95", points "9126"; a trailing "h" marks a hand-timed
// time. It returns the value as a plain decimal in the event's unit.
func athleticsMark(s string) (value string, hand bool, err error) {
	s = strings.TrimSpace(s)
	if rest, ok := strings.CutSuffix(s, "h"); ok {
		s, hand = rest, true
	}
	v, err := datasets.ParseMark(s)
	if err != nil {
		return "", false, err
	}
	if v <= 0 {
		return "", false, errors.New("must be positive")
	}
	return strconv.FormatFloat(v, 'f', -1, 64), hand, nil
}

// parsePos splits a position "1h1" into the place ("1") and the round
// ("h1"): place digits, optionally written "6.0", then the round's letters
// and number (h heat, sf semi-final, qf quarter-final, f final, q
// qualification, sr …). Either part may be absent: "1", "sf", "".
func parsePos(s string) (place, round string, err error) {
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	place, rest := s[:i], s[i:]
	if r, ok := strings.CutPrefix(rest, ".0"); ok && place != "" {
		rest = r
	}
	j := 0
	for j < len(rest) && rest[j] >= 'a' && rest[j] <= 'z' {
		j++
	}
	if !digits(rest[j:]) && rest[j:] != "" || j == 0 && rest != "" {
		return "", "", fmt.Errorf("not a position like 1, 1h1, 2sf1 or 6.0")
	}
	place = strings.TrimLeft(place, "0")
	if place == "" && i > 0 {
		return "", "", errors.New("place 0")
	}
	if len(place) > 6 {
		return "", "", errors.New("place too large")
	}
	return place, rest, nil
}
