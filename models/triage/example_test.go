package triage_test

import (
	"fmt"
	"strconv"

	"github.com/podium-sport/podium/models/triage"
)

// Officers confirmed most severe blood-passport alerts and few mild ones;
// the calibrated model puts a new alert's severity on that scale.
func ExampleFit() {
	var verdicts []triage.Label
	for i := range 60 {
		sev := float64(i%10)/10 + 0.05
		verdicts = append(verdicts, triage.Label{Type: "blood-passport", Severity: sev,
			Confirmed: sev > 0.6 && i%3 != 0, ID: strconv.Itoa(i)})
	}
	m, err := triage.Fit(verdicts, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.P("blood-passport", 0.9) > 0.5, m.P("blood-passport", 0.2) < 0.1)
	// Output: true true
}
