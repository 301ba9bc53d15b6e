package console

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
)

// FuzzSafeNext: the login form's next parameter comes from the client; what
// safeNext keeps is a path of the console on this host, never an open
// redirect (another host, a scheme, a protocol-relative or backslash path).
func FuzzSafeNext(f *testing.F) {
	for _, s := range []string{"/console/alerts?status=open", "//evil.example/console/", "/console/\\evil", "https://evil.example/console/",
		"/console/../../v1/users", "/console//evil.example", "/console/%2F%2Fevil", "javascript:alert(1)", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, next string) {
		got := safeNext(next)
		if got == "" {
			return
		}
		if got != next || !strings.HasPrefix(got, "/console/") || strings.Contains(got, `\`) {
			t.Fatalf("safeNext(%q) = %q", next, got)
		}
		if u, err := url.Parse(got); err == nil && (u.Host != "" || u.Scheme != "") {
			t.Fatalf("safeNext(%q) = %q leaves the host: %+v", next, got, u)
		}
	})
}

// FuzzPickLang: whatever the lang query parameter, cookie and
// Accept-Language header say, the console picks one of its languages.
func FuzzPickLang(f *testing.F) {
	for _, s := range [][3]string{{"vi", "", ""}, {"", "en", ""}, {"", "", "fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5"}, {"xx", "yy", "vi-VN"},
		{"", "", "en;q=NaN, vi;q=1e400"}, {"", "", strings.Repeat("a-", 500)}} {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, query, cookie, accept string) {
		req := httptest.NewRequest("GET", "/console/", nil)
		req.URL.RawQuery = url.Values{"lang": {query}}.Encode()
		req.AddCookie(&http.Cookie{Name: langCookie, Value: cookie})
		req.Header.Set("Accept-Language", accept)
		lang, fromQuery := pickLang(req)
		if !slices.Contains(langs, lang) || (fromQuery && lang != query) {
			t.Fatalf("pickLang(lang=%q, cookie=%q, Accept-Language=%q) = %q, %v", query, cookie, accept, lang, fromQuery)
		}
	})
}
