package main

import (
	"context"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/models/integrity"
)

// detectMatches runs the match-fixing detector (models/integrity) with its
// default thresholds: suspicious matches and team or referee runs.
func detectMatches(ctx context.Context, st *datasets.Store) ([]datasets.NewAlert, any, error) {
	alerts, sum, err := integrity.Detect(ctx, st, integrity.Default())
	if err != nil {
		return nil, nil, err
	}
	return alerts, sum, nil
}
