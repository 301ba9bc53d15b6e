package centile_test

import (
	"fmt"
	"time"

	"github.com/podium-sport/podium/models/centile"
)

// Curves with L = −1, median 60 s and S = 0.05 at every age 10–20: a
// 100 m time of 60/0.95 = 63.16 s has LMS z = ((y/M)^L − 1)/(L·S) = 1,
// which for a time is one SD slower than the median: z = −1, centile 15.9.
// The 97th centile is z = 1.8808: 60/(1 + 0.05·1.8808) = 54.84 s.
func ExampleCurves_Z() {
	c := &centile.Curves{Lo: 10, Hi: 20, LowerIsBetter: true,
		L: []float64{-1, -1}, M: []float64{60, 60}, S: []float64{0.05, 0.05}}
	fmt.Printf("z %.2f, centile %.1f\n", c.Z(14.5, 60/0.95), c.Centile(14.5, 60/0.95))
	fmt.Printf("97th centile time %.2f s\n", c.Quantile(14.5, 0.97))
	fmt.Println("age 21 out of range:", c.Covers(21), c.Z(21, 60))
	// Output:
	// z -1.00, centile 15.9
	// 97th centile time 54.84 s
	// age 21 out of range: false NaN
}

// Born 1 July 2001: day 182 of 365, relative age 181/365.
func ExampleRelativeAge() {
	fmt.Printf("%.4f\n", centile.RelativeAge(time.Date(2001, 7, 1, 0, 0, 0, 0, time.UTC)))
	// Output: 0.4959
}

// A 100 m race on 1 June 2024 by a boy born on 1 July 2010: 5,084 days,
// 5084/365.25 = 13.919 years; category U14 (2024 − 2010); relative age
// 181/365 = 0.496.
func ExampleResultOn() {
	birth := time.Date(2010, 7, 1, 0, 0, 0, 0, time.UTC)
	day := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	r := centile.ResultOn(centile.Key{Sport: "athletics", Discipline: "100m", Sex: "M"}, 7, 12.31, true, birth, day)
	fmt.Printf("age %.3f, U%d, relative age %.3f\n", r.Age, r.Category(), r.RelativeAge)
	// Output: age 13.919, U14, relative age 0.496
}
