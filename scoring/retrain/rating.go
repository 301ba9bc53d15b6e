package retrain

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/podium-sport/podium/models/integrity"
	"github.com/podium-sport/podium/models/rating"
)

// RatingFootball is the football Elo the match-fixing detector prices
// matches with (models/integrity FitElo).
const RatingFootball = "rating-football"

const (
	ratingFormat     = "podium/rating-football/v1"
	ratingDraws      = "walk-forward draw ratio" // eloPrices: P(draw) = r·2·min(E, 1−E), r learned from earlier days
	ratingFeatures   = "football-results/v1"     // date, home, away, full-time score
	ratingHoldout    = 0.2                       // share of match days held out
	minRatingMatches = 200
)

// ratingArtifact is the stored form of a rating-football version.
type ratingArtifact struct {
	Format  string            `json:"format"`
	AsOf    string            `json:"as_of"`
	Elo     eloParams         `json:"elo"`
	Draws   string            `json:"draws"`
	Grid    integrity.EloGrid `json:"grid"`
	Holdout float64           `json:"holdout"`
}

// eloParams is rating.Config with stable JSON names (convertible both ways).
type eloParams struct {
	Initial       float64 `json:"initial"`
	Scale         float64 `json:"scale"`
	KScale        float64 `json:"k_scale"`
	KOffset       float64 `json:"k_offset"`
	KShape        float64 `json:"k_shape"`
	HomeAdvantage float64 `json:"home_advantage"`
}

// RatingMetrics are the held-out figures of a rating-football version:
// the last fifth of the match days, priced walk-forward.
type RatingMetrics struct {
	LogLoss         float64 `json:"log_loss"`          // the fitted Elo, 1x2, nats
	DefaultLogLoss  float64 `json:"default_log_loss"`  // the built-in K 20, home advantage 35
	BaselineLogLoss float64 `json:"baseline_log_loss"` // the training shares of home wins, draws and away wins
	Brier           float64 `json:"brier"`             // multi-class Brier (0–2) of the same three
	DefaultBrier    float64 `json:"default_brier"`
	BaselineBrier   float64 `json:"baseline_brier"`
	TrainLogLoss    float64 `json:"train_log_loss"` // recency-weighted, what chose K and home advantage
	NTrain          int     `json:"n_train"`
	NTest           int     `json:"n_test"`
	TrainFrom       string  `json:"train_from"`
	TrainTo         string  `json:"train_to"`
	TestFrom        string  `json:"test_from"`
	TestTo          string  `json:"test_to"`
	AsOf            string  `json:"as_of"`
	K               float64 `json:"k"`
	HomeAdvantage   float64 `json:"home_advantage"`
}

// allTime is a cut-off after every match: the data's own latest date, not
// the clock, sets the as-of date.
var allTime = time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)

// fitRating fits the football Elo on every played football match.
func fitRating(ctx context.Context, st Store, _ Options, progress Progress) (*candidate, error) {
	progress("loading football results", 0)
	ms, err := integrity.LoadResults(ctx, st, allTime)
	if err != nil {
		return nil, err
	}
	if len(ms) < minRatingMatches {
		return nil, fmt.Errorf("retrain: %d played football matches, need %d: %w", len(ms), minRatingMatches, errNoData)
	}
	progress("fitting K and home advantage", 20)
	grid := integrity.DefaultEloGrid()
	fit, err := integrity.FitElo(ms, ratingHoldout, grid)
	if err != nil {
		return nil, err
	}
	asOf := ms[len(ms)-1].Date.AddDate(0, 0, 1).Format(time.DateOnly)
	art, err := json.Marshal(ratingArtifact{Format: ratingFormat, AsOf: asOf, Elo: eloParams(fit.Config), Draws: ratingDraws,
		Grid: grid, Holdout: ratingHoldout})
	if err != nil {
		return nil, err
	}
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	m := RatingMetrics{LogLoss: fit.Fitted.LogLoss, DefaultLogLoss: fit.Default.LogLoss, BaselineLogLoss: fit.BaseRate.LogLoss,
		Brier: fit.Fitted.Brier, DefaultBrier: fit.Default.Brier, BaselineBrier: fit.BaseRate.Brier,
		TrainLogLoss: fit.TrainLogLoss, NTrain: fit.Train.N, NTest: fit.Test.N,
		TrainFrom: day(fit.Train.From), TrainTo: day(fit.Train.To), TestFrom: day(fit.Test.From), TestTo: day(fit.Test.To),
		AsOf: asOf, K: fit.Config.KScale, HomeAdvantage: fit.Config.HomeAdvantage}
	return &candidate{artifact: art, metrics: m, logLoss: m.LogLoss, featureSet: ratingFeatures,
		fingerprint: resultsFingerprint(ms)}, nil
}

// resultsFingerprint summarises the matches the Elo learned from.
func resultsFingerprint(ms []integrity.Match) string {
	h := sha256.New()
	for _, m := range ms {
		fmt.Fprintf(h, "%d,%s,%d,%d\n", m.ID, m.Date.Format(time.DateOnly), m.HomeGoals, m.AwayGoals)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// errRatingArtifact marks an artifact DecodeRating cannot use.
var errRatingArtifact = errors.New("retrain: " + RatingFootball + " artifact")

// DecodeRating reads the Elo configuration of a rating-football artifact.
// It rejects other formats, unknown fields, trailing data and
// configurations the Elo cannot run with (non-positive scale or K, a
// non-finite initial rating or home advantage).
func DecodeRating(artifact []byte) (rating.Config, error) {
	dec := json.NewDecoder(bytes.NewReader(artifact))
	dec.DisallowUnknownFields()
	var a ratingArtifact
	if err := dec.Decode(&a); err != nil {
		return rating.Config{}, fmt.Errorf("%w: %w", errRatingArtifact, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return rating.Config{}, fmt.Errorf("%w: data after the JSON object", errRatingArtifact)
	}
	if a.Format != ratingFormat || a.Draws != ratingDraws {
		return rating.Config{}, fmt.Errorf("%w: format %q with draws %q, want %q with %q", errRatingArtifact,
			a.Format, a.Draws, ratingFormat, ratingDraws)
	}
	if _, err := time.Parse(time.DateOnly, a.AsOf); err != nil {
		return rating.Config{}, fmt.Errorf("%w: as_of: %w", errRatingArtifact, err)
	}
	cfg := rating.Config(a.Elo)
	if _, err := rating.New(cfg); err != nil {
		return rating.Config{}, fmt.Errorf("%w: %w", errRatingArtifact, err)
	}
	return cfg, nil
}
