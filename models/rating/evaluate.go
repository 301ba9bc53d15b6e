package rating

import (
	"errors"
	"fmt"
	"math"
	"time"
)

// ErrUnsorted is returned by Evaluate when the matches are not in date
// order.
var ErrUnsorted = errors.New("rating: matches not sorted by date")

// ErrNoMatches is returned by Evaluate when no match falls in the
// evaluation window.
var ErrNoMatches = errors.New("rating: no matches in the evaluation window")

// probClip bounds predicted probabilities away from 0 and 1 in the
// log-loss so that one certain-but-wrong prediction gives a large finite
// loss rather than +Inf.
const probClip = 1e-15

// Bin is one row of a calibration table: the predictions that fell in
// [Lo, Hi) (the last bin includes 1).
type Bin struct {
	Lo, Hi float64
	// N is the number of predictions in the bin.
	N int
	// MeanPredicted is the mean predicted probability that A wins.
	MeanPredicted float64
	// Observed is the mean score of A (the win rate, draws counting 0.5).
	// Both means are NaN when N is 0.
	Observed float64
}

// Metrics scores a set of probability forecasts of A's score.
type Metrics struct {
	// N is the number of matches scored.
	N int
	// LogLoss is the mean of −[y·ln p + (1−y)·ln(1−p)] in nats, with y the
	// score of A and p clipped to [1e-15, 1−1e-15]. A constant 0.5 scores
	// ln 2 ≈ 0.693.
	LogLoss float64
	// Brier is the mean of (p − y)². A constant 0.5 scores 0.25.
	Brier float64
	// Accuracy is the share of decided (non-drawn) matches whose winner had
	// p > 0.5; a prediction of exactly 0.5 counts as half right.
	Accuracy float64
	// Decided is the number of non-drawn matches behind Accuracy.
	Decided int
	// Calibration has ten bins of width 0.1 of the predicted probability.
	Calibration []Bin
}

// Report is the outcome of a back-test.
type Report struct {
	// Elo scores the rating system's pre-match probabilities (Elo for
	// Evaluate, the system given for Backtest).
	Elo Metrics
	// Constant scores the forecast 0.5 for every match.
	Constant Metrics
	// Rank scores the ranking baseline: the better-ranked player wins with
	// probability PFav; 0.5 when either rank is unknown or they are equal.
	Rank Metrics
	// PFav is the favourite's win rate on the ranked matches before from,
	// and PFavN the number of those matches. PFav is 0.5 when PFavN is 0.
	PFav  float64
	PFavN int
	// RankKnown is the number of scored matches where both ranks were known
	// and different, so the ranking baseline did not fall back to 0.5.
	RankKnown int
}

// Evaluate runs an Elo system with cfg over all matches in order and scores
// only its predictions for matches dated in [from, to): walk-forward, each
// prediction uses only the matches before it, including those of the
// scoring window itself. Matches dated on or after to are not used.
//
// matches must be sorted by date (ErrUnsorted otherwise); A and B must
// differ in every match.
func Evaluate(cfg Config, matches []Match, from, to time.Time) (Report, error) {
	s, err := New(cfg)
	if err != nil {
		return Report{}, err
	}
	return Backtest(s, matches, from, to)
}

// Updater is a rating system that predicts a match and then learns from it.
type Updater interface {
	// Update returns the pre-match probability that A wins m, then
	// updates the ratings with its result.
	Update(m Match) (pa float64)
}

var (
	_ Updater = (*System)(nil)
	_ Updater = (*Glicko2)(nil)
)

// Backtest is Evaluate for any fresh rating system u (Elo, Glicko-2); the
// Elo field of the Report then holds u's scores. u must not have seen any
// match yet.
func Backtest(u Updater, matches []Match, from, to time.Time) (Report, error) {
	if !from.Before(to) {
		return Report{}, fmt.Errorf("rating: evaluation window [%s, %s) is empty",
			from.Format(time.DateOnly), to.Format(time.DateOnly))
	}
	for i, m := range matches {
		if m.A == m.B {
			return Report{}, fmt.Errorf("rating: match %d: player %d plays himself", i, m.A)
		}
		if i > 0 && m.Date.Before(matches[i-1].Date) {
			return Report{}, fmt.Errorf("%w: match %d dated %s follows %s", ErrUnsorted, i,
				m.Date.Format(time.DateOnly), matches[i-1].Date.Format(time.DateOnly))
		}
	}
	// The favourite's win rate is measured on the training period only, so
	// the baseline, like Elo, never sees the outcomes it is scored on.
	var favWins float64
	var favN int
	for _, m := range matches {
		if !m.Date.Before(from) {
			break
		}
		if fav, ok := favourite(m); ok {
			favN++
			if fav {
				favWins += m.Score()
			} else {
				favWins += 1 - m.Score()
			}
		}
	}
	pFav := 0.5
	if favN > 0 {
		pFav = favWins / float64(favN)
	}

	var elo, cst, rnk scorer
	rankKnown := 0
	for _, m := range matches {
		if !m.Date.Before(to) {
			break
		}
		p := u.Update(m)
		if m.Date.Before(from) {
			continue
		}
		y := m.Score()
		elo.add(p, y)
		cst.add(0.5, y)
		pr := 0.5
		if fav, ok := favourite(m); ok {
			rankKnown++
			if fav {
				pr = pFav
			} else {
				pr = 1 - pFav
			}
		}
		rnk.add(pr, y)
	}
	if elo.n == 0 {
		return Report{}, ErrNoMatches
	}
	return Report{
		Elo: elo.metrics(), Constant: cst.metrics(), Rank: rnk.metrics(),
		PFav: pFav, PFavN: favN, RankKnown: rankKnown,
	}, nil
}

// favourite reports whether A is the better-ranked player; ok is false when
// either rank is unknown or the ranks are equal.
func favourite(m Match) (aFav, ok bool) {
	if m.ARank <= 0 || m.BRank <= 0 || m.ARank == m.BRank {
		return false, false
	}
	return m.ARank < m.BRank, true
}

const nBins = 10

// scorer accumulates forecast scores.
type scorer struct {
	n, decided     int
	logLoss, brier float64
	correct        float64
	binN           [nBins]int
	binP, binY     [nBins]float64
}

func (sc *scorer) add(p, y float64) {
	sc.n++
	q := math.Min(math.Max(p, probClip), 1-probClip)
	sc.logLoss -= y*math.Log(q) + (1-y)*math.Log(1-q)
	sc.brier += (p - y) * (p - y)
	if y != 0.5 {
		sc.decided++
		switch {
		case p == 0.5:
			sc.correct += 0.5
		case (p > 0.5) == (y == 1):
			sc.correct++
		}
	}
	b := int(p * nBins)
	if b >= nBins {
		b = nBins - 1
	}
	if b < 0 {
		b = 0
	}
	sc.binN[b]++
	sc.binP[b] += p
	sc.binY[b] += y
}

func (sc *scorer) metrics() Metrics {
	m := Metrics{N: sc.n, Decided: sc.decided, Accuracy: math.NaN()}
	if sc.n > 0 {
		m.LogLoss = sc.logLoss / float64(sc.n)
		m.Brier = sc.brier / float64(sc.n)
	}
	if sc.decided > 0 {
		m.Accuracy = sc.correct / float64(sc.decided)
	}
	m.Calibration = make([]Bin, nBins)
	for i := range m.Calibration {
		b := Bin{Lo: float64(i) / nBins, Hi: float64(i+1) / nBins, N: sc.binN[i],
			MeanPredicted: math.NaN(), Observed: math.NaN()}
		if b.N > 0 {
			b.MeanPredicted = sc.binP[i] / float64(b.N)
			b.Observed = sc.binY[i] / float64(b.N)
		}
		m.Calibration[i] = b
	}
	return m
}
