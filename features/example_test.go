package features_test

import (
	"context"
	"fmt"
	"log"

	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/features"
)

// A sprinter's 100 m times at 15, 16, 17 and 18: as of her 18th birthday the
// last race does not count, and the times improve by (12.3 − 12.9) / 2 = 0.3 s
// a year.
func ExampleCompute() {
	ctx := context.Background()
	st, err := datasets.Open(ctx, "") // in memory
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	for _, q := range []string{
		`INSERT INTO athletes (athlete_id, name, name_key, sex, birth_date, batch_id)
		 VALUES (7, 'Lan', 'lan', 'F', DATE '2004-05-01', 1)`,
		`INSERT INTO results (result_id, result_key, athlete_id, date, age_years, sport, discipline,
		                      sex, mark, unit, lower_is_better, round, source, source_ref, batch_id)
		 SELECT i, CAST(CAST(i AS VARCHAR) AS BLOB), 7, DATE '2004-05-01' + INTERVAL (15 + i) YEAR,
		        15 + i, 'athletics', '100m', 'F', 12.9 - 0.3 * i, 's', true, 'final', 'demo', CAST(i AS VARCHAR), 1
		 FROM range(4) t(i)`,
	} {
		if _, err := st.Exec(ctx, q); err != nil {
			log.Fatal(err)
		}
	}

	rr, err := features.Compute(ctx, st, features.Progression, features.AsOfAge(18))
	if err != nil {
		log.Fatal(err)
	}
	defer rr.Release()
	for rr.Next() {
		rec := rr.Record()
		n := rec.Column(5).(*array.Int64)
		best := rec.Column(6).(*array.Float64)
		slope := rec.Column(9).(*array.Float64)
		for i := 0; i < int(rec.NumRows()); i++ {
			fmt.Printf("%s: %d results, best %.1f s, %.2f s per year\n",
				rec.Column(2).(*array.String).Value(i), n.Value(i), best.Value(i), slope.Value(i))
		}
	}
	// Output:
	// 100m: 3 results, best 12.3 s, -0.30 s per year
}
