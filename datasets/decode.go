package datasets

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/apache/arrow/go/v17/arrow/array"
)

// csvRows decodes RFC 4180 CSV with a header line. Quoted fields may hold
// commas and newlines; Row.Line is the line the record starts on. Rows are
// read one by one (Next) or, for parallel decoding, as chunks of whole
// records (chunks); one csvRows serves one of the two ways.
type csvRows struct {
	file        string
	header      []string
	br          *bufio.Reader // the stream after the header
	headerLines int64         // lines the header takes
	r           *csv.Reader   // made on the first Next
}

func newCSVRows(file string, r io.Reader) (*csvRows, error) {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 1<<20)
	}
	rec, err := readRecordBytes(br)
	if len(bytes.TrimSpace(rec)) == 0 {
		return nil, &ValidationError{File: file, Line: 1, Field: "header", Reason: "empty file: a header line is required"}
	}
	if err != nil && err != io.EOF {
		return nil, fmt.Errorf("datasets: read %s: %w", file, err)
	}
	h, err := newRecordReader(bytes.NewReader(rec), 0).Read()
	if err != nil {
		return nil, csvError(file, 0, err)
	}
	return &csvRows{file: file, header: normaliseHeader(h), br: br, headerLines: int64(bytes.Count(rec, []byte{'\n'}))}, nil
}

func newRecordReader(r io.Reader, fields int) *csv.Reader {
	cr := csv.NewReader(r)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = fields
	return cr
}

// readRecordBytes reads one record's raw bytes: lines up to a newline that is
// outside quotes.
func readRecordBytes(br *bufio.Reader) ([]byte, error) {
	var rec []byte
	for {
		line, err := br.ReadSlice('\n')
		rec = append(rec, line...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil || bytes.Count(rec, []byte{'"'})%2 == 0 {
			return rec, err
		}
	}
}

func (c *csvRows) Header() []string { return c.header }

func (c *csvRows) Next() (Row, error) {
	if c.r == nil {
		c.r = newRecordReader(c.br, len(c.header))
	}
	return nextRecord(c.r, c.file, c.headerLines)
}

// nextRecord reads one record of r, whose first line is line offset+1 of file.
func nextRecord(r *csv.Reader, file string, offset int64) (Row, error) {
	rec, err := r.Read()
	if err != nil {
		if err == io.EOF {
			return Row{}, io.EOF
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrFieldCount) {
			// The reader can go on after a wrong field count: report the row only.
			line := offset + int64(pe.StartLine)
			return Row{Line: line}, &ValidationError{File: file, Line: line, Field: "row",
				Reason: fmt.Sprintf("has %d fields, the header has %d", len(rec), r.FieldsPerRecord)}
		}
		return Row{}, csvError(file, offset, err)
	}
	line, _ := r.FieldPos(0)
	return Row{Line: offset + int64(line), Fields: rec}, nil
}

// csvError turns a CSV syntax error into a file:line error. Syntax errors
// stop the decoding of the file: what follows cannot be trusted.
func csvError(file string, offset int64, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ValidationError{File: file, Line: offset + int64(pe.Line), Field: "csv", Reason: pe.Err.Error() + " (the rest of the file was not read)"}
	}
	return fmt.Errorf("datasets: read %s: %w", file, err)
}

// chunk is a run of whole CSV records; its first record starts on firstLine.
type chunk struct {
	data      []byte
	firstLine int64
}

// chunkSize is the size of the blocks parallel decoding cuts the file into;
// tests make it small.
var chunkSize = 4 << 20

// chunks cuts the stream after the header into blocks of whole records and
// sends them on out, until the end of the stream or ctx is done.
func (c *csvRows) chunks(ctx context.Context, out chan<- chunk) error {
	defer close(out)
	line := 1 + c.headerLines
	var carry []byte
	for {
		data := make([]byte, len(carry), len(carry)+chunkSize)
		copy(data, carry)
		n, err := io.ReadFull(c.br, data[len(carry):cap(data)])
		data = data[:len(carry)+n]
		eof := err == io.EOF || err == io.ErrUnexpectedEOF
		if err != nil && !eof {
			return fmt.Errorf("datasets: read %s: %w", c.file, err)
		}
		cut := len(data)
		if !eof {
			cut = lastRecordEnd(data)
		}
		carry = data[cut:]
		if cut > 0 {
			select {
			case out <- chunk{data: data[:cut], firstLine: line}:
			case <-ctx.Done():
				return ctx.Err()
			}
			line += int64(bytes.Count(data[:cut], []byte{'\n'}))
		}
		if eof {
			return nil
		}
	}
}

// lastRecordEnd returns the index just after the last newline of b that is
// outside quotes (0 when there is none). In RFC 4180 an escaped quote is two
// quotes, so quote parity tells whether a position is inside a field.
func lastRecordEnd(b []byte) int {
	if bytes.IndexByte(b, '"') < 0 {
		return bytes.LastIndexByte(b, '\n') + 1
	}
	in, last := false, 0
	for i, ch := range b {
		switch {
		case ch == '"':
			in = !in
		case ch == '\n' && !in:
			last = i + 1
		}
	}
	return last
}

// normaliseHeader lower-cases and trims header names and drops a UTF-8 BOM.
func normaliseHeader(h []string) []string {
	out := make([]string, len(h))
	for i, name := range h {
		if i == 0 {
			name = strings.TrimPrefix(name, "\uFEFF")
		}
		out[i] = strings.ToLower(strings.TrimSpace(name))
	}
	return out
}

// ndjsonRows decodes one JSON object per line. Values may be strings,
// numbers, booleans or null (empty); keys are matched to the kind's columns.
type ndjsonRows struct {
	sc     *bufio.Scanner
	file   string
	header []string
	index  map[string]int
	fields []string
	line   int64
}

func newNDJSONRows(file string, r io.Reader, kind Kind) *ndjsonRows {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16<<20)
	n := &ndjsonRows{sc: sc, file: file, index: map[string]int{}}
	for i, c := range Contracts[kind] {
		n.header = append(n.header, c.Name)
		n.index[c.Name] = i
	}
	n.fields = make([]string, len(n.header))
	return n
}

func (n *ndjsonRows) Header() []string { return n.header }

func (n *ndjsonRows) Next() (Row, error) {
	for n.sc.Scan() {
		n.line++
		b := bytes.TrimSpace(n.sc.Bytes())
		if len(b) == 0 {
			continue
		}
		row := Row{Line: n.line, Fields: n.fields}
		if err := n.decode(b); err != nil {
			return row, err
		}
		return row, nil
	}
	if err := n.sc.Err(); err != nil {
		return Row{}, &ValidationError{File: n.file, Line: n.line + 1, Field: "json", Reason: err.Error() + " (the rest of the file was not read)"}
	}
	return Row{}, io.EOF
}

func (n *ndjsonRows) decode(b []byte) error {
	bad := func(field, reason string) error {
		return &ValidationError{File: n.file, Line: n.line, Field: field, Reason: reason}
	}
	if !utf8.Valid(b) {
		return bad("json", "not valid UTF-8 (re-save the file as UTF-8)")
	}
	var obj map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if err := dec.Decode(&obj); err != nil {
		return bad("json", "not a JSON object: "+err.Error())
	}
	if dec.More() {
		return bad("json", "more than one JSON value on the line")
	}
	for i := range n.fields {
		n.fields[i] = ""
	}
	for k, raw := range obj {
		i, ok := n.index[strings.ToLower(k)]
		if !ok {
			return bad(k, "unknown field for this kind")
		}
		v, err := jsonScalar(raw)
		if err != nil {
			return bad(k, err.Error())
		}
		n.fields[i] = v
	}
	return nil
}

// jsonScalar renders a JSON scalar as the text a CSV cell would hold.
func jsonScalar(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", errors.New("empty value")
	}
	switch raw[0] {
	case '"':
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	case 'n':
		return "", nil
	case 't', 'f':
		var b bool
		if err := json.Unmarshal(raw, &b); err != nil {
			return "", err
		}
		if b {
			return "true", nil
		}
		return "false", nil
	case '{', '[':
		return "", errors.New("nested objects and arrays are not accepted")
	}
	var num json.Number
	if err := json.Unmarshal(raw, &num); err != nil {
		return "", errors.New("not a JSON scalar")
	}
	return num.String(), nil
}

// arrowRows turns Arrow record batches of string columns into rows; it
// serves Parquet files, which DuckDB decodes.
type arrowRows struct {
	rr     array.RecordReader
	header []string
	cols   []*array.String
	i, n   int
	line   int64
	fields []string
}

func (a *arrowRows) Header() []string { return a.header }

func (a *arrowRows) Next() (Row, error) {
	for a.i >= a.n {
		if !a.rr.Next() {
			if err := a.rr.Err(); err != nil {
				return Row{}, err
			}
			return Row{}, io.EOF
		}
		rec := a.rr.Record()
		a.cols = a.cols[:0]
		for c := 0; c < int(rec.NumCols()); c++ {
			a.cols = append(a.cols, rec.Column(c).(*array.String))
		}
		a.i, a.n = 0, int(rec.NumRows())
	}
	for c, col := range a.cols {
		if col.IsNull(a.i) {
			a.fields[c] = ""
		} else {
			a.fields[c] = col.Value(a.i)
		}
	}
	a.i++
	a.line++
	return Row{Line: a.line, Fields: a.fields}, nil
}

// Format is a file format that OpenFile decodes.
type Format string

// The file formats.
const (
	FormatCSV     Format = "csv"
	FormatNDJSON  Format = "ndjson"
	FormatParquet Format = "parquet"
)

// FormatOf guesses a file's format from its name: .csv, .ndjson/.jsonl/.json,
// .parquet, each optionally followed by .gz (not for Parquet).
func FormatOf(path string) (Format, bool, error) {
	name := strings.ToLower(filepath.Base(path))
	gz := strings.HasSuffix(name, ".gz")
	name = strings.TrimSuffix(name, ".gz")
	switch filepath.Ext(name) {
	case ".csv":
		return FormatCSV, gz, nil
	case ".ndjson", ".jsonl", ".json":
		return FormatNDJSON, gz, nil
	case ".parquet":
		if !gz {
			return FormatParquet, false, nil
		}
	}
	return "", false, fmt.Errorf("datasets: %s: unknown format (want .csv, .ndjson, .jsonl or .parquet, optionally .gz for text)", path)
}

// OpenFile prepares a file for Ingest: it hashes its content and returns a
// Part with the decoder for its format. The caller closes the returned
// closer after Ingest.
func (s *Store) OpenFile(ctx context.Context, kind Kind, source, path string) (Part, io.Closer, error) {
	format, gz, err := FormatOf(path)
	if err != nil {
		return Part{}, nil, err
	}
	sum, err := fileSHA256(path)
	if err != nil {
		return Part{}, nil, err
	}
	p := Part{Kind: kind, Source: source, File: path, SHA256: sum}
	if format == FormatParquet {
		if err := checkParquet(ctx, path); err != nil {
			return Part{}, nil, err
		}
		rr, err := s.QueryArrow(ctx, "SELECT COLUMNS(*)::VARCHAR FROM read_parquet(?)", path)
		if err != nil {
			return Part{}, nil, fmt.Errorf("datasets: read parquet %s: %w", path, err)
		}
		var header []string
		for _, f := range rr.Schema().Fields() {
			header = append(header, strings.ToLower(f.Name))
		}
		p.Rows = &arrowRows{rr: rr, header: header, fields: make([]string, len(header))}
		return p, closerFunc(func() error { rr.Release(); return nil }), nil
	}
	f, err := os.Open(path)
	if err != nil {
		return Part{}, nil, fmt.Errorf("datasets: %w", err)
	}
	var r io.Reader = bufio.NewReaderSize(f, 1<<20)
	if gz {
		zr, err := gzip.NewReader(r)
		if err != nil {
			f.Close()
			return Part{}, nil, &ValidationError{File: path, Field: "gzip", Reason: err.Error()}
		}
		r = zr
	}
	if format == FormatNDJSON {
		p.Rows = newNDJSONRows(path, r, kind)
		return p, f, nil
	}
	rows, err := newCSVRows(path, r)
	if err != nil {
		f.Close()
		return Part{}, nil, err
	}
	p.Rows = rows
	return p, f, nil
}

type closerFunc func() error

func (c closerFunc) Close() error { return c() }

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("datasets: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("datasets: hash %s: %w", path, err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
