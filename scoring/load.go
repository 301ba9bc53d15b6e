package scoring

import (
	"context"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/podium-sport/podium/features"
	"github.com/podium-sport/podium/models/centile"
	"github.com/podium-sport/podium/models/maturity"
)

// Source is what the talent board reads: the store's Arrow query path
// (*datasets.Store satisfies it).
type Source interface {
	features.Source
}

// mark is one result as the board uses it.
type mark struct {
	centile.Result
	Level string
	Unit  string
}

// athlete is who a board row is about.
type athlete struct {
	ID        int64
	Name      string
	Sex       string
	BirthDate time.Time // zero when unknown
	Province  string
	AgeAtPHV  float64 // predicted (Moore 2015) from the latest physical tests; NaN when unknown
	PHVFlags  maturity.Flags
}

// loadMarks reads every result with a known age before the cut-off.
func loadMarks(ctx context.Context, src Source, cut features.Cutoff) ([]mark, error) {
	rr, err := features.Compute(ctx, src, features.ResultMarks, cut)
	if err != nil {
		return nil, err
	}
	defer rr.Release()
	var out []mark
	for rr.Next() {
		rec := rr.Record()
		rs, err := centile.ReadRecord(rec)
		if err != nil {
			return nil, err
		}
		level := rec.Column(index(rec, "level")).(*array.String)
		unit := rec.Column(index(rec, "unit")).(*array.String)
		for i, r := range rs {
			out = append(out, mark{Result: r, Level: cloneOrEmpty(level, i), Unit: strings.Clone(unit.Value(i))})
		}
	}
	return out, rr.Err()
}

// loadAthletes reads the athletes seen before the cut-off with their latest
// anthropometry turned into a predicted age at peak height velocity.
func loadAthletes(ctx context.Context, src Source, cut features.Cutoff) (map[int64]*athlete, error) {
	rr, err := src.QueryArrow(ctx, `SELECT athlete_id, name, sex, birth_date, coalesce(province, '') AS province
		FROM athletes`)
	if err != nil {
		return nil, fmt.Errorf("scoring: athletes: %w", err)
	}
	defer rr.Release()
	out := map[int64]*athlete{}
	for rr.Next() {
		rec := rr.Record()
		ids := rec.Column(0).(*array.Int64)
		names, sexes, provs := rec.Column(1).(*array.String), rec.Column(2).(*array.String), rec.Column(4).(*array.String)
		births := rec.Column(3).(*array.Date32)
		for i := 0; i < int(rec.NumRows()); i++ {
			a := &athlete{ID: ids.Value(i), Name: strings.Clone(names.Value(i)), Sex: strings.Clone(sexes.Value(i)),
				Province: strings.Clone(provs.Value(i)), AgeAtPHV: math.NaN()}
			if !births.IsNull(i) {
				a.BirthDate = births.Value(i).ToTime()
			}
			out[a.ID] = a
		}
	}
	if err := rr.Err(); err != nil {
		return nil, fmt.Errorf("scoring: athletes: %w", err)
	}
	return out, addMaturity(ctx, src, cut, out)
}

// addMaturity predicts each athlete's age at peak height velocity from his
// latest height and sitting height before the cut-off (Moore 2015, closer to
// the simulator's planted offsets than Mirwald 2002: MAE 0.77 vs 0.86 years
// for boys, 0.91 vs 1.14 for girls, see models/maturity); the maturity offset
// at any age is then age − that age.
func addMaturity(ctx context.Context, src Source, cut features.Cutoff, athletes map[int64]*athlete) error {
	rr, err := features.Compute(ctx, src, features.PhysioLatest, cut)
	if err != nil {
		return err
	}
	defer rr.Release()
	type body struct{ age, h, sh, w float64 }
	bodies := map[int64]*body{}
	for rr.Next() {
		rec := rr.Record()
		ids := rec.Column(index(rec, "athlete_id")).(*array.Int64)
		tests := rec.Column(index(rec, "test")).(*array.String)
		vals := rec.Column(index(rec, "value")).(*array.Float64)
		ages := rec.Column(index(rec, "age_years")).(*array.Float64)
		for i := 0; i < int(rec.NumRows()); i++ {
			t := tests.Value(i)
			if t != "height" && t != "sitting_height" && t != "body_mass" || ages.IsNull(i) {
				continue
			}
			b := bodies[ids.Value(i)]
			if b == nil {
				b = &body{age: math.NaN(), h: math.NaN(), sh: math.NaN(), w: math.NaN()}
				bodies[ids.Value(i)] = b
			}
			switch t {
			case "height":
				b.h, b.age = vals.Value(i), ages.Value(i)
			case "sitting_height":
				b.sh = vals.Value(i)
			case "body_mass":
				b.w = vals.Value(i)
			}
		}
	}
	if err := rr.Err(); err != nil {
		return err
	}
	for id, b := range bodies {
		a := athletes[id]
		if a == nil || math.IsNaN(b.age+b.h+b.sh+b.w) {
			continue
		}
		est, err := maturity.Offset(maturity.Moore2015, a.Sex, b.age, b.h, b.sh, b.w)
		if err != nil {
			continue // an implausible body: no maturity estimate rather than a wrong one
		}
		a.AgeAtPHV, a.PHVFlags = est.AgeAtPHV, est.Flags
	}
	return nil
}

func index(rec arrow.Record, name string) int {
	idx := rec.Schema().FieldIndices(name)
	if len(idx) == 0 {
		panic("scoring: feature set without column " + name) // the sets' schemas are checked by Compute
	}
	return idx[0]
}

func cloneOrEmpty(a *array.String, i int) string {
	if a.IsNull(i) {
		return ""
	}
	return strings.Clone(a.Value(i))
}
