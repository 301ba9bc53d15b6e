package entity

import (
	"fmt"
	"testing"
)

// BenchmarkTail times the exact O(n²) Poisson-binomial tail at graded run
// lengths (a referee has tens to hundreds of matches).
func BenchmarkTail(b *testing.B) {
	for _, n := range []int{100, 1000} {
		p := make([]float64, n)
		for i := range p {
			p[i] = 0.05 + 0.3*float64(i%7)/7
		}
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			for b.Loop() {
				Tail(p, n/5)
			}
		})
	}
}
