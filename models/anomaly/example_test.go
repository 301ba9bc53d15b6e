package anomaly_test

import (
	"fmt"

	"github.com/podium-sport/podium/models/anomaly"
	"gonum.org/v1/gonum/mat"
)

func ExampleRobustZ() {
	z, _ := anomaly.RobustZ([]float64{10, 11, 12, 13, 40})
	fmt.Printf("%.1f\n", z)
	// Output: [-1.3 -0.7 0.0 0.7 18.9]
}

func ExampleFitMahalanobis() {
	x := mat.NewDense(4, 2, []float64{1, 0, -1, 0, 0, 2, 0, -2})
	m, _ := anomaly.FitMahalanobis(x)
	fmt.Printf("shrinkage %.3f, d² of (3, 0): %.2f\n", m.Shrinkage, m.Distance2([]float64{3, 0}))
	// Output: shrinkage 0.944, d² of (3, 0): 7.45
}

func ExampleThreshold() {
	scores := []float64{0.1, 0.4, 0.2, 0.9, 0.3, 0.5, 0.6, 0.8, 0.7, 0.0, 1.0}
	th, _ := anomaly.Threshold(scores, 0.1) // alert on 10 % of the reference
	fmt.Printf("flag scores above %.2f\n", th)
	// Output: flag scores above 0.90
}

func ExampleFitIsolationForest() {
	// A 10 × 10 grid of ordinary points and one far away.
	var rows []float64
	for i := 0; i < 10; i++ {
		for j := 0; j < 10; j++ {
			rows = append(rows, float64(i), float64(j))
		}
	}
	f, _ := anomaly.FitIsolationForest(mat.NewDense(100, 2, rows), anomaly.DefaultForest)
	fmt.Println("far point more anomalous:", f.Score([]float64{40, 40}) > f.Score([]float64{5, 5}))
	// Output: far point more anomalous: true
}
