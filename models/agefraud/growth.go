package agefraud

import (
	"errors"
	"fmt"
	"math"

	"github.com/podium-sport/podium/models/anomaly"
	"github.com/podium-sport/podium/models/maturity"
)

// Session is one growth measurement of an athlete at a stated age.
type Session struct {
	Date     string  // YYYY-MM-DD, for the evidence
	AgeYears float64 // age from the stated birth date
	Height   float64 // cm
	Sitting  float64 // sitting height, cm; NaN when not measured
	Mass     float64 // kg; NaN when not measured
}

// Athlete is one athlete's growth record, sessions in date order.
type Athlete struct {
	Sex      string // "M" or "F"
	Sessions []Session
}

// Signal names, in Result.Signals order.
const (
	SigHeight   = iota // height for stated age, robust z
	SigMass            // body mass for stated age, robust z
	SigAgePHV          // predicted age at peak height velocity (Mirwald 2002) for stated age, robust z, sign flipped
	SigVelocity        // height velocity for stated age, robust z, signed: faster before the population's peak-velocity age, slower after it
	nSignals
)

// SignalNames names the signals for the evidence.
var SignalNames = [nSignals]string{"height_for_age_z", "mass_for_age_z", "early_phv_z", "velocity_stage_z"}

// Result is the screen of one athlete: each signal says, in robust SD of the
// same sex and year of stated age, how much older than stated the body looks
// (positive: older); NaN when it cannot be computed. Score is their mean over
// the available signals.
type Result struct {
	Signals [nSignals]float64
	Score   float64
	Heights []HeightPoint // the sessions with a height reference, to chart
}

// HeightPoint is a height against the 1st–99th centile band (median ±
// 2.326 robust SD) of the same sex and year of stated age.
type HeightPoint struct {
	Date                 string
	AgeYears             float64
	Height, Lower, Upper float64
}

// z99 is Φ⁻¹(0.99): the 1st–99th centile band is median ± z99 SD.
const z99 = 2.3263478740408408

// ErrNoReference is returned when no sex and age band has enough athletes.
var ErrNoReference = errors.New("agefraud: too few sessions for the age references")

// minBand is the fewest values a (sex, year of age) band needs for its
// robust reference.
const minBand = 30

// Screen scores every athlete against references built from all the
// athletes themselves (medians and MADs by sex and whole year of stated age;
// age fraud is rare, so it hardly moves them). The maturity offset comes
// from models/maturity (Mirwald et al. 2002).
func Screen(athletes []Athlete) ([]Result, error) {
	ref := newReference()
	vel := make([][]velocity, len(athletes))
	for i, a := range athletes {
		for _, s := range a.Sessions {
			ref.add(a.Sex, s.AgeYears, sessionValues(a.Sex, s))
		}
		vel[i] = velocities(a.Sessions)
		for _, v := range vel[i] {
			ref.addVelocity(a.Sex, v.age, v.cmPerYear)
		}
	}
	if err := ref.fit(); err != nil {
		return nil, err
	}
	out := make([]Result, len(athletes))
	for i, a := range athletes {
		out[i] = ref.score(a, vel[i])
	}
	return out, nil
}

// sessionValues are the per-session measures whose references are fitted:
// height, mass and predicted age at PHV (NaN when not computable).
func sessionValues(sex string, s Session) [3]float64 {
	aphv := math.NaN()
	if e, err := maturity.Offset(maturity.Mirwald2002, sex, s.AgeYears, s.Height, s.Sitting, s.Mass); err == nil {
		aphv = e.AgeAtPHV
	}
	return [3]float64{s.Height, s.Mass, aphv}
}

// velocity is the height velocity between two sessions, at their mid age.
type velocity struct{ age, cmPerYear float64 }

// velocities returns the height velocities between consecutive sessions at
// least half a year apart.
func velocities(ss []Session) []velocity {
	var out []velocity
	for i := 1; i < len(ss); i++ {
		dt := ss[i].AgeYears - ss[i-1].AgeYears
		if dt >= 0.5 {
			out = append(out, velocity{(ss[i].AgeYears + ss[i-1].AgeYears) / 2, (ss[i].Height - ss[i-1].Height) / dt})
		}
	}
	return out
}

// reference holds the values of each sex and year of age, then their
// robust fits.
type reference struct {
	vals map[band]*[nSignals][]float64
	fits map[band]*[nSignals]*anomaly.Robust
	peak map[string]int // per sex, the year of age with the fastest median growth
}

type band struct {
	sex string
	age int
}

func newReference() *reference {
	return &reference{vals: map[band]*[nSignals][]float64{}, fits: map[band]*[nSignals]*anomaly.Robust{}, peak: map[string]int{}}
}

func (r *reference) slot(sex string, age float64) *[nSignals][]float64 {
	b := band{sex, int(math.Floor(age))}
	v, ok := r.vals[b]
	if !ok {
		v = &[nSignals][]float64{}
		r.vals[b] = v
	}
	return v
}

func (r *reference) add(sex string, age float64, v [3]float64) {
	s := r.slot(sex, age)
	for k, x := range v {
		s[k] = append(s[k], x)
	}
}

func (r *reference) addVelocity(sex string, age, v float64) {
	s := r.slot(sex, age)
	s[SigVelocity] = append(s[SigVelocity], v)
}

// fit fits the robust reference of every band and signal with enough values.
func (r *reference) fit() error {
	for b, vals := range r.vals {
		f := &[nSignals]*anomaly.Robust{}
		fitted := false
		for k, v := range vals {
			f[k] = fitBand(v)
			fitted = fitted || f[k] != nil
		}
		if !fitted {
			continue
		}
		r.fits[b] = f
		if p, ok := r.peak[b.sex]; f[SigVelocity] != nil && (!ok || f[SigVelocity].Median > r.fits[band{b.sex, p}][SigVelocity].Median) {
			r.peak[b.sex] = b.age
		}
	}
	if len(r.fits) == 0 {
		return fmt.Errorf("agefraud: screen: %w", ErrNoReference)
	}
	return nil
}

// fitBand fits the robust reference of v; nil with fewer than minBand
// values or no spread.
func fitBand(v []float64) *anomaly.Robust {
	if len(v) < minBand {
		return nil
	}
	rb, err := anomaly.FitRobust(v)
	if err != nil {
		return nil
	}
	return &rb
}

// z returns the robust z of x in its band, NaN without a reference.
func (r *reference) z(sex string, age float64, k int, x float64) float64 {
	f, ok := r.fits[band{sex, int(math.Floor(age))}]
	if !ok || f[k] == nil {
		return math.NaN()
	}
	return f[k].Z(x)
}

// older is the sign that turns each signal's z into "looks older than
// stated": taller, heavier, earlier predicted PHV. Growth velocity has no
// fixed sign: a child older than stated grows faster than his stated age
// group before its growth spurt and slower after it (velocitySign).
var older = [nSignals]float64{1, 1, -1, 0}

// velocitySign is the sign of "older" for a velocity at age: +1 before the
// sex's peak-velocity year, −1 after it, 0 in it (uninformative).
func (r *reference) velocitySign(sex string, age float64) float64 {
	p, ok := r.peak[sex]
	switch a := int(math.Floor(age)); {
	case !ok || a == p:
		return 0
	case a < p:
		return 1
	}
	return -1
}

func (r *reference) score(a Athlete, vel []velocity) Result {
	var res Result
	var sum [nSignals]float64
	var cnt [nSignals]int
	acc := func(k int, sign, z float64) {
		if sign != 0 && !math.IsNaN(z) {
			sum[k] += sign * z
			cnt[k]++
		}
	}
	for _, s := range a.Sessions {
		v := sessionValues(a.Sex, s)
		for k, x := range v {
			acc(k, older[k], r.z(a.Sex, s.AgeYears, k, x))
		}
		if f := r.fits[band{a.Sex, int(math.Floor(s.AgeYears))}]; f != nil && f[SigHeight] != nil {
			h := f[SigHeight]
			res.Heights = append(res.Heights, HeightPoint{s.Date, s.AgeYears, s.Height, h.Median - z99*h.Scale, h.Median + z99*h.Scale})
		}
	}
	for _, v := range vel {
		acc(SigVelocity, r.velocitySign(a.Sex, v.age), r.z(a.Sex, v.age, SigVelocity, v.cmPerYear))
	}
	var total float64
	var n int
	for k := range res.Signals {
		res.Signals[k] = math.NaN()
		if cnt[k] > 0 {
			res.Signals[k] = sum[k] / float64(cnt[k])
			total += res.Signals[k]
			n++
		}
	}
	res.Score = math.NaN()
	if n > 0 {
		res.Score = total / float64(n)
	}
	return res
}
