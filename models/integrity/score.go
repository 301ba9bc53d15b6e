package integrity

import (
	"math"
	"slices"
	"sort"

	"github.com/podium-sport/podium/models/rating"
)

// Config holds the detector's thresholds.
type Config struct {
	OutlierDist float64 // a book whose opening price is this far (probability) from the consensus is left out of movement measures
	SteamMove   float64 // a book "steams" an outcome when its probability rises at least this much
	Alpha       float64 // combined p-value at or below which a match is alerted: the untouched matches' alert rate is at most about Alpha
	MaxRate     float64 // at most this share of the scored matches is alerted (the lowest combined p-values): the review budget
	EntityMove  float64 // an outcome is "steamed" for the entity test when a book's probability of it rose this much
	EntityMin   int     // fewest matches for an entity to be tested
	FDR         float64 // false discovery rate of the entity alerts (Benjamini–Hochberg)

	// Elo prices every match from results alone (evidence: Scored.Elo).
	Elo rating.Config
}

// Default returns the thresholds used by `podium detect` (see doc.go for
// how they were chosen) and the built-in football Elo; podium detect
// replaces Elo with the champion rating-football model when there is one.
func Default() Config {
	return Config{OutlierDist: 0.10, SteamMove: 0.03, Alpha: 0.005, MaxRate: 0.01, EntityMove: 0.06, EntityMin: 10, FDR: 0.05,
		Elo: footballElo()}
}

// Scored is one match with its signals and combined score.
type Scored struct {
	Match   *Match
	Outcome int
	Market  Price // closing (last) consensus, margin removed by Shin
	Open    Price // opening (first) consensus
	Elo     Price
	Goals   Price
	Signals []Signal
	Tests   []TestResult // one per test of the score, in the order of scoreTests
	P       float64      // combined p-value: min over the tests of p / weight (weighted Bonferroni), at most 1
	mk      market
}

// TestResult is one test of the score on one match.
type TestResult struct {
	Name   string  `json:"name"`
	P      float64 `json:"p"`      // tail share of the test's statistic among the scored matches
	Weight float64 `json:"weight"` // the test's share of Alpha
}

// scoreTest is one question the score asks of a match. Its statistic is
// Fisher's −2 Σ ln(tail share) over its signals (one signal: its tail
// share), and its p-value the statistic's own tail share among the scored
// matches, so that each test's p is uniform over honest matches whatever
// the signals' correlation.
type scoreTest struct {
	name    string
	weight  float64
	signals []string
}

// scoreTests are the tests a match is scored by: one per documented way a
// fix shows (see doc.go). The weights add up to 1 and were chosen on planted
// fixes with seeds 1–5 only (doc.go, "Measured").
var scoreTests = []scoreTest{
	{"steam", 0.4, []string{"steam_z"}},               // money on the result moved its price
	{"outlier_book", 0.3, []string{"book_outlier"}},   // one book priced the result far above the others
	{"upset", 0.3, []string{"steam_z", "improbable"}}, // an unlikely result whose price moved towards it
}

// Score computes the signals of every played match at which some book
// quotes 1x2 prices at two moments (opening and closing, or pre-match),
// and combines them. all must be every played match in date order (the
// results models learn from all of them, each using only earlier days).
// Each signal is turned into its tail share among the scored matches (the
// share with a value at least as high; 1 when the signal is missing), each
// test of scoreTests into a p-value, and the tests into P by a weighted
// Bonferroni minimum.
func Score(all []Match, cfg Config) ([]Scored, error) {
	var idx []int
	var out []Scored
	for i := range all {
		m := &all[i]
		o := m.Outcome()
		if o < 0 {
			continue
		}
		mk := marketOf(m, cfg.OutlierDist)
		if len(mk.movers) == 0 {
			continue // no book quotes two moments: no market movement to score
		}
		idx = append(idx, i)
		out = append(out, Scored{Match: m, Outcome: o, mk: mk, Market: Price(mk.latest), Open: Price(mk.open)})
	}
	if len(out) == 0 {
		return nil, nil
	}
	mp, err := priceModels(all, idx, cfg.Elo)
	if err != nil {
		return nil, err
	}
	views := make([]view, len(out))
	gaps := make([]float64, len(out))
	for k := range out {
		s := &out[k]
		s.Elo, s.Goals = mp.elo[k], mp.goals[k]
		views[k] = view{m: s.Match, mk: s.mk, outcome: s.Outcome, goals: s.Goals, steamMove: cfg.SteamMove}
		gaps[k] = s.Market[s.Outcome] - s.Goals[s.Outcome]
	}
	sd := stdDev(gaps)
	values := make([][]float64, len(signalDefs))
	for j, d := range signalDefs {
		values[j] = make([]float64, len(out))
		for k := range views {
			views[k].gapSD = sd
			values[j][k] = d.value(&views[k])
		}
	}
	combine(out, values)
	return out, nil
}

// combine fills in the signals, their tail shares, the tests and P.
func combine(out []Scored, values [][]float64) {
	shares := map[string][]float64{}
	used := map[string]bool{}
	for _, t := range scoreTests {
		for _, name := range t.signals {
			used[name] = true
		}
	}
	for j, d := range signalDefs {
		ref := sortedFinite(values[j])
		thr := quantile(ref, 0.99)
		shares[d.name] = make([]float64, len(out))
		for k := range out {
			v := values[j][k]
			shares[d.name][k] = tailShare(ref, v)
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				out[k].Signals = append(out[k].Signals, Signal{Name: d.name, Value: round(v), Threshold: round(thr),
					TailShare: round(shares[d.name][k]), InScore: used[d.name], Explanation: d.explain})
			}
		}
	}
	for k := range out {
		out[k].P = 1
	}
	for _, t := range scoreTests {
		stat := make([]float64, len(out))
		for _, name := range t.signals {
			for k, sh := range shares[name] {
				stat[k] -= 2 * math.Log(sh)
			}
		}
		ref := sortedFinite(stat)
		for k := range out {
			p := tailShare(ref, stat[k])
			out[k].Tests = append(out[k].Tests, TestResult{Name: t.name, P: p, Weight: t.weight})
			out[k].P = math.Min(out[k].P, p/t.weight)
		}
	}
}

func sortedFinite(xs []float64) []float64 {
	var v []float64
	for _, x := range xs {
		if !math.IsNaN(x) && !math.IsInf(x, 0) {
			v = append(v, x)
		}
	}
	slices.Sort(v)
	return v
}

// tailShare is the share of the reference values at least v, where v is
// one of them: (number of the others ≥ v + 1)/(n − 1 + 1), the conformal
// upper-tail p-value of v against the others, 1/n at the top; 1 for a
// missing value.
func tailShare(ref []float64, v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) || len(ref) == 0 {
		return 1
	}
	i := sort.SearchFloat64s(ref, v) // first index with ref[i] ≥ v
	return float64(max(len(ref)-i, 1)) / float64(len(ref))
}

func quantile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	return sorted[min(len(sorted)-1, int(q*float64(len(sorted))))]
}

func stdDev(xs []float64) float64 {
	var s, s2 float64
	n := 0
	for _, x := range xs {
		if !math.IsNaN(x) {
			s += x
			s2 += x * x
			n++
		}
	}
	if n < 2 {
		return math.NaN()
	}
	m := s / float64(n)
	return math.Sqrt((s2 - float64(n)*m*m) / float64(n-1))
}

func round(x float64) float64 { return math.Round(x*1e4) / 1e4 }
