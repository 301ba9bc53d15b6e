package potential_test

import (
	"fmt"

	"github.com/podium-sport/podium/models/potential"
)

// Example fits P(elite) on a toy cohort where a better (lower) log ranking
// and more matches go with reaching the elite, then explains one athlete.
func Example() {
	d := potential.Data{Features: []potential.Feature{
		{Name: "log_rank", Label: "best ranking (log)"},
		{Name: "matches", Label: "matches played"},
	}}
	for i := range 200 {
		rank, matches := float64(i%50)/10, float64((i*7)%30)
		d.X = append(d.X, []float64{rank, matches})
		d.Y = append(d.Y, rank+0.1*float64(i%3) < 1.2 || matches > 27)
		d.IDs = append(d.IDs, fmt.Sprint("p", i))
	}
	m, err := potential.Fit(d, potential.DefaultOptions())
	if err != nil {
		fmt.Println(err)
		return
	}
	x := []float64{0.5, 10}
	p := m.Predict(x)
	fmt.Printf("P(elite) %.2f in [%.2f, %.2f] (%s calibration)\n", p.P, p.Low, p.High, m.CV().Calibration)
	up, down := m.Explain(x, 3)
	for _, c := range up {
		fmt.Printf("up   %-20s %+.2f\n", c.Feature.Label, c.Effect)
	}
	for _, c := range down {
		fmt.Printf("down %-20s %+.2f\n", c.Feature.Label, c.Effect)
	}
	// Output:
	// P(elite) 0.68 in [0.53, 0.80] (platt calibration)
	// up   best ranking (log)   +2.93
	// down matches played       -0.37
}

func ExampleEvaluate() {
	p := []float64{0.1, 0.4, 0.35, 0.8}
	y := []bool{false, false, true, true}
	m := potential.Evaluate(p, y)
	fmt.Printf("AUC %.2f, average precision %.3f, precision@2 %.1f, Brier %.4f\n", m.AUC, m.PRAUC, m.PrecisionAtK, m.Brier)
	// Output:
	// AUC 0.75, average precision 0.833, precision@2 0.5, Brier 0.1581
}
