package rating

import (
	"errors"
	"math"
	"testing"
	"time"
)

func day(d int) time.Time { return time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, d) }

func TestK(t *testing.T) {
	// K = 250/(m+5)^0.4: 5^0.4 = e^(0.4·ln 5) = 1.9036539, 6^0.4 = 2.0476725.
	tests := []struct {
		name string
		m    int
		want float64
	}{
		{name: "new player", m: 0, want: 250 / 1.9036539387158786},  // 131.32639
		{name: "one match", m: 1, want: 250 / 2.0476725110792193},   // 122.08984
		{name: "95 matches", m: 95, want: 250 / math.Pow(100, 0.4)}, // 250/6.3095734 = 39.62232
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tennis().K(tt.m); math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("K(%d) = %v, want %v", tt.m, got, tt.want)
			}
		})
	}
}

func TestUpdate(t *testing.T) {
	football := Config{Initial: 1500, Scale: 400, KScale: 20, HomeAdvantage: 100} // constant K = 20
	tests := []struct {
		name    string
		cfg     Config
		matches []Match
		wantPa  []float64
		want    map[int64]float64
	}{
		{
			// E = 0.5 (equal ratings); K(0) = 250/5^0.4 = 131.32639;
			// winner 1500 + 131.32639·0.5 = 1565.66320, loser 1434.33680.
			name:    "two newcomers",
			cfg:     Tennis(),
			matches: []Match{{Date: day(0), A: 1, B: 2, AWon: true}},
			wantPa:  []float64{0.5},
			want:    map[int64]float64{1: 1565.6631951, 2: 1434.3368049},
		},
		{
			// Match 2: player 1 (1565.66320, 1 match, K(1) = 250/6^0.4 =
			// 122.08984) loses to newcomer 3 (1500, K(0) = 131.32639).
			// E = 1/(1+10^((1500−1565.66320)/400)) = 1/(1+0.68523890) = 0.59338768.
			// Player 1: 1565.66320 − 122.08984·0.59338768 = 1493.21659;
			// player 3: 1500 + 131.32639·0.59338768 = 1577.92746.
			name: "upset by a newcomer uses each player's own K",
			cfg:  Tennis(),
			matches: []Match{
				{Date: day(0), A: 1, B: 2, AWon: true},
				{Date: day(1), A: 1, B: 3, AWon: false},
			},
			wantPa: []float64{0.5, 0.5933876777},
			want:   map[int64]float64{1: 1493.2165912, 2: 1434.3368049, 3: 1577.9274617},
		},
		{
			// Home draw, H = 100: E = 1/(1+10^(−100/400)) = 1/1.56234133 = 0.64006500.
			// A: 1500 + 20·(0.5 − 0.64006500) = 1497.19870; B: 1502.80130.
			name:    "home draw with constant K",
			cfg:     football,
			matches: []Match{{Date: day(0), A: 7, B: 8, AHome: true, Draw: true}},
			wantPa:  []float64{0.6400649998},
			want:    map[int64]float64{7: 1497.1987000, 8: 1502.8013000},
		},
		{
			// Same draw on neutral ground: E = 0.5, nothing moves.
			name:    "neutral draw between equals",
			cfg:     football,
			matches: []Match{{Date: day(0), A: 7, B: 8, Draw: true}},
			wantPa:  []float64{0.5},
			want:    map[int64]float64{7: 1500, 8: 1500},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := New(tt.cfg)
			if err != nil {
				t.Fatal(err)
			}
			for i, m := range tt.matches {
				if got := s.Update(m); math.Abs(got-tt.wantPa[i]) > 1e-9 {
					t.Errorf("match %d: pa = %.10f, want %.10f", i, got, tt.wantPa[i])
				}
			}
			for id, want := range tt.want {
				if got, _ := s.Rating(id); math.Abs(got-want) > 1e-6 {
					t.Errorf("rating(%d) = %.7f, want %.7f", id, got, want)
				}
			}
		})
	}
}

func TestNewRejectsBadConfig(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
	}{
		{name: "zero value", cfg: Config{}},
		{name: "zero scale", cfg: Config{Initial: 1500, KScale: 32}},
		{name: "negative K offset", cfg: Config{Initial: 1500, Scale: 400, KScale: 250, KOffset: -1, KShape: 0.4}},
		{name: "NaN home advantage", cfg: Config{Initial: 1500, Scale: 400, KScale: 32, HomeAdvantage: math.NaN()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := New(tt.cfg); err == nil {
				t.Error("New accepted an invalid config")
			}
		})
	}
}

func TestUpdatePanicsOnProgrammerErrors(t *testing.T) {
	tests := []struct {
		name    string
		matches []Match
	}{
		{name: "out of date order", matches: []Match{{Date: day(5), A: 1, B: 2}, {Date: day(4), A: 1, B: 2}}},
		{name: "self match", matches: []Match{{Date: day(0), A: 1, B: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := New(Tennis())
			defer func() {
				if recover() == nil {
					t.Error("Update did not panic")
				}
			}()
			for _, m := range tt.matches {
				s.Update(m)
			}
		})
	}
}

// league returns a deterministic round robin of n players over many days,
// with outcomes from a fixed pseudo-random sequence (a linear congruential
// generator, so the test needs no seed handling).
func league(n, rounds int) []Match {
	var ms []Match
	x := uint64(12345)
	for r := 0; r < rounds; r++ {
		for a := 1; a <= n; a++ {
			for b := a + 1; b <= n; b++ {
				x = x*6364136223846793005 + 1442695040888963407
				// Higher ids are stronger: they win 70 % of the time.
				bWins := (x>>33)%10 < 7
				ms = append(ms, Match{Date: day(r), A: int64(a), B: int64(b), AWon: !bWins})
			}
		}
	}
	return ms
}

func TestHistoryIsATimeSeries(t *testing.T) {
	s, _ := New(Tennis())
	ms := league(6, 20)
	for _, m := range ms {
		s.Update(m)
	}
	for id := int64(1); id <= 6; id++ {
		h := s.History(id)
		// Each of 6 players meets 5 others in each of 20 rounds.
		if len(h) != 100 {
			t.Fatalf("player %d: %d points, want 100", id, len(h))
		}
		for i := range h {
			if h[i].Matches != i+1 {
				t.Errorf("player %d point %d: Matches = %d, want %d", id, i, h[i].Matches, i+1)
			}
			if i > 0 && h[i].Date.Before(h[i-1].Date) {
				t.Errorf("player %d: point %d dated %v before point %d dated %v", id, i, h[i].Date, i-1, h[i-1].Date)
			}
		}
		r, m := s.Rating(id)
		if last := h[len(h)-1]; last.Rating != r || last.Matches != m {
			t.Errorf("player %d: last point %+v disagrees with Rating = %v, %d", id, last, r, m)
		}
	}
	if s.History(99) != nil {
		t.Error("unknown player has a history")
	}
	// The strongest player (6) should end above the weakest (1).
	if r6, _ := s.Rating(6); r6 <= func() float64 { r, _ := s.Rating(1); return r }() {
		t.Errorf("player 6 rated %v, not above player 1", r6)
	}
}

// TestPredictionsUseOnlyEarlierMatches plants surprising results (the
// weakest player beats everybody) after the first half of a league and checks
// that no prediction of the first half changes, for every rating system.
func TestPredictionsUseOnlyEarlierMatches(t *testing.T) {
	base := league(5, 10)
	cut := len(base) / 2
	planted := append([]Match(nil), base[:cut]...)
	for b := int64(2); b <= 5; b++ {
		planted = append(planted, Match{Date: base[cut-1].Date, A: 1, B: b, AWon: true})
	}
	planted = append(planted, base[cut:]...)
	systems := []struct {
		name string
		make func() Updater
	}{
		{"elo", func() Updater { s, _ := New(Tennis()); return s }},
		{"glicko2", func() Updater { s, _ := NewGlicko2(Glicko2Tennis()); return s }},
	}
	for _, sys := range systems {
		t.Run(sys.name, func(t *testing.T) {
			run := func(ms []Match) []float64 {
				u := sys.make()
				ps := make([]float64, len(ms))
				for i, m := range ms {
					ps[i] = u.Update(m)
				}
				return ps
			}
			a, b := run(base), run(planted)
			for i := 0; i < cut; i++ {
				if a[i] != b[i] {
					t.Fatalf("prediction %d changed from %v to %v after planting later matches", i, a[i], b[i])
				}
			}
			// The planted results must move later predictions, or the
			// comparison above proves nothing.
			if b[len(b)-1] == a[len(a)-1] {
				t.Fatalf("planted matches changed no later prediction")
			}
		})
	}
}

func TestEvaluate(t *testing.T) {
	ms := []Match{
		// Training: the better-ranked player wins 3 of 4 → p_fav = 0.75.
		{Date: day(0), A: 1, B: 2, AWon: true, ARank: 1, BRank: 9},
		{Date: day(0), A: 3, B: 4, AWon: false, ARank: 8, BRank: 2},
		{Date: day(1), A: 1, B: 3, AWon: false, ARank: 1, BRank: 8},
		{Date: day(1), A: 2, B: 4, AWon: false, ARank: 9, BRank: 2},
		{Date: day(1), A: 5, B: 6, AWon: true}, // unranked: not counted in p_fav
		// Test window [day 2, day 3).
		{Date: day(2), A: 1, B: 4, AWon: true, ARank: 1, BRank: 2},
		{Date: day(2), A: 2, B: 3, AWon: true, ARank: 9, BRank: 0},
		// After the window: ignored.
		{Date: day(3), A: 1, B: 2, AWon: true, ARank: 1, BRank: 9},
	}
	rep, err := Evaluate(Tennis(), ms, day(2), day(3))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		got, want float64
	}{
		{name: "scored matches", got: float64(rep.Elo.N), want: 2},
		{name: "p_fav", got: rep.PFav, want: 0.75},
		{name: "p_fav matches", got: float64(rep.PFavN), want: 4},
		{name: "rank known", got: float64(rep.RankKnown), want: 1},
		// Constant 0.5: log-loss ln 2, Brier 0.25, accuracy ½ (ties count half).
		{name: "constant log-loss", got: rep.Constant.LogLoss, want: math.Ln2},
		{name: "constant Brier", got: rep.Constant.Brier, want: 0.25},
		{name: "constant accuracy", got: rep.Constant.Accuracy, want: 0.5},
		// Rank: match 1 favourite A wins with p = 0.75, match 2 falls back to 0.5.
		// Log-loss (−ln 0.75 + ln 2)/2 = (0.28768207 + 0.69314718)/2 = 0.49041462.
		{name: "rank log-loss", got: rep.Rank.LogLoss, want: (-math.Log(0.75) + math.Ln2) / 2},
		// Brier ((0.25)² + (0.5)²)/2 = 0.15625.
		{name: "rank Brier", got: rep.Rank.Brier, want: 0.15625},
		// Accuracy (1 + ½)/2 = 0.75.
		{name: "rank accuracy", got: rep.Rank.Accuracy, want: 0.75},
		// The calibration table holds each scored prediction once.
		{name: "rank calibration 0.7–0.8", got: float64(rep.Rank.Calibration[7].N), want: 1},
		{name: "rank calibration 0.5–0.6", got: float64(rep.Rank.Calibration[5].N), want: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if math.Abs(tt.got-tt.want) > 1e-12 {
				t.Errorf("got %v, want %v", tt.got, tt.want)
			}
		})
	}

	// Elo must equal a hand-run of Update over the same prefix.
	s, _ := New(Tennis())
	var ll float64
	for _, m := range ms[:7] {
		p := s.Update(m)
		if !m.Date.Before(day(2)) {
			ll -= math.Log(p) // A won both scored matches
		}
	}
	if math.Abs(rep.Elo.LogLoss-ll/2) > 1e-12 {
		t.Errorf("Elo log-loss = %v, want %v from a hand run", rep.Elo.LogLoss, ll/2)
	}
}

func TestEvaluateErrors(t *testing.T) {
	tests := []struct {
		name     string
		matches  []Match
		from, to time.Time
		is       error
	}{
		{name: "unsorted", matches: []Match{{Date: day(2), A: 1, B: 2}, {Date: day(1), A: 1, B: 2}},
			from: day(0), to: day(5), is: ErrUnsorted},
		{name: "empty window", matches: []Match{{Date: day(2), A: 1, B: 2}}, from: day(3), to: day(5), is: ErrNoMatches},
		{name: "reversed window", matches: []Match{{Date: day(2), A: 1, B: 2}}, from: day(5), to: day(3)},
		{name: "self match", matches: []Match{{Date: day(2), A: 1, B: 1}}, from: day(0), to: day(5)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Evaluate(Tennis(), tt.matches, tt.from, tt.to)
			if err == nil {
				t.Fatal("no error")
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("error %v is not %v", err, tt.is)
			}
		})
	}
}
