package importers

import (
	"io"

	"github.com/podium-sport/podium/datasets"
)

// emitFunc hands one output row, in the table's header order, to the table.
// Fields are copied.
type emitFunc func(line int64, fields ...string)

// fillFunc maps one source record (valid only during the call) to zero or
// more output rows. A *datasets.ValidationError rejects the record: the
// store reports it as file:line: field: reason and loads nothing.
type fillFunc func(rec []string, line int64, emit emitFunc) error

// bindFunc prepares a fillFunc for a source file's header.
type bindFunc func(file string, header []string) (fillFunc, error)

// table is a datasets.Rows over the rows a mapping makes from one source
// file. The file is opened on the first Next and closed at its end, so that
// a load of hundreds of files never holds them all open.
type table struct {
	path   string
	header []string // output columns, named as in datasets.Contracts
	bind   bindFunc

	src   *csvFile
	fill  fillFunc
	queue []datasets.Row
	pos   int
	done  bool
}

var _ datasets.Rows = (*table)(nil)

func newTable(path string, header []string, bind bindFunc) *table {
	return &table{path: path, header: header, bind: bind}
}

func (t *table) Header() []string { return t.header }

func (t *table) Next() (datasets.Row, error) {
	for t.pos == len(t.queue) {
		if t.done {
			return datasets.Row{}, io.EOF
		}
		if line, err := t.refill(); err != nil {
			// The store reports a *datasets.ValidationError at this line and reads on.
			return datasets.Row{Line: line}, err
		}
	}
	r := t.queue[t.pos]
	t.pos++
	return r, nil
}

// refill maps the next source record into the queue; on error it returns
// the record's line (0 when the file itself cannot be read).
func (t *table) refill() (int64, error) {
	t.queue, t.pos = t.queue[:0], 0
	if t.src == nil {
		src, err := openCSV(t.path)
		if err != nil {
			return 0, err
		}
		t.src = src
		if t.fill, err = t.bind(t.path, src.header); err != nil {
			return 0, err
		}
	}
	rec, line, err := t.src.next()
	if err == io.EOF {
		t.done = true
		return 0, t.Close()
	}
	if err != nil {
		return 0, err
	}
	if err := t.fill(rec, line, t.emit); err != nil {
		t.queue = t.queue[:0]
		return line, err
	}
	return 0, nil
}

func (t *table) emit(line int64, fields ...string) {
	t.queue = append(t.queue, datasets.Row{Line: line, Fields: append([]string(nil), fields...)})
}

// Close closes the source file if it is open; it is safe to call twice.
func (t *table) Close() error {
	if t.src == nil {
		return nil
	}
	err := t.src.Close()
	t.src = nil
	return err
}

// sliceRows is a datasets.Rows over rows already in memory (athletes derived
// from a whole dataset).
type sliceRows struct {
	header []string
	rows   []datasets.Row
	pos    int
}

func (s *sliceRows) Header() []string { return s.header }

func (s *sliceRows) Next() (datasets.Row, error) {
	if s.pos == len(s.rows) {
		return datasets.Row{}, io.EOF
	}
	s.pos++
	return s.rows[s.pos-1], nil
}
