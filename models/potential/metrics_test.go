package potential

import (
	"math"
	"testing"
)

func TestMetrics(t *testing.T) {
	T, F := true, false
	tests := []struct {
		name                      string
		p                         []float64
		y                         []bool
		auc, ap, patk, brier, ece float64
	}{
		{
			// Perfect ranking: AUC 1, AP 1, the top 2 are both positive.
			// Brier = (0.1² + 0.2² + 0.2² + 0.1²)/4 = 0.025. ECE: bins 1, 2,
			// 7, 8 hold one forecast each, |0.1−0| + |0.2−0| + |0.8−1| +
			// |0.9−1| over 4 = 0.15.
			name: "perfect", p: []float64{0.1, 0.2, 0.8, 0.9}, y: []bool{F, F, T, T},
			auc: 1, ap: 1, patk: 1, brier: 0.025, ece: 0.15,
		},
		{
			// Pairs (pos, neg): (0.8,0.1) win, (0.8,0.4) win, (0.35,0.1)
			// win, (0.35,0.4) loss → AUC 3/4. Descending: 0.8 (T) P=1 R=½;
			// 0.4 (F); 0.35 (T) P=2/3 R=1 → AP = ½·1 + ½·⅔ = 5/6. Top 2 =
			// {0.8, 0.4}: one positive → ½. Brier = (0.01+0.16+0.4225+0.04)/4.
			// ECE bins: 1 {0.1:0}, 3 {0.35:1}, 4 {0.4:0}, 8 {0.8:1} →
			// (0.1 + 0.65 + 0.4 + 0.2)/4.
			name: "one swap", p: []float64{0.1, 0.4, 0.35, 0.8}, y: []bool{F, F, T, T},
			auc: 0.75, ap: 5.0 / 6, patk: 0.5, brier: 0.6325 / 4, ece: 1.35 / 4,
		},
		{
			// All tied: AUC ½; one threshold with precision ½ → AP ½; the
			// tie group straddles k = 2 and fills it at its rate ½. ECE: one
			// bin, |0.5 − 0.5| = 0.
			name: "all tied", p: []float64{0.5, 0.5, 0.5, 0.5}, y: []bool{T, F, T, F},
			auc: 0.5, ap: 0.5, patk: 0.5, brier: 0.25, ece: 0,
		},
		{
			// A positive and a negative tied at the top.
			// p: 0.9 T, 0.9 F, 0.7 T, 0.2 F. Pairs: (0.9T,0.9F) ½,
			// (0.9T,0.2F) 1, (0.7T,0.9F) 0, (0.7T,0.2F) 1 → 2.5/4.
			// AP: group {0.9,0.9} gains ½ recall at precision ½; then 0.7
			// gains ½ at precision 2/3 → ¼ + ⅓. p@2: the top group fills
			// both places at rate ½ → ½. ECE: bin 9 holds both 0.9s
			// (|0.9 − ½|, weight 2), bin 7 |0.7 − 1|, bin 2 |0.2 − 0|.
			name: "tie at top", p: []float64{0.9, 0.9, 0.7, 0.2}, y: []bool{T, F, T, F},
			auc: 0.625, ap: 0.25 + 1.0/3, patk: 0.5,
			brier: (0.01 + 0.81 + 0.09 + 0.04) / 4, ece: (2*0.4 + 0.3 + 0.2) / 4,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Evaluate(tt.p, tt.y)
			for _, c := range []struct {
				what      string
				got, want float64
			}{{"AUC", m.AUC, tt.auc}, {"AP", m.PRAUC, tt.ap}, {"P@k", m.PrecisionAtK, tt.patk},
				{"Brier", m.Brier, tt.brier}, {"ECE", m.ECE, tt.ece}} {
				if math.Abs(c.got-c.want) > 1e-12 {
					t.Errorf("%s = %v, want %v", c.what, c.got, c.want)
				}
			}
		})
	}
}

func TestLogLoss(t *testing.T) {
	// −(ln 0.8 + ln 0.5)/2 by hand; a certain wrong forecast is clipped at 1e-15.
	if got, want := LogLoss([]float64{0.8, 0.5}, []bool{true, false}), -(math.Log(0.8)+math.Log(0.5))/2; math.Abs(got-want) > 1e-15 {
		t.Errorf("LogLoss = %v, want %v", got, want)
	}
	if got, want := LogLoss([]float64{0}, []bool{true}), -math.Log(1e-15); math.Abs(got-want) > 1e-9 {
		t.Errorf("LogLoss of a certain miss = %v, want %v", got, want)
	}
}

func TestSingleClass(t *testing.T) {
	m := Evaluate([]float64{0.2, 0.3}, []bool{false, false})
	if !math.IsNaN(m.AUC) || !math.IsNaN(m.PRAUC) || !math.IsNaN(m.PrecisionAtK) {
		t.Errorf("rank metrics without positives = %v %v %v, want NaN", m.AUC, m.PRAUC, m.PrecisionAtK)
	}
}

func TestBootstrap(t *testing.T) {
	p := []float64{0.1, 0.4, 0.35, 0.8, 0.2, 0.7, 0.6, 0.3}
	y := []bool{false, false, true, true, false, true, true, false}
	m := Bootstrap(Evaluate(p, y), p, y, 200, 7)
	ci, ok := m.CI95["auc"]
	if !ok || ci[0] > m.AUC || ci[1] < m.AUC || ci[0] >= ci[1] {
		t.Errorf("AUC %v with CI %v: want an interval around it", m.AUC, ci)
	}
	if again := Bootstrap(Evaluate(p, y), p, y, 200, 7); again.CI95["auc"] != ci {
		t.Errorf("same seed, CI %v then %v", ci, again.CI95["auc"])
	}
}
