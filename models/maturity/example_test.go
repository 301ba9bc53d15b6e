package maturity_test

import (
	"fmt"

	"github.com/podium-sport/podium/models/maturity"
)

// A boy of 13 years, 155 cm tall, sitting height 80 cm, 45 kg (worked by
// hand in offset_test.go).
func ExampleOffset() {
	for _, eq := range []maturity.Equation{maturity.Mirwald2002, maturity.Moore2015} {
		e, err := maturity.Offset(eq, "M", 13, 155, 80, 45)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: offset %+.2f y, age at PHV %.2f, band %s, flags %s\n", eq, e.Offset, e.AgeAtPHV, maturity.Band(e.Offset), e.Flags)
	}
	// Output:
	// mirwald2002: offset -1.06 y, age at PHV 14.06, band pre-phv, flags far-from-phv
	// moore2015: offset -0.81 y, age at PHV 13.81, band circa-phv, flags ok
}
