package importers

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/podium-sport/podium/datasets"
)

// Ingester loads parts into the store, all or nothing; *datasets.Store is one.
type Ingester interface {
	Ingest(ctx context.Context, l datasets.Load) (*datasets.Report, error)
}

var _ Ingester = (*datasets.Store)(nil)

// Note records a source row, or one value of it, that the importer could
// not pass on as it stands, and what it did instead.
type Note struct {
	File   string `json:"file"`
	Line   int64  `json:"line"`
	Field  string `json:"field"`
	Value  string `json:"value"`
	Action string `json:"action"` // fixed text per kind of case, so notes group by it
}

func (n Note) String() string {
	return fmt.Sprintf("%s:%d: %s %q: %s", n.File, n.Line, n.Field, n.Value, n.Action)
}

// Summary is what one import did.
type Summary struct {
	Dataset string             `json:"dataset"`
	Dir     string             `json:"dir"`
	Source  string             `json:"source"`
	Files   int                `json:"files"`
	Reports []*datasets.Report `json:"reports"`
	// Skipped are source rows that were not loaded, each with the reason.
	Skipped []Note `json:"skipped"`
	// Notes are loaded rows with a value left empty or changed, each with the reason.
	Notes   []Note  `json:"notes"`
	Seconds float64 `json:"seconds"`
}

// KindTotals adds up the part reports of one kind.
type KindTotals struct {
	Rows, Inserted, Updated, Unchanged int64
	Parts, AlreadyLoaded               int
}

// Totals sums the reports per kind.
func (s *Summary) Totals() map[datasets.Kind]KindTotals {
	out := map[datasets.Kind]KindTotals{}
	for _, r := range s.Reports {
		for _, p := range r.Parts {
			t := out[p.Kind]
			t.Rows += p.Rows
			t.Inserted += p.Inserted
			t.Updated += p.Updated
			t.Unchanged += p.Unchanged
			t.Parts++
			if p.AlreadyLoaded {
				t.AlreadyLoaded++
			}
			out[p.Kind] = t
		}
	}
	return out
}

// NoteGroup counts the notes of one kind (same field and action).
type NoteGroup struct {
	Field  string `json:"field"`
	Action string `json:"action"`
	Count  int    `json:"count"`
	First  Note   `json:"first"` // an example: the first such note
}

// Group counts notes by field and action, in order of first appearance.
func Group(notes []Note) []NoteGroup {
	var out []NoteGroup
	at := map[[2]string]int{}
	for _, n := range notes {
		k := [2]string{n.Field, n.Action}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, NoteGroup{Field: n.Field, Action: n.Action, First: n})
		}
		out[i].Count++
	}
	return out
}

func (s *Summary) skip(file string, line int64, field, value, why string) {
	s.Skipped = append(s.Skipped, Note{File: file, Line: line, Field: field, Value: value, Action: why})
}

func (s *Summary) note(file string, line int64, field, value, action string) {
	s.Notes = append(s.Notes, Note{File: file, Line: line, Field: field, Value: value, Action: action})
}

// load runs one all-or-nothing load and closes the parts' source files.
func (s *Summary) load(ctx context.Context, st Ingester, parts []datasets.Part, progress func(int64)) error {
	defer func() {
		for _, p := range parts {
			if c, ok := p.Rows.(io.Closer); ok {
				c.Close()
			}
		}
	}()
	rep, err := st.Ingest(ctx, datasets.Load{Parts: parts, Progress: progress})
	if err != nil {
		return fmt.Errorf("importers: %s: %w", s.Dataset, err)
	}
	s.Reports = append(s.Reports, rep)
	return nil
}

// loadFile loads one source file, mapped by bind, as a load of its own.
func (s *Summary) loadFile(ctx context.Context, st Ingester, kind datasets.Kind, path, mapping string, header []string,
	bind bindFunc, progress func(int64)) error {
	part, err := newPart(kind, s.Source, path, mapping, header, bind)
	if err != nil {
		return err
	}
	return s.load(ctx, st, []datasets.Part{part}, progress)
}

// importer is one public dataset.
type importer struct {
	name   string // the name `podium import` takes
	folder string // its folder under the shared datasets root
	source string // the store's source name, which scopes source ids
	run    func(ctx context.Context, st Ingester, dir string, s *Summary, progress func(int64)) error
}

var registry = []importer{
	{"tennis-atp", "tennis-atp", "atp", importTennis},
	{"athletics", "athletics-all-time", "world-athletics", importAthletics},
	{"swimming", "swimming-ffn-100m-freestyle", "ffn", importSwimming},
	{"football-data", "football-odds", "football-data", importFootball},
}

// Datasets lists the dataset names Import accepts.
func Datasets() []string {
	out := make([]string, len(registry))
	for i, im := range registry {
		out[i] = im.name
	}
	return out
}

// Import loads the public dataset named dataset (see Datasets) from dir —
// the dataset's own folder or the shared datasets root that holds it — into
// st. progress, when not nil, is called with the number of rows read as the
// load goes. Importing the same files again changes nothing.
func Import(ctx context.Context, st Ingester, dataset, dir string, progress func(rows int64)) (*Summary, error) {
	for _, im := range registry {
		if im.name != dataset {
			continue
		}
		d, err := datasetDir(dir, im.folder)
		if err != nil {
			return nil, err
		}
		start := time.Now()
		s := &Summary{Dataset: im.name, Dir: d, Source: im.source}
		if err := im.run(ctx, st, d, s, progress); err != nil {
			return nil, err
		}
		s.Seconds = time.Since(start).Seconds()
		return s, nil
	}
	return nil, fmt.Errorf("importers: unknown dataset %q (want %s)", dataset, strings.Join(Datasets(), ", "))
}
