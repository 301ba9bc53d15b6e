package passport

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// BenchmarkFitAnalyse fits the priors and analyses every profile of a squad
// of n athletes with 12 samples each, as the detector does.
func BenchmarkFitAnalyse(b *testing.B) {
	for _, n := range []int{1_000, 10_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			profiles := population(rand.New(rand.NewPCG(1, 2)), n)
			for b.Loop() {
				m, err := Fit(profiles, DefaultConfig)
				if err != nil {
					b.Fatal(err)
				}
				for _, p := range profiles {
					if _, err := m.Analyse(p); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
