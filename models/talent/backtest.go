package talent

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/podium-sport/podium/models/potential"
)

// Config is a back-test: fit on athletes born in TrainBorn, score those born
// in TestBorn (inclusive year ranges), every athlete frozen at FreezeAge.
type Config struct {
	FreezeAge           float64
	TrainBorn, TestBorn [2]int
	Options             potential.Options
	// Bootstrap is the number of resamples behind the model's 95 %
	// intervals on the test cohort; 0 for none.
	Bootstrap int
}

// Train describes the fitted model.
type Train struct {
	N            int                `json:"n"`
	Positives    int                `json:"positives"`
	CV           potential.CV       `json:"cv"`
	Coefficients map[string]float64 `json:"coefficients"`
}

// Prediction is one test athlete's forecast.
type Prediction struct {
	SourceID string
	potential.Prediction
	Elite bool
}

// Report is a back-test's outcome on the test cohort.
type Report struct {
	Model       potential.Metrics            `json:"model"`
	Baselines   map[string]potential.Metrics `json:"baselines"`
	Train       Train                        `json:"train"`
	Features    []potential.Feature          `json:"features"`
	Seconds     float64                      `json:"seconds"`
	Predictions []Prediction                 `json:"-"`
	// Fitted is the model fitted on the training cohort.
	Fitted *potential.Model `json:"-"`
}

// Backtest runs cfg over the cohort ex extracts at cfg.FreezeAge.
func Backtest(ctx context.Context, ex Extractor, cfg Config) (*Report, error) {
	start := time.Now()
	c, err := ex.Cohort(ctx, cfg.FreezeAge)
	if err != nil {
		return nil, err
	}
	train, test := c.split(cfg.TrainBorn), c.split(cfg.TestBorn)
	if n := count(test.Y); n == 0 || n == len(test.Y) {
		return nil, fmt.Errorf("talent: %d elite among %d athletes born %d–%d in the cohort at age %g: the test needs both",
			n, len(test.Y), cfg.TestBorn[0], cfg.TestBorn[1], cfg.FreezeAge)
	}
	m, err := potential.Fit(train, cfg.Options)
	if err != nil {
		return nil, fmt.Errorf("talent: fit on born %d–%d: %w", cfg.TrainBorn[0], cfg.TrainBorn[1], err)
	}
	rep := &Report{Features: c.Features, Baselines: map[string]potential.Metrics{}, Fitted: m}
	rep.Train = Train{N: len(train.Y), Positives: count(train.Y), CV: m.CV(), Coefficients: m.Coefficients()}
	p := make([]float64, len(test.X))
	for i, x := range test.X {
		pr := m.Predict(x)
		p[i] = pr.P
		rep.Predictions = append(rep.Predictions, Prediction{SourceID: test.IDs[i], Prediction: pr, Elite: test.Y[i]})
	}
	rep.Model = potential.Evaluate(p, test.Y)
	if cfg.Bootstrap > 0 {
		rep.Model = potential.Bootstrap(rep.Model, p, test.Y, cfg.Bootstrap, cfg.Options.Seed)
	}
	for _, b := range c.Baselines {
		if rep.Baselines[b.Name], err = baseline(c, b, train, test, cfg.Options); err != nil {
			return nil, err
		}
	}
	rep.Seconds = time.Since(start).Seconds()
	return rep, nil
}

// BaselineNames returns the baselines' names, sorted.
func (r *Report) BaselineNames() []string {
	names := make([]string, 0, len(r.Baselines))
	for n := range r.Baselines {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// baseline fits and scores the one-feature model b, calibrated as the full
// model is.
func baseline(c *Cohort, b Baseline, train, test potential.Data, o potential.Options) (potential.Metrics, error) {
	j := slices.IndexFunc(c.Features, func(f potential.Feature) bool { return f.Name == b.Feature })
	if j < 0 {
		return potential.Metrics{}, fmt.Errorf("talent: baseline %s reads unknown feature %q", b.Name, b.Feature)
	}
	pick := func(d potential.Data) potential.Data {
		x := make([][]float64, len(d.X))
		for i, r := range d.X {
			x[i] = []float64{r[j]}
		}
		return potential.Data{Features: c.Features[j : j+1], X: x, Y: d.Y, IDs: d.IDs}
	}
	m, err := potential.Fit(pick(train), o)
	if err != nil {
		return potential.Metrics{}, fmt.Errorf("talent: baseline %s: %w", b.Name, err)
	}
	te := pick(test)
	p := make([]float64, len(te.X))
	for i, x := range te.X {
		p[i] = m.Predict(x).P
	}
	return potential.Evaluate(p, te.Y), nil
}

// split returns the rows born in the inclusive year range as training data.
func (c *Cohort) split(born [2]int) potential.Data {
	d := potential.Data{Features: c.Features}
	for _, r := range c.Rows {
		if r.BirthYear >= born[0] && r.BirthYear <= born[1] {
			d.X, d.Y, d.IDs = append(d.X, r.X), append(d.Y, r.Elite), append(d.IDs, r.SourceID)
		}
	}
	return d
}

func count(y []bool) int {
	n := 0
	for _, v := range y {
		if v {
			n++
		}
	}
	return n
}
