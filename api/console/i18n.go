package console

import (
	"embed"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// Visible strings come from one JSON catalogue per language (i18n/*.json):
// a flat key → text map that translators edit without tooling and that a
// test checks for completeness and NFC. Numbers go through x/text/message,
// which knows each language's separators (0,45 in Vietnamese, 0.45 in
// English); dates use a per-language layout.

//go:embed i18n/*.json
var catalogueFS embed.FS

// langs are the console's languages, the default first.
var langs = []string{"vi", "en"}

const langCookie = "podium_lang"

type locale struct {
	lang     string
	text     map[string]string
	printer  *message.Printer
	date     string // time layout of a date
	dateTime string // time layout of a date with the time of day
}

var locales = mustLoadLocales()

func mustLoadLocales() map[string]*locale {
	layouts := map[string][2]string{
		"vi": {"02/01/2006", "02/01/2006 15:04 UTC"},
		"en": {"2 Jan 2006", "2 Jan 2006 15:04 UTC"},
	}
	out := make(map[string]*locale, len(langs))
	for _, l := range langs {
		b, err := catalogueFS.ReadFile("i18n/" + l + ".json")
		if err != nil {
			panic(fmt.Sprintf("console: catalogue %s: %v", l, err))
		}
		var text map[string]string
		if err := json.Unmarshal(b, &text); err != nil {
			panic(fmt.Sprintf("console: catalogue %s: %v", l, err))
		}
		out[l] = &locale{
			lang: l, text: text,
			printer: message.NewPrinter(language.MustParse(l)),
			date:    layouts[l][0], dateTime: layouts[l][1],
		}
	}
	return out
}

// Lang is the language code, for <html lang>.
func (l *locale) Lang() string { return l.lang }

// T translates key, formatting args into it when given. A missing key
// shows as the key itself so that it is visible, and the completeness
// test catches it.
func (l *locale) T(key string, args ...any) string {
	s, ok := l.text[key]
	if !ok {
		return key
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// Phase names a market phase: the usual ones translated, others as given.
func (l *locale) Phase(phase string) string {
	if t, ok := l.text["phase."+phase]; ok {
		return t
	}
	return phase
}

// Date formats t as a date, or "–" for the zero time.
func (l *locale) Date(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.Format(l.date)
}

// DateTime formats t as date and time in UTC, or "–" for the zero time.
func (l *locale) DateTime(t time.Time) string {
	if t.IsZero() {
		return "–"
	}
	return t.UTC().Format(l.dateTime)
}

// Num formats x with the given decimals and the language's separators, or
// "–" for a score that could not be computed (NaN, infinite).
func (l *locale) Num(decimals int, x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	return l.printer.Sprintf("%.*f", decimals, x)
}

// Pct formats a 0–1 share as a percentage with one decimal, or "–".
func (l *locale) Pct(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	return l.printer.Sprintf("%.1f%%", 100*x)
}

// pickLang chooses the page language: ?lang=, then the cookie, then the
// browser's Accept-Language, then Vietnamese. It reports whether the choice
// came from the query, so that the caller remembers it in the cookie.
func pickLang(r *http.Request) (lang string, fromQuery bool) {
	if q := r.URL.Query().Get("lang"); locales[q] != nil {
		return q, true
	}
	if c, err := r.Cookie(langCookie); err == nil && locales[c.Value] != nil {
		return c.Value, false
	}
	tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	if err == nil {
		for _, t := range tags {
			base, _ := t.Base()
			if locales[base.String()] != nil {
				return base.String(), false
			}
		}
	}
	return langs[0], false
}
