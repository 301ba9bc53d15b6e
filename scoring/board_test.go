package scoring

import (
	"context"
	"math"
	"sync"
	"testing"
	"time"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/sim"
	"github.com/podium-sport/podium/datasets/storetest"
)

var (
	simOnce  sync.Once
	simStore *datasets.Store
	simErr   error
)

// simulated returns a store with 3,000 simulated athletes (seed 1), shared by
// the tests of the package.
func simulated(t *testing.T) *datasets.Store {
	t.Helper()
	simOnce.Do(func() {
		st, err := datasets.Open(context.Background(), "")
		if err != nil {
			simErr = err
			return
		}
		_, simErr = sim.Generate(context.Background(), st, sim.Config{Athletes: 3000, Seed: 1}, nil)
		simStore = st
	})
	if simErr != nil {
		t.Fatal(simErr)
	}
	return simStore
}

func outcomesOf(st *datasets.Store) Outcomes {
	return func(ctx context.Context) (map[int64]string, error) {
		o, err := st.Outcomes(ctx, sim.Source)
		if err != nil {
			return nil, err
		}
		out := make(map[int64]string, len(o))
		for id, v := range o {
			out[id] = v.SeniorLevel
		}
		return out, nil
	}
}

var (
	boardOnce sync.Once
	simBoard  *Board
	boardErr  error
)

// board is the board of the simulated store as of 2026-01-01 (seed 1),
// shared by the tests of the package.
func board(t *testing.T) *Board {
	t.Helper()
	st := simulated(t)
	boardOnce.Do(func() {
		start := time.Now()
		simBoard, boardErr = Build(context.Background(), st, outcomesOf(st), Config{AsOf: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Seed: 1})
		t.Logf("board built in %v", time.Since(start))
	})
	if boardErr != nil {
		t.Fatal(boardErr)
	}
	return simBoard
}

func TestBuildOnSimulatedData(t *testing.T) {
	b := board(t)
	t.Logf("board of %d rows; trained on %d (%d elite) born ≤ %d; CV %+v",
		len(b.Rows), b.TrainN, b.TrainElite, b.TrainBornTo, b.Training.OutOfFold)
	if len(b.Rows) < 2500 || b.TrainN < 500 || b.TrainElite < 10 || b.Untrained != "" {
		t.Fatalf("board: %d rows, %d trained (%d elite), untrained %q", len(b.Rows), b.TrainN, b.TrainElite, b.Untrained)
	}
	prev := 2.0
	for _, r := range b.Rows {
		p := float64(r.PElite.Est)
		if !(p >= 0 && p <= 1) || p > prev || len(r.Reasons) == 0 {
			t.Fatalf("row %+v (previous P %v)", r, prev)
		}
		prev = p
	}
	forecasts := 0
	for _, r := range b.Rows {
		if !math.IsNaN(float64(r.Forecast.Est)) {
			forecasts++
		}
	}
	if forecasts < len(b.Rows)*9/10 {
		t.Errorf("only %d of %d rows have a forecast", forecasts, len(b.Rows))
	}
	t.Logf("top: %+v", b.Rows[0])
}

func TestBuildWithoutOutcomesRanksByLevel(t *testing.T) {
	st := storetest.Open(t)
	if _, err := sim.Generate(context.Background(), st, sim.Config{Athletes: 400, Seed: 2}, nil); err != nil {
		t.Fatal(err)
	}
	b, err := Build(context.Background(), st, nil, Config{AsOf: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if b.Untrained == "" || len(b.Rows) == 0 {
		t.Fatalf("untrained %q, %d rows", b.Untrained, len(b.Rows))
	}
}
