package entity_test

import (
	"fmt"

	"github.com/podium-sport/podium/models/entity"
)

func ExampleTail() {
	// A referee's 6 matches in which the market gave the steamed outcome
	// these closing probabilities; it came in 4 times.
	p := []float64{0.3, 0.25, 0.2, 0.35, 0.3, 0.15}
	fmt.Printf("expected %.2f hits, P(≥4) = %.4f\n", 0.3+0.25+0.2+0.35+0.3+0.15, entity.Tail(p, 4))
	// Output:
	// expected 1.55 hits, P(≥4) = 0.0398
}
