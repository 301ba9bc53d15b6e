package datasets

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// writeBenchFiles writes n results for n/10 athletes (at least 1), with the
// optional columns a federation feed carries.
func writeBenchFiles(b *testing.B, dir string, n int) (athletes, results string) {
	b.Helper()
	na := max(1, n/10)
	athletes, results = filepath.Join(dir, "a.csv"), filepath.Join(dir, "r.csv")
	fa, _ := os.Create(athletes)
	wa := bufio.NewWriter(fa)
	fmt.Fprintln(wa, "source_id,name,sex,birth_date,province")
	for i := 0; i < na; i++ {
		fmt.Fprintf(wa, "a%d,Nguyễn Văn An %d,%c,%d-%02d-%02d,Hà Nội\n", i, i, "MF"[i%2], 2000+i%8, 1+i%12, 1+i%28)
	}
	wa.Flush()
	fa.Close()
	fr, _ := os.Create(results)
	wr := bufio.NewWriter(fr)
	fmt.Fprintln(wr, "athlete_source_id,date,sport,discipline,mark,unit,wind,round,place,competition")
	for j := 0; j < n; j++ {
		fmt.Fprintf(wr, "a%d,2020-%02d-%02d,athletics,100m,%.2f,s,%.1f,final,%d,Meet %d\n",
			j%na, 1+j%12, 1+(j/12)%28, 11+float64(j%89)/100, float64(j%21-10)/10, 1+j%8, j%50)
	}
	wr.Flush()
	fr.Close()
	return athletes, results
}

// BenchmarkIngestResults loads n results (and their athletes) into a fresh
// database per iteration, all validation on; rows/s counts results only.
// The duckdb-alone variant is the floor: DuckDB reading the same CSV into
// the results table itself, with no validation, identity resolution or
// natural keys. Compare the two in one run: ingest/duckdb-alone is the cost
// of the checks.
func BenchmarkIngestResults(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		ath, res := writeBenchFiles(b, b.TempDir(), n)
		name := fmt.Sprintf("%.0e", float64(n))
		b.Run(name+"/ingest", func(b *testing.B) {
			benchLoad(b, n, func(s *Store) error {
				_, err := ingestFiles(b, s, "bench", []Kind{KindAthletes, KindResults}, []string{ath, res})
				return err
			})
		})
		b.Run(name+"/duckdb-alone", func(b *testing.B) {
			benchLoad(b, n, func(s *Store) error {
				_, err := s.Exec(context.Background(), `INSERT INTO results SELECT row_number() OVER (), '\x00'::BLOB,
					1, date, NULL, sport, discipline, 'M', mark, unit, true, wind, round, place, NULL, NULL, NULL, 'bench', '', 1
					FROM read_csv('`+res+`')`)
				return err
			})
		})
	}
}

// benchLoad times load on a fresh database per iteration.
func benchLoad(b *testing.B, n int, load func(*Store) error) {
	ctx := context.Background()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.duckdb"))
		if err != nil {
			b.Fatal(err)
		}
		s.Exec(ctx, "SET preserve_insertion_order = false")
		b.StartTimer()
		if err := load(s); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		s.Close()
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
