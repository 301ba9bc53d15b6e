package maturity

import (
	"context"
	"math"
	"testing"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/sim"
	"github.com/podium-sport/podium/datasets/storetest"
	"github.com/podium-sport/podium/models/centile"
)

// physQuery pivots the growth tests to one row per athlete and test day.
const physQuery = `phys AS (
    SELECT athlete_id, date,
           max(value) FILTER (WHERE test = 'height') AS height,
           max(value) FILTER (WHERE test = 'sitting_height') AS sitting_height,
           max(value) FILTER (WHERE test = 'body_mass') AS body_mass
    FROM physio_tests WHERE test IN ('height', 'sitting_height', 'body_mass')
    GROUP BY athlete_id, date),
truth AS (
    SELECT al.athlete_id, t.* FROM truth_athletes t
    JOIN (SELECT athlete_id, min(source_id) AS source_id FROM athlete_aliases
          WHERE source = 'sim' GROUP BY athlete_id) al ON al.source_id = t.source_id
    WHERE NOT t.age_fraud AND t.duplicate_of IS NULL)`

// resultsQuery gives every dated result with the athlete's latest growth
// test on or before it (ASOF join) and, for the evaluation only, the
// planted potential.
const resultsQuery = `WITH ` + physQuery + `
SELECT r.athlete_id, r.sport, r.discipline, r.sex, r.age_years, r.mark, r.lower_is_better,
       year(r.date) AS season, year(a.birth_date) AS birth_year,
       (dayofyear(a.birth_date) - 1) / CAST(dayofyear(make_date(year(a.birth_date), 12, 31)) AS DOUBLE) AS relative_age,
       datediff('day', a.birth_date, p.date) / 365.25 AS test_age,
       p.height, p.sitting_height, p.body_mass, t.potential
FROM results r JOIN athletes a USING (athlete_id) JOIN truth t USING (athlete_id)
ASOF LEFT JOIN phys p ON r.athlete_id = p.athlete_id AND r.date >= p.date
WHERE r.date IS NOT NULL AND a.birth_date IS NOT NULL AND r.age_years IS NOT NULL
ORDER BY r.athlete_id, r.date, r.discipline`

// firstTestQuery gives each athlete's first growth test and the planted
// maturity offset at it (truth is dated 15 January of the first season,
// the month of the yearly tests; shifted to the test day).
const firstTestQuery = `WITH ` + physQuery + `,
first AS (SELECT athlete_id, min(date) AS date FROM phys GROUP BY athlete_id)
SELECT a.sex, datediff('day', a.birth_date, p.date) / 365.25 AS age,
       p.height, p.sitting_height, p.body_mass,
       t.maturity_offset_years + datediff('day', make_date(year(p.date), 1, 15), p.date) / 365.25 AS truth
FROM first f JOIN phys p USING (athlete_id, date) JOIN athletes a USING (athlete_id)
JOIN truth t USING (athlete_id)
WHERE t.maturity_offset_years IS NOT NULL`

// evalRow is one result with its growth test and planted potential.
type evalRow struct {
	centile.Result
	testAge, height, sitting, mass float64
	potential                      float64
}

func simStore(t *testing.T, athletes int) *datasets.Store {
	t.Helper()
	st := storetest.Open(t)
	if _, err := sim.Generate(context.Background(), st, sim.Config{Athletes: athletes, Seed: 11}, nil); err != nil {
		t.Fatal(err)
	}
	return st
}

func loadEvalRows(t *testing.T, st *datasets.Store) []evalRow {
	t.Helper()
	rr, err := st.QueryArrow(context.Background(), resultsQuery)
	if err != nil {
		t.Fatal(err)
	}
	defer rr.Release()
	var out []evalRow
	for rr.Next() {
		rec := rr.Record()
		rs, err := centile.ReadRecord(rec)
		if err != nil {
			t.Fatal(err)
		}
		cols := floatCols(t, rec, "test_age", "height", "sitting_height", "body_mass", "potential")
		for i, r := range rs {
			out = append(out, evalRow{Result: r, testAge: cols[0](i), height: cols[1](i), sitting: cols[2](i), mass: cols[3](i), potential: cols[4](i)})
		}
	}
	if err := rr.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// floatCols returns readers of float64 columns by name (NaN for null).
func floatCols(t *testing.T, rec arrow.Record, names ...string) []func(int) float64 {
	t.Helper()
	out := make([]func(int) float64, len(names))
	for j, name := range names {
		idx := rec.Schema().FieldIndices(name)
		if len(idx) == 0 {
			t.Fatalf("no column %s", name)
		}
		col, ok := rec.Column(idx[0]).(*array.Float64)
		if !ok {
			t.Fatalf("column %s is %s, want float64", name, rec.Column(idx[0]).DataType())
		}
		out[j] = func(i int) float64 {
			if col.IsNull(i) {
				return math.NaN()
			}
			return col.Value(i)
		}
	}
	return out
}

func pearson(x, y []float64) float64 {
	_, b, _ := ols(x, y)
	var sx, sy float64
	mx, my := mean(x), mean(y)
	for i := range x {
		sx += (x[i] - mx) * (x[i] - mx)
		sy += (y[i] - my) * (y[i] - my)
	}
	return b * math.Sqrt(sx/sy)
}

func mean(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}
