package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/models/agefraud"
	"github.com/podium-sport/podium/models/anomaly"
	"github.com/podium-sport/podium/models/passport"
)

// bloodQuery returns one row per blood sample with both markers, in
// athlete and date order; age is NULL when the birth date is unknown.
const bloodQuery = `
SELECT p.athlete_id, a.sex, CAST(p.date AS VARCHAR) AS date,
       date_diff('day', a.birth_date, p.date) / 365.25 AS age,
       max(p.value) FILTER (WHERE p.test = 'hgb') AS hgb,
       max(p.value) FILTER (WHERE p.test = 'ret_pct') AS ret
FROM physio_tests p JOIN athletes a USING (athlete_id)
WHERE p.test IN ('hgb', 'ret_pct')
GROUP BY p.athlete_id, a.sex, p.date, a.birth_date
HAVING hgb IS NOT NULL AND ret > 0
ORDER BY p.athlete_id, p.date`

// bloodProfile is one athlete's blood passport.
type bloodProfile = athleteRows[passport.Profile]

// loadBloodProfiles reads every athlete's blood passport from the store.
func loadBloodProfiles(ctx context.Context, st *datasets.Store) ([]bloodProfile, error) {
	out, err := scanAthletes(ctx, st, bloodQuery,
		func(c arrowCols, i int) passport.Profile { return passport.Profile{Sex: c.str(1, i)} },
		func(p *passport.Profile, c arrowCols, i int) {
			p.Samples = append(p.Samples, passport.Sample{Date: c.str(2, i), AgeYears: c.float(3, i), HGB: c.float(4, i), RETPct: c.float(5, i)})
		})
	if err != nil {
		return nil, fmt.Errorf("load blood passports: %w", err)
	}
	return out, nil
}

// athleteRows is what a query says of one athlete.
type athleteRows[T any] struct {
	athleteID int64
	v         T
}

// scanAthletes runs query, whose rows are ordered by the athlete id in
// column 0, and builds one T per athlete: start makes it from the athlete's
// first row and add adds every row to it.
func scanAthletes[T any](ctx context.Context, st *datasets.Store, query string,
	start func(c arrowCols, i int) T, add func(v *T, c arrowCols, i int)) ([]athleteRows[T], error) {
	var out []athleteRows[T]
	err := scanArrow(ctx, st, query, func(c arrowCols, i int) {
		id := c.int64(0, i)
		if len(out) == 0 || out[len(out)-1].athleteID != id {
			out = append(out, athleteRows[T]{athleteID: id, v: start(c, i)})
		}
		add(&out[len(out)-1].v, c, i)
	})
	return out, err
}

// bloodSummary is what --json reports of the blood-passport detector.
type bloodSummary struct {
	Athletes  int     `json:"athletes"`
	Samples   int     `json:"samples"`
	Atypical  int     `json:"atypical_values"`
	Flagged   int     `json:"flagged_athletes"`
	Threshold float64 `json:"athlete_p_threshold"`
}

// detectBlood runs the adaptive blood passport (models/passport) over every
// athlete with blood samples and raises a "blood-passport" alert for each
// athlete whose profile is atypical at 99 % specificity per athlete.
func detectBlood(ctx context.Context, st *datasets.Store) ([]datasets.NewAlert, any, error) {
	profiles, err := loadBloodProfiles(ctx, st)
	if err != nil {
		return nil, nil, err
	}
	sum := bloodSummary{Athletes: len(profiles), Threshold: 1 - passport.DefaultConfig.AthleteSpecificity}
	if len(profiles) == 0 {
		return nil, sum, nil
	}
	model, err := passport.Fit(passportProfiles(profiles), passport.DefaultConfig)
	if errors.Is(err, passport.ErrTooFew) {
		return nil, sum, nil // too few repeated samples to build any reference
	}
	if err != nil {
		return nil, nil, err
	}
	var alerts []datasets.NewAlert
	for _, p := range profiles {
		res, err := model.Analyse(p.v)
		if err != nil {
			continue // a sex without a prior: too few athletes to judge
		}
		sum.Samples += len(p.v.Samples)
		for _, c := range res.Checks {
			for _, v := range c {
				if v.Atypical {
					sum.Atypical++
				}
			}
		}
		if !res.Atypical {
			continue
		}
		sum.Flagged++
		ev, err := json.Marshal(bloodEvidence(p.v, res))
		if err != nil {
			return nil, nil, fmt.Errorf("blood evidence of athlete %d: %w", p.athleteID, err)
		}
		alerts = append(alerts, datasets.NewAlert{Type: "blood-passport", Subject: athleteSubject(p.athleteID),
			Severity: severityFromP(res.P), Evidence: ev})
	}
	return alerts, sum, nil
}

func passportProfiles(ps []bloodProfile) []passport.Profile {
	out := make([]passport.Profile, len(ps))
	for i, p := range ps {
		out[i] = p.v
	}
	return out
}

func athleteSubject(id int64) string { return "athlete:" + strconv.FormatInt(id, 10) }

// severityFromP maps an athlete-level p-value to 0–1: p = 10⁻² → 0.2,
// 10⁻⁵ → 0.5, 10⁻¹⁰ or smaller → 1.
func severityFromP(p float64) float64 {
	return math.Max(0, math.Min(1, -math.Log10(math.Max(p, 1e-300))/10))
}

// Evidence packs: series to chart and the signals that raised the alert.
type (
	evidencePoint struct {
		Date  string  `json:"date"`
		Value float64 `json:"value"`
		Lower float64 `json:"lower"`
		Upper float64 `json:"upper"`
	}
	evidenceSeries struct {
		Name   string          `json:"name"`
		Unit   string          `json:"unit"`
		Points []evidencePoint `json:"points"`
	}
	evidenceSignal struct {
		Name        string  `json:"name"`
		Value       float64 `json:"value"`
		Threshold   float64 `json:"threshold"`
		Explanation string  `json:"explanation"`
	}
	evidence struct {
		Model   string           `json:"model"`
		P       float64          `json:"p,omitempty"`
		Series  []evidenceSeries `json:"series,omitempty"`
		Signals []evidenceSignal `json:"signals"`
	}
)

func bloodEvidence(p passport.Profile, res *passport.Result) evidence {
	ev := evidence{Model: "adaptive Bayesian blood passport (HGB, RET%, OFF-score), 99 % specificity", P: res.P}
	for _, mk := range passport.Markers {
		s := evidenceSeries{Name: mk.Name(), Unit: mk.Unit()}
		for i, c := range res.Checks {
			ch := c[mk]
			s.Points = append(s.Points, evidencePoint{p.Samples[i].Date, round(ch.Value, 2), round(ch.Lower, 2), round(ch.Upper, 2)})
			if ch.Atypical {
				limit, side := ch.Upper, "above"
				if ch.Value < ch.Lower {
					limit, side = ch.Lower, "below"
				}
				ev.Signals = append(ev.Signals, evidenceSignal{mk.Name() + " " + p.Samples[i].Date, round(ch.Value, 2), round(limit, 2),
					fmt.Sprintf("%s %s the athlete's individual 99 %% range (z = %.1f, p = %.2g)", mk.Name(), side, ch.Z, ch.P)})
			}
		}
		ev.Series = append(ev.Series, s)
		if sq := res.Sequence[mk]; sq.P < 0.01 {
			ev.Signals = append(ev.Signals, evidenceSignal{mk.Name() + " sequence", round(sq.Stat, 2), 0.01,
				fmt.Sprintf("largest change in the athlete's %s level between a run of samples and the rest, in within-athlete SD: the profile as a whole is atypical (p = %.2g)", mk.Name(), sq.P)})
		}
	}
	return ev
}

func round(x float64, digits int) float64 {
	f := math.Pow(10, float64(digits))
	return math.Round(x*f) / f
}

// arrowCols reads typed cells of one record batch (DuckDB returns BIGINT,
// VARCHAR and DOUBLE as these Arrow types); NULL doubles read as NaN.
type arrowCols struct{ rec arrow.Record }

func (c arrowCols) int64(col, i int) int64 { return c.rec.Column(col).(*array.Int64).Value(i) }

// str copies the string: Arrow's aliases the batch's buffer, reused after it.
func (c arrowCols) str(col, i int) string {
	return strings.Clone(c.rec.Column(col).(*array.String).Value(i))
}
func (c arrowCols) float(col, i int) float64 {
	a := c.rec.Column(col).(*array.Float64)
	if a.IsNull(i) {
		return math.NaN()
	}
	return a.Value(i)
}

// scanArrow runs query and calls row for every row, batch by batch.
func scanArrow(ctx context.Context, st *datasets.Store, query string, row func(c arrowCols, i int), args ...any) error {
	rr, err := st.QueryArrow(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rr.Release()
	for rr.Next() {
		rec := rr.Record()
		for i := 0; i < int(rec.NumRows()); i++ {
			row(arrowCols{rec}, i)
		}
	}
	return rr.Err()
}

// growthQuery returns one row per growth session of athletes with a stated
// birth date, in athlete and date order.
const growthQuery = `
SELECT p.athlete_id, a.sex, CAST(p.date AS VARCHAR) AS date,
       date_diff('day', a.birth_date, p.date) / 365.25 AS age,
       max(p.value) FILTER (WHERE p.test = 'height') AS height,
       max(p.value) FILTER (WHERE p.test = 'sitting_height') AS sitting,
       max(p.value) FILTER (WHERE p.test = 'body_mass') AS mass
FROM physio_tests p JOIN athletes a USING (athlete_id)
WHERE p.test IN ('height', 'sitting_height', 'body_mass') AND a.birth_date IS NOT NULL
GROUP BY p.athlete_id, a.sex, p.date, a.birth_date
HAVING height IS NOT NULL
ORDER BY p.athlete_id, p.date`

// growthRecord is one athlete's growth sessions.
type growthRecord = athleteRows[agefraud.Athlete]

// loadGrowth reads every athlete's growth sessions from the store.
func loadGrowth(ctx context.Context, st *datasets.Store) ([]growthRecord, error) {
	out, err := scanAthletes(ctx, st, growthQuery,
		func(c arrowCols, i int) agefraud.Athlete { return agefraud.Athlete{Sex: c.str(1, i)} },
		func(a *agefraud.Athlete, c arrowCols, i int) {
			a.Sessions = append(a.Sessions, agefraud.Session{Date: c.str(2, i), AgeYears: c.float(3, i),
				Height: c.float(4, i), Sitting: c.float(5, i), Mass: c.float(6, i)})
		})
	if err != nil {
		return nil, fmt.Errorf("load growth sessions: %w", err)
	}
	return out, nil
}

// growthAlertRate is the share of screened athletes the growth screen
// alerts on: the integrity unit's review budget.
const growthAlertRate = 0.005

// ageSummary is what --json reports of the age-fraud detector.
type ageSummary struct {
	Screened        int                         `json:"screened_athletes"`
	GrowthThreshold float64                     `json:"growth_score_threshold"`
	GrowthAlerts    int                         `json:"growth_alerts"`
	BirthConflicts  int                         `json:"birth_date_conflicts"`
	Heaping         map[string]agefraud.Heaping `json:"heaping"`
}

// detectAgeFraud runs the age-fraud screen: growth and maturity against the
// stated age (the top growthAlertRate of athletes), one athlete with two
// birth dates, and 1-January heaping of birth dates per province and source.
func detectAgeFraud(ctx context.Context, st *datasets.Store) ([]datasets.NewAlert, any, error) {
	sum := ageSummary{}
	growth, err := growthAlerts(ctx, st, &sum)
	if err != nil {
		return nil, nil, err
	}
	conflicts, err := birthConflictAlerts(ctx, st)
	if err != nil {
		return nil, nil, err
	}
	sum.BirthConflicts = len(conflicts)
	heaps, err := heapingAlerts(ctx, st, &sum)
	if err != nil {
		return nil, nil, err
	}
	return append(append(growth, conflicts...), heaps...), sum, nil
}

func growthAlerts(ctx context.Context, st *datasets.Store, sum *ageSummary) ([]datasets.NewAlert, error) {
	recs, err := loadGrowth(ctx, st)
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	athletes := make([]agefraud.Athlete, len(recs))
	for i, r := range recs {
		athletes[i] = r.v
	}
	res, err := agefraud.Screen(athletes)
	if errors.Is(err, agefraud.ErrNoReference) {
		return nil, nil // too few sessions for any age reference
	}
	if err != nil {
		return nil, err
	}
	scores := make([]float64, len(res))
	for i, r := range res {
		scores[i] = r.Score
	}
	sum.Screened = len(res)
	threshold, err := anomaly.Threshold(scores, growthAlertRate)
	if errors.Is(err, anomaly.ErrTooFew) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	sum.GrowthThreshold = threshold
	var alerts []datasets.NewAlert
	for i, r := range res {
		if !(r.Score > sum.GrowthThreshold) {
			continue
		}
		ev, err := json.Marshal(growthEvidence(r, sum.GrowthThreshold))
		if err != nil {
			return nil, fmt.Errorf("growth evidence of athlete %d: %w", recs[i].athleteID, err)
		}
		// Severity: a score of 1 robust SD is 0.25, 4 SD or more is 1.
		alerts = append(alerts, datasets.NewAlert{Type: "age-growth", Subject: athleteSubject(recs[i].athleteID),
			Severity: math.Min(1, math.Max(0, r.Score/4)), Evidence: ev})
	}
	sum.GrowthAlerts = len(alerts)
	return alerts, nil
}

func growthEvidence(r agefraud.Result, threshold float64) evidence {
	ev := evidence{Model: "age-fraud growth screen: body older than the stated age (robust z by sex and year of age)"}
	s := evidenceSeries{Name: "height", Unit: "cm"}
	for _, p := range r.Heights {
		s.Points = append(s.Points, evidencePoint{p.Date, p.Height, round(p.Lower, 1), round(p.Upper, 1)})
	}
	ev.Series = []evidenceSeries{s}
	for k, name := range agefraud.SignalNames {
		if v := r.Signals[k]; !math.IsNaN(v) {
			ev.Signals = append(ev.Signals, evidenceSignal{name, round(v, 2), 0,
				"robust SD by which the body looks older than the stated age (0 = typical)"})
		}
	}
	ev.Signals = append(ev.Signals, evidenceSignal{"score", round(r.Score, 2), round(threshold, 2),
		fmt.Sprintf("mean of the signals; above the threshold that alerts on %.1f %% of screened athletes", 100*growthAlertRate)})
	return ev
}

// birthConflictQuery lists athletes whose source registrations give
// different birth dates.
const birthConflictQuery = `
SELECT athlete_id, string_agg(source || ':' || source_id || '=' || CAST(birth_date AS VARCHAR), ', ' ORDER BY source, source_id),
       date_diff('day', min(birth_date), max(birth_date)) / 365.25
FROM athlete_aliases WHERE birth_date IS NOT NULL
GROUP BY athlete_id HAVING count(DISTINCT birth_date) > 1
ORDER BY athlete_id`

// shiftedBirthQuery lists pairs of athletes known only to different
// sources, with the same name and sex, born on the same day and month one
// to three years apart: the same person re-registered younger, the usual
// form of age fraud across registries.
const shiftedBirthQuery = `
WITH src AS (SELECT athlete_id, list(DISTINCT source) AS sources FROM athlete_aliases GROUP BY athlete_id)
SELECT greatest(x.athlete_id, y.athlete_id),
       format('{} years apart: athlete {} born {} ({}) and athlete {} born {} ({})', abs(year(x.birth_date) - year(y.birth_date)),
              x.athlete_id, x.birth_date, array_to_string(sx.sources, ', '), y.athlete_id, y.birth_date, array_to_string(sy.sources, ', ')),
       CAST(abs(year(x.birth_date) - year(y.birth_date)) AS DOUBLE)
FROM athletes x JOIN athletes y
  ON x.name_key = y.name_key AND x.sex = y.sex AND x.athlete_id < y.athlete_id
 AND month(x.birth_date) = month(y.birth_date) AND day(x.birth_date) = day(y.birth_date)
 AND abs(year(x.birth_date) - year(y.birth_date)) BETWEEN 1 AND 3
JOIN src sx ON sx.athlete_id = x.athlete_id JOIN src sy ON sy.athlete_id = y.athlete_id
WHERE len(list_intersect(sx.sources, sy.sources)) = 0
ORDER BY 1`

// birthConflictAlerts raises an "age-birth-date" alert for every athlete
// whose registrations disagree on the birth date, for the later-born of
// every pair found by shiftedBirthQuery, and for every pair the store lists
// as possibly one person with two different birth dates (day and month
// swapped).
func birthConflictAlerts(ctx context.Context, st *datasets.Store) ([]datasets.NewAlert, error) {
	var alerts []datasets.NewAlert
	var failed error
	add := func(id int64, gapYears float64, what string) {
		ev, err := json.Marshal(evidence{Model: "one person, two birth dates", Signals: []evidenceSignal{
			{"birth_date_gap_years", round(gapYears, 2), 0, what}}})
		if err != nil {
			failed = err
		}
		// Severity: 0.3 for any conflict, rising to 1 for a gap of 2 years or more.
		alerts = append(alerts, datasets.NewAlert{Type: "age-birth-date", Subject: athleteSubject(id),
			Severity: math.Min(1, 0.3+0.35*gapYears), Evidence: ev})
	}
	err := scanArrow(ctx, st, birthConflictQuery, func(c arrowCols, i int) {
		add(c.int64(0, i), c.float(2, i), "registrations give different birth dates: "+c.str(1, i))
	})
	if err != nil {
		return nil, fmt.Errorf("birth date conflicts: %w", err)
	}
	err = scanArrow(ctx, st, shiftedBirthQuery, func(c arrowCols, i int) {
		add(c.int64(0, i), c.float(2, i), "same name and sex in other sources, born the same day and month "+c.str(1, i))
	})
	if err != nil {
		return nil, fmt.Errorf("shifted birth years: %w", err)
	}
	cands, err := st.DuplicateCandidates(ctx, 10000)
	if err != nil {
		return nil, err
	}
	for _, c := range cands {
		if c.A.BirthDate == "" || c.B.BirthDate == "" || c.A.BirthDate == c.B.BirthDate {
			continue
		}
		what := fmt.Sprintf("%s (%s): athlete %d %q born %s and athlete %d %q born %s",
			c.Reason, c.A.Sources+" / "+c.B.Sources, c.A.ID, c.A.Name, c.A.BirthDate, c.B.ID, c.B.Name, c.B.BirthDate)
		add(c.A.ID, yearsBetween(c.A.BirthDate, c.B.BirthDate), what)
	}
	return alerts, failed
}

// yearsBetween is |b − a| in years for two YYYY-MM-DD dates (0 if either
// does not parse).
func yearsBetween(a, b string) float64 {
	ta, errA := time.Parse(time.DateOnly, a)
	tb, errB := time.Parse(time.DateOnly, b)
	if errA != nil || errB != nil {
		return 0
	}
	return math.Abs(tb.Sub(ta).Hours()) / 24 / 365.25
}

// heapingQuery counts births, January births and 1-January births per
// province (athletes) and per source (registrations).
const heapingQuery = `
WITH b AS (
	SELECT 'province:' || coalesce(province, 'unknown') AS grp, birth_date FROM athletes WHERE birth_date IS NOT NULL
	UNION ALL
	SELECT 'source:' || source, birth_date FROM athlete_aliases WHERE birth_date IS NOT NULL)
SELECT grp, count(*), count(*) FILTER (WHERE month(birth_date) = 1),
       count(*) FILTER (WHERE month(birth_date) = 1 AND day(birth_date) = 1)
FROM b GROUP BY grp ORDER BY grp`

// heapingLevel is the family-wise level of the heaping tests (Bonferroni
// over the groups): both the year-wide and the within-January test must
// pass it, and the share must be at least twice the expected one.
const heapingLevel = 0.001

func heapingAlerts(ctx context.Context, st *datasets.Store, sum *ageSummary) ([]datasets.NewAlert, error) {
	sum.Heaping = map[string]agefraud.Heaping{}
	var groups []string // in query order, so that alerts come out in a stable order
	err := scanArrow(ctx, st, heapingQuery, func(c arrowCols, i int) {
		groups = append(groups, c.str(0, i))
		sum.Heaping[groups[len(groups)-1]] = agefraud.HeapingCounts(int(c.int64(1, i)), int(c.int64(2, i)), int(c.int64(3, i)))
	})
	if err != nil {
		return nil, fmt.Errorf("birth date heaping: %w", err)
	}
	level := heapingLevel / float64(max(1, len(sum.Heaping)))
	var alerts []datasets.NewAlert
	for _, grp := range groups {
		h := sum.Heaping[grp]
		if h.P >= level || h.PJanuary >= level || h.Share < 2*h.Expected {
			continue
		}
		ev, err := json.Marshal(evidence{Model: "1-January heaping of birth dates (binomial tests)", P: h.P, Signals: []evidenceSignal{
			{"jan1_share", round(h.Share, 5), round(h.Expected, 5), h.String()}}})
		if err != nil {
			return nil, err
		}
		// Severity: the share over the expected one, 10 times or more is 1.
		alerts = append(alerts, datasets.NewAlert{Type: "birth-date-heaping", Subject: grp,
			Severity: math.Min(1, h.Share/h.Expected/10), Evidence: ev})
	}
	return alerts, nil
}
