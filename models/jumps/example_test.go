package jumps_test

import (
	"fmt"

	"github.com/podium-sport/podium/models/jumps"
	"github.com/podium-sport/podium/models/trajectory"
)

// A sprinter's own forecast for his next 100 m is 10.30 s with a 95 % band
// of 10.10–10.50 s; he runs 10.00 s, his first race in 14 months.
func ExampleInnovation() {
	forecast := trajectory.Point{Age: 24.2, Mean: 10.30, Lower95: 10.10, Upper95: 10.50}
	z := jumps.Innovation(forecast, 10.00, true)
	fmt.Printf("innovation %.2f SD better than forecast\n", z)
	fmt.Printf("a 3 SD jump would be %.2f s\n", jumps.Band(forecast, 3, true))

	c := jumps.Check{Result: jumps.Result{Date: "2024-06-01", AgeYears: 24.2, Mark: 10.00},
		Forecast: forecast, Prior: 12, PrevAge: 23.0, GapDays: 430, Z: z}
	caveats := append(jumps.Caveats(c), jumps.Conditions(1.9, true, "Estadio Olímpico, Cali (COL)")...)
	for _, cv := range caveats {
		fmt.Printf("%-30s %v\n", cv.Name, cv.Applies)
	}
	// Output:
	// innovation 2.96 SD better than forecast
	// a 3 SD jump would be 10.00 s
	// return from injury or a break  true
	// new event                      false
	// age-group change               false
	// wind                           true
	// altitude                       true
}
