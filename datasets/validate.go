package datasets

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
)

// cell is one parsed value; which member is set depends on the field type.
type cell struct {
	null bool
	s    string
	f    float64
	i    int64 // ints, dates (days), timestamps (µs)
	b    bool
}

// problems collects row problems, keeping the first maxKept.
type problems struct {
	file  string
	list  []ValidationError
	total int
}

const maxKept = 100_000

func (p *problems) add(line int64, field, reason string) {
	p.total++
	if len(p.list) < maxKept {
		p.list = append(p.list, ValidationError{File: p.file, Line: line, Field: field, Reason: reason})
	}
}

// validator parses the rows of one part into Arrow record batches of the
// kind's staging schema, collecting every problem.
type validator struct {
	kind   Kind
	spec   []fieldSpec
	colOf  []int // contract field → header column, -1 when absent
	cells  []cell
	extra  []cell // derived columns
	bld    *array.RecordBuilder
	probs  *problems
	line   int64
	today  epochDay
	check  rowCheck
	rowBad bool
	res    *resolver // athletes and competitions known to the database
	key    naturalKey
	texts  []map[string]string // per column: cleaned non-ASCII text, see cleanText
}

// rowCheck does a kind's cross-field checks on a parsed row and fills its
// derived columns.
type rowCheck func(v *validator)

// newValidator maps the header onto the kind's contract. Unknown, repeated
// and missing required columns are file-level problems.
func newValidator(kind Kind, header []string, probs *problems) *validator {
	spec := specs[kind]
	v := &validator{kind: kind, spec: spec, colOf: make([]int, len(spec)), cells: make([]cell, len(spec)),
		extra: make([]cell, len(derived[kind])), probs: probs, today: Today(), check: checks[kind]}
	for i := range v.colOf {
		v.colOf[i] = -1
	}
	pos := map[string]int{}
	for i, f := range spec {
		pos[f.name] = i
	}
	for h, name := range header {
		i, ok := pos[name]
		switch {
		case !ok:
			probs.add(1, name, fmt.Sprintf("unknown column for kind %s (see podium ingest --help)", kind))
		case v.colOf[i] >= 0:
			probs.add(1, name, "column appears twice")
		default:
			v.colOf[i] = h
		}
	}
	for i, c := range Contracts[kind] {
		if v.colOf[i] < 0 && (c.Required || c.Name == "birth_date" && kind == KindAthletes || c.Name == "province" && kind == KindAthletes) {
			probs.add(1, c.Name, "required column is missing")
		}
	}
	v.bld = array.NewRecordBuilder(memory.DefaultAllocator, stagingSchema(kind))
	return v
}

func (v *validator) bad(field, reason string) {
	v.rowBad = true
	v.probs.add(v.line, field, reason)
}

// field returns the parsed cell of the contract column name.
func (v *validator) field(i int) *cell { return &v.cells[i] }

// add parses one row; valid rows are appended to the builder.
func (v *validator) add(r Row) {
	v.line, v.rowBad = r.Line, false
	contract := Contracts[v.kind]
	for i, f := range v.spec {
		c := &v.cells[i]
		*c = cell{null: true}
		if v.colOf[i] < 0 || v.colOf[i] >= len(r.Fields) {
			continue
		}
		raw := r.Fields[v.colOf[i]]
		if len(raw) > 0 && (raw[0] == ' ' || raw[len(raw)-1] == ' ') {
			raw = strings.TrimSpace(raw)
		}
		if raw == "" {
			if contract[i].Required {
				v.bad(f.name, "required value is empty")
			}
			continue
		}
		if f.typ == tText {
			var err error
			if c.s, err = v.cleanText(i, raw); err != nil {
				v.bad(f.name, fmt.Sprintf("%q: %v", clip(raw), err))
			}
			c.null = err != nil || c.s == ""
			continue
		}
		if err := parseCell(f, raw, c); err != nil {
			v.bad(f.name, fmt.Sprintf("%q: %v", clip(raw), err))
		}
	}
	if !v.rowBad && v.check != nil {
		v.check(v)
	}
	if v.rowBad {
		return
	}
	v.appendRow()
}

// textCacheSize bounds each column's cache of cleaned text.
const textCacheSize = 4096

// cleanText is CleanText with a per-column cache for non-ASCII values:
// competition, venue and province names repeat on every row, and the NFC
// check is the costly part of cleaning them.
func (v *validator) cleanText(col int, raw string) (string, error) {
	ascii := true
	for i := 0; i < len(raw); i++ {
		if raw[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return CleanText(raw)
	}
	if v.texts == nil {
		v.texts = make([]map[string]string, len(v.spec))
	}
	m := v.texts[col]
	if s, ok := m[raw]; ok {
		return s, nil
	}
	s, err := CleanText(raw)
	if err != nil {
		return "", err
	}
	if m == nil || len(m) >= textCacheSize {
		m = make(map[string]string)
		v.texts[col] = m
	}
	// Both may alias the decoder's buffer (Arrow memory for Parquet): clone.
	s = strings.Clone(s)
	m[strings.Clone(raw)] = s
	return s, nil
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// parseCell parses raw as f's type into c; text goes through cleanText.
func parseCell(f fieldSpec, raw string, c *cell) error {
	var err error
	c.null = false
	switch f.typ {
	case tDate:
		var d epochDay
		d, err = ParseDate(raw)
		c.i = int64(d)
	case tTimestamp:
		c.i, err = ParseTimestamp(raw)
	case tNumber, tMark:
		if f.typ == tMark {
			c.f, err = ParseMark(raw)
		} else {
			c.f, err = ParseNumber(raw)
		}
		if err == nil && (c.f < f.min || c.f > f.max) {
			err = fmt.Errorf("out of range %g … %g", f.min, f.max)
		}
	case tInt:
		c.i, err = strconv.ParseInt(raw, 10, 64)
		if err != nil {
			err = fmt.Errorf("not a whole number")
		} else if float64(c.i) < f.min || float64(c.i) > f.max {
			err = fmt.Errorf("out of range %g … %g", f.min, f.max)
		}
	case tSex:
		c.s, err = ParseSex(raw)
	case tBool:
		c.b, err = ParseBool(raw)
	case tEnum:
		s, ok := f.enum[raw]
		if !ok {
			s, ok = f.enum[strings.ToLower(raw)]
		}
		if !ok {
			err = fmt.Errorf("not one of %s", enumChoices(f.enum))
		}
		c.s = s
	}
	if err != nil {
		c.null = true
	}
	return err
}

func enumChoices(m map[string]string) string {
	seen := map[string]bool{}
	var out []string
	for _, v := range m {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

func (v *validator) appendRow() {
	v.bld.Field(0).(*array.Int64Builder).Append(v.line)
	for i, f := range v.spec {
		appendCell(v.bld.Field(i+1), f.typ, &v.cells[i])
	}
	for i, f := range derived[v.kind] {
		appendCell(v.bld.Field(1+len(v.spec)+i), f.typ, &v.extra[i])
	}
}

func appendCell(b array.Builder, t ftype, c *cell) {
	if c.null {
		b.AppendNull()
		return
	}
	switch t {
	case tDate:
		b.(*array.Date32Builder).Append(arrow.Date32(c.i))
	case tTimestamp:
		b.(*array.TimestampBuilder).Append(arrow.Timestamp(c.i))
	case tNumber, tMark:
		b.(*array.Float64Builder).Append(c.f)
	case tInt:
		b.(*array.Int32Builder).Append(int32(c.i))
	case tInt64:
		b.(*array.Int64Builder).Append(c.i)
	case tBlob:
		b.(*array.BinaryBuilder).Append([]byte(c.s))
	case tBool:
		b.(*array.BooleanBuilder).Append(c.b)
	default:
		b.(*array.StringBuilder).Append(c.s)
	}
}

// rows buffered in the builder.
func (v *validator) buffered() int { return v.bld.Field(0).Len() }

// flush returns the buffered rows as a record (nil when none).
func (v *validator) flush() arrow.Record {
	if v.buffered() == 0 {
		return nil
	}
	return v.bld.NewRecord()
}

func (v *validator) release() { v.bld.Release() }
