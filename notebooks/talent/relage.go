package main

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/models/centile"
	"github.com/podium-sport/podium/notebooks/report"
	"github.com/podium-sport/podium/scoring"
)

// topShare is the share of the pool selected in the relative-age section.
const topShare = 0.10

// simResults reads the simulator's dated results with the athlete's birth
// year and relative age, the columns centile.ReadResults wants.
const simResults = `SELECT r.athlete_id, r.sport, r.discipline, r.sex, r.age_years, r.mark, r.lower_is_better,
       year(r.date) AS season, year(a.birth_date) AS birth_year,
       (dayofyear(a.birth_date) - 1) / CAST(dayofyear(make_date(year(a.birth_date), 12, 31)) AS DOUBLE) AS relative_age
FROM results r JOIN athletes a USING (athlete_id)
WHERE r.source = 'sim' AND r.date IS NOT NULL AND a.birth_date IS NOT NULL AND r.age_years IS NOT NULL
ORDER BY r.athlete_id, r.date, r.discipline`

// scored is one athlete of the latest season with his best raw and best
// RAE-corrected score.
type scored struct {
	member         scoring.Member
	raw, corrected float64
}

// relativeAge selects the top 10 % of the latest simulated season by the raw
// birth-year-category score and by the exact-age (RAE-corrected) score and
// compares the birth quarters of the two selections with the pool's.
func relativeAge(ctx context.Context, st *datasets.Store, p *report.Page) error {
	rr, err := st.QueryArrow(ctx, simResults)
	if err != nil {
		return fmt.Errorf("simulated results: %w", err)
	}
	defer rr.Release()
	rs, err := centile.ReadResults(rr)
	if err != nil {
		return fmt.Errorf("simulated results: %w", err)
	}
	if len(rs) == 0 {
		return fmt.Errorf("no simulated result in %s (podium generate): %w", st.Path(), errNoData)
	}
	ref, err := centile.FitReference(rs, centile.Config{})
	if err != nil {
		return err
	}
	pool, season := scores(rs, centile.FitCategories(rs), ref)
	raw, corrected := selectTop(pool, func(s scored) float64 { return s.raw }), selectTop(pool, func(s scored) float64 { return s.corrected })
	relAgePage(p, season, len(rs), raw, corrected)
	return nil
}

// scores returns the athletes of the latest season with both scores, and
// that season. Each athlete's score is his best over the season's results.
func scores(rs []centile.Result, cats *centile.Categories, ref *centile.Reference) ([]scored, int) {
	season := 0
	for _, r := range rs {
		season = max(season, r.Season)
	}
	best := map[int64]*scored{}
	var ids []int64
	for _, r := range rs {
		if r.Season != season || math.IsNaN(r.RelativeAge) {
			continue
		}
		raw, err1 := cats.Z(r)
		corr, err2 := ref.Z(r.Key, r.Age, r.Mark)
		if err1 != nil || err2 != nil {
			continue // no category norm or outside the curves' ages
		}
		s := best[r.Athlete]
		if s == nil {
			q := min(4, int(r.RelativeAge*4)+1)
			s = &scored{member: scoring.Member{BirthQuarter: q, Sex: r.Sex}, raw: math.Inf(-1), corrected: math.Inf(-1)}
			best[r.Athlete], ids = s, append(ids, r.Athlete)
		}
		s.raw, s.corrected = max(s.raw, raw), max(s.corrected, corr)
	}
	pool := make([]scored, len(ids))
	for i, id := range ids {
		pool[i] = *best[id]
	}
	return pool, season
}

// selectTop marks the top topShare of the pool by score and audits the
// selection.
func selectTop(pool []scored, score func(scored) float64) scoring.Audit {
	order := slices.Clone(pool)
	slices.SortStableFunc(order, func(a, b scored) int { return cmp.Compare(score(b), score(a)) })
	k := int(math.Ceil(topShare * float64(len(order))))
	members := make([]scoring.Member, len(order))
	for i, s := range order {
		members[i] = s.member
		members[i].Selected = i < k
	}
	return scoring.FairnessAudit(members)
}

func relAgePage(p *report.Page, season, results int, raw, corrected scoring.Audit) {
	p.Heading("Relative age: selection by raw and by RAE-corrected scores")
	p.Para("Simulated athletes (datasets/sim plants the relative-age effect of youth sport: the oldest of a birth year are ahead by maturity, not by potential). Season %d: %d athletes with a result, the top %s selected (%d) by each score. Raw score: the mark standardised within its birth-year category, as today's practice ranks. RAE-corrected: the LMS z-score at the exact age (models/centile, fitted on %d results), which removes the within-year age gradient. Each athlete's score is his best of the season.",
		season, raw.Pool, report.Pct(topShare), raw.Selected, results)
	quarters := []string{"Q1 (Jan–Mar)", "Q2 (Apr–Jun)", "Q3 (Jul–Sep)", "Q4 (Oct–Dec)"}
	pool := report.BarGroup{Name: "pool", Color: "#999999"}
	rawG, corrG := report.BarGroup{Name: "top 10 %, raw score"}, report.BarGroup{Name: "top 10 %, RAE-corrected"}
	for i := range quarters {
		pool.Values = append(pool.Values, share(raw.Quarters, i, true))
		rawG.Values = append(rawG.Values, share(raw.Quarters, i, false))
		corrG.Values = append(corrG.Values, share(corrected.Quarters, i, false))
	}
	p.Figure(report.Bars{Title: "Birth quarter of the selected athletes", XLabel: "birth quarter (selection year = calendar year)", YLabel: "share of athletes (%)",
		Categories: quarters, Groups: []report.BarGroup{pool, rawG, corrG}},
		"Share of the pool and of each selection born in each quarter. The raw selection over-represents the first quarter (the relatively old); the corrected one should look like the pool.")
	p.Table("Odds of selection, born in Q1 against born in Q4 (scoring.FairnessAudit, Woolf 95 % interval)", []string{"score", "selected", "Q1:Q4 odds ratio", "95 % CI"},
		[][]string{oddsRow("raw (birth-year category)", raw), oddsRow("RAE-corrected (exact age)", corrected)})
}

// share is quarter i's share of the pool or of the selection, in percent;
// NaN when the audit has no such quarter.
func share(qs []scoring.GroupShare, i int, pool bool) float64 {
	if i >= len(qs) {
		return math.NaN()
	}
	if pool {
		return qs[i].PoolPct
	}
	return qs[i].TopPct
}

func oddsRow(name string, a scoring.Audit) []string {
	or := a.Q1vsQ4
	return []string{name, fmt.Sprint(a.Selected), fmt.Sprintf("%.2f", or.Value), fmt.Sprintf("[%.2f, %.2f]", or.Lower, or.Upper)}
}
