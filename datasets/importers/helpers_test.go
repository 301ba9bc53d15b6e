package importers

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/podium-sport/podium/datasets"
)

// mapped is one output row as column → value, with its source line.
type mapped struct {
	line int64
	v    map[string]string
}

// readRows reads every row of rows. Rejected records (a
// *datasets.ValidationError, as the store would collect them) are returned
// apart; any other error fails the test.
func readRows(t *testing.T, rows datasets.Rows) ([]mapped, []*datasets.ValidationError) {
	t.Helper()
	var out []mapped
	var bad []*datasets.ValidationError
	h := rows.Header()
	for {
		r, err := rows.Next()
		if err == io.EOF {
			return out, bad
		}
		var verr *datasets.ValidationError
		if errors.As(err, &verr) {
			if r.Line != verr.Line {
				t.Errorf("rejected row: Row.Line %d, error line %d", r.Line, verr.Line)
			}
			bad = append(bad, verr)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Fields) != len(h) {
			t.Fatalf("line %d: %d fields for %d columns", r.Line, len(r.Fields), len(h))
		}
		m := mapped{line: r.Line, v: map[string]string{}}
		for i, c := range h {
			m.v[c] = r.Fields[i]
		}
		out = append(out, m)
	}
}

// byLine indexes rows by source line (the first row of each line).
func byLine(rows []mapped) map[int64]map[string]string {
	out := map[int64]map[string]string{}
	for _, r := range rows {
		if _, ok := out[r.line]; !ok {
			out[r.line] = r.v
		}
	}
	return out
}

// checkFields compares the named fields of got with want.
func checkFields(t *testing.T, name string, got, want map[string]string) {
	t.Helper()
	if got == nil {
		t.Errorf("%s: no row", name)
		return
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: %s = %q, want %q", name, k, got[k], w)
		}
	}
}

// fixture is the path of a test fixture.
func fixture(parts ...string) string {
	return filepath.Join(append([]string{"testdata"}, parts...)...)
}

// writeTemp writes content to name in a fresh temp dir and returns its path.
func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// contractHeader checks that a header names only columns of kind's contract.
func contractHeader(t *testing.T, kind datasets.Kind, header []string) {
	t.Helper()
	known := map[string]bool{}
	for _, c := range datasets.Contracts[kind] {
		known[c.Name] = true
	}
	for _, h := range header {
		if !known[h] {
			t.Errorf("%s header: %q is not a contract column", kind, h)
		}
	}
}
