package scoring

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/podium-sport/podium/models/drift"
	"github.com/podium-sport/podium/models/potential"
)

// artifactFormat versions the board artifact's JSON.
const artifactFormat = 1

// artifact is what a trained board keeps for the registry: the P(elite)
// model and everything needed to apply it to new rows. The norms (centile
// curves, trajectories) are refitted from the data at each build: they
// describe the current population, not a learnt judgement.
type artifact struct {
	Format      int                 `json:"format"`
	TargetAge   float64             `json:"target_age"`
	TrainBornTo int                 `json:"train_born_to"`
	Elite       []string            `json:"elite"`
	Features    []potential.Feature `json:"features"`
	Means       []float64           `json:"impute_means"`
	Training    potential.CV        `json:"training"`
	TrainN      int                 `json:"train_n"`
	TrainElite  int                 `json:"train_elite"`
	Model       []byte              `json:"model"`           // potential.Model.MarshalBinary
	Drift       []drift.Reference   `json:"drift_reference"` // per feature, of the athletes scored at training
	// Families are the sports' own models, in sport order (absent when
	// every athlete is scored by the pooled model).
	Families []familyArtifact `json:"families,omitempty"`
}

// familyArtifact is one Family in the artifact.
type familyArtifact struct {
	Sport      string       `json:"sport"`
	Means      []float64    `json:"impute_means"`
	Training   potential.CV `json:"training"`
	TrainN     int          `json:"train_n"`
	TrainElite int          `json:"train_elite"`
	Model      []byte       `json:"model"`
}

// Artifact encodes the board's fitted P(elite) model for the registry. The
// encoding is deterministic: the same data and seed give the same bytes.
func (b *Board) Artifact() ([]byte, error) {
	if b.model == nil {
		return nil, fmt.Errorf("scoring: no P(elite) model to save (%s)", b.Untrained)
	}
	m, err := b.model.MarshalBinary()
	if err != nil {
		return nil, err
	}
	a := artifact{Format: artifactFormat, TargetAge: b.TargetAge, TrainBornTo: b.TrainBornTo,
		Elite: b.Elite, Features: featureList, Means: b.means, Training: b.Training, TrainN: b.TrainN,
		TrainElite: b.TrainElite, Model: m, Drift: b.driftRef}
	for _, f := range b.Families {
		fm, err := f.model.MarshalBinary()
		if err != nil {
			return nil, err
		}
		a.Families = append(a.Families, familyArtifact{Sport: f.Sport, Means: f.means, Training: f.Training,
			TrainN: f.TrainN, TrainElite: f.TrainElite, Model: fm})
	}
	return json.Marshal(a)
}

// driftReferences bins each feature over the athletes scored when the model
// was trained (those outside its training cohorts). The training rows
// themselves are older by construction (their outcomes are known), so
// comparing today's youths with them would always "drift"; comparing today's
// youths with the youths the model was validated for shows a real change in
// the population or the data feeds.
func (b *Board) driftReferences() {
	b.driftRef = make([]drift.Reference, len(featureList))
	for j := range featureList {
		var v []float64
		for i := range b.Rows {
			if !b.Rows[i].InTraining {
				v = append(v, b.Rows[i].x[j])
			}
		}
		b.driftRef[j], _ = drift.NewReference(v) // an empty reference scores no drift
	}
}

// Drift is the population stability index of each feature of the athletes
// being scored (outside the training cohorts) against those scored when the
// model in use was trained; see models/drift. Empty when there is no model.
func (b *Board) Drift() map[string]float64 {
	if len(b.driftRef) != len(featureList) {
		return nil
	}
	out := map[string]float64{}
	for j, f := range featureList {
		var v []float64
		for i := range b.Rows {
			if !b.Rows[i].InTraining {
				v = append(v, b.Rows[i].x[j])
			}
		}
		if len(b.driftRef[j].Shares) > 0 && len(v) > 0 {
			out[f.Name] = b.driftRef[j].PSI(v)
		}
	}
	return out
}

// decodeFamilies restores the sports' own models, which must come in sport
// order with one imputation mean per feature.
func decodeFamilies(fs []familyArtifact) ([]*Family, error) {
	var out []*Family
	for i, f := range fs {
		if len(f.Means) != len(featureList) || i > 0 && fs[i-1].Sport >= f.Sport {
			return nil, fmt.Errorf("scoring: board artifact: family %d (%q): %d means for %d features, or not in sport order",
				i, f.Sport, len(f.Means), len(featureList))
		}
		m := new(potential.Model)
		if err := m.UnmarshalBinary(f.Model); err != nil {
			return nil, fmt.Errorf("scoring: board artifact: family %s: %w", f.Sport, err)
		}
		out = append(out, &Family{Sport: f.Sport, Training: f.Training, TrainN: f.TrainN, TrainElite: f.TrainElite, model: m, means: f.Means})
	}
	return out, nil
}

// applyArtifact scores the board with a saved P(elite) model instead of
// fitting one.
func (b *Board) applyArtifact(data []byte) error {
	var a artifact
	if err := json.Unmarshal(data, &a); err != nil {
		return fmt.Errorf("scoring: board artifact: %w", err)
	}
	if a.Format != artifactFormat || !slices.Equal(a.Features, featureList) || len(a.Means) != len(featureList) {
		return fmt.Errorf("scoring: board artifact: format %d with %d features does not fit this version (format %d, %d features)",
			a.Format, len(a.Features), artifactFormat, len(featureList))
	}
	m := new(potential.Model)
	if err := m.UnmarshalBinary(a.Model); err != nil {
		return fmt.Errorf("scoring: board artifact: %w", err)
	}
	families, err := decodeFamilies(a.Families)
	if err != nil {
		return err
	}
	b.model, b.means, b.Training, b.TrainN, b.TrainElite, b.TrainBornTo, b.Elite = m, a.Means, a.Training, a.TrainN, a.TrainElite, a.TrainBornTo, a.Elite
	b.driftRef, b.Families = a.Drift, families
	for i := range b.Rows {
		b.Rows[i].InTraining = b.Rows[i].BirthDate != "" && birthYear(b.Rows[i]) <= b.TrainBornTo
	}
	b.predict()
	return nil
}

// LatestResult is the date of the latest result in the store: the
// data-defined cut-off that makes a retrain reproducible (zero when there is
// no result).
func LatestResult(ctx context.Context, src Source) (time.Time, error) {
	rr, err := src.QueryArrow(ctx, "SELECT max(date) AS d FROM results")
	if err != nil {
		return time.Time{}, fmt.Errorf("scoring: latest result: %w", err)
	}
	defer rr.Release()
	var t time.Time
	for rr.Next() {
		if col, ok := rr.Record().Column(0).(*array.Date32); ok && col.Len() > 0 && !col.IsNull(0) {
			t = col.Value(0).ToTime()
		}
	}
	return t, rr.Err()
}
