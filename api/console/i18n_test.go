package console

import (
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/podium-sport/podium/datasets"
	"golang.org/x/text/unicode/norm"
)

var verbRe = regexp.MustCompile(`%[-+# 0-9.*]*[a-zA-Z%]`)

// Every key exists in every language, with text in NFC, and with the same
// formatting verbs (so that no argument is lost in translation).
func TestCataloguesComplete(t *testing.T) {
	ref := locales[langs[0]]
	for _, l := range langs {
		loc := locales[l]
		for k, v := range loc.text {
			if _, ok := ref.text[k]; !ok {
				t.Errorf("%s has key %q that %s lacks", l, k, ref.lang)
			}
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s %q: empty", l, k)
			}
			if !norm.NFC.IsNormalString(v) {
				t.Errorf("%s %q: not NFC", l, k)
			}
			if got, want := verbRe.FindAllString(v, -1), verbRe.FindAllString(ref.text[k], -1); !slices.Equal(got, want) {
				t.Errorf("%s %q: verbs %v, %s has %v", l, k, got, ref.lang, want)
			}
		}
		if len(loc.text) != len(ref.text) {
			t.Errorf("%s has %d keys, %s %d", l, len(loc.text), ref.lang, len(ref.text))
		}
	}
}

// Every key the templates and the Go code ask for is in the catalogues.
func TestCataloguesCoverUse(t *testing.T) {
	used := map[string]bool{}
	keyRe := regexp.MustCompile(`T "([a-z0-9.\-]+)"`)
	err := fs.WalkDir(templateFS, "templates", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, _ := templateFS.ReadFile(p)
		for _, m := range keyRe.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// keys built at run time
	for _, s := range datasets.AlertStatuses {
		used["status."+s] = true
	}
	for _, k := range checklist {
		used["checklist."+k] = true
	}
	for _, r := range datasets.Roles {
		used["role."+r] = true
	}
	for _, k := range []string{"sex.F", "sex.M", "phase.opening", "phase.closing", "alert.saved", "alert.conflict",
		"alert.invalid", "alert.nothing", "login.invalid", "error.csrf", "error.forbidden", "error.notfound",
		"error.internal", "error.severity", "error.badform", "error.unavailable", "chart.odds.title", "chart.odds.desc",
		"chart.traj.desc.marks", "chart.traj.desc.forecast", "nav.alerts", "nav.rankings", "nav.models"} {
		used[k] = true
	}
	for _, l := range langs {
		for k := range used {
			if _, ok := locales[l].text[k]; !ok {
				t.Errorf("%s lacks key %q", l, k)
			}
		}
	}
}

// Vietnamese text keeps its diacritics (a catalogue saved without them
// would still pass the completeness test).
func TestVietnameseDiacritics(t *testing.T) {
	for k, want := range map[string]string{"nav.logout": "Đăng xuất", "status.investigating": "Đang điều tra",
		"checklist.weather": "Thời tiết", "rankings.province": "Tỉnh/thành"} {
		if got := locales["vi"].T(k); got != want {
			t.Errorf("vi %s = %q, want %q", k, got, want)
		}
	}
}
