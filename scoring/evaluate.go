package scoring

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"

	"github.com/podium-sport/podium/models/potential"
)

// Truth is what became of an athlete, for evaluation only: the senior level
// reached and, on simulated data, the planted potential.
type Truth struct {
	Level     string
	Potential float64 // NaN when unknown
}

// Evaluation scores the board on the athletes it did not train on (born
// after TrainBornTo) against what became of them.
type Evaluation struct {
	TestBorn [2]int `json:"test_born"`
	// Model is P(elite) on the test cohort; Baselines one-feature calibrated
	// fits on the same training rows: the raw birth-year-category level (how
	// provinces rank today) and the RAE-corrected level.
	Model     potential.Metrics            `json:"model"`
	Baselines map[string]potential.Metrics `json:"baselines"`
	// Spearman is the rank correlation of each score with the planted
	// potential over the test cohort (NaN without planted potentials).
	Spearman map[string]Num `json:"spearman_potential"`
	// Top10 is the Q1:Q4 odds ratio of being in the top 10 % of the test
	// cohort under each ordering: the relative-age bias of a selection.
	Top10 map[string]OddsRatio `json:"top10_q1_q4_odds_ratio"`
}

// baselineScores are the orderings the evaluation compares with the model.
var baselineScores = []struct {
	name, label string
	f           func(*Row) float64
}{
	{"raw_level", "raw level within the birth-year category", func(r *Row) float64 { return float64(r.Z.Raw) }},
	{"rae_level", "age-standardised level (exact age)", func(r *Row) float64 { return float64(r.Z.RAE) }},
}

// Evaluate scores the board's P(elite) on the athletes born in test (years,
// inclusive) against their outcomes in truth, next to the baselines. The
// test athletes must be outside the training cohorts.
func (b *Board) Evaluate(truth map[int64]Truth, elite []string, test [2]int) (*Evaluation, error) {
	if b.model == nil {
		return nil, fmt.Errorf("scoring: evaluate: the board has no P(elite) model (%s)", b.Untrained)
	}
	if test[0] <= b.TrainBornTo {
		return nil, fmt.Errorf("scoring: evaluate: test cohort born %d–%d overlaps the training cohorts (born ≤ %d)", test[0], test[1], b.TrainBornTo)
	}
	var tr, te []*Row
	for i := range b.Rows {
		r := &b.Rows[i]
		if _, ok := truth[r.AthleteID]; !ok || r.BirthDate == "" {
			continue
		}
		switch y := birthYear(*r); {
		case r.InTraining:
			tr = append(tr, r)
		case y >= test[0] && y <= test[1]:
			te = append(te, r)
		}
	}
	label := func(rs []*Row) []bool {
		y := make([]bool, len(rs))
		for i, r := range rs {
			y[i] = slices.Contains(elite, truth[r.AthleteID].Level)
		}
		return y
	}
	yTest := label(te)
	if n := countTrue(yTest); n == 0 || n == len(yTest) {
		return nil, fmt.Errorf("scoring: evaluate: %d elite among %d test athletes born %d–%d: the test needs both", n, len(yTest), test[0], test[1])
	}
	ev := &Evaluation{TestBorn: test, Baselines: map[string]potential.Metrics{},
		Spearman: map[string]Num{}, Top10: map[string]OddsRatio{}}
	scores := map[string][]float64{"model": column(te, func(r *Row) float64 { return float64(r.PElite.Est) })}
	ev.Model = potential.Evaluate(scores["model"], yTest)
	for _, bl := range baselineScores {
		p, err := baselineFit(bl.name, bl.label, bl.f, tr, label(tr), te)
		if err != nil {
			return nil, err
		}
		ev.Baselines[bl.name] = potential.Evaluate(p, yTest)
		scores[bl.name] = column(te, bl.f)
	}
	potentials := column(te, func(r *Row) float64 { return truth[r.AthleteID].Potential })
	for name, s := range scores {
		ev.Spearman[name] = Num(spearman(s, potentials))
		ev.Top10[name] = FairnessAudit(topMembers(te, s, max(1, len(te)/10))).Q1vsQ4
	}
	return ev, nil
}

// baselineFit fits a calibrated one-feature P(elite) on the training rows
// and predicts the test rows.
func baselineFit(name, label string, f func(*Row) float64, train []*Row, y []bool, test []*Row) ([]float64, error) {
	d := potential.Data{Features: []potential.Feature{{Name: name, Label: label}}}
	fill := mean(column(train, f))
	x := func(r *Row) []float64 {
		v := f(r)
		if math.IsNaN(v) {
			v = fill
		}
		return []float64{v}
	}
	for i, r := range train {
		d.X, d.Y, d.IDs = append(d.X, x(r)), append(d.Y, y[i]), append(d.IDs, strconv.FormatInt(r.AthleteID, 10))
	}
	m, err := potential.Fit(d, potential.DefaultOptions())
	if err != nil {
		return nil, fmt.Errorf("scoring: baseline %s: %w", name, err)
	}
	p := make([]float64, len(test))
	for i, r := range test {
		p[i] = m.Predict(x(r)).P
	}
	return p, nil
}

func column(rs []*Row, f func(*Row) float64) []float64 {
	out := make([]float64, len(rs))
	for i, r := range rs {
		out[i] = f(r)
	}
	return out
}

func topMembers(rs []*Row, score []float64, n int) []Member {
	order := make([]int, len(rs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return orInf(score[order[i]]) > orInf(score[order[j]]) })
	ms := make([]Member, len(rs))
	for pos, i := range order {
		ms[i] = Member{Selected: pos < n, BirthQuarter: rs[i].BirthQuarter, Sex: rs[i].Sex, Province: rs[i].Province}
	}
	return ms
}

func countTrue(y []bool) int {
	n := 0
	for _, v := range y {
		if v {
			n++
		}
	}
	return n
}

func mean(v []float64) float64 {
	sum, n := 0.0, 0
	for _, x := range v {
		if !math.IsNaN(x) {
			sum, n = sum+x, n+1
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// spearman is the rank correlation of x and y over the pairs where both are
// known, ties taking their mid-rank; NaN for fewer than three pairs.
func spearman(x, y []float64) float64 {
	var a, b []float64
	for i := range x {
		if !math.IsNaN(x[i]) && !math.IsNaN(y[i]) {
			a, b = append(a, x[i]), append(b, y[i])
		}
	}
	if len(a) < 3 {
		return math.NaN()
	}
	ra, rb := midRanks(a), midRanks(b)
	ma, mb := mean(ra), mean(rb)
	var sab, saa, sbb float64
	for i := range ra {
		da, db := ra[i]-ma, rb[i]-mb
		sab, saa, sbb = sab+da*db, saa+da*da, sbb+db*db
	}
	return sab / math.Sqrt(saa*sbb)
}

func midRanks(v []float64) []float64 {
	order := make([]int, len(v))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(i, j int) bool { return v[order[i]] < v[order[j]] })
	r := make([]float64, len(v))
	for i := 0; i < len(order); {
		j := i
		for j+1 < len(order) && v[order[j+1]] == v[order[i]] {
			j++
		}
		for k := i; k <= j; k++ {
			r[order[k]] = float64(i+j)/2 + 1
		}
		i = j + 1
	}
	return r
}
