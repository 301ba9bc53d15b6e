package talent

import (
	"context"

	"github.com/podium-sport/podium/models/potential"
)

// Row is one athlete of a cohort: his features frozen at the cut-off and
// his outcome, which may be decided after it.
type Row struct {
	AthleteID int64
	// SourceID is the athlete's id in the sport's source (ATP player id).
	SourceID  string
	BirthYear int
	X         []float64
	Elite     bool
}

// Baseline names a one-feature model: the column of Cohort.Features it
// reads.
type Baseline struct {
	Name    string
	Feature string
}

// Cohort is the population of a sport at a cut-off age: every athlete with
// a result before it, his features and outcome.
type Cohort struct {
	Features  []potential.Feature
	Baselines []Baseline
	Rows      []Row
}

// Extractor builds the cohort of a sport frozen at an age: features use only
// what happened before each athlete's cut-off day; the outcome is the
// sport's definition of elite. Tennis implements it; a marks sport can too.
type Extractor interface {
	Cohort(ctx context.Context, freezeAgeYears float64) (*Cohort, error)
}
