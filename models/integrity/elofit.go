package integrity

import (
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/podium-sport/podium/models/rating"
)

// EloGrid is the candidate constant K factors and home advantages, both in
// Elo points, that FitElo searches.
type EloGrid struct {
	K    []float64 `json:"k"`
	Home []float64 `json:"home_advantage"`
}

// DefaultEloGrid is the grid podium retrain searches: 42 walk-forward
// passes over the training part (about 1 s on England's 58,000 matches).
// It holds the built-in K 20 and home advantage 35.
func DefaultEloGrid() EloGrid {
	return EloGrid{K: []float64{10, 15, 20, 25, 30, 40}, Home: []float64{0, 20, 35, 50, 65, 80, 100}}
}

// EloScore is the quality of 1x2 prices on a set of matches.
type EloScore struct {
	LogLoss float64 // mean −ln P(the result), nats
	Brier   float64 // mean Σ over home, draw, away of (P − 1{result})², 0–2
}

// EloPeriod is a run of matches: how many and their first and last dates.
type EloPeriod struct {
	N        int
	From, To time.Time
}

// EloFit is a football Elo fitted by FitElo and its held-out figures.
type EloFit struct {
	// Config is Default's Elo with the chosen K (constant: KShape 0) and
	// home advantage.
	Config       rating.Config
	Grid         EloGrid
	Train, Test  EloPeriod
	TrainLogLoss float64 // walk-forward log-loss of Config on the training part, recency-weighted
	// Held-out walk-forward scores of Config, of Default's built-in Elo, and
	// of the base rate (the training part's shares of home wins, draws and
	// away wins for every match).
	Fitted, Default, BaseRate EloScore
}

// errEloFit marks input FitElo cannot fit on.
var errEloFit = errors.New("integrity: elo fit")

// eloHalfLifeDays is the age, in days before the last training day, at
// which a match counts half when the grid points are compared. Home
// advantage has fallen over the decades (England, K 15: best at 55–65
// points over 1993–2013, at 50 over 2008–13), so recent days say more
// about the days to come than the whole history.
const eloHalfLifeDays = 3 * 365.25

// FitElo chooses K and the home advantage of the football Elo from grid
// and scores the choice on held-out days. The last holdout share of match
// days is held out; the grid points are compared by walk-forward 1x2
// log-loss (the prices of eloPrices) on the training part, each match
// weighted by 2^(−age/3 years), age before the last training day; the
// held-out days are then priced walk-forward, the ratings learning from
// every earlier day, as when the detector runs. ms must be played matches
// in date order. Ties go to the first grid point (K, then home advantage,
// in grid order), so the same matches give the same fit.
func FitElo(ms []Match, holdout float64, grid EloGrid) (*EloFit, error) {
	split, err := eloSplit(ms, holdout)
	if err != nil {
		return nil, err
	}
	if len(grid.K) == 0 || len(grid.Home) == 0 {
		return nil, fmt.Errorf("%w: empty grid (%d K factors, %d home advantages)", errEloFit, len(grid.K), len(grid.Home))
	}
	train := ms[:split]
	fit := &EloFit{Grid: grid, Train: period(train), Test: period(ms[split:])}
	if fit.Config, fit.TrainLogLoss, err = searchElo(train, grid); err != nil {
		return nil, err
	}
	if fit.Fitted, err = heldOut(ms, split, fit.Config); err != nil {
		return nil, err
	}
	if fit.Default, err = heldOut(ms, split, footballElo()); err != nil {
		return nil, err
	}
	fit.BaseRate = score1x2(baseRate(train, fit.Test.N), ms[split:], nil)
	return fit, nil
}

// searchElo returns the grid point with the lowest recency-weighted
// walk-forward log-loss on train, and that loss.
func searchElo(train []Match, grid EloGrid) (rating.Config, float64, error) {
	last := train[len(train)-1].Date
	w := make([]float64, len(train))
	for i := range train {
		w[i] = math.Exp2(-last.Sub(train[i].Date).Hours() / 24 / eloHalfLifeDays)
	}
	var best rating.Config
	bestLoss := math.Inf(1)
	for _, k := range grid.K {
		for _, h := range grid.Home {
			cfg := footballElo()
			cfg.KScale, cfg.KOffset, cfg.KShape, cfg.HomeAdvantage = k, 0, 0, h
			p, err := eloPrices(train, cfg)
			if err != nil {
				return rating.Config{}, 0, err
			}
			if s := score1x2(p, train, w); s.LogLoss < bestLoss {
				best, bestLoss = cfg, s.LogLoss
			}
		}
	}
	return best, bestLoss, nil
}

func period(ms []Match) EloPeriod { return EloPeriod{len(ms), ms[0].Date, ms[len(ms)-1].Date} }

// eloSplit checks ms and returns the index of the first held-out match:
// the first of the last round(holdout × days) match days (at least one,
// and at least one day left to train on).
func eloSplit(ms []Match, holdout float64) (int, error) {
	if !(holdout > 0 && holdout < 1) {
		return 0, fmt.Errorf("%w: held-out share %v is not between 0 and 1", errEloFit, holdout)
	}
	var starts []int // index of each day's first match
	for i := range ms {
		if ms[i].Outcome() < 0 {
			return 0, fmt.Errorf("%w: match %d (%s v %s) has no score", errEloFit, ms[i].ID, ms[i].Home, ms[i].Away)
		}
		if i > 0 && ms[i].Date.Before(ms[i-1].Date) {
			return 0, fmt.Errorf("%w: match %d dated %s after one dated %s; sort matches by date", errEloFit,
				ms[i].ID, ms[i].Date.Format(time.DateOnly), ms[i-1].Date.Format(time.DateOnly))
		}
		if i == 0 || !ms[i].Date.Equal(ms[i-1].Date) {
			starts = append(starts, i)
		}
	}
	if len(starts) < 2 {
		return 0, fmt.Errorf("%w: %d match days, need at least 2", errEloFit, len(starts))
	}
	n := min(max(int(math.Round(holdout*float64(len(starts)))), 1), len(starts)-1)
	return starts[len(starts)-n], nil
}

// heldOut prices every match walk-forward with cfg and scores those from
// index split on.
func heldOut(ms []Match, split int, cfg rating.Config) (EloScore, error) {
	p, err := eloPrices(ms, cfg)
	if err != nil {
		return EloScore{}, err
	}
	return score1x2(p[split:], ms[split:], nil), nil
}

// baseRate prices n matches at the shares of home wins, draws and away
// wins among ms.
func baseRate(ms []Match, n int) []Price {
	var share Price
	for i := range ms {
		share[ms[i].Outcome()] += 1 / float64(len(ms))
	}
	out := make([]Price, n)
	for i := range out {
		out[i] = share
	}
	return out
}

// score1x2 is the mean log-loss and Brier score of prices p on the results
// of ms (same length), weighted by w (nil: equal weights). A zero
// probability of the result is taken as 1e-15.
func score1x2(p []Price, ms []Match, w []float64) EloScore {
	var s EloScore
	total := 0.0
	for i := range ms {
		wi := 1.0
		if w != nil {
			wi = w[i]
		}
		o := ms[i].Outcome()
		s.LogLoss -= wi * math.Log(max(p[i][o], 1e-15))
		for j := range p[i] {
			y := 0.0
			if j == o {
				y = 1
			}
			s.Brier += wi * (p[i][j] - y) * (p[i][j] - y)
		}
		total += wi
	}
	return EloScore{s.LogLoss / total, s.Brier / total}
}
