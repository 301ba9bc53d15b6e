package sim

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/podium-sport/podium/datasets/storetest"
)

func TestGenerateEndToEnd(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	var mu sync.Mutex
	last := map[string][2]int64{}
	progress := func(stage string, done, total int64) {
		mu.Lock()
		last[stage] = [2]int64{done, total}
		mu.Unlock()
	}
	cfg := Config{Athletes: 3000, Seed: 7}
	sum, err := Generate(ctx, st, cfg, progress)
	if err != nil {
		t.Fatal(err)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("summary %+v\nstats %+v", sum, stats.Tables)

	for _, stage := range []string{"athletes", "results", "physio", "matches", "odds", "truth"} {
		if p := last[stage]; p[0] != p[1] || p[1] == 0 {
			t.Errorf("progress of %s ended at %d/%d", stage, p[0], p[1])
		}
	}
	tables := []struct{ table, kind string }{
		{"athlete_aliases", "athletes"}, {"results", "results"}, {"physio_tests", "physio"}, {"matches", "matches"}, {"odds", "odds"},
	}
	for _, tc := range tables {
		if got, want := stats.Tables[tc.table], sum.Rows[tc.kind]; got != want || want == 0 {
			t.Errorf("%s has %d rows, generated %d", tc.table, got, want)
		}
	}
	if stats.Tables["truth_athletes"] != sum.Rows["athletes"] {
		t.Errorf("truth_athletes %d, registrations %d", stats.Tables["truth_athletes"], sum.Rows["athletes"])
	}
	// Identity resolution joins exactly the planted duplicates expected to
	// auto-merge (same name key, birth date and sex), no distinct people.
	merged := storetest.Count(t, st, `SELECT count(*) FROM truth_events WHERE kind = 'duplicate-identity'
		AND json_extract(detail, '$.auto_merge_expected')::BOOLEAN`)
	if got, want := stats.Tables["athletes"], sum.Rows["athletes"]-merged; got != want {
		t.Errorf("athletes %d, want %d registrations − %d auto-merged duplicates", got, sum.Rows["athletes"], merged)
	}
	checks := []struct {
		name  string
		query string // counts violations
	}{
		{"ages 10–19 by stated birth date", `SELECT count(*) FROM results WHERE age_years < 10 OR age_years >= 20`},
		{"provinces are the 34", `SELECT count(*) FROM athletes WHERE province NOT IN ('` + strings.Join(Provinces(), "','") + `')
			AND athlete_id NOT IN (SELECT athlete_id FROM athlete_aliases WHERE source_id IN
				(SELECT subject FROM truth_events WHERE kind = 'duplicate-identity'))`},
		{"truth athletes are registered", `SELECT count(*) FROM truth_athletes t LEFT JOIN athlete_aliases a
			ON a.source = 'sim' AND a.source_id = t.source_id WHERE a.athlete_id IS NULL`},
		{"athlete events name registered athletes", `SELECT count(*) FROM truth_events e LEFT JOIN athlete_aliases a
			ON a.source = 'sim' AND a.source_id = e.subject WHERE e.kind <> 'fixed-match' AND a.athlete_id IS NULL`},
		{"fixed matches ended as fixed", `SELECT count(*) FROM truth_events e LEFT JOIN matches m
			ON m.source = 'sim' AND m.source_id = e.subject
			WHERE e.kind = 'fixed-match' AND (m.result IS NULL OR m.result <> json_extract_string(e.detail, '$.outcome'))`},
		{"duplicates merge as expected", `SELECT count(*) FROM truth_events e
			JOIN athlete_aliases d ON d.source = 'sim' AND d.source_id = e.subject
			JOIN athlete_aliases o ON o.source = 'sim' AND o.source_id = json_extract_string(e.detail, '$.duplicate_of')
			WHERE e.kind = 'duplicate-identity' AND (d.athlete_id = o.athlete_id) <> json_extract(e.detail, '$.auto_merge_expected')::BOOLEAN`},
		{"age fraud true birth before stated", `SELECT count(*) FROM truth_athletes t JOIN athlete_aliases a
			ON a.source = 'sim' AND a.source_id = t.source_id WHERE t.age_fraud AND NOT t.true_birth_date < a.birth_date`},
	}
	for _, tc := range checks {
		t.Run(tc.name, func(t *testing.T) {
			if n := storetest.Count(t, st, tc.query); n != 0 {
				t.Errorf("%d violations", n)
			}
		})
	}
	for _, kind := range []string{KindFixedMatch, KindAgeFraud, KindDuplicateIdentity, KindDopingJump} {
		if sum.Truth[kind] == 0 {
			t.Errorf("no %s planted in %d athletes", kind, cfg.Athletes)
		}
	}

	again, err := Generate(ctx, st, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := st.Stats(ctx)
	if again.Rows["results"] != sum.Rows["results"] {
		t.Errorf("generating again reports %d results, first time %d", again.Rows["results"], sum.Rows["results"])
	}
	if !again.AlreadyLoaded || after.Tables["results"] != stats.Tables["results"] ||
		after.Tables["truth_events"] != stats.Tables["truth_events"] || after.Tables["truth_athletes"] != stats.Tables["truth_athletes"] {
		t.Errorf("generating again changed the store: %+v → %+v", stats.Tables, after.Tables)
	}
}

func TestGenerateRejectsBadConfig(t *testing.T) {
	st := storetest.Open(t)
	for _, n := range []int{0, -1, maxAthletes + 1} {
		if _, err := Generate(context.Background(), st, Config{Athletes: n, Seed: 1}, nil); err == nil {
			t.Errorf("Athletes %d accepted", n)
		}
	}
}
