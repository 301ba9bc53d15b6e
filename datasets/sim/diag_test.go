package sim

import (
	"fmt"
	"testing"
)

func TestDiagTmp(t *testing.T) {
	b := newBuilder(1)
	n := 20000
	var seasonsSum, res, phy int
	rg := &resultGen{cal: newCalendar(1), r: newRNG()}
	pg := &physioGen{r: newRNG()}
	cw := &rowWriter{sink: func([]string) { res++ }}
	cp := &rowWriter{sink: func([]string) { phy++ }}
	for i := 0; i < n; i++ {
		a := b.build(i)
		seasonsSum += a.last - a.first + 1
		rg.athleteResults(&a, 1, cw)
		pg.athletePhysio(&a, 1, cp)
	}
	fmt.Printf("seasons/athlete %.2f results/athlete %.2f physio/athlete %.2f\n", float64(seasonsSum)/float64(n), float64(res)/float64(n), float64(phy)/float64(n))
}
