package scoring

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"

	"github.com/podium-sport/podium/models/maturity"
	"github.com/podium-sport/podium/models/potential"
)

// ErrNoOutcomes is returned when no athlete of the training cohorts has a
// known outcome, so P(elite) cannot be fitted.
var ErrNoOutcomes = errors.New("scoring: no known outcomes to train P(elite) on")

// trainer rebuilds a training athlete's features as they stood at earlier
// cut-offs.
type trainer struct {
	athletes map[int64]*athlete
	sc       *maturity.Scorer
	cfg      Config
}

// snapshots is how many yearly cut-offs before the board's own each
// training athlete is also seen at.
const snapshots = 3

// fitPotential fits P(elite) on the athletes of the cohorts whose outcome is
// known (born in or before TrainBornTo) and predicts every row.
//
// The rows scored are youths of 10–19 while the training athletes' own rows
// see their whole youth careers. So that the model also learns from what a
// committee saw at younger ages, each training athlete is added as well at
// cut-offs 1, 2 and 3 years before the board's (his results before each, if
// any), all his rows sharing one cross-validation fold. (Freezing each
// training athlete at a single age drawn from the scored ages instead left
// too few athletes on five simulated seasons and lowered the held-out AUC.)
func (b *Board) fitPotential(ctx context.Context, outcomes Outcomes, t trainer) error {
	cfg := t.cfg
	if outcomes == nil {
		return ErrNoOutcomes
	}
	known, err := outcomes(ctx)
	if err != nil {
		return err
	}
	var d potential.Data
	d.Features = featureList
	var xs [][]float64
	var train []int
	for i := range b.Rows {
		r := &b.Rows[i]
		if _, ok := known[r.AthleteID]; ok && r.BirthDate != "" && birthYear(*r) <= b.TrainBornTo {
			r.InTraining = true
			train = append(train, i)
		}
	}
	// A seeded hash sample of at most maxTrainAthletes: more add nothing to
	// a ten-feature model and cost time and memory on a national board.
	keep := uint64(math.MaxUint64)
	if len(train) > maxTrainAthletes {
		keep = uint64(float64(math.MaxUint64) * (float64(maxTrainAthletes) / float64(len(train))))
	}
	families := map[string]*familyData{}
	for _, i := range train {
		r := &b.Rows[i]
		if mix(uint64(r.AthleteID), cfg.Seed) > keep {
			continue
		}
		y, id := slices.Contains(cfg.Elite, known[r.AthleteID]), strconv.FormatInt(r.AthleteID, 10)
		fam := families[r.Sport]
		if fam == nil {
			fam = &familyData{Data: potential.Data{Features: featureList}}
			families[r.Sport] = fam
		}
		b.TrainN++
		fam.athletes++
		if y {
			b.TrainElite++
			fam.elite++
		}
		for _, x := range append([][]float64{r.x}, b.earlier(r, t)...) {
			xs = append(xs, x)
			d.Y, d.IDs = append(d.Y, y), append(d.IDs, id)
			fam.X, fam.Y, fam.IDs = append(fam.X, x), append(fam.Y, y), append(fam.IDs, id)
		}
	}
	if len(xs) == 0 {
		return fmt.Errorf("%w (born in or before %d)", ErrNoOutcomes, b.TrainBornTo)
	}
	means := imputeMeans(xs)
	for _, x := range xs {
		d.X = append(d.X, impute(x, means))
	}
	opts := potential.DefaultOptions()
	opts.Seed = cfg.Seed
	m, err := potential.Fit(d, opts)
	if err != nil {
		return fmt.Errorf("scoring: fit P(elite) on %d athletes born ≤ %d: %w", len(xs), b.TrainBornTo, err)
	}
	b.model, b.Training = m, m.CV()
	b.means = means
	if err := b.fitFamilies(families, cfg.FamilyElite, cfg.Seed); err != nil {
		return err
	}
	b.driftReferences()
	b.predict()
	return nil
}

// maxTrainAthletes bounds the athletes P(elite) is fitted on.
const maxTrainAthletes = 20000

// mix is a 64-bit hash (SplitMix64's finaliser) of an id and a seed.
func mix(id, seed uint64) uint64 {
	z := id*0x9e3779b97f4a7c15 + seed
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// earlier are r's feature vectors as of 1…snapshots years before the
// board's cut-off, for each that has a result before it.
func (b *Board) earlier(r *Row, t trainer) [][]float64 {
	a := t.athletes[r.AthleteID]
	if a == nil || a.BirthDate.IsZero() {
		return nil
	}
	var out [][]float64
	for k := 1; k <= snapshots; k++ {
		cfg := t.cfg
		cfg.AsOf = cfg.AsOf.AddDate(-k, 0, 0)
		age := cfg.AsOf.Sub(a.BirthDate).Hours() / 24 / 365.25
		var ms []mark
		for _, m := range b.marks[r.AthleteID] {
			if m.Age < age {
				ms = append(ms, m)
			}
		}
		if len(ms) == 0 {
			break
		}
		out = append(out, b.row(a, ms, t.sc, cfg).x)
	}
	return out
}

// predict fills every row's P(elite) and reasons from the model of its
// sport, or the pooled model.
func (b *Board) predict() {
	for i := range b.Rows {
		r := &b.Rows[i]
		m, means := b.modelFor(r.Sport)
		x := impute(r.x, means)
		p := m.Predict(x)
		r.PElite = Interval{Num(p.P), Num(p.Low), Num(p.High)}
		r.Reasons = reasons(m, x)
	}
}

func birthYear(r Row) int {
	y, _ := strconv.Atoi(r.BirthDate[:4])
	return y
}

// imputeMeans is each feature's mean over the training vectors, ignoring NaN.
func imputeMeans(xs [][]float64) []float64 {
	means := make([]float64, len(featureList))
	for j := range means {
		means[j] = mean(column2(xs, j))
	}
	return means
}

func column2(xs [][]float64, j int) []float64 {
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = x[j]
	}
	return out
}

func impute(x, means []float64) []float64 {
	out := slices.Clone(x)
	for j, v := range out {
		if math.IsNaN(v) {
			out[j] = means[j]
		}
	}
	return out
}

// reasons are the three features that pushed the logit most, either way.
func reasons(m *potential.Model, x []float64) []Reason {
	up, down := m.Explain(x, 3)
	var out []Reason
	for _, c := range append(up, down...) {
		out = append(out, Reason{Feature: c.Feature.Name, Label: c.Feature.Label, Value: Num(c.Value), Effect: c.Effect})
	}
	sort.SliceStable(out, func(i, j int) bool { return math.Abs(out[i].Effect) > math.Abs(out[j].Effect) })
	return out[:min(3, len(out))]
}
