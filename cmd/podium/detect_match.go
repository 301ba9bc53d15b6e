package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/models/integrity"
	"github.com/podium-sport/podium/models/rating"
	"github.com/podium-sport/podium/scoring/retrain"
)

// matchSummary is the match detector's summary and the football Elo it
// priced the matches with.
type matchSummary struct {
	*integrity.Summary
	Ratings string `json:"ratings"` // "rating-football v3 (K 15, home 50)" or "built-in K 20, home 35"
}

// detectMatches runs the match-fixing detector (models/integrity) with its
// default thresholds and the champion football Elo (model rating-football,
// podium retrain) when one is registered, the built-in one otherwise.
func detectMatches(ctx context.Context, st *datasets.Store) ([]datasets.NewAlert, any, error) {
	cfg := integrity.Default()
	elo, ratings, err := footballRatings(ctx, st, cfg.Elo)
	if err != nil {
		return nil, nil, err
	}
	cfg.Elo = elo
	alerts, sum, err := integrity.Detect(ctx, st, cfg)
	if err != nil {
		return nil, nil, err
	}
	return alerts, matchSummary{sum, ratings}, nil
}

// footballRatings returns the champion rating-football configuration and
// its name and version, or builtIn when no version was promoted. A corrupt
// or unreadable champion is an error: the detector must not silently fall
// back to other ratings than the registry says are in use.
func footballRatings(ctx context.Context, st *datasets.Store, builtIn rating.Config) (rating.Config, string, error) {
	mv, art, err := st.LoadModel(ctx, retrain.RatingFootball, 0)
	if errors.Is(err, datasets.ErrNotFound) {
		return builtIn, fmt.Sprintf("built-in K %g, home %g", builtIn.KScale, builtIn.HomeAdvantage), nil
	}
	if err != nil {
		return rating.Config{}, "", fmt.Errorf("champion football ratings: %w", err)
	}
	cfg, err := retrain.DecodeRating(art)
	if err != nil {
		return rating.Config{}, "", fmt.Errorf("champion football ratings %s version %d: %w", retrain.RatingFootball, mv.Version, err)
	}
	return cfg, fmt.Sprintf("%s v%d (K %g, home %g)", retrain.RatingFootball, mv.Version, cfg.KScale, cfg.HomeAdvantage), nil
}
