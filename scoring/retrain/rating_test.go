package retrain

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/podium-sport/podium/datasets/storetest"
	"github.com/podium-sport/podium/models/integrity"
)

// TestRetrainRatingFootball retrains the football Elo twice on the
// simulator's league (910 matches whatever the number of athletes): the
// same data gives the same artifact, the champion's artifact decodes to
// the fitted K and home advantage, and the held-out split covers every
// match.
func TestRetrainRatingFootball(t *testing.T) {
	st := simStore(t, 200, 4)
	ctx := context.Background()
	var reps [2]*Report
	for i := range reps {
		rep, err := Run(ctx, st, Options{Models: []string{RatingFootball}, Seed: 11, Actor: "test"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		reps[i] = rep
	}
	a, b := reps[0].Versions[0], reps[1].Versions[0]
	if a.SHA256 != b.SHA256 || a.Version != 1 || b.Version != 2 || !a.Promoted || !b.Promoted {
		t.Fatalf("versions %+v and %+v: want the same sha256, both promoted", a, b)
	}
	var m RatingMetrics
	if err := json.Unmarshal(a.Metrics, &m); err != nil {
		t.Fatal(err)
	}
	t.Logf("sim: %+v", m)
	if m.NTrain+m.NTest != 910 || m.TestFrom <= m.TrainTo || !(m.LogLoss > 0) || !(m.BaselineLogLoss > 0) {
		t.Errorf("metrics %+v", m)
	}
	mv, art, err := st.LoadModel(ctx, RatingFootball, 0)
	if err != nil || mv.Version != 2 {
		t.Fatalf("champion v%d: %v", mv.Version, err)
	}
	cfg, err := DecodeRating(art)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.KScale != m.K || cfg.HomeAdvantage != m.HomeAdvantage || cfg.KShape != 0 || cfg.Scale != 400 {
		t.Errorf("decoded %+v, metrics say K %v home %v", cfg, m.K, m.HomeAdvantage)
	}
}

// TestRetrainRatingFootballSkipped: a store without football matches has
// nothing to fit the Elo on; the model is reported as skipped.
func TestRetrainRatingFootballSkipped(t *testing.T) {
	st := storetest.Open(t)
	rep, err := Run(context.Background(), st, Options{Models: []string{RatingFootball}, Actor: "test"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	v := rep.Versions[0]
	if v.Model != RatingFootball || v.Version != 0 || v.SHA256 != "" || !strings.Contains(v.Reason, "skipped: ") ||
		!strings.Contains(v.Reason, "0 played football matches") {
		t.Errorf("version %+v, want skipped", v)
	}
}

// validRating is an artifact as fitRating writes it.
func validRating(t testing.TB, edit func(*ratingArtifact)) []byte {
	a := ratingArtifact{Format: ratingFormat, AsOf: "2018-05-14", Draws: ratingDraws,
		Elo:  eloParams{Initial: 1500, Scale: 400, KScale: 15, HomeAdvantage: 50},
		Grid: integrity.DefaultEloGrid(), Holdout: ratingHoldout}
	if edit != nil {
		edit(&a)
	}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeRating(t *testing.T) {
	for _, tc := range []struct {
		name     string
		artifact []byte
		want     string // in the error; "" for none
	}{
		{"valid", validRating(t, nil), ""},
		{"empty", nil, "EOF"},
		{"not JSON", []byte("talent board"), "invalid character"},
		{"other format", validRating(t, func(a *ratingArtifact) { a.Format = "podium/rating-football/v2" }), `format "podium/rating-football/v2"`},
		{"other draws", validRating(t, func(a *ratingArtifact) { a.Draws = "" }), "with draws"},
		{"no scale", validRating(t, func(a *ratingArtifact) { a.Elo.Scale = 0 }), "scale must be positive"},
		{"negative K", validRating(t, func(a *ratingArtifact) { a.Elo.KScale = -20 }), "K scale must be positive"},
		{"bad date", validRating(t, func(a *ratingArtifact) { a.AsOf = "yesterday" }), "as_of"},
		{"unknown field", []byte(strings.Replace(string(validRating(t, nil)), `"format"`, `"extra":1,"format"`, 1)), "unknown field"},
		{"trailing data", append(validRating(t, nil), []byte(" {}")...), "data after"},
		{"huge number", []byte(strings.Replace(string(validRating(t, nil)), `"k_scale":15`, `"k_scale":1e999`, 1)), "k_scale"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := DecodeRating(tc.artifact)
			switch {
			case tc.want == "" && err != nil:
				t.Fatal(err)
			case tc.want == "" && (cfg.KScale != 15 || cfg.HomeAdvantage != 50 || cfg.Scale != 400 || cfg.Initial != 1500):
				t.Errorf("decoded %+v", cfg)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want) ||
				!strings.HasPrefix(err.Error(), "retrain: rating-football artifact: ")):
				t.Errorf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
}

// FuzzDecodeRating: whatever the bytes, DecodeRating either refuses them or
// returns a configuration the Elo accepts and that survives a round trip.
func FuzzDecodeRating(f *testing.F) {
	f.Add(validRating(f, nil))
	f.Add(validRating(f, func(a *ratingArtifact) { a.Elo.KShape, a.Elo.KOffset = 0.4, 5 }))
	f.Add([]byte(`{"format":"podium/rating-football/v1"}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		cfg, err := DecodeRating(b)
		if err != nil {
			return
		}
		again, err := DecodeRating(validRating(t, func(a *ratingArtifact) { a.Elo = eloParams(cfg) }))
		if err != nil || again != cfg {
			t.Fatalf("accepted %q as %+v, round trip %+v, %v", b, cfg, again, err)
		}
	})
}
