package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/sim"
	"github.com/podium-sport/podium/models/integrity"
)

// extraSeed is the seed of the first generated league; its athletes are
// few (the league does not depend on them).
const (
	extraSeed     = 101
	leagueAthlete = 50
)

// league is one simulated league scored by the detector, with the source
// ids of its planted fixes (read from the truth table: only evaluations do).
type league struct {
	name   string
	scored []integrity.Scored
	fixed  map[string]bool
}

// loadLeague scores every match of the store and reads its planted fixes.
func loadLeague(ctx context.Context, st *datasets.Store, name string) (league, error) {
	all, err := integrity.Load(ctx, st, time.Now())
	if err != nil {
		return league{}, err
	}
	scored, err := integrity.Score(all, integrity.Default())
	if err != nil {
		return league{}, err
	}
	rows, err := st.Query(ctx, `SELECT subject FROM truth_events WHERE kind = ?`, sim.KindFixedMatch)
	if err != nil {
		return league{}, fmt.Errorf("planted fixes: %w", err)
	}
	defer rows.Close()
	l := league{name: name, scored: scored, fixed: map[string]bool{}}
	for rows.Next() {
		var subject string
		if err := rows.Scan(&subject); err != nil {
			return league{}, fmt.Errorf("planted fixes: %w", err)
		}
		l.fixed[subject] = true
	}
	return l, rows.Err()
}

// moreLeagues generates n simulated leagues, each in its own store in a
// temporary folder (a store holds one league: the detector's goal and Elo
// models learn from every match it holds), and scores them.
func moreLeagues(ctx context.Context, n int) ([]league, error) {
	if n <= 0 {
		return nil, nil
	}
	dir, err := os.MkdirTemp("", "podium-integrity-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	var out []league
	for i := range n {
		seed := uint64(extraSeed + i)
		l, err := generated(ctx, filepath.Join(dir, fmt.Sprintf("league%d.duckdb", seed)), seed)
		if err != nil {
			return nil, fmt.Errorf("league of seed %d: %w", seed, err)
		}
		out = append(out, l)
	}
	return out, nil
}

func generated(ctx context.Context, path string, seed uint64) (league, error) {
	st, err := datasets.Open(ctx, path)
	if err != nil {
		return league{}, err
	}
	defer st.Close()
	if _, err := sim.Generate(ctx, st, sim.Config{Athletes: leagueAthlete, Seed: seed}, nil); err != nil {
		return league{}, err
	}
	return loadLeague(ctx, st, fmt.Sprintf("simulated, seed %d", seed))
}
