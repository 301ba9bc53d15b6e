package importers

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// csvFile reads one source CSV file, gzip-compressed or not (told by its
// first bytes, not its name), record by record with the line each record
// starts on (the header is line 1).
type csvFile struct {
	name   string
	f      *os.File
	gz     *gzip.Reader
	r      *csv.Reader
	header []string
}

func openCSV(path string) (*csvFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("importers: %w", err)
	}
	c := &csvFile{name: path, f: f}
	br := bufio.NewReaderSize(f, 1<<16)
	var in io.Reader = br
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		if c.gz, err = gzip.NewReader(br); err != nil {
			f.Close()
			return nil, fmt.Errorf("importers: %s: %w", path, err)
		}
		in = c.gz
	}
	c.r = csv.NewReader(in)
	c.r.FieldsPerRecord = -1 // football-data rows are often shorter or longer than their header
	c.r.ReuseRecord = true
	h, err := c.r.Read()
	if err != nil {
		c.Close()
		if err == io.EOF {
			return nil, fmt.Errorf("importers: %s: empty file, no header", path)
		}
		return nil, fmt.Errorf("importers: %s: header: %w", path, err)
	}
	c.header = append([]string(nil), h...)
	if len(c.header) > 0 {
		c.header[0] = strings.TrimPrefix(c.header[0], "\ufeff")
	}
	return c, nil
}

// next returns the next record (valid until the following call) and its
// line. io.EOF ends the file.
func (c *csvFile) next() ([]string, int64, error) {
	rec, err := c.r.Read()
	if err == io.EOF {
		return nil, 0, io.EOF
	}
	if err != nil {
		return nil, 0, fmt.Errorf("importers: %s: %w", c.name, err)
	}
	line, _ := c.r.FieldPos(0)
	return rec, int64(line), nil
}

func (c *csvFile) Close() error {
	if c.gz != nil {
		c.gz.Close()
	}
	return c.f.Close()
}

// columns finds each named column in a source header. A missing required
// column is an error; a missing optional one (named with a trailing "?")
// maps to -1.
func columns(file string, header []string, names ...string) (map[string]int, error) {
	pos := make(map[string]int, len(header))
	for i, h := range header {
		if _, dup := pos[h]; !dup {
			pos[h] = i
		}
	}
	out := make(map[string]int, len(names))
	for _, n := range names {
		optional := strings.HasSuffix(n, "?")
		n = strings.TrimSuffix(n, "?")
		i, ok := pos[n]
		if !ok && !optional {
			return nil, fmt.Errorf("importers: %s: column %q is missing (header: %s)", file, n, strings.Join(header, ","))
		}
		if !ok {
			i = -1
		}
		out[n] = i
	}
	return out, nil
}

// field returns rec[i] trimmed, or "" when the record is too short or i < 0.
func field(rec []string, i int) string {
	if i < 0 || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

// digest is the hex SHA-256 of the files' bytes, in the given order,
// followed by the mapping version: a changed file or a changed mapping makes
// a new digest, so the store loads the part again instead of skipping it.
func digest(mapping string, paths ...string) (string, error) {
	h := sha256.New()
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return "", fmt.Errorf("importers: %w", err)
		}
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return "", fmt.Errorf("importers: read %s: %w", p, err)
		}
		h.Write([]byte{0})
	}
	h.Write([]byte("mapping " + mapping))
	return hex.EncodeToString(h.Sum(nil)), nil
}

// sourceFiles lists the files of dir matching pattern (a filepath.Match
// pattern without extension, e.g. "atp_matches_*"), compressed (.csv.gz) or
// not (.csv), sorted by name. The same file in both forms is an error.
func sourceFiles(dir, pattern string) ([]string, error) {
	var out []string
	seen := map[string]string{}
	for _, ext := range []string{".csv.gz", ".csv"} {
		m, err := filepath.Glob(filepath.Join(dir, pattern+ext))
		if err != nil {
			return nil, fmt.Errorf("importers: %w", err)
		}
		for _, p := range m {
			stem := strings.TrimSuffix(p, ext)
			if other, dup := seen[stem]; dup {
				return nil, fmt.Errorf("importers: both %s and %s: keep one", other, p)
			}
			seen[stem] = p
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out, nil
}

// stem is a source file's name without its directory and .csv/.csv.gz.
func stem(path string) string {
	return strings.TrimSuffix(strings.TrimSuffix(filepath.Base(path), ".gz"), ".csv")
}

// datasetDir returns dir/folder when dir holds the dataset's folder (dir is
// the shared datasets root), else dir itself (dir is the dataset's folder).
func datasetDir(dir, folder string) (string, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return "", fmt.Errorf("importers: %w", err)
	}
	if !st.IsDir() {
		return "", fmt.Errorf("importers: %s is not a directory", dir)
	}
	sub := filepath.Join(dir, folder)
	if st, err := os.Stat(sub); err == nil && st.IsDir() {
		return sub, nil
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("importers: %w", err)
	}
	return dir, nil
}
