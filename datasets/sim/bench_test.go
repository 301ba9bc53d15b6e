package sim

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/podium-sport/podium/datasets"
)

// BenchmarkGenerate measures a full generation into a fresh store:
// simulation, validation, loading and the ground truth. It reports observed
// rows, athletes and results per second.
func BenchmarkGenerate(b *testing.B) {
	for _, n := range []struct {
		name     string
		athletes int
	}{{"1e3", 1_000}, {"1e4", 10_000}, {"1e5", 100_000}} {
		b.Run(n.name, func(b *testing.B) {
			ctx := context.Background()
			var rows, results int64
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				st, err := datasets.Open(ctx, filepath.Join(b.TempDir(), fmt.Sprintf("b%d.duckdb", i)))
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				sum, err := Generate(ctx, st, Config{Athletes: n.athletes, Seed: uint64(i + 1)}, nil)
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				st.Close()
				b.StartTimer()
				for _, v := range sum.Rows {
					rows += v
				}
				results += sum.Rows["results"]
			}
			s := b.Elapsed().Seconds()
			b.ReportMetric(float64(rows)/s, "rows/s")
			b.ReportMetric(float64(results)/s, "results/s")
			b.ReportMetric(float64(n.athletes*b.N)/s, "athletes/s")
		})
	}
}

// BenchmarkSimulate measures the generators alone (no store): athletes,
// results and physiological tests of n athletes.
func BenchmarkSimulate(b *testing.B) {
	for _, n := range []struct {
		name     string
		athletes int
	}{{"1e3", 1_000}, {"1e5", 100_000}} {
		b.Run(n.name, func(b *testing.B) {
			var rows int64
			w := &rowWriter{sink: func([]string) { rows++ }}
			for i := 0; i < b.N; i++ {
				bl := newBuilder(uint64(i + 1))
				nm := newNamer(bl)
				res := &resultGen{cal: newCalendar(uint64(i + 1)), r: newRNG()}
				phy := &physioGen{r: newRNG()}
				for k := 0; k < n.athletes; k++ {
					a := bl.build(k)
					athleteRows(nm, &a, w)
					res.athleteResults(&a, uint64(i+1), w)
					phy.athletePhysio(&a, uint64(i+1), w)
				}
			}
			b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(float64(n.athletes*b.N)/b.Elapsed().Seconds(), "athletes/s")
		})
	}
}
