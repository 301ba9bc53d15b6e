package datasets

import (
	"bytes"
	"context"
	"errors"
	"io"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/apache/arrow/go/v17/arrow"
)

func (sp *stagedPart) newValidator(probs *problems) *validator {
	v := newValidator(sp.Kind, sp.Rows.Header(), probs)
	v.res = sp.res
	return v
}

// emitter sends a validator's full batches to the sink.
type emitter struct {
	ctx   context.Context
	ch    chan<- arrow.Record
	shape func(arrow.Record) arrow.Record
}

func (e emitter) send(v *validator) bool {
	rec := v.flush()
	if rec == nil {
		return true
	}
	if e.shape != nil {
		rec = e.shape(rec)
	}
	select {
	case e.ch <- rec:
		return true
	case <-e.ctx.Done():
		rec.Release()
		return false
	}
}

// counter batches progress reports; it is safe for concurrent use.
type counter struct {
	mu       sync.Mutex
	progress func(int64)
}

func (c *counter) add(n int64) {
	if c.progress != nil && n > 0 {
		c.mu.Lock()
		c.progress(n)
		c.mu.Unlock()
	}
}

// produce decodes and validates every row, sending full batches on ch. CSV
// files are decoded by one worker per core (row checks are safe for
// concurrent use: shared state sits behind the resolver's mutex).
func (sp *stagedPart) produce(ctx context.Context, v *validator, ch chan<- arrow.Record, progress func(int64)) error {
	defer close(ch)
	e := emitter{ctx: ctx, ch: ch, shape: sp.shape}
	prog := &counter{progress: progress}
	if c, ok := sp.Rows.(*csvRows); ok && c.r == nil && runtime.GOMAXPROCS(0) > 1 {
		return sp.produceParallel(ctx, c, v, e, prog)
	}
	var sinceProgress, rows int64
	for {
		row, err := sp.Rows.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var verr *ValidationError
			if !errors.As(err, &verr) || row.Line == 0 {
				return err // the file cannot be read on: a syntax error or I/O
			}
			sp.probs.add(verr.Line, verr.Field, verr.Reason)
			rows++
			continue
		}
		rows++
		v.add(row)
		if v.buffered() >= batchRows && !e.send(v) {
			return ctx.Err()
		}
		if sinceProgress++; sinceProgress == 10_000 {
			prog.add(sinceProgress)
			sinceProgress = 0
		}
	}
	prog.add(sinceProgress)
	sp.rows = rows
	if sp.probs.total > 0 {
		return nil // nothing will be loaded; skip the last batch
	}
	if !e.send(v) {
		return ctx.Err()
	}
	return nil
}

// produceParallel cuts a CSV file into chunks of whole records and validates
// them on one worker per core, each with its own validator (first) and
// problem list; the problems are merged in line order at the end.
func (sp *stagedPart) produceParallel(ctx context.Context, c *csvRows, first *validator, e emitter, prog *counter) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	chunks := make(chan chunk, 2)
	splitDone := make(chan error, 1)
	go func() { splitDone <- c.chunks(ctx, chunks) }()

	workers := runtime.GOMAXPROCS(0)
	var rows atomic.Int64
	errs := make([]error, workers)
	probs := make([]*problems, workers)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		probs[w] = &problems{file: sp.File}
		v := first
		if w == 0 {
			v.probs = probs[0]
		} else {
			v = sp.newValidator(probs[w])
			defer v.release()
		}
		wg.Add(1)
		go func(w int, v *validator) {
			defer wg.Done()
			if errs[w] = sp.validateChunks(ctx, c, chunks, v, e, prog, &rows); errs[w] != nil {
				cancel()
			}
		}(w, v)
	}
	wg.Wait()
	cancel() // the splitter may still wait to send after a worker failed
	splitErr := <-splitDone
	sp.rows = rows.Load()
	for _, p := range probs {
		sp.probs.total += p.total
		sp.probs.list = append(sp.probs.list, p.list...)
	}
	sort.SliceStable(sp.probs.list, func(i, j int) bool { return sp.probs.list[i].Line < sp.probs.list[j].Line })
	if len(sp.probs.list) > maxKept {
		sp.probs.list = sp.probs.list[:maxKept]
	}
	for _, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return err
		}
	}
	if splitErr != nil && !errors.Is(splitErr, context.Canceled) {
		return splitErr
	}
	return nil
}

// validateChunks is one worker of produceParallel.
func (sp *stagedPart) validateChunks(ctx context.Context, c *csvRows, chunks <-chan chunk, v *validator, e emitter, prog *counter, rows *atomic.Int64) error {
	for ch := range chunks {
		r := newRecordReader(bytes.NewReader(ch.data), len(c.header))
		var n int64
		for {
			row, err := nextRecord(r, c.file, ch.firstLine-1)
			if err == io.EOF {
				break
			}
			n++
			if err != nil {
				var verr *ValidationError
				if !errors.As(err, &verr) || row.Line == 0 {
					return err
				}
				v.probs.add(verr.Line, verr.Field, verr.Reason)
				continue
			}
			v.add(row)
			if v.buffered() >= batchRows && v.probs.total == 0 && !e.send(v) {
				return ctx.Err()
			}
		}
		rows.Add(n)
		prog.add(n)
	}
	if v.probs.total > 0 {
		return nil
	}
	if !e.send(v) {
		return ctx.Err()
	}
	return nil
}
