package integrity

import (
	"math"
	"slices"
	"sort"
)

// Config holds the detector's thresholds.
type Config struct {
	OutlierDist float64 // a book whose opening price is this far (probability) from the consensus is left out of movement measures
	SteamMove   float64 // a book "steams" an outcome when its probability rises at least this much
	Alpha       float64 // combined p-value at or below which a match is alerted
	MaxRate     float64 // at most this share of the scored matches is alerted (the highest combined scores)
	EntityMove  float64 // an outcome is "steamed" for the entity test when a book's probability of it rose this much
	EntityMin   int     // fewest matches for an entity to be tested
	FDR         float64 // false discovery rate of the entity alerts (Benjamini–Hochberg)
}

// Default returns the thresholds used by `podium detect` (see doc.go for
// how they were chosen).
func Default() Config {
	return Config{OutlierDist: 0.10, SteamMove: 0.03, Alpha: 1e-4, MaxRate: 0.005, EntityMove: 0.06, EntityMin: 10, FDR: 0.05}
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
	Fisher  float64 // −2 Σ ln(tail share) over the signals in the score
	P       float64 // Fisher's combined p-value (χ² with 2k degrees of freedom)
	mk      market
}

// Score computes the signals of every played match at which some book
// quotes 1x2 prices at two moments (opening and closing, or pre-match),
// and combines them. all must be every played match in date order (the
// results models learn from all of them, each using only earlier days).
// Each signal is turned into its tail share among the scored matches (the
// share with a value at least as high; 1 when the signal is missing), and
// the shares are combined by Fisher's method.
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
	mp, err := priceModels(all, idx)
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

// combine fills in the signals, tail shares and Fisher scores.
func combine(out []Scored, values [][]float64) {
	inScore := 0
	for _, d := range signalDefs {
		if d.inScore {
			inScore++
		}
	}
	for j, d := range signalDefs {
		ref := sortedFinite(values[j])
		thr := quantile(ref, 0.99)
		for k := range out {
			v := values[j][k]
			share := tailShare(ref, v)
			if d.inScore {
				out[k].Fisher -= 2 * math.Log(share)
			}
			if !math.IsNaN(v) && !math.IsInf(v, 0) {
				out[k].Signals = append(out[k].Signals, Signal{Name: d.name, Value: round(v), Threshold: round(thr),
					TailShare: round(share), InScore: d.inScore, Explanation: d.explain})
			}
		}
	}
	for k := range out {
		out[k].P = chi2Survival(out[k].Fisher, 2*inScore)
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

// tailShare is (number of reference values ≥ v + 1)/(n + 1): the mid-free
// empirical upper-tail p-value; 1 for a missing value.
func tailShare(ref []float64, v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 1
	}
	i := sort.SearchFloat64s(ref, v) // first index with ref[i] ≥ v
	return float64(len(ref)-i+1) / float64(len(ref)+1)
}

func quantile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	return sorted[min(len(sorted)-1, int(q*float64(len(sorted))))]
}

// chi2Survival is P(χ²_dof > x) for even dof: e^(−x/2) Σ_{j<dof/2} (x/2)^j/j!.
func chi2Survival(x float64, dof int) float64 {
	h := x / 2
	term, sum := 1.0, 1.0
	for j := 1; j < dof/2; j++ {
		term *= h / float64(j)
		sum += term
	}
	return math.Min(1, math.Exp(-h)*sum)
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
