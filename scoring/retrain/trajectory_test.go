package retrain

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/podium-sport/podium/datasets/storetest"
	"github.com/podium-sport/podium/models/centile"
	"github.com/podium-sport/podium/models/trajectory"
	"github.com/podium-sport/podium/scoring"
)

func TestRetrainTrajectory(t *testing.T) {
	st := simStore(t, 400, 6)
	ctx := context.Background()
	o := Options{Models: []string{Trajectory}, Seed: 9, Actor: "test"}
	first, err := Run(ctx, st, o, nil)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Run(ctx, st, o, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, b := first.Versions[0], second.Versions[0]
	if a.SHA256 != b.SHA256 || a.Version != 1 || b.Version != 2 || !a.Promoted || !b.Promoted {
		t.Fatalf("versions %+v and %+v: want the same sha256 for the same data and seed, both promoted", a, b)
	}
	var m TrajectoryMetrics
	if err := json.Unmarshal(a.Metrics, &m); err != nil {
		t.Fatal(err)
	}
	t.Logf("held-out: MSE %.3g (curve %.3g, offset %.3g), NLPD %.3f (curve %.3f, offset %.3f), coverage %.3f, %d athletes, %d events",
		m.MSE, m.BaselineCurveMSE, m.BaselineOffsetMSE, m.NLPD, m.BaselineCurveNLPD, m.BaselineOffsetNLPD, m.Coverage95, m.NSeriesTest, m.Events)
	// The demo store's figures (scoring/retrain/trajectory.go) beat both
	// baselines by 40 % or more in MSE: a smaller store must still beat them.
	if m.LogLoss != m.MSE || !(m.MSE < m.BaselineOffsetMSE && m.BaselineOffsetMSE < m.BaselineCurveMSE) ||
		!(m.NLPD < m.BaselineOffsetNLPD) || m.Coverage95 < 0.85 || m.NSeriesTest < 20 || m.Events != len(m.PerEvent) {
		t.Errorf("held-out metrics %+v: want the model ahead of the offset baseline, itself ahead of the curve", m)
	}
	_, art, err := st.LoadModel(ctx, Trajectory, a.Version)
	if err != nil {
		t.Fatal(err)
	}
	var got trajectoryArtifact
	if err := json.Unmarshal(art, &got); err != nil || got.Format != trajectoryFormat || len(got.Models) != m.Events || m.Events == 0 {
		t.Fatalf("artifact %.200s: %v", art, err)
	}
	assertBoardModels(t, st, got)
}

// assertBoardModels checks that every model of the artifact decodes and is,
// byte for byte, the one the board fits on the same store and cut-off.
func assertBoardModels(t *testing.T, st Store, art trajectoryArtifact) {
	t.Helper()
	latest, err := scoring.LatestResult(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	asOf := latest.AddDate(0, 0, 1)
	if art.AsOf != asOf.Format("2006-01-02") {
		t.Errorf("artifact as of %s, want %s", art.AsOf, asOf)
	}
	b, err := scoring.Build(context.Background(), st, nil, scoring.Config{AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	for key, enc := range art.Models {
		var m trajectory.Model
		if err := m.UnmarshalBinary(enc); err != nil {
			t.Errorf("%s: %v", key, err)
		}
		parts := strings.Split(key, "/")
		bm := b.Trajectory(centile.Key{Sport: parts[0], Discipline: parts[1], Sex: parts[2]})
		if bm == nil {
			t.Errorf("%s: the board has no model", key)
			continue
		}
		want, _ := bm.MarshalBinary()
		if !bytes.Equal(enc, want) {
			t.Errorf("%s: the artifact's model differs from the board's", key)
		}
	}
}

func TestRetrainTrajectoryWithoutResultsIsSkipped(t *testing.T) {
	st := storetest.Open(t)
	rep, err := Run(context.Background(), st, Options{Models: []string{Trajectory}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if v := rep.Versions[0]; v.Version != 0 || !strings.HasPrefix(v.Reason, "skipped: ") {
		t.Errorf("version %+v: want skipped", v)
	}
}
