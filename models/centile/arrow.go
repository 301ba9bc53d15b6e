package centile

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
)

// ReadResults reads results from Arrow record batches (for example
// store.QueryArrow over table results joined to athletes). Columns, by name:
// sport, discipline, sex (strings), age_years, mark (float64),
// lower_is_better (bool) are required; athlete_id, season, birth_year
// (integers) and relative_age (float64) are optional. A null age or
// relative age reads as NaN, a null year as 0; other nulls are an error.
func ReadResults(rr array.RecordReader) ([]Result, error) {
	var out []Result
	for rr.Next() {
		rs, err := ReadRecord(rr.Record())
		if err != nil {
			return nil, fmt.Errorf("%w (batch starting at row %d)", err, len(out))
		}
		out = append(out, rs...)
	}
	if err := rr.Err(); err != nil {
		return nil, fmt.Errorf("centile: read results: %w", err)
	}
	return out, nil
}

// ReadRecord reads the results of one record batch, with the columns of
// ReadResults; callers that need more columns of the same rows read them
// from the batch themselves.
func ReadRecord(rec arrow.Record) ([]Result, error) {
	cols, err := resultColumns(rec)
	if err != nil {
		return nil, err
	}
	out := make([]Result, rec.NumRows())
	for i := range out {
		if out[i], err = cols.row(i); err != nil {
			return nil, fmt.Errorf("centile: read results row %d: %w", i, err)
		}
	}
	return out, nil
}

type resultCols struct {
	strs                   map[string]string // copies of the batch's strings
	sport, discipline, sex *array.String
	age, mark, relAge      *array.Float64
	lower                  *array.Boolean
	athlete, season, birth arrow.Array
}

func resultColumns(rec arrow.Record) (*resultCols, error) {
	c := &resultCols{strs: map[string]string{}}
	errs := []error{
		column(rec, "sport", true, &c.sport),
		column(rec, "discipline", true, &c.discipline),
		column(rec, "sex", true, &c.sex),
		column(rec, "age_years", true, &c.age),
		column(rec, "mark", true, &c.mark),
		column(rec, "lower_is_better", true, &c.lower),
		column(rec, "relative_age", false, &c.relAge),
		column(rec, "athlete_id", false, &c.athlete),
		column(rec, "season", false, &c.season),
		column(rec, "birth_year", false, &c.birth),
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("centile: read results: %w", err)
	}
	return c, nil
}

// column finds the column called name and stores it in dst if it has the
// Arrow type of dst; an absent optional column leaves dst nil.
func column[T arrow.Array](rec arrow.Record, name string, required bool, dst *T) error {
	idx := rec.Schema().FieldIndices(name)
	if len(idx) == 0 {
		if required {
			return fmt.Errorf("no column %q", name)
		}
		return nil
	}
	a, ok := rec.Column(idx[0]).(T)
	if !ok {
		return fmt.Errorf("column %q has type %s, want %T", name, rec.Column(idx[0]).DataType(), *dst)
	}
	*dst = a
	return nil
}

func (c *resultCols) row(i int) (Result, error) {
	if c.sport.IsNull(i) || c.discipline.IsNull(i) || c.sex.IsNull(i) || c.mark.IsNull(i) || c.lower.IsNull(i) {
		return Result{}, fmt.Errorf("null in sport, discipline, sex, mark or lower_is_better")
	}
	r := Result{
		Key:           Key{c.str(c.sport, i), c.str(c.discipline, i), c.str(c.sex, i)},
		Age:           floatAt(c.age, i),
		Mark:          c.mark.Value(i),
		LowerIsBetter: c.lower.Value(i),
		RelativeAge:   math.NaN(),
	}
	if c.relAge != nil {
		r.RelativeAge = floatAt(c.relAge, i)
	}
	var err error
	if r.Athlete, err = integer(c.athlete, i); err != nil {
		return r, err
	}
	s, err := integer(c.season, i)
	if err != nil {
		return r, err
	}
	b, err := integer(c.birth, i)
	r.Season, r.BirthYear = int(s), int(b)
	return r, err
}

// str copies a string out of the batch: array.String.Value points into
// the batch's buffers, which are reused once the batch is released.
func (c *resultCols) str(a *array.String, i int) string {
	v := a.Value(i)
	s, ok := c.strs[v]
	if !ok {
		s = strings.Clone(v)
		c.strs[s] = s
	}
	return s
}

func floatAt(a *array.Float64, i int) float64 {
	if a.IsNull(i) {
		return math.NaN()
	}
	return a.Value(i)
}

// integer reads an optional integer column of any width; 0 when the column
// is absent or the value null.
func integer(a arrow.Array, i int) (int64, error) {
	if a == nil || a.IsNull(i) {
		return 0, nil
	}
	switch v := a.(type) {
	case *array.Int64:
		return v.Value(i), nil
	case *array.Int32:
		return int64(v.Value(i)), nil
	case *array.Int16:
		return int64(v.Value(i)), nil
	}
	return 0, fmt.Errorf("integer column has type %s", a.DataType())
}
