package odds

// Move is the change of one outcome's probability between two snapshots, in
// probability points (0.05 = five points).
func Move(open, close []float64, outcome int) float64 {
	return close[outcome] - open[outcome]
}

// Steam counts the books whose probability of outcome rose by at least
// minMove between opening and closing: several books moving the same way
// together is the classic sign of large informed money. open and close are
// per book (books × outcomes); books with either missing are skipped.
func Steam(open, close [][]float64, outcome int, minMove float64) int {
	n := 0
	for b := range open {
		if len(open[b]) > outcome && len(close[b]) > outcome && Move(open[b], close[b], outcome) >= minMove {
			n++
		}
	}
	return n
}

// Reverse counts the books whose probability of outcome moved against the
// consensus move by at least minMove (a book lengthening the price that the
// market shortened, or the reverse): a book reacting to its own liabilities.
func Reverse(open, close [][]float64, consensusMove float64, outcome int, minMove float64) int {
	n := 0
	for b := range open {
		if len(open[b]) <= outcome || len(close[b]) <= outcome {
			continue
		}
		m := Move(open[b], close[b], outcome)
		if (consensusMove > 0 && m <= -minMove) || (consensusMove < 0 && m >= minMove) {
			n++
		}
	}
	return n
}

// Spread is the range (max − min) of outcome's probability across books: the
// cross-book divergence at one snapshot. Books without the outcome are skipped.
func Spread(books [][]float64, outcome int) float64 {
	lo, hi, seen := 0.0, 0.0, false
	for _, b := range books {
		if len(b) <= outcome {
			continue
		}
		if !seen || b[outcome] < lo {
			lo = b[outcome]
		}
		if !seen || b[outcome] > hi {
			hi = b[outcome]
		}
		seen = true
	}
	return hi - lo
}
