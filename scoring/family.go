package scoring

import (
	"fmt"
	"slices"
	"strings"

	"github.com/podium-sport/podium/models/potential"
)

// Family is the P(elite) model of one sport, fitted on that sport's
// training athletes alone when it has enough of them (Config.FamilyElite):
// what makes an elite swimmer at 14 need not be what makes an elite
// sprinter. Its athletes are scored by it; the pooled model, fitted on
// every sport, scores the rest.
type Family struct {
	Sport      string       `json:"sport"`
	Training   potential.CV `json:"training"` // its cross-validation, on its own athletes
	TrainN     int          `json:"train_n"`
	TrainElite int          `json:"train_elite"`
	model      *potential.Model
	means      []float64
}

// familyData gathers one sport's training rows while the pooled set is built.
type familyData struct {
	potential.Data
	athletes, elite int
}

// fitFamilies fits a model for every sport with at least min elite and min
// non-elite training athletes, in sport order.
func (b *Board) fitFamilies(data map[string]*familyData, min int, seed uint64) error {
	sports := make([]string, 0, len(data))
	for s := range data {
		sports = append(sports, s)
	}
	slices.Sort(sports)
	for _, s := range sports {
		d := data[s]
		if min < 0 || d.elite < min || d.athletes-d.elite < min {
			continue
		}
		means := imputeMeans(d.X)
		for i, x := range d.X {
			d.X[i] = impute(x, means)
		}
		opts := potential.DefaultOptions()
		opts.Seed = seed
		m, err := potential.Fit(d.Data, opts)
		if err != nil {
			return fmt.Errorf("scoring: fit P(elite) of %s on %d athletes: %w", s, d.athletes, err)
		}
		b.Families = append(b.Families, &Family{Sport: s, Training: m.CV(), TrainN: d.athletes, TrainElite: d.elite, model: m, means: means})
	}
	return nil
}

// modelFor returns the P(elite) model that scores a sport's athletes and
// its imputation means.
func (b *Board) modelFor(sport string) (*potential.Model, []float64) {
	if i, ok := slices.BinarySearchFunc(b.Families, sport, func(f *Family, s string) int { return strings.Compare(f.Sport, s) }); ok {
		return b.Families[i].model, b.Families[i].means
	}
	return b.model, b.means
}
