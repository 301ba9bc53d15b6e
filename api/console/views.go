package console

import (
	"context"
	"time"
)

// This file holds everything the talent pages need from the providers the
// lead wires in later (scoring and models): the three small interfaces and
// the view structs they fill. A nil provider makes its page say "not
// available yet". Providers return an error wrapping datasets.ErrNotFound
// for an unknown athlete.

// RankingSource ranks youth athletes for the selection committee.
type RankingSource interface {
	Rankings(ctx context.Context, f RankingFilter) (RankingView, error)
}

// AthleteSource gives one athlete's profile; physiological data only when
// withPhysio is true (the integrity and admin roles).
type AthleteSource interface {
	Athlete(ctx context.Context, id int64, withPhysio bool) (AthleteView, error)
}

// ModelSource lists the fitted model versions and their held-out metrics.
type ModelSource interface {
	Models(ctx context.Context) ([]ModelView, error)
}

// JobSource starts retraining jobs and reports on them; actor is the user
// who asked, for the audit log.
type JobSource interface {
	StartRetrain(ctx context.Context, model, actor string) (JobView, error)
	Job(ctx context.Context, id string) (JobView, error)
}

// RankingFilter is what the rankings page asks for. Empty fields do not
// filter; Limit and Offset page through the ranked list (Limit 0: all, for
// the CSV export).
type RankingFilter struct {
	Event    string // e.g. "100m", "tennis"
	Sex      string // "M", "F" or ""
	Province string
	Limit    int
	Offset   int
}

// Interval is an estimate with its lower and upper bound (e.g. a 90% interval).
type Interval struct {
	Est, Lo, Hi float64
}

// Centiles places an athlete among peers of the same age, 0–100: raw, with
// the relative-age effect (birth quarter) removed, and adjusted for
// biological maturity.
type Centiles struct {
	Raw, RAE, Maturity float64
}

// RankingView is one page of a ranking.
type RankingView struct {
	Events    []string  // events the filter offers
	Provinces []string  // provinces the filter offers
	AsOf      time.Time // data cut-off of the ranking
	Total     int       // ranked athletes matching the filter, all pages
	Rows      []RankingRow
	Fairness  *Fairness // nil when not computed
}

// RankingRow is one ranked athlete.
type RankingRow struct {
	Rank      int
	AthleteID int64
	Name      string
	Sex       string
	BirthDate time.Time // zero when unknown
	Province  string
	PElite    Interval // probability of reaching elite level, 0–1
	Forecast  Interval // forecast best mark at the target age, in Unit
	Unit      string   // "s", "m", "points"
	Centiles  Centiles
	Reasons   []string // top reasons for the score, most important first
}

// Fairness audits the ranking for the relative-age effect: how the birth
// quarters of the top N compare with the whole pool.
type Fairness struct {
	TopN         int
	TopQuarters  [4]int   // athletes of the top N born in Q1..Q4
	PoolQuarters [4]int   // athletes of the pool born in Q1..Q4
	OddsRatio    Interval // Q1:Q4 odds ratio of reaching the top N, with its CI
}

// AthleteView is one athlete's profile page.
type AthleteView struct {
	ID            int64
	Name          string
	Sex           string
	BirthDate     time.Time
	Province      string
	Event         string
	Unit          string
	LowerIsBetter bool // times: a lower mark is better
	PElite        Interval
	Centiles      Centiles
	Reasons       []string
	Marks         []MarkPoint     // the athlete's results
	Forecast      []ForecastPoint // forecast trajectory with its band
	Bands         []CentileBand   // peer centiles by age
	Physio        []PhysioRow     // nil unless asked for with withPhysio
}

// MarkPoint is one result at an age.
type MarkPoint struct {
	AgeYears float64
	Mark     float64
}

// ForecastPoint is the forecast mark at an age with its interval.
type ForecastPoint struct {
	AgeYears float64
	Mark     Interval
}

// CentileBand is the peer distribution of marks at one age.
type CentileBand struct {
	AgeYears                float64
	P10, P25, P50, P75, P90 float64
}

// PhysioRow is one physiological test result with its reference range.
type PhysioRow struct {
	Date         time.Time
	Test         string
	Value        float64
	Unit         string
	RefLo, RefHi float64
}

// ModelView is one fitted model version.
type ModelView struct {
	Name      string
	Version   int
	SHA256    string
	CreatedAt time.Time
	Metrics   []Metric
}

// Metric is a held-out score next to its named baseline.
type Metric struct {
	Name         string // e.g. "AUC", "Brier"
	Value        float64
	Baseline     string // e.g. "age-group best mark"
	BaselineVal  float64
	HigherBetter bool
}

// JobView is one retraining job.
type JobView struct {
	ID       string
	Model    string
	State    string // "queued", "running", "done" or "failed"
	Actor    string
	Started  time.Time
	Finished time.Time // zero while the job runs
	Message  string    // outcome or error, for people
}
