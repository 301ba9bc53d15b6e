package trajectory

import (
	"fmt"
	"slices"
)

// SplitByAgeRank splits a series into its input, the points whose age rank
// (ties sharing the lowest rank) is at most frac × its number of points, and
// the later points to predict: the protocol of the MagmaClust swimming study
// (frac 0.6). Both halves are sorted by age.
func SplitByAgeRank(s Series, frac float64) (input, later Series) {
	pts := make([]point, len(s.Ages))
	for i := range pts {
		pts[i] = point{s.Ages[i], s.Values[i]}
	}
	slices.SortStableFunc(pts, func(a, b point) int { return cmpFloat(a.age, b.age) })
	n := inputCount(pts, frac)
	return seriesOf(s.ID, pts[:n]), seriesOf(s.ID, pts[n:])
}

func seriesOf(id string, pts []point) Series {
	s := Series{ID: id, Ages: make([]float64, len(pts)), Values: make([]float64, len(pts))}
	for i, p := range pts {
		s.Ages[i], s.Values[i] = p.age, p.y
	}
	return s
}

// Forecaster forecasts a series at ages from its observed points:
// (*Model).Forecast, (*Model).OffsetForecast.
type Forecaster func(obs Series, ages []float64) ([]Point, error)

// Prediction is the forecast of one held-out point beside its observed value.
type Prediction struct {
	ID       string
	Observed float64
	Point
}

// Score summarises a back-test: MSE is the mean over series of each series'
// mean squared error (squared units of the values), Coverage95 the share of
// predicted points inside their 95 % interval.
// Series counts the series scored, Points their predicted points and Inputs
// their input points.
type Score struct {
	MSE        float64 `json:"mse"`
	Coverage95 float64 `json:"coverage95"`
	Series     int     `json:"series"`
	Points     int     `json:"points"`
	Inputs     int     `json:"input_points"`
}

// Backtest splits every test series by SplitByAgeRank(frac), forecasts its
// later points from its input with f and scores them. Series with no input
// or nothing to predict are left out.
func Backtest(f Forecaster, test []Series, frac float64) (Score, []Prediction, error) {
	var sc Score
	var preds []Prediction
	sumMSE, inside := 0.0, 0
	for _, s := range test {
		in, later := SplitByAgeRank(s, frac)
		if len(in.Ages) == 0 || len(later.Ages) == 0 {
			continue
		}
		pts, err := f(in, later.Ages)
		if err != nil {
			return Score{}, nil, fmt.Errorf("trajectory: back-test series %q: %w", s.ID, err)
		}
		se := 0.0
		for j, p := range pts {
			y := later.Values[j]
			se += (y - p.Mean) * (y - p.Mean)
			if p.Lower95 <= y && y <= p.Upper95 {
				inside++
			}
			preds = append(preds, Prediction{ID: s.ID, Observed: y, Point: p})
		}
		sumMSE += se / float64(len(pts))
		sc.Series++
		sc.Points += len(pts)
		sc.Inputs += len(in.Ages)
	}
	if sc.Series == 0 {
		return sc, nil, fmt.Errorf("%w: back-test: no series with both input and later points", ErrBadInput)
	}
	sc.MSE = sumMSE / float64(sc.Series)
	sc.Coverage95 = float64(inside) / float64(sc.Points)
	return sc, preds, nil
}

// CrossValidate scores cfg on the training series alone, as the back-test
// scores a model on test series: the series, sorted by ID, are dealt into
// folds (series i into fold i mod folds); each fold is back-tested with
// SplitByAgeRank(frac) by a model fitted on the other folds. The score pools
// the folds: MSE is the mean over all scored series of each one's MSE,
// Coverage95 the share of all predicted points inside their interval. It is
// how the configuration was chosen without looking at the test series.
func CrossValidate(series []Series, cfg Config, folds int, frac float64) (Score, error) {
	sorted, err := sortedByID(series)
	if err != nil {
		return Score{}, err
	}
	if folds < 2 {
		return Score{}, fmt.Errorf("%w: cross-validation with %d folds, want at least 2", ErrBadInput, folds)
	}
	var total Score
	sumMSE, inside := 0.0, 0.0
	for f := range folds {
		var train, held []Series
		for i, s := range sorted {
			if i%folds == f {
				held = append(held, s)
			} else {
				train = append(train, s)
			}
		}
		m, err := Fit(train, cfg)
		if err != nil {
			return Score{}, fmt.Errorf("trajectory: cross-validate fold %d: %w", f, err)
		}
		sc, _, err := Backtest(m.Forecast, held, frac)
		if err != nil {
			return Score{}, fmt.Errorf("trajectory: cross-validate fold %d: %w", f, err)
		}
		sumMSE += sc.MSE * float64(sc.Series)
		inside += sc.Coverage95 * float64(sc.Points)
		total.Series, total.Points, total.Inputs = total.Series+sc.Series, total.Points+sc.Points, total.Inputs+sc.Inputs
	}
	total.MSE, total.Coverage95 = sumMSE/float64(total.Series), inside/float64(total.Points)
	return total, nil
}
