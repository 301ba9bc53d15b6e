package trajectory

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat/distuv"
)

// z95 is the 97.5 % quantile of the standard normal law.
var z95 = distuv.UnitNormal.Quantile(0.975)

// Point is a forecast at one age, in the units of the values: Mean (the
// point forecast), SD (its predictive standard deviation) and the bounds of
// the 95 % interval. On the log scale the interval is not symmetric.
type Point struct {
	Age, Mean, Lower95, Upper95, SD float64
}

// Forecast predicts the values of an athlete at ages from his observed
// points obs (the BLUP: Gaussian conditioning of his coefficients on obs).
// The interval is the predictive law, coefficients' posterior plus noise,
// widened by the calibration factor of Fit. With no observed point it is the
// population law. Ages outside the training range are forecast at its
// nearer end.
func (m *Model) Forecast(obs Series, ages []float64) ([]Point, error) {
	pts, z, err := m.observe(obs)
	if err != nil {
		return nil, err
	}
	mu, variance, err := m.condition(pts, z, ages)
	if err != nil {
		return nil, fmt.Errorf("trajectory: forecast %q: %w", obs.ID, err)
	}
	return m.points(ages, mu, variance, m.scale, true), nil
}

// Curve is the population curve: the mean performance of the population at
// each age and the 2.5–97.5 % band of its performances there (individual
// spread plus noise; not calibrated: it describes athletes, not forecasts).
func (m *Model) Curve(ages []float64) []Point {
	return m.predict(ages, m.beta, m.sigma, 1, true)
}

// OffsetForecast is the simple baseline: the population curve shifted by
// the mean deviation of the observed points from it (on the working
// scale), with an interval of the noise σ²(age) widened by its own
// calibration factor. With no observed point it is the curve itself.
func (m *Model) OffsetForecast(obs Series, ages []float64) ([]Point, error) {
	pts, z, err := m.observe(obs)
	if err != nil {
		return nil, err
	}
	return m.predict(ages, m.offsetMean(pts, z), nil, m.offsetScale, true), nil
}

// offsetMean is β shifted by the mean deviation of pts from the curve: the
// B-spline functions sum to one, so adding a constant to every coefficient
// adds it to the curve.
func (m *Model) offsetMean(pts []point, z [][]float64) []float64 {
	mean := slices.Clone(m.beta)
	if len(pts) == 0 {
		return mean
	}
	off := 0.0
	for j, p := range pts {
		off += p.y - dot(z[j], m.beta)
	}
	for i := range mean {
		mean[i] += off / float64(len(pts))
	}
	return mean
}

// observe checks obs and returns its points on the working scale with their
// basis rows.
func (m *Model) observe(obs Series) ([]point, [][]float64, error) {
	pts, err := m.cfg.prepare(obs)
	if err != nil {
		return nil, nil, err
	}
	return pts, m.rows(pts), nil
}

// rows returns the basis rows B(age) of points.
func (m *Model) rows(pts []point) [][]float64 {
	z := make([][]float64, len(pts))
	for j, p := range pts {
		z[j] = make([]float64, m.basis.size())
		m.basis.eval(p.age, z[j])
	}
	return z
}

// predict evaluates B(age)ᵀmean with variance B(age)ᵀ·v·B(age) + σ²(age)
// (v nil: noise only).
func (m *Model) predict(ages, mean, v []float64, scale float64, natural bool) []Point {
	k := len(mean)
	row := make([]float64, k)
	mu, variance := make([]float64, len(ages)), make([]float64, len(ages))
	for i, a := range ages {
		m.basis.eval(a, row)
		mu[i], variance[i] = dot(row, mean), m.noiseAt(a)
		if v != nil {
			variance[i] += quad(v, row)
		}
	}
	return m.points(ages, mu, variance, scale, natural)
}

// points makes Points of working-scale means and variances, the SD
// multiplied by scale, mapped back to the units of the values when natural
// is set (log scale: log-normal mean, SD and quantiles).
func (m *Model) points(ages, mu, variance []float64, scale float64, natural bool) []Point {
	out := make([]Point, len(ages))
	for i, a := range ages {
		mu, sd := mu[i], scale*math.Sqrt(variance[i])
		out[i] = Point{Age: a, Mean: mu, Lower95: mu - z95*sd, Upper95: mu + z95*sd, SD: sd}
		if natural && !m.cfg.Linear {
			mean := math.Exp(mu + sd*sd/2)
			out[i] = Point{Age: a, Mean: mean, Lower95: math.Exp(mu - z95*sd), Upper95: math.Exp(mu + z95*sd),
				SD: mean * math.Sqrt(math.Expm1(sd*sd))}
		}
	}
	return out
}
