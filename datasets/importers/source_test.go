package importers

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenCSV(t *testing.T) {
	content := "\ufeffa,b\n1,2\n\"x\ny\",3\n4\n"
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write([]byte(content))
	w.Close()
	tests := []struct {
		name, file, data string
	}{
		{"plain", "f.csv", content},
		{"gzip told by its bytes", "f.csv.gz", gz.String()},
		{"gzip without .gz", "g.csv", gz.String()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := openCSV(writeTemp(t, tt.file, tt.data))
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			if strings.Join(c.header, ",") != "a,b" {
				t.Errorf("header %q (the BOM must go)", c.header)
			}
			// Lines: 1,2 on line 2; the quoted field spans lines 3–4; "4" (a short row) on line 5.
			var lines []int64
			for {
				rec, line, err := c.next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				lines = append(lines, line)
				_ = rec
			}
			if len(lines) != 3 || lines[0] != 2 || lines[1] != 3 || lines[2] != 5 {
				t.Errorf("lines %v, want [2 3 5]", lines)
			}
		})
	}
	if _, err := openCSV(writeTemp(t, "empty.csv", "")); err == nil {
		t.Error("empty file: no error")
	}
}

func TestSourceFiles(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"b_1.csv", "a_1.csv.gz", "c.txt"} {
		os.WriteFile(filepath.Join(dir, f), nil, 0o644)
	}
	got, err := sourceFiles(dir, "*_*")
	if err != nil || len(got) != 2 || filepath.Base(got[0]) != "a_1.csv.gz" || filepath.Base(got[1]) != "b_1.csv" {
		t.Errorf("sourceFiles = %v, %v", got, err)
	}
	os.WriteFile(filepath.Join(dir, "a_1.csv"), nil, 0o644)
	if _, err := sourceFiles(dir, "*_*"); err == nil {
		t.Error("a_1.csv and a_1.csv.gz: no error")
	}
}

func TestDatasetDir(t *testing.T) {
	root := t.TempDir()
	os.Mkdir(filepath.Join(root, "tennis-atp"), 0o755)
	for _, tt := range []struct{ in, want string }{
		{root, filepath.Join(root, "tennis-atp")},
		{filepath.Join(root, "tennis-atp"), filepath.Join(root, "tennis-atp")},
	} {
		if got, err := datasetDir(tt.in, "tennis-atp"); err != nil || got != tt.want {
			t.Errorf("datasetDir(%s) = %s, %v; want %s", tt.in, got, err, tt.want)
		}
	}
	if _, err := datasetDir(filepath.Join(root, "nope"), "tennis-atp"); err == nil {
		t.Error("missing dir: no error")
	}
}

func TestColumns(t *testing.T) {
	c, err := columns("f", []string{"a", "b", "a"}, "a", "b", "c?")
	if err != nil || c["a"] != 0 || c["b"] != 1 || c["c"] != -1 {
		t.Errorf("columns = %v, %v", c, err)
	}
	if _, err := columns("f", []string{"a"}, "b"); err == nil || !strings.Contains(err.Error(), `"b" is missing`) {
		t.Errorf("missing column: %v", err)
	}
	if field([]string{" x "}, 0) != "x" || field([]string{"x"}, 3) != "" || field([]string{"x"}, -1) != "" {
		t.Error("field")
	}
}

func TestDigest(t *testing.T) {
	p := writeTemp(t, "f.csv", "a\n1\n")
	d1, _ := digest("m/1", p)
	d2, _ := digest("m/2", p)
	os.WriteFile(p, []byte("a\n2\n"), 0o644)
	d3, _ := digest("m/1", p)
	if d1 == d2 || d1 == d3 || len(d1) != 64 {
		t.Errorf("digests %s %s %s: a changed mapping or file must change the digest", d1, d2, d3)
	}
}
