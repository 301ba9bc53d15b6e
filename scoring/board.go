package scoring

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/podium-sport/podium/features"
	"github.com/podium-sport/podium/models/centile"
	"github.com/podium-sport/podium/models/drift"
	"github.com/podium-sport/podium/models/maturity"
	"github.com/podium-sport/podium/models/potential"
	"github.com/podium-sport/podium/models/trajectory"
)

// Config says how to build a talent board.
type Config struct {
	AsOf time.Time // cut-off: nothing after it is read (default today)
	// TargetAge is the age the trajectory forecast is made for (default 19.5,
	// the end of the youth range the data covers).
	TargetAge float64
	// Elite are the senior levels that count as reaching the elite level
	// (default elite and national).
	Elite []string
	// TrainBornTo: athletes born in or before this year have known outcomes
	// and train P(elite); 0 means the last season in the data − 19, the
	// cohorts whose youth careers are complete.
	TrainBornTo int
	Seed        uint64
	// Progress, when set, is told each stage of the build and its share done.
	Progress func(stage string, percent float64)
	// Artifact, when set, is a saved P(elite) model (Board.Artifact) to
	// score with instead of fitting one.
	Artifact []byte
	// FamilyElite is the fewest elite and the fewest non-elite training
	// athletes a sport needs for its own P(elite) model (default
	// DefaultFamilyElite); negative fits the pooled model only.
	FamilyElite int
}

// DefaultFamilyElite is the default Config.FamilyElite: a ten-feature
// model with its penalty and calibration chosen by cross-validation wants a
// few hundred events of each kind.
const DefaultFamilyElite = 200

func (c Config) withDefaults() Config {
	if c.AsOf.IsZero() {
		c.AsOf = time.Now().UTC()
	}
	if c.TargetAge == 0 {
		c.TargetAge = 19.5
	}
	if len(c.Elite) == 0 {
		c.Elite = []string{"elite", "national"}
	}
	if c.FamilyElite == 0 {
		c.FamilyElite = DefaultFamilyElite
	}
	return c
}

// Outcomes gives the known senior level of athletes, by athlete id
// (datasets.Store.Outcomes adapted by the caller).
type Outcomes func(ctx context.Context) (map[int64]string, error)

// Board is every athlete's talent scores as of one date, ranked by P(elite):
// the national common scale that rankings filter and page through.
type Board struct {
	AsOf        time.Time           `json:"as_of"`
	TargetAge   float64             `json:"target_age"`
	TrainBornTo int                 `json:"train_born_to"`
	Training    potential.CV        `json:"training"`
	TrainN      int                 `json:"train_n"`
	TrainElite  int                 `json:"train_elite"`
	Features    []potential.Feature `json:"features"`
	// Families are the sports with a P(elite) model of their own; the
	// others' athletes are scored by the pooled model (Training).
	Families []*Family `json:"families,omitempty"`
	Rows     []Row     `json:"-"`
	// Untrained says why P(elite) could not be fitted; the board then ranks
	// by the age-standardised level alone.
	Untrained string   `json:"untrained,omitempty"`
	Elite     []string `json:"elite"`

	ref   *centile.Reference
	traj  map[centile.Key]*trajectory.Model
	model *potential.Model
	means []float64 // training means imputing missing features
	// driftRef is each feature's binned training distribution.
	driftRef []drift.Reference
	// cohorts caches Rank's cohorts (cohortKey → *cohort), ncohorts counts
	// them.
	cohorts  sync.Map
	ncohorts atomic.Int64
	byID     map[int64][]int
	marks    map[int64][]mark
}

// Row is one athlete in his main event (the one with most results).
type Row struct {
	AthleteID     int64     `json:"athlete_id"`
	Name          string    `json:"name"`
	Sex           string    `json:"sex"`
	BirthDate     string    `json:"birth_date"`
	BirthQuarter  int       `json:"birth_quarter"`
	Province      string    `json:"province"`
	Sport         string    `json:"sport"`
	Discipline    string    `json:"discipline"`
	Unit          string    `json:"unit"`
	LowerIsBetter bool      `json:"lower_is_better"`
	Age           Num       `json:"age"`
	Results       int       `json:"results"`
	Best          Num       `json:"best_recent"` // best mark in the 12 months before the cut-off (else ever)
	Z             Three     `json:"z"`
	Centiles      Three     `json:"centiles"`
	MaturityBand  string    `json:"maturity_band"`
	Forecast      Interval  `json:"forecast"` // mark at the target age
	PElite        Interval  `json:"p_elite"`
	Reasons       []Reason  `json:"reasons"`
	InTraining    bool      `json:"in_training"` // in the training cohorts (outcome known): P(elite) may be in-sample
	x             []float64 // the feature vector
}

// Reason is one feature's push on P(elite).
type Reason struct {
	Feature string  `json:"feature"`
	Label   string  `json:"label"`
	Value   Num     `json:"value"`
	Effect  float64 `json:"effect"` // on the logit; > 0 raises P(elite)
}

// Build reads the store as of cfg.AsOf and fits everything the board needs:
// centile curves (raw by category, by exact age), the maturity adjustment,
// one trajectory model per event and sex, and P(elite) on the cohorts whose
// outcome is known.
func Build(ctx context.Context, src Source, outcomes Outcomes, cfg Config) (*Board, error) {
	cfg = cfg.withDefaults()
	step := func(stage string, pct float64) {
		if cfg.Progress != nil {
			cfg.Progress(stage, pct)
		}
	}
	step("reading results", 0)
	cut := features.AsOfDate(cfg.AsOf)
	marks, err := loadMarks(ctx, src, cut)
	if err != nil {
		return nil, err
	}
	if len(marks) == 0 {
		return nil, fmt.Errorf("scoring: no result with a known age before %s", cfg.AsOf.Format(time.DateOnly))
	}
	athletes, err := loadAthletes(ctx, src, cut)
	if err != nil {
		return nil, err
	}
	b := &Board{AsOf: cfg.AsOf, TargetAge: cfg.TargetAge, TrainBornTo: cfg.TrainBornTo, Features: featureList, Elite: cfg.Elite}
	step("centile curves", 15)
	sc, err := b.fitScorer(marks, athletes)
	if err != nil {
		return nil, err
	}
	step("trajectory models", 30)
	if err := b.fitTrajectories(marks); err != nil {
		return nil, err
	}
	step("scoring athletes", 60)
	b.rows(marks, athletes, sc, cfg)
	step("P(elite)", 85)
	if b.TrainBornTo == 0 {
		b.TrainBornTo = lastSeason(marks) - 19
	}
	if cfg.Artifact != nil {
		if err := b.applyArtifact(cfg.Artifact); err != nil {
			return nil, err
		}
	} else if err := b.fitPotential(ctx, outcomes, trainer{athletes, sc, cfg}); err != nil && !errors.Is(err, ErrNoOutcomes) {
		return nil, err
	} else if err != nil {
		b.Untrained = err.Error()
	}
	sort.SliceStable(b.Rows, func(i, j int) bool { return b.Rows[i].score() > b.Rows[j].score() })
	b.index()
	return b, nil
}

// fitScorer fits the three norms: categories (raw), exact-age LMS curves
// (RAE-corrected) and the maturity adjustment.
func (b *Board) fitScorer(marks []mark, athletes map[int64]*athlete) (*maturity.Scorer, error) {
	rs := make([]centile.Result, len(marks))
	for i, m := range marks {
		rs[i] = m.Result
	}
	ref, err := centile.FitReference(rs, centile.Config{MaxObs: maxCentileObs})
	if err != nil {
		return nil, err
	}
	b.ref = ref
	var samples []maturity.Sample
	for _, m := range marks {
		a := athletes[m.Athlete]
		if a == nil || math.IsNaN(a.AgeAtPHV) {
			continue
		}
		if z, err := ref.Z(m.Key, m.Age, m.Mark); err == nil {
			samples = append(samples, maturity.Sample{Sex: m.Sex, Age: m.Age, Z: z, Offset: m.Age - a.AgeAtPHV})
		}
	}
	sc := &maturity.Scorer{Categories: centile.FitCategories(rs), Reference: ref}
	if adj, err := maturity.FitAdjuster(samples); err == nil {
		sc.Maturity = adj
	}
	return sc, nil
}

// fitTrajectories fits one trajectory model per event and sex
// (trajectories.go, shared with EvaluateTrajectories).
func (b *Board) fitTrajectories(marks []mark) error {
	b.traj = map[centile.Key]*trajectory.Model{}
	for k, ss := range trajectorySeries(marks) {
		m, err := fitTrajectory(k, ss)
		if err != nil {
			return err
		}
		b.traj[k] = m
	}
	return nil
}

// maxCentileObs bounds the marks each event's centile curves are fitted on.
const maxCentileObs = 30000

// minTrajectoryAthletes is the fewest athletes an event needs for its
// trajectory model.
const minTrajectoryAthletes = 50

// score orders the board: P(elite), else the age-standardised level; NaN last.
func (r Row) score() float64 {
	for _, v := range []Num{r.PElite.Est, r.Z.RAE} {
		if !math.IsNaN(float64(v)) {
			return float64(v)
		}
	}
	return math.Inf(-1)
}

func lastSeason(marks []mark) int {
	last := 0
	for _, m := range marks {
		last = max(last, m.Season)
	}
	return last
}

func (b *Board) index() {
	b.byID = map[int64][]int{}
	for i, r := range b.Rows {
		b.byID[r.AthleteID] = append(b.byID[r.AthleteID], i)
	}
}
