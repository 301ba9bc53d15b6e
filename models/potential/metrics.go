package potential

import (
	"math"
	"math/rand/v2"
	"sort"
)

// ECEBins is the number of equal-width bins of the predicted probability
// behind Metrics.ECE: [0, 0.1), [0.1, 0.2), … [0.9, 1].
const ECEBins = 10

// Metrics scores probability forecasts p of binary outcomes y.
type Metrics struct {
	// N is the number of forecasts and Positives the number of y = true.
	N         int `json:"n"`
	Positives int `json:"positives"`
	// AUC is the area under the ROC curve: the probability that a random
	// positive scores above a random negative, ties counting one half.
	AUC float64 `json:"auc"`
	// PRAUC is the average precision: Σ over distinct thresholds of
	// (recall gained) × precision, tied scores forming one threshold.
	PRAUC float64 `json:"pr_auc"`
	// PrecisionAtK is the share of positives among the k = Positives
	// highest scores; a tie group across the k-th place counts pro rata.
	PrecisionAtK float64 `json:"precision_at_k"`
	// Brier is the mean of (p − y)².
	Brier float64 `json:"brier"`
	// ECE is the expected calibration error over ECEBins equal-width bins:
	// Σ_b (n_b/N)·|mean p_b − mean y_b|.
	ECE float64 `json:"ece"`
	// LogLoss is the mean of −[y ln p + (1−y) ln(1−p)] in nats, p clipped
	// to [1e-15, 1 − 1e-15].
	LogLoss float64 `json:"log_loss"`
	// CI95 holds bootstrap 95 % intervals by metric name (auc, pr_auc,
	// precision_at_k, brier, ece); empty unless Bootstrap filled it.
	CI95 map[string][2]float64 `json:"ci95,omitempty"`
}

// Evaluate scores the forecasts p of the outcomes y. NaN for the rank
// metrics when y holds a single class.
func Evaluate(p []float64, y []bool) Metrics {
	m := Metrics{N: len(p), Brier: Brier(p, y), ECE: ECE(p, y), LogLoss: LogLoss(p, y)}
	for _, v := range y {
		if v {
			m.Positives++
		}
	}
	m.AUC, m.PRAUC, m.PrecisionAtK = AUC(p, y), AveragePrecision(p, y), PrecisionAtK(p, y, m.Positives)
	return m
}

// AUC returns the area under the ROC curve by the Mann–Whitney statistic
// with mid-ranks for ties; NaN without both classes.
func AUC(p []float64, y []bool) float64 {
	idx := order(p)
	var rankSum, pos float64
	for k := 0; k < len(idx); {
		j := k
		for j < len(idx) && p[idx[j]] == p[idx[k]] {
			j++
		}
		mid := float64(k+j+1) / 2 // mean of ranks k+1 … j
		for _, i := range idx[k:j] {
			if y[i] {
				rankSum += mid
				pos++
			}
		}
		k = j
	}
	neg := float64(len(p)) - pos
	if pos == 0 || neg == 0 {
		return math.NaN()
	}
	return (rankSum - pos*(pos+1)/2) / (pos * neg)
}

// groups returns the indices by decreasing score, cut into tie groups.
func groups(p []float64) [][]int {
	idx := order(p)
	var gs [][]int
	for j := len(idx); j > 0; {
		k := j - 1
		for k > 0 && p[idx[k-1]] == p[idx[j-1]] {
			k--
		}
		gs = append(gs, idx[k:j])
		j = k
	}
	return gs
}

// AveragePrecision returns Σ_t (R_t − R_{t−1})·P_t over the distinct score
// thresholds t in decreasing order; NaN without positives.
func AveragePrecision(p []float64, y []bool) float64 {
	var tp, seen, total, ap float64
	for _, v := range y {
		total += b2f(v)
	}
	if total == 0 {
		return math.NaN()
	}
	for _, g := range groups(p) {
		var gain float64
		for _, i := range g {
			gain += b2f(y[i])
		}
		tp, seen = tp+gain, seen+float64(len(g))
		ap += gain / total * tp / seen
	}
	return ap
}

// PrecisionAtK returns the share of positives among the k highest scores;
// the tie group that straddles place k contributes its positive rate times
// the places it fills. NaN for k ≤ 0.
func PrecisionAtK(p []float64, y []bool, k int) float64 {
	if k <= 0 {
		return math.NaN()
	}
	var hits float64
	left := k
	for _, g := range groups(p) {
		var pos float64
		for _, i := range g {
			pos += b2f(y[i])
		}
		take := min(left, len(g))
		hits += pos * float64(take) / float64(len(g))
		if left -= take; left == 0 {
			break
		}
	}
	return hits / float64(k)
}

// Brier returns the mean squared error of p against y.
func Brier(p []float64, y []bool) float64 {
	var s float64
	for i, v := range p {
		d := v - b2f(y[i])
		s += d * d
	}
	return s / float64(len(p))
}

// LogLoss returns the mean negative log-likelihood in nats.
func LogLoss(p []float64, y []bool) float64 {
	var s float64
	for i, v := range p {
		v = math.Min(math.Max(v, 1e-15), 1-1e-15)
		if y[i] {
			s -= math.Log(v)
		} else {
			s -= math.Log(1 - v)
		}
	}
	return s / float64(len(p))
}

// ECE returns the expected calibration error over ECEBins equal-width bins.
func ECE(p []float64, y []bool) float64 {
	var n, sp, sy [ECEBins]float64
	for i, v := range p {
		b := min(int(v*ECEBins), ECEBins-1)
		n[b]++
		sp[b] += v
		sy[b] += b2f(y[i])
	}
	var e float64
	for b := range n {
		if n[b] > 0 {
			e += math.Abs(sp[b]-sy[b]) / float64(len(p))
		}
	}
	return e
}

// Bootstrap returns m with CI95 set from b resamples of the forecasts (with
// replacement, percentile intervals), seeded for reproducibility.
func Bootstrap(m Metrics, p []float64, y []bool, b int, seed uint64) Metrics {
	rng := rand.New(rand.NewPCG(seed, 0x706f6469756d))
	names := []string{"auc", "pr_auc", "precision_at_k", "brier", "ece"}
	draws := make(map[string][]float64, len(names))
	bp, by := make([]float64, len(p)), make([]bool, len(p))
	for range b {
		for i := range p {
			j := rng.IntN(len(p))
			bp[i], by[i] = p[j], y[j]
		}
		r := Evaluate(bp, by)
		for k, v := range []float64{r.AUC, r.PRAUC, r.PrecisionAtK, r.Brier, r.ECE} {
			if !math.IsNaN(v) {
				draws[names[k]] = append(draws[names[k]], v)
			}
		}
	}
	m.CI95 = map[string][2]float64{}
	for _, name := range names {
		d := draws[name]
		if len(d) == 0 {
			continue
		}
		sort.Float64s(d)
		m.CI95[name] = [2]float64{d[int(0.025*float64(len(d)-1))], d[int(math.Ceil(0.975*float64(len(d)-1)))]}
	}
	return m
}
