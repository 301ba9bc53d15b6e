package centile

// Benchmarks at graded sizes of the fit (the retraining cost) and of Z
// (the scoring hot path).

import (
	"fmt"
	"testing"
)

func BenchmarkFit(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		obs := synthetic(n, 9)
		b.Run(fmt.Sprintf("%.0e", float64(n)), func(b *testing.B) {
			for range b.N {
				if _, err := Fit(obs, Config{LowerIsBetter: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkZ(b *testing.B) {
	c, err := Fit(synthetic(10000, 9), Config{LowerIsBetter: true})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		c.Z(10+float64(i%1000)/100, 60)
	}
}
