package agefraud

import (
	"fmt"
	"math"
	"time"

	"gonum.org/v1/gonum/mathext"
)

// Heaping is the 1-January test of one group of birth dates.
type Heaping struct {
	Births   int     `json:"births"`   // birth dates in the group
	Jan1     int     `json:"jan1"`     // of them on 1 January
	Share    float64 `json:"share"`    // Jan1 / Births
	Expected float64 `json:"expected"` // 1/365.25: the share without heaping, all days alike
	P        float64 `json:"p"`        // one-sided binomial p-value of Jan1 against Expected
	// January and PJanuary compare 1 January with the rest of January
	// (expected share 1/31 of January births): unlike the year-wide test
	// it is not fooled by seasonal births or the relative-age effect, which
	// both move whole months.
	January  int     `json:"january"`
	PJanuary float64 `json:"p_january"`
}

// HeapingTest counts the 1-January birth dates among births and tests
// them (see HeapingCounts).
func HeapingTest(births []time.Time) Heaping {
	var jan, jan1 int
	for _, b := range births {
		if b.Month() == time.January {
			jan++
			if b.Day() == 1 {
				jan1++
			}
		}
	}
	return HeapingCounts(len(births), jan, jan1)
}

// HeapingCounts tests jan1 births on 1 January among births, of which
// january in January, year-wide and within January.
func HeapingCounts(births, january, jan1 int) Heaping {
	h := Heaping{Births: births, January: january, Jan1: jan1, Expected: 1 / 365.25}
	if h.Births > 0 {
		h.Share = float64(h.Jan1) / float64(h.Births)
	}
	h.P = BinomialUpper(h.Jan1, h.Births, h.Expected)
	h.PJanuary = BinomialUpper(h.Jan1, h.January, 1.0/31)
	return h
}

// String prints the test in one line.
func (h Heaping) String() string {
	return fmt.Sprintf("%d of %d births on 1 January (%.2f %%, expected %.2f %%; p = %.2g; within January %d of %d, p = %.2g)",
		h.Jan1, h.Births, 100*h.Share, 100*h.Expected, h.P, h.Jan1, h.January, h.PJanuary)
}

// BinomialUpper returns P(X ≥ k) for X ~ Binomial(n, p), through the
// regularised incomplete beta function: P(X ≥ k) = I_p(k, n − k + 1). It is
// 1 for k ≤ 0 and NaN for p outside [0, 1] or k > n.
func BinomialUpper(k, n int, p float64) float64 {
	switch {
	case !(p >= 0 && p <= 1) || k > n:
		return math.NaN()
	case k <= 0:
		return 1
	case p == 0:
		return 0
	case p == 1:
		return 1
	}
	return mathext.RegIncBeta(float64(k), float64(n-k+1), p)
}
