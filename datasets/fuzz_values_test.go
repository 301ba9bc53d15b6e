package datasets

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FuzzCleanText: what CleanText accepts comes out valid UTF-8, NFC, without
// ASCII control characters or outer and doubled spaces, at most maxText
// bytes, and unchanged by a second pass.
func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"Nguyễn Thị Ánh", "Nguye\u0302\u0303n", "  a\t\tb\r\n", "\xff", "a\x00b", "\u1100\u1161\u11a8", "e\u0301\u0327",
		"\ufeffHà Nội", "a\u00a0\u00a0b", "\u0085x\u2028y", strings.Repeat("ễ", 200)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, err := CleanText(s)
		if err != nil {
			return
		}
		if !utf8.ValidString(out) || !norm.NFC.IsNormalString(out) || len(out) > maxText {
			t.Fatalf("CleanText(%q) = %q: not valid NFC within %d bytes", s, out, maxText)
		}
		if out != strings.TrimSpace(out) || strings.Contains(out, "  ") || strings.ContainsFunc(out, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
			t.Fatalf("CleanText(%q) = %q: spaces or control characters left", s, out)
		}
		if again, err := CleanText(out); err != nil || again != out {
			t.Fatalf("CleanText not idempotent on %q: %q → %q, %v", s, out, again, err)
		}
	})
}

// FuzzParseCell feeds one text to every typed column of every kind: a
// value either parses within the column's bounds and choices or the cell is
// NULL with a reason.
func FuzzParseCell(f *testing.F) {
	for _, s := range []string{"2008-03-14", "2024-02-29T10:00:00+07:00", "2024-01-01 12:00:00", "1:02.30", "-0", "1e308", "0x1p3", "NaN",
		"nữ", "Yes", "1X2", "w/o", "H", "100001", "9999-12-31T23:59:59Z", "1799-12-31 00:00:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		for _, k := range Kinds {
			for _, spec := range specs[k] {
				if spec.typ == tText {
					continue
				}
				var c cell
				err := parseCell(spec, raw, &c)
				if err != nil {
					if !c.null || err.Error() == "" {
						t.Fatalf("%s.%s(%q): error %v but cell %+v", k, spec.name, raw, err, c)
					}
					continue
				}
				if reason := cellProblem(spec, c); reason != "" {
					t.Fatalf("%s.%s(%q) = %+v: %s", k, spec.name, raw, c, reason)
				}
			}
		}
	})
}

// cellProblem says what is wrong with a parsed cell ("" when nothing).
func cellProblem(spec fieldSpec, c cell) string {
	year := func(t time.Time) bool { return t.Year() >= 1800 && t.Year() <= 9999 }
	switch spec.typ {
	case tNumber, tMark:
		if math.IsNaN(c.f) || c.f < spec.min || c.f > spec.max {
			return "number out of bounds"
		}
	case tInt:
		if float64(c.i) < spec.min || float64(c.i) > spec.max {
			return "integer out of bounds"
		}
	case tDate:
		if d := epochDay(c.i); int64(d) != c.i || !year(time.Unix(int64(d)*86400, 0).UTC()) {
			return "date out of range"
		}
	case tTimestamp:
		if !year(time.UnixMicro(c.i).UTC()) {
			return "time out of range"
		}
	case tSex:
		if c.s != "M" && c.s != "F" {
			return "sex not M or F"
		}
	case tEnum:
		vals := make([]string, 0, len(spec.enum))
		for _, v := range spec.enum {
			vals = append(vals, v)
		}
		if !slices.Contains(vals, c.s) {
			return "not one of the choices"
		}
	}
	return ""
}
