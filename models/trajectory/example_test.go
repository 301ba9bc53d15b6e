package trajectory_test

import (
	"fmt"
	"math"

	"github.com/podium-sport/podium/models/trajectory"
)

// Example fits the model to twelve swimmers whose 100 m times fall from
// about 75 s at 12 to 60 s at 18 (each with his own level and a seasonal
// wiggle), then forecasts a new swimmer from his results at 12–14.
func Example() {
	var train []trajectory.Series
	for i := range 12 {
		s := trajectory.Series{ID: fmt.Sprint("swimmer-", i)}
		level := float64(i%5) - 2
		for age := 12.0; age <= 18; age += 0.25 {
			s.Ages = append(s.Ages, age)
			s.Values = append(s.Values, 60+15*math.Exp(-(age-12)/2)+level+0.5*math.Sin(7*age+float64(i)))
		}
		train = append(train, s)
	}
	m, err := trajectory.Fit(train, trajectory.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	// The new swimmer is 2 to 3.5 s slower than the average at 12–14: the
	// forecast keeps him about 3 s behind the population at 18.
	obs := trajectory.Series{ID: "new", Ages: []float64{12, 13, 14}, Values: []float64{77, 72.1, 68.9}}
	points, err := m.Forecast(obs, []float64{16, 18})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range points {
		fmt.Printf("age %.0f: %.0f s (95 %%: %.0f–%.0f s)\n", p.Age, p.Mean, p.Lower95, p.Upper95)
	}
	curve := m.Curve([]float64{18})
	fmt.Printf("population at 18: %.0f s\n", curve[0].Mean)
	// Output:
	// age 16: 65 s (95 %: 64–66 s)
	// age 18: 64 s (95 %: 63–64 s)
	// population at 18: 61 s
}
