package live

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/podium-sport/podium/api"
	"github.com/podium-sport/podium/api/console"
	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/sim"
	"github.com/podium-sport/podium/datasets/storetest"
	"github.com/podium-sport/podium/scoring"
	"github.com/podium-sport/podium/scoring/jobs"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func simStore(t *testing.T) *datasets.Store {
	t.Helper()
	st := storetest.Open(t)
	if _, err := sim.Generate(context.Background(), st, sim.Config{Athletes: 600, Seed: 5}, nil); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestTalentServesRankingsAndProfiles(t *testing.T) {
	st := simStore(t)
	ctx := context.Background()
	tal := NewTalent(st, quiet)
	a := APITalent{tal}
	if _, _, err := a.Rankings(ctx, api.RankingQuery{}); !errors.Is(err, api.ErrUnavailable) {
		t.Fatalf("before Load: %v, want ErrUnavailable", err)
	}
	if err := tal.Load(ctx); err != nil {
		t.Fatal(err)
	}
	page, total, err := a.Rankings(ctx, api.RankingQuery{Sex: "F", Limit: 5})
	var r scoring.Ranking
	if err == nil {
		err = json.Unmarshal(page.(api.RawJSON), &r)
	}
	again, _, _ := a.Rankings(ctx, api.RankingQuery{Sex: "F", Limit: 5})
	if string(again.(api.RawJSON)) != string(page.(api.RawJSON)) {
		t.Error("the cached page differs from the first")
	}
	if err != nil || total == 0 || len(r.Rows) != min(5, total) || r.Rows[0].Sex != "F" {
		t.Fatalf("rankings: %d of %d: %v", len(r.Rows), total, err)
	}
	all, _, err := a.Rankings(ctx, api.RankingQuery{Sex: "F", Limit: 5, CSV: true})
	if c, ok := all.(api.CSV); err != nil || !ok || len(c.Rows) != total || c.Rows[0][2] != r.Rows[0].Name {
		t.Fatalf("CSV export: %v %v", all, err)
	}
	if _, _, err := a.Rankings(ctx, api.RankingQuery{AsOf: time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)}); !errors.Is(err, datasets.ErrInvalid) {
		t.Errorf("a past as_of: %v", err)
	}
	var id int64
	if err := st.QueryRow(ctx, `SELECT min(athlete_id) FROM physio_tests WHERE athlete_id IN (SELECT athlete_id FROM results)`, nil, &id); err != nil {
		t.Fatal(err)
	}
	for _, physio := range []bool{false, true} {
		p, err := a.Profile(ctx, id, physio)
		if err != nil {
			t.Fatal(err)
		}
		prof := p.(Profile)
		if prof.AthleteID != id || len(prof.Marks) == 0 || (len(prof.Physio) > 0) != physio {
			t.Errorf("profile (physio %v): %d marks, %d physio tests", physio, len(prof.Marks), len(prof.Physio))
		}
	}
	if _, err := a.Profile(ctx, 1<<40, true); !errors.Is(err, datasets.ErrNotFound) {
		t.Errorf("unknown athlete: %v", err)
	}
	v, err := ConsoleTalent{tal}.Rankings(ctx, consoleFilter(r.Rows[0].Discipline))
	if err != nil || v.Total == 0 || v.Fairness == nil || len(v.Events) == 0 || len(v.Provinces) == 0 {
		t.Errorf("console rankings: %+v %v", v.Fairness, err)
	}
	av, err := ConsoleTalent{tal}.Athlete(ctx, id, false)
	if err != nil || av.ID != id || len(av.Forecast) == 0 || av.Physio != nil {
		t.Errorf("console athlete: %+v %v", av.ID, err)
	}
}

func TestCorruptChampionIsRefusedAndTheServerStillServes(t *testing.T) {
	st := simStore(t)
	ctx := context.Background()
	mgr := jobs.NewManager(ctx)
	defer mgr.Close()
	tal := NewTalent(st, quiet)
	j := APIJobs{NewJobs(st, mgr, tal)}
	job, err := j.StartRetrain(ctx, "talent", "test")
	if err != nil {
		t.Fatal(err)
	}
	waitJob(t, j, job.(jobs.Job).ID)
	if _, err := st.Exec(ctx, "UPDATE model_versions SET artifact = 'tampered'::BLOB"); err != nil {
		t.Fatal(err)
	}
	if err := tal.Load(ctx); err != nil {
		t.Fatalf("Load with a corrupt champion: %v", err)
	}
	if tal.Version() != 0 {
		t.Errorf("version in use %d, want 0 (fitted afresh)", tal.Version())
	}
	if _, _, err := (APITalent{tal}).Rankings(ctx, api.RankingQuery{Limit: 1}); err != nil {
		t.Error(err)
	}
}

// TestHotSwapUnderLoad retrains through the API while clients keep asking
// for rankings: no request may fail, and the promoted version is then in use.
func TestHotSwapUnderLoad(t *testing.T) {
	st := simStore(t)
	ctx := context.Background()
	mgr := jobs.NewManager(ctx)
	defer mgr.Close()
	tal := NewTalent(st, quiet)
	if err := tal.Load(ctx); err != nil {
		t.Fatal(err)
	}
	lj := NewJobs(st, mgr, tal)
	_, selTok, err := st.AddUser(ctx, "sel", "selection", "test")
	if err != nil {
		t.Fatal(err)
	}
	_, dataTok, err := st.AddUser(ctx, "ops", "data", "test")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.New(st, api.WithLogger(quiet), api.WithRankings(APITalent{tal}),
		api.WithJobs(APIJobs{lj}), api.WithLimits(api.Limits{RatePerSecond: 1e9, Burst: 1e9})).Handler())
	defer srv.Close()
	var done atomic.Bool
	var ok, failed atomic.Int64
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !done.Load() {
				if code := get(srv.URL+"/v1/rankings?limit=20", selTok); code == http.StatusOK {
					ok.Add(1)
				} else {
					failed.Add(1)
				}
			}
		}()
	}
	job, err := lj.start("talent", "ops")
	if err != nil {
		t.Fatal(err)
	}
	waitJob(t, APIJobs{lj}, job.ID)
	done.Store(true)
	wg.Wait()
	if failed.Load() != 0 || ok.Load() < 10 || tal.Version() != 1 {
		t.Fatalf("%d ok, %d failed requests during the retrain; version in use %d (want 1)", ok.Load(), failed.Load(), tal.Version())
	}
	if code := get(srv.URL+"/v1/jobs/"+job.ID, dataTok); code != http.StatusOK {
		t.Errorf("GET job: %d", code)
	}
	t.Logf("%d rankings requests answered during the retrain, none failed", ok.Load())
}

func get(url, token string) int {
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

func waitJob(t *testing.T, j APIJobs, id string) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for time.Now().Before(deadline) {
		v, err := j.Job(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		switch job := v.(jobs.Job); job.State {
		case jobs.Succeeded:
			return
		case jobs.Failed, jobs.Cancelled:
			t.Fatalf("job %s: %s", job.State, job.Error)
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("job %s still running after 3 minutes", id)
}

func consoleFilter(event string) console.RankingFilter {
	return console.RankingFilter{Event: event, Limit: 10}
}
