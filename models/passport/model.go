package passport

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat/distuv"
)

// Profile is one athlete's samples in date order.
type Profile struct {
	Sex     string // "M" or "F"
	Samples []Sample
}

// Config sets the specificities of the checks.
type Config struct {
	// ValueSpecificity is the share of clean values inside their individual
	// limits (two-sided): 0.99 in the WADA ABP.
	ValueSpecificity float64
	// AthleteSpecificity is the share of clean athletes not flagged, after
	// the per-value and sequence p-values are adjusted for their number.
	AthleteSpecificity float64
	// Judge lists the markers whose checks decide the athlete-level P
	// (default all three; the WADA ABP's primary markers are HGB and OFF).
	Judge []Marker
	// FixedRanges ignores the athlete's earlier samples: every value is
	// judged against the population range of its sex and age (the baseline
	// that individual ranges are measured against).
	FixedRanges bool
}

// DefaultConfig is 99 % specificity per value and per athlete.
var DefaultConfig = Config{ValueSpecificity: 0.99, AthleteSpecificity: 0.99}

// Model holds the population priors of each sex and marker.
type Model struct {
	cfg    Config
	priors map[string]*[nMarkers]Prior
}

// Fit estimates the population priors of each sex from the profiles (see
// fitPrior). A sex with fewer than 10 athletes with repeated samples is
// left out; Analyse then refuses its athletes.
func Fit(profiles []Profile, cfg Config) (*Model, error) {
	if !(cfg.ValueSpecificity > 0.5 && cfg.ValueSpecificity < 1 && cfg.AthleteSpecificity > 0.5 && cfg.AthleteSpecificity < 1) {
		return nil, fmt.Errorf("passport: specificities %v outside (0.5, 1)", cfg)
	}
	bySex := map[string][][]Sample{}
	for _, p := range profiles {
		bySex[p.Sex] = append(bySex[p.Sex], p.Samples)
	}
	m := &Model{cfg: cfg, priors: map[string]*[nMarkers]Prior{}}
	for sex, profs := range bySex {
		var pr [nMarkers]Prior
		var err error
		for _, mk := range Markers {
			if pr[mk], err = fitPrior(mk, profs); err != nil {
				break
			}
		}
		if err == nil {
			m.priors[sex] = &pr
		}
	}
	if len(m.priors) == 0 {
		return nil, fmt.Errorf("passport: fit on %d profiles: %w", len(profiles), ErrTooFew)
	}
	return m, nil
}

// Prior returns the fitted prior of a sex and marker.
func (m *Model) Prior(sex string, mk Marker) (Prior, bool) {
	p, ok := m.priors[sex]
	if !ok {
		return Prior{}, false
	}
	return p[mk], true
}

// Check is one value against its individual reference range, in the
// marker's unit.
type Check struct {
	Value, Lower, Upper float64
	Z                   float64 // standardised innovation (model scale)
	P                   float64 // two-sided p-value of Z
	Atypical            bool    // outside [Lower, Upper]
}

// Sequence is the sequence-level check of one marker: the largest
// standardised level change of a segment of the profile (see scan) and its
// p-value under the model.
type Sequence struct {
	Stat float64
	P    float64
}

// Result is the analysis of one profile.
type Result struct {
	Checks   [][nMarkers]Check // per sample, per marker
	Sequence [nMarkers]Sequence
	P        float64 // athlete-level p-value (adjusted, see Analyse)
	Atypical bool    // P below 1 − AthleteSpecificity
}

// Analyse checks each sample of a profile against the athlete's adaptive
// reference range built from the population prior and the earlier samples,
// and the whole sequence of each marker with a change-in-level scan. The
// athlete-level P is the smaller of the Šidák-adjusted smallest value
// p-value (over the judged markers × n samples) and the adjusted smallest
// sequence p-value (over the judged markers), doubled (Bonferroni over the
// two families); conservative because the OFF-score is a function of the
// other two markers.
func (m *Model) Analyse(p Profile) (*Result, error) {
	pr, ok := m.priors[p.Sex]
	if !ok {
		return nil, fmt.Errorf("passport: no prior for sex %q", p.Sex)
	}
	res := &Result{Checks: make([][nMarkers]Check, len(p.Samples))}
	for _, mk := range Markers {
		m.checkMarker(&pr[mk], mk, p.Samples, res)
	}
	judged := m.cfg.Judge
	if len(judged) == 0 {
		judged = Markers
	}
	minValueP, minSeqP := 1.0, 1.0
	for _, mk := range judged {
		for _, c := range res.Checks {
			minValueP = math.Min(minValueP, c[mk].P)
		}
		minSeqP = math.Min(minSeqP, res.Sequence[mk].P)
	}
	pv := sidak(minValueP, float64(len(judged)*len(p.Samples)))
	ps := sidak(minSeqP, float64(len(judged)))
	res.P = math.Min(1, 2*math.Min(pv, ps))
	res.Atypical = res.P < 1-m.cfg.AthleteSpecificity
	return res, nil
}

// checkMarker fills the checks and the sequence test of one marker.
func (m *Model) checkMarker(prior *Prior, mk Marker, samples []Sample, res *Result) {
	zc := distuv.UnitNormal.Quantile(1 - (1-m.cfg.ValueSpecificity)/2)
	prev := make([]float64, 0, len(samples))
	std := make([]float64, 0, len(samples))
	for i, s := range samples {
		pred := prior.Predict(prev)
		lvl := prior.Level[ageBin(s.AgeYears)]
		r := prior.residual(mk, s)
		c := Check{Value: mk.natural(s.value(mk)), Z: (r - pred.Mean) / pred.SD,
			Lower: mk.natural(lvl + pred.Mean - zc*pred.SD), Upper: mk.natural(lvl + pred.Mean + zc*pred.SD)}
		c.P = 2 * distuv.UnitNormal.Survival(math.Abs(c.Z))
		c.Atypical = math.Abs(c.Z) > zc
		res.Checks[i][mk] = c
		if !m.cfg.FixedRanges {
			prev = append(prev, r)
		}
		std = append(std, r/math.Sqrt(prior.Within))
	}
	res.Sequence[mk] = Sequence{P: 1} // fixed population ranges have no sequence test
	if !m.cfg.FixedRanges {
		res.Sequence[mk] = scanTest(std)
	}
}

// sidak is the probability that the smallest of k independent p-values is
// at most p: 1 − (1 − p)^k.
func sidak(p, k float64) float64 { return -math.Expm1(k * math.Log1p(-p)) }
