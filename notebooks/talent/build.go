package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/notebooks/report"
)

// errNoData marks a section whose data is not in the store: the page says
// so in a warning instead of failing.
var errNoData = errors.New("data not loaded")

// build writes the three sections; the relative-age one reads o.sim when
// set.
func (o *options) build(ctx context.Context, st *datasets.Store) (*report.Page, error) {
	simStore := st
	if o.sim != "" {
		s, err := datasets.Open(ctx, o.sim)
		if err != nil {
			return nil, fmt.Errorf("talent: --sim: %w", err)
		}
		defer s.Close()
		simStore = s
	}
	p := report.New("Podium talent identification")
	sections := []struct {
		name string
		run  func() error
	}{
		{"tennis back-test", func() error { return tennis(ctx, st, p, o) }},
		{"relative age", func() error { return relativeAge(ctx, simStore, p) }},
		{"swimmers", func() error { return swimmers(ctx, st, p, o) }},
	}
	for _, s := range sections {
		err := s.run()
		switch {
		case errors.Is(err, errNoData):
			p.Warn("Section %s left out: %v.", s.name, err)
		case err != nil:
			return nil, fmt.Errorf("talent: %s: %w", s.name, err)
		}
	}
	return p, nil
}
