package odds

import "testing"

// BenchmarkShin times one 1x2 margin removal: the detector runs it for
// every book and phase of every match (about 1.2·10⁵ quotes for England 1993–2018).
func BenchmarkShin(b *testing.B) {
	prices := []float64{2.10, 3.40, 3.60}
	for b.Loop() {
		Shin(prices)
	}
}
