package sim

import (
	"context"
	"io"

	"github.com/podium-sport/podium/datasets"
)

// blockRows is the number of rows per block handed from the generator
// goroutine to the reader.
const blockRows = 4096

type block struct {
	fields []string
	n      int
}

// rowStream is a datasets.Rows whose rows a generator goroutine produces in
// blocks, so that generation runs on one core while the store validates
// and loads on the other. At most a few blocks are in flight: memory stays
// bounded whatever the size of the generation. The generator starts on the
// first call of Next and stops when ctx is cancelled. (The stream keeps its
// context because datasets.Rows, like database/sql's Rows, has no context
// argument of its own.)
type rowStream struct {
	ctx    context.Context
	header []string
	gen    func(w *rowWriter)
	blocks chan *block
	free   chan *block
	cur    *block
	pos    int
	line   int64
}

var _ datasets.Rows = (*rowStream)(nil)

func newRowStream(ctx context.Context, header []string, gen func(w *rowWriter)) *rowStream {
	return &rowStream{ctx: ctx, header: header, gen: gen}
}

func (s *rowStream) Header() []string { return s.header }

func (s *rowStream) Next() (datasets.Row, error) {
	if s.blocks == nil {
		s.start()
	}
	for s.cur == nil || s.pos == s.cur.n {
		if s.cur != nil {
			s.free <- s.cur
		}
		b, ok := <-s.blocks
		if !ok {
			s.cur = nil
			if err := s.ctx.Err(); err != nil {
				return datasets.Row{}, err
			}
			return datasets.Row{}, io.EOF
		}
		s.cur, s.pos = b, 0
	}
	nc := len(s.header)
	s.line++
	row := datasets.Row{Line: s.line, Fields: s.cur.fields[s.pos*nc : (s.pos+1)*nc]}
	s.pos++
	return row, nil
}

const blocksInFlight = 4

func (s *rowStream) start() {
	s.blocks = make(chan *block, blocksInFlight)
	s.free = make(chan *block, blocksInFlight+2)
	for i := 0; i < blocksInFlight+2; i++ {
		s.free <- &block{fields: make([]string, blockRows*len(s.header))}
	}
	go func() {
		defer close(s.blocks)
		w := &rowWriter{s: s, nc: len(s.header)}
		s.gen(w)
		w.flush()
	}()
}

// rowWriter is the generator's side of a rowStream, or of a plain
// function (sink) that takes each row.
type rowWriter struct {
	s    *rowStream
	nc   int
	b    *block
	done bool
	sink func(fields []string) // when set, rows go here and s is unused
}

// row appends one row; its fields are copied. After cancellation rows are
// dropped and stopped reports true.
func (w *rowWriter) row(fields ...string) {
	if w.sink != nil {
		w.sink(fields)
		return
	}
	if w.done {
		return
	}
	if w.b == nil {
		select {
		case w.b = <-w.s.free:
			w.b.n = 0
		case <-w.s.ctx.Done():
			w.done = true
			return
		}
	}
	copy(w.b.fields[w.b.n*w.nc:], fields)
	w.b.n++
	if w.b.n == blockRows {
		w.flush()
	}
}

func (w *rowWriter) flush() {
	if w.b == nil || w.b.n == 0 || w.done {
		return
	}
	select {
	case w.s.blocks <- w.b:
		w.b = nil
	case <-w.s.ctx.Done():
		w.done = true
	}
}

// stopped reports whether the stream was cancelled: generators check it
// between athletes.
func (w *rowWriter) stopped() bool {
	if w.sink != nil {
		return false
	}
	if !w.done && w.s.ctx.Err() != nil {
		w.done = true
	}
	return w.done
}
