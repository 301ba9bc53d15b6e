package features

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/podium-sport/podium/datasets"
)

// benchCut keeps about 80% of the generated results.
var benchCut = AsOfDate(day("2020-12-31"))

// benchSizes are the numbers of results the benchmarks run on.
var benchSizes = []struct {
	name string
	n    int
}{{"1e4", 1e4}, {"1e5", 1e5}, {"1e6", 1e6}}

// benchDB writes a database of n results to a file and returns its path: one
// athlete per 50 results, born 1995–2004, in four disciplines (two timed), a
// tenth of the results with an age but no date, as swimming feeds give them.
func benchDB(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "bench.duckdb")
	ctx := context.Background()
	st, err := datasets.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	athletes := max(n/50, 1)
	exec(b, st,
		fmt.Sprintf(`INSERT INTO athletes (athlete_id, name, name_key, sex, birth_date, province, batch_id)
		 SELECT i, 'A' || i, 'a' || i, CASE WHEN i %% 2 = 0 THEN 'M' ELSE 'F' END,
		        DATE '1995-01-01' + CAST(i %% 3650 AS INTEGER), 'P' || (i %% 63), 1
		 FROM range(1, %d) t(i)`, athletes+1),
		fmt.Sprintf(`INSERT INTO results (result_id, result_key, athlete_id, date, age_years, sport, discipline,
		        sex, mark, unit, lower_is_better, round, source, source_ref, batch_id)
		 SELECT i, CAST(CAST(i AS VARCHAR) AS BLOB), athlete_id,
		        CASE WHEN i %% 10 <> 0 THEN birth_date + days END,
		        days / 365.25, 'athletics', ['100m', '200m', 'long-jump', 'shot-put'][d + 1], sex,
		        [11.0, 22.0, 6.0, 12.0][d + 1] + (hash(i) %% 1000) / 1000.0 - (days - 4000) / 4000.0,
		        CASE WHEN d < 2 THEN 's' ELSE 'm' END, d < 2, '', 'bench', CAST(i AS VARCHAR), 1
		 FROM (SELECT r.i, a.athlete_id, a.birth_date, a.sex,
		              CAST((r.i // %d) %% 4 AS INTEGER) AS d,
		              4000 + CAST(hash(r.i * 7) %% 3000 AS INTEGER) AS days
		       FROM range(%d) r(i) JOIN athletes a ON a.athlete_id = 1 + r.i %% %d)`, athletes, n, athletes),
	)
	return path
}

// BenchmarkProgression compares ways of getting the progression set:
//
//	arrow         Compute: DuckDB's result as Arrow record batches (the package's path)
//	duckdb        the same query run by DuckDB alone, every output column reduced
//	              by max() to one row, so nothing but that row leaves DuckDB
//	duckdb-table  the same query run by DuckDB alone into a temporary table
//	sql           the same query read row by row through database/sql and Scan
func BenchmarkProgression(b *testing.B) {
	ctx := context.Background()
	for _, size := range benchSizes {
		path := benchDB(b, size.n)
		query, args := assemble(Progression.SQL, benchCut)

		b.Run(size.name+"/arrow", func(b *testing.B) {
			st := openBench(b, path)
			benchLoop(b, func() int64 {
				rr, err := Compute(ctx, st, Progression, benchCut)
				if err != nil {
					b.Fatal(err)
				}
				defer rr.Release()
				var rows int64
				for rr.Next() {
					rows += rr.Record().NumRows()
				}
				return rows
			})
		})
		b.Run(size.name+"/duckdb", func(b *testing.B) {
			st := openBench(b, path)
			benchLoop(b, func() int64 {
				rr, err := st.QueryArrow(ctx, "SELECT count(*), max(COLUMNS(*)) FROM (\n"+query+"\n)", args...)
				if err != nil {
					b.Fatal(err)
				}
				defer rr.Release()
				rr.Next()
				return rr.Record().Column(0).(*array.Int64).Value(0)
			})
		})
		b.Run(size.name+"/duckdb-table", func(b *testing.B) {
			st := openBench(b, path)
			benchLoop(b, func() int64 {
				n, err := st.Exec(ctx, "CREATE OR REPLACE TEMP TABLE bench_out AS "+query, args...)
				if err != nil {
					b.Fatal(err)
				}
				return n
			})
		})
		b.Run(size.name+"/sql", func(b *testing.B) {
			st := openBench(b, path)
			benchLoop(b, func() int64 { return scanProgression(b, st, query, args) })
		})
		os.RemoveAll(filepath.Dir(path))
	}
}

func openBench(b *testing.B, path string) *datasets.Store {
	st, err := datasets.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// benchLoop runs f once untimed (to load the data and check the set), then
// b.N times, and reports the rows f returned.
func benchLoop(b *testing.B, f func() int64) {
	want := f()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if got := f(); got != want {
			b.Fatalf("%d rows, then %d", want, got)
		}
	}
	b.ReportMetric(float64(want), "rows/op")
}

// scanProgression reads progression row by row into Go values.
func scanProgression(b *testing.B, st *datasets.Store, query string, args []any) int64 {
	rows, err := st.Query(context.Background(), query, args...)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	var (
		athlete, n                    int64
		sport, discipline, unit       string
		lowerIsBetter                 bool
		best, mean, last              float64
		sd, slope, lastAge, ageAtBest sql.NullFloat64
		count                         int64
	)
	for rows.Next() {
		if err := rows.Scan(&athlete, &sport, &discipline, &unit, &lowerIsBetter, &n,
			&best, &mean, &sd, &slope, &last, &lastAge, &ageAtBest); err != nil {
			b.Fatal(err)
		}
		count++
	}
	if err := rows.Err(); err != nil {
		b.Fatal(err)
	}
	return count
}
