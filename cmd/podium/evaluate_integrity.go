package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/sim"
	"github.com/podium-sport/podium/models/integrity"
	"github.com/podium-sport/podium/models/passport"
)

const evaluateIntegritySynopsis = `evaluate integrity --db DB [--plant N] [--seed S] [--trials T] [--athletes A] [--json]

Plants N match fixes (patterns steam, outlier_book and favourite_loses in
turn) into an in-memory copy of the store's played football matches, runs the
match-fixing detector at its default operating point and reports recall per
pattern, precision and the alert rate on the untouched matches, pooled over T
independent plantings (seeds S, S+1, …). Then
simulates A athletes (seed S, in memory) and scores the blood passport and the
growth screen against the simulator's planted doping and age fraud.`

// Targets of the integrity detectors (issue 4): recall of planted fixes with
// few false alerts, and the blood passport's specificity and sensitivity.
const (
	targetMatchRecall    = 0.90
	targetUntouchedRate  = 0.005
	targetValueSpec      = 0.99
	targetBloodSensitive = 0.85
)

// integrityEvaluation is what --json prints.
type integrityEvaluation struct {
	Matches *integrity.Evaluation `json:"matches"`
	Blood   *bloodEvaluation      `json:"blood"` // null when the simulated athletes give no blood reference
	Age     *ageEvaluation        `json:"age"`   // null when the simulated athletes give no growth reference
	Targets []target              `json:"targets"`
	Seconds float64               `json:"seconds"`
}

// target is one figure against its target.
type target struct {
	Name   string  `json:"name"`
	Value  float64 `json:"value"`
	Target string  `json:"target"`
	Met    bool    `json:"met"`
}

func runEvaluateIntegrity(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "evaluate integrity", evaluateIntegritySynopsis)
	db := dbFlag(fs)
	plant := fs.Int("plant", 30, "match fixes to plant per trial (the detector alerts at most 1 % of the scored matches)")
	seed := fs.Uint64("seed", 1, "seed of the plants and of the simulated athletes")
	trials := fs.Int("trials", 1, "independent plantings of N fixes to pool (each is a full detection run)")
	athletes := fs.Int("athletes", 20000, "athletes to simulate for the blood and age evaluations (0: skip them)")
	asJSON := fs.Bool("json", false, `print {"matches": {...}, "blood": {...}, "age": {...}, "targets": [...], "seconds"}`)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *plant < 0 || *athletes < 0 || *trials < 1 {
		fmt.Fprintln(env.stderr, "podium evaluate integrity: --plant and --athletes must be ≥ 0, --trials ≥ 1")
		return errUsage
	}
	start := time.Now()
	rep := integrityEvaluation{}
	var err error
	if rep.Matches, err = evaluateMatches(ctx, env, *db, *plant, *seed, *trials); err != nil {
		return err
	}
	if *athletes > 0 {
		if rep.Blood, rep.Age, err = evaluateAthletes(ctx, sim.Config{Athletes: *athletes, Seed: *seed}); err != nil {
			return err
		}
	}
	rep.Targets = integrityTargets(&rep)
	rep.Seconds = time.Since(start).Seconds()
	if *asJSON {
		return writeJSON(env.stdout, rep)
	}
	printIntegrityEvaluation(env, &rep)
	return nil
}

// evaluateMatches plants n fixes into copies of the store's played
// football matches, trials times (seeds seed, seed+1, …), and runs the
// detector at its default thresholds on each.
func evaluateMatches(ctx context.Context, env *cliEnv, db string, n int, seed uint64, trials int) (*integrity.Evaluation, error) {
	st, err := openStore(ctx, db)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	all, err := integrity.Load(ctx, st, time.Now().AddDate(0, 0, 1))
	if err != nil {
		return nil, err
	}
	bar := env.newProgress(int64(trials), "planted-fix trials")
	defer bar.Finish()
	var evs []*integrity.Evaluation
	for i := range uint64(trials) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		work, truth, err := integrity.Plant(all, n, seed+i, integrity.Patterns)
		if err != nil {
			return nil, fmt.Errorf("plant %d fixes in %s: %w", n, datasets.PathFromEnv(db), err)
		}
		ev, err := integrity.Evaluate(work, truth, integrity.Default())
		if err != nil {
			return nil, err
		}
		evs = append(evs, ev)
		bar.Add(1)
	}
	return integrity.Pool(evs), nil
}

// evaluateAthletes simulates athletes in a private in-memory store and
// scores the blood passport and the growth screen against the planted truth.
func evaluateAthletes(ctx context.Context, cfg sim.Config) (*bloodEvaluation, *ageEvaluation, error) {
	st, err := datasets.Open(ctx, "")
	if err != nil {
		return nil, nil, err
	}
	defer st.Close()
	if _, err := sim.Generate(ctx, st, cfg, nil); err != nil {
		return nil, nil, fmt.Errorf("simulate %d athletes: %w", cfg.Athletes, err)
	}
	blood, err := evaluateBlood(ctx, st)
	if err != nil {
		return nil, nil, err
	}
	age, err := evaluateAge(ctx, st)
	if err != nil {
		return nil, nil, err
	}
	return blood, age, nil
}

// bloodEvaluation is the blood passport on simulated athletes at its default
// configuration, with the population-ranges baseline.
type bloodEvaluation struct {
	Athletes           int                        `json:"athletes"`
	CleanAthletes      int                        `json:"clean_athletes"`
	ValueSpecificity   map[string]float64         `json:"value_specificity"` // per marker, clean athletes' values
	AthleteSpecificity float64                    `json:"athlete_specificity"`
	ByPattern          map[string]sensitivityRate `json:"by_pattern"`
	Sensitivity        float64                    `json:"sensitivity"`         // planted athletes flagged
	SampleSensitivity  float64                    `json:"sample_sensitivity"`  // manipulated samples with an atypical value
	Population         *bloodBaseline             `json:"population_baseline"` // the same checks against population ranges
}

type sensitivityRate struct {
	Planted     int     `json:"planted"`
	Found       int     `json:"found"`
	Sensitivity float64 `json:"sensitivity"`
}

type bloodBaseline struct {
	AthleteSpecificity float64            `json:"athlete_specificity"`
	Sensitivity        map[string]float64 `json:"sensitivity"`
}

func evaluateBlood(ctx context.Context, st *datasets.Store) (*bloodEvaluation, error) {
	profiles, err := loadBloodProfiles(ctx, st)
	if err != nil {
		return nil, err
	}
	truth, err := readPlantedBlood(ctx, st)
	if err != nil {
		return nil, err
	}
	abp, err := scoreBlood(profiles, truth, passport.DefaultConfig)
	if errors.Is(err, passport.ErrTooFew) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	fixed := passport.DefaultConfig
	fixed.FixedRanges = true
	base, err := scoreBlood(profiles, truth, fixed)
	if err != nil {
		return nil, err
	}
	ev := &bloodEvaluation{Athletes: len(profiles), CleanAthletes: abp.cleanAthletes, ValueSpecificity: map[string]float64{},
		AthleteSpecificity: abp.athleteSpec(), ByPattern: map[string]sensitivityRate{},
		SampleSensitivity: fraction(abp.plantedSamplesFlagged, abp.plantedSamples),
		Population:        &bloodBaseline{AthleteSpecificity: base.athleteSpec(), Sensitivity: map[string]float64{}}}
	for k, m := range passport.Markers {
		ev.ValueSpecificity[m.Name()] = 1 - fraction(abp.cleanValuesOut[k], abp.cleanValues[k])
	}
	var planted, found int
	for p, n := range abp.planted {
		ev.ByPattern[p] = sensitivityRate{n, abp.plantedFlagged[p], abp.sens(p)}
		ev.Population.Sensitivity[p] = base.sens(p)
		planted, found = planted+n, found+abp.plantedFlagged[p]
	}
	ev.Sensitivity = fraction(found, planted)
	return ev, nil
}

// ageEvaluation is the growth screen on simulated athletes at its default
// operating point (the top growthAlertRate of the screened athletes).
type ageEvaluation struct {
	Screened        int     `json:"screened"`
	Planted         int     `json:"planted"`          // planted age fraud, all athletes
	PlantedMeasured int     `json:"planted_measured"` // of them with growth sessions
	Alerts          int     `json:"alerts"`
	Found           int     `json:"found"`
	Recall          float64 `json:"recall"` // found / planted_measured
	Precision       float64 `json:"precision"`
	RandomRecall    float64 `json:"random_recall"` // baseline: alerting as many athletes at random
}

func evaluateAge(ctx context.Context, st *datasets.Store) (*ageEvaluation, error) {
	truth, err := plantedAgeFraud(ctx, st)
	if err != nil {
		return nil, err
	}
	recs, err := loadGrowth(ctx, st)
	if err != nil {
		return nil, err
	}
	sum := ageSummary{}
	alerts, err := growthAlerts(ctx, st, &sum)
	if err != nil || sum.Screened == 0 {
		return nil, err
	}
	ev := &ageEvaluation{Screened: sum.Screened, Planted: len(truth), Alerts: len(alerts)}
	for _, r := range recs {
		if truth[r.athleteID] {
			ev.PlantedMeasured++
		}
	}
	alerted := map[string]bool{}
	for _, a := range alerts {
		alerted[a.Subject] = true
	}
	for id := range truth {
		if alerted[athleteSubject(id)] {
			ev.Found++
		}
	}
	ev.Recall, ev.Precision = fraction(ev.Found, ev.PlantedMeasured), fraction(ev.Found, ev.Alerts)
	ev.RandomRecall = fraction(ev.Alerts, ev.Screened)
	return ev, nil
}

// fraction is a/b, 0 when b is 0.
func fraction(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// integrityTargets compares the measured figures with the targets.
func integrityTargets(rep *integrityEvaluation) []target {
	var out []target
	add := func(name string, v float64, want string, met bool) { out = append(out, target{name, v, want, met}) }
	if m := rep.Matches; m != nil && m.Planted > 0 {
		add("matches: recall of planted fixes", m.Recall, fmt.Sprintf("≥ %.2f", targetMatchRecall), m.Recall >= targetMatchRecall)
		add("matches: alert rate on untouched matches", m.UntouchedAlertRate, fmt.Sprintf("≤ %.3f", targetUntouchedRate),
			m.UntouchedAlertRate <= targetUntouchedRate)
	}
	if b := rep.Blood; b != nil {
		for _, m := range passport.Markers {
			v := b.ValueSpecificity[m.Name()]
			add("blood: specificity per value, "+m.Name(), v, fmt.Sprintf("≥ %.2f", targetValueSpec), v >= targetValueSpec)
		}
		for _, p := range sortedKeys(b.ByPattern) {
			v := b.ByPattern[p].Sensitivity
			add("blood: sensitivity, "+p, v, fmt.Sprintf("≥ %.2f", targetBloodSensitive), v >= targetBloodSensitive)
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// plantedCase is one athlete's planted blood manipulation.
type plantedCase struct {
	pattern string          // "epo" or "transfusion"
	dates   map[string]bool // the manipulated samples
}

// readPlantedBlood reads the simulator's planted blood manipulations
// (evaluations only: detectors never read truth tables).
func readPlantedBlood(ctx context.Context, st *datasets.Store) (map[int64]plantedCase, error) {
	rows, err := st.Query(ctx, `
		SELECT x.athlete_id, e.detail FROM truth_events e
		JOIN athlete_aliases x ON x.source = 'sim' AND x.source_id = e.subject
		WHERE e.kind = ?`, sim.KindBloodManipulation)
	if err != nil {
		return nil, fmt.Errorf("planted blood manipulations: %w", err)
	}
	defer rows.Close()
	out := map[int64]plantedCase{}
	for rows.Next() {
		var id int64
		var detail string
		if err := rows.Scan(&id, &detail); err != nil {
			return nil, fmt.Errorf("planted blood manipulations: %w", err)
		}
		var d struct {
			Pattern string `json:"pattern"`
			Samples []struct {
				Date string `json:"date"`
			} `json:"samples"`
		}
		if err := json.Unmarshal([]byte(detail), &d); err != nil {
			return nil, fmt.Errorf("planted blood manipulation of athlete %d: %w", id, err)
		}
		c := plantedCase{pattern: d.Pattern, dates: map[string]bool{}}
		for _, s := range d.Samples {
			c.dates[s.Date] = true
		}
		out[id] = c
	}
	return out, rows.Err()
}

// plantedAgeFraud reads the athlete ids of the simulator's planted age
// fraud (evaluations only).
func plantedAgeFraud(ctx context.Context, st *datasets.Store) (map[int64]bool, error) {
	rows, err := st.Query(ctx, `
		SELECT DISTINCT x.athlete_id FROM truth_athletes ta
		JOIN athlete_aliases x ON x.source = 'sim' AND x.source_id = ta.source_id
		WHERE ta.age_fraud`)
	if err != nil {
		return nil, fmt.Errorf("planted age fraud: %w", err)
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("planted age fraud: %w", err)
		}
		out[id] = true
	}
	return out, rows.Err()
}

// bloodScore counts one passport configuration's findings per athlete, per
// sample and per value.
type bloodScore struct {
	cleanAthletes, cleanFlagged           int
	planted, plantedFlagged               map[string]int // by pattern
	cleanSamples, cleanSamplesFlagged     int
	plantedSamples, plantedSamplesFlagged int
	cleanValues, cleanValuesOut           [3]int // by marker
}

func (s *bloodScore) athleteSpec() float64  { return 1 - fraction(s.cleanFlagged, s.cleanAthletes) }
func (s *bloodScore) sens(p string) float64 { return fraction(s.plantedFlagged[p], s.planted[p]) }

// scoreBlood fits the passport of cfg to the profiles and counts its
// findings against the planted truth. Profiles of a sex without a prior
// are left out, as `podium detect` does.
func scoreBlood(profiles []bloodProfile, truth map[int64]plantedCase, cfg passport.Config) (*bloodScore, error) {
	m, err := passport.Fit(passportProfiles(profiles), cfg)
	if err != nil {
		return nil, err
	}
	s := &bloodScore{planted: map[string]int{}, plantedFlagged: map[string]int{}}
	for _, p := range profiles {
		res, err := m.Analyse(p.v)
		if err != nil {
			continue
		}
		tc, doped := truth[p.athleteID]
		if doped {
			s.planted[tc.pattern]++
			s.plantedFlagged[tc.pattern] += btoi(res.Atypical)
		} else {
			s.cleanAthletes++
			s.cleanFlagged += btoi(res.Atypical)
		}
		for i, c := range res.Checks {
			flagged := btoi(c[0].Atypical || c[1].Atypical || c[2].Atypical)
			switch {
			case doped && tc.dates[p.v.Samples[i].Date]:
				s.plantedSamples++
				s.plantedSamplesFlagged += flagged
			case !doped:
				s.cleanSamples++
				s.cleanSamplesFlagged += flagged
				for k := range c {
					s.cleanValues[k]++
					s.cleanValuesOut[k] += btoi(c[k].Atypical)
				}
			}
		}
	}
	return s, nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// printIntegrityEvaluation prints the evaluation as tables.
func printIntegrityEvaluation(env *cliEnv, rep *integrityEvaluation) {
	w := env.stdout
	if m := rep.Matches; m != nil {
		fmt.Fprintf(w, "match fixing: %d matches scored in %d trial(s), %d fixes planted, %d alerts at the default operating point\n",
			m.Scored/m.Trials, m.Trials, m.Planted, m.Alerts)
		if m.Planted > 0 {
			printPlantedTable(w, m)
		}
		fmt.Fprintf(w, "  precision %.1f %%; untouched matches alerted %d of %d = %.2f %% (any-10pt rule: %.2f %%)\n",
			100*m.Precision, m.UntouchedAlerts, m.Untouched, 100*m.UntouchedAlertRate, 100*m.Any10UntouchedRate)
	}
	if b := rep.Blood; b != nil {
		fmt.Fprintf(w, "blood passport: %d simulated athletes with samples, %d clean; athlete specificity %.4f (population ranges %.4f)\n",
			b.Athletes, b.CleanAthletes, b.AthleteSpecificity, b.Population.AthleteSpecificity)
		for _, p := range sortedKeys(b.ByPattern) {
			r := b.ByPattern[p]
			fmt.Fprintf(w, "  %-12s planted %4d found %4d sensitivity %5.1f %% (population ranges %5.1f %%)\n",
				p, r.Planted, r.Found, 100*r.Sensitivity, 100*b.Population.Sensitivity[p])
		}
	}
	if a := rep.Age; a != nil {
		fmt.Fprintf(w, "age fraud (growth screen): %d screened, %d planted (%d with growth sessions), %d alerts: recall %.1f %%, precision %.1f %% (random %.1f %%)\n",
			a.Screened, a.Planted, a.PlantedMeasured, a.Alerts, 100*a.Recall, 100*a.Precision, 100*a.RandomRecall)
	}
	fmt.Fprintln(w, "targets:")
	for _, t := range rep.Targets {
		met := "MISSED"
		if t.Met {
			met = "met"
		}
		fmt.Fprintf(w, "  %-46s %.4f  (%s)  %s\n", t.Name, t.Value, t.Target, met)
	}
	fmt.Fprintf(w, "(%.1f s)\n", rep.Seconds)
}

// printPlantedTable prints recall per pattern, in the ranking's top 2 % and
// by the any-10-point-move rule.
func printPlantedTable(w io.Writer, m *integrity.Evaluation) {
	fmt.Fprintf(w, "  %-18s %7s %6s %8s %16s %16s\n", "pattern", "planted", "found", "recall", "in top 2 %", "any-10pt recall")
	for _, p := range integrity.Patterns {
		if r, ok := m.ByPattern[p]; ok {
			fmt.Fprintf(w, "  %-18s %7d %6d %7.1f%% %15.1f%% %15.1f%%\n", p, r.Planted, r.Found, 100*r.Recall, 100*r.Top2Recall, 100*r.Any10Recall)
		}
	}
	fmt.Fprintf(w, "  %-18s %7d %6d %7.1f%% %15.1f%% %15.1f%%\n", "all", m.Planted, m.Found, 100*m.Recall, 100*m.Top2Recall, 100*m.Any10Recall)
}
