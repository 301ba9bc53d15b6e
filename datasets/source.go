package datasets

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// CheckSource reports a feed name that cannot scope source ids: it must be
// 1–128 characters of valid UTF-8 without control characters (a NUL or an
// invalid byte would otherwise reach the loader's SQL).
func CheckSource(source string) error {
	switch {
	case source == "" || utf8.RuneCountInString(source) > 128:
		return fmt.Errorf("want 1–128 characters, got %d", utf8.RuneCountInString(source))
	case !utf8.ValidString(source):
		return fmt.Errorf("not valid UTF-8")
	}
	for _, r := range source {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			return fmt.Errorf("control character %U", r)
		}
	}
	return nil
}
