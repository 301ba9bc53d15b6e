package datasets

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // "" when an error is expected
	}{
		{"iso", "2008-03-14", "2008-03-14"},
		{"slashes", "2008/03/14", "2008-03-14"},
		{"leap day", "2024-02-29", "2024-02-29"},
		{"not leap", "2023-02-29", ""},
		{"century not leap", "1900-02-29", ""},
		{"month 13", "2008-13-01", ""},
		{"day 0", "2008-01-00", ""},
		{"dd/mm/yyyy", "14/03/2008", ""},
		{"too old", "1799-12-31", ""},
		{"early ATP birth", "1836-04-11", "1836-04-11"},
		{"mixed separators", "2008-03/14", ""},
		{"letters", "2008-0a-14", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := ParseDate(tc.in)
			if tc.want == "" {
				if err == nil {
					t.Fatalf("ParseDate(%q) = %v, want an error", tc.in, d)
				}
				return
			}
			if err != nil || FormatDate(d) != tc.want {
				t.Fatalf("ParseDate(%q) = %s, %v; want %s", tc.in, FormatDate(d), err, tc.want)
			}
		})
	}
	// Day numbers are DuckDB's: 1970-01-01 is day 0, 2000-03-01 day 11017.
	if d, _ := ParseDate("2000-03-01"); d != 11017 {
		t.Fatalf("2000-03-01 = day %d, want 11017", d)
	}
}

func TestParseMark(t *testing.T) {
	tests := []struct {
		in   string
		want float64 // -1 for an error
	}{
		{"9.58", 9.58},
		{"1:43.01", 103.01}, // 60 + 43.01
		{"2:01:39", 7299},   // 2·3600 + 60 + 39
		{"26:11.00", 1571},  // 26·60 + 11
		{"8.95", 8.95},      // long jump, metres
		{"1:60.00", -1},     // seconds must be < 60
		{"1.5:03", -1},      // only the seconds may have decimals
		{"1:2:3:4", -1},     // at most h:mm:ss
		{":12", -1},         // empty component
		{"1:-5", -1},        // negative component
		{"abc", -1},
		{"NaN", -1},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseMark(tc.in)
			if tc.want < 0 {
				if err == nil {
					t.Fatalf("ParseMark(%q) = %v, want an error", tc.in, got)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("ParseMark(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestNameKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nguyễn Thị Ánh", "nguyen thi anh"},
		{"NGUYEN  thi ANH", "nguyen thi anh"},
		{"Đặng Đức Đạt", "dang duc dat"},
		{"Nguyê\u0303n Thi\u0323 A\u0301nh", "nguyen thi anh"}, // decomposed (NFD) input
		{"O'Brien-Smith", "o brien smith"},
		{"  ", ""},
	}
	for _, tc := range tests {
		if got := NameKey(tc.in); got != tc.want {
			t.Errorf("NameKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCleanTextNFC(t *testing.T) {
	decomposed := "Nguye\u0302\u0303n" // e + circumflex + tilde
	got, err := CleanText("  " + decomposed + "   Văn ")
	if err != nil || got != "Nguyễn Văn" || !norm.NFC.IsNormalString(got) {
		t.Fatalf("CleanText = %q, %v", got, err)
	}
	if got, _ := CleanText("Giải\r\n mở\trộng"); got != "Giải mở rộng" {
		t.Fatalf("white space not folded: %q", got)
	}
	for _, bad := range []string{"a\xffb", "a\x00b", "a\x1bb", strings.Repeat("x", 501)} {
		if _, err := CleanText(bad); err == nil {
			t.Errorf("CleanText(%q) accepted", bad)
		}
	}
}

func ExampleNameKey() {
	fmt.Println(NameKey("Trần Thị Thu Hà"))
	fmt.Println(NameKey("TRAN thi thu HA"))
	// Output:
	// tran thi thu ha
	// tran thi thu ha
}

func ExampleParseMark() {
	s, _ := ParseMark("3:26.00") // El Guerrouj's 1500 m
	fmt.Println(s)
	// Output: 206
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2008-03-14", "2024-02-29", "0000-00-00", "9999/12/31", "2008-3-14"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		// A date that parses formats back to itself (with '-' separators).
		if want := strings.ReplaceAll(s, "/", "-"); FormatDate(d) != want {
			t.Fatalf("ParseDate(%q) round-trips to %s", s, FormatDate(d))
		}
	})
}

func FuzzParseMark(f *testing.F) {
	for _, s := range []string{"9.58", "1:43.01", "2:01:39", "1e3", ":", "1::2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseMark(s)
		if err == nil && (v != v || v > 1e300 || (strings.Contains(s, ":") && v < 0)) {
			t.Fatalf("ParseMark(%q) = %v", s, v)
		}
	})
}

func FuzzNameKey(f *testing.F) {
	for _, s := range []string{"Nguyễn Thị Ánh", "Đặng", "a\u0301", "\xff", "O'Brien"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := NameKey(s)
		if !utf8.ValidString(k) || strings.Contains(k, "  ") || strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") {
			t.Fatalf("NameKey(%q) = %q", s, k)
		}
		if NameKey(k) != k {
			t.Fatalf("NameKey not idempotent on %q: %q → %q", s, k, NameKey(k))
		}
		if c, err := CleanText(s); err == nil && NameKey(c) != k {
			t.Fatalf("NameKey differs after CleanText: %q vs %q", NameKey(c), k)
		}
	})
}
