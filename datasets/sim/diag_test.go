package sim

import (
	"fmt"
	"math"
	"testing"
)

func TestDiagTmp(t *testing.T) {
	for e := range events {
		for s := 0; s < 2; s++ {
			c := curves[e][s]
			fmt.Printf("%-15s %d:", events[e].discipline, s)
			for _, a := range []float64{10.5, 12.5, 14.5, 16.5, 18.5} {
				fmt.Printf("  %4.1f: %6.2f/%6.2f", a, math.Exp(c.lnMark(a, 0)), math.Exp(c.lnMark(a, 2)))
			}
			fmt.Println()
		}
	}
	b := newBuilder(1)
	a := b.build(3)
	for _, t := range []float64{10, 12, 14, 16, 18} {
		p := a.physicalTests(newRNG().at(1, 1, 1), t)
		fmt.Printf("sex %d aphv %.1f t %v %+v\n", a.sex, a.aphv, t, p)
	}
}
