package odds_test

import (
	"fmt"

	"github.com/podium-sport/podium/models/odds"
)

func ExampleShin() {
	// A typical football 1x2 price: home 2.10, draw 3.40, away 3.60.
	p, z, err := odds.Shin([]float64{2.10, 3.40, 3.60})
	if err != nil {
		panic(err)
	}
	prop, _ := odds.Proportional([]float64{2.10, 3.40, 3.60})
	fmt.Printf("shin: %.3f %.3f %.3f  z=%.3f\n", p[0], p[1], p[2], z)
	fmt.Printf("proportional: %.3f %.3f %.3f\n", prop[0], prop[1], prop[2])
	// Output:
	// shin: 0.459 0.279 0.263  z=0.024
	// proportional: 0.454 0.281 0.265
}
