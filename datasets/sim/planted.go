package sim

import (
	"math"
	"time"
)

// Planted integrity cases and their rates: small, like the real base rates
// an integrity unit faces (modelling assumptions).
const (
	ageFraudRate  = 0.003 // of athletes
	dopingRate    = 0.004 // of athletes who compete at 15+ over two seasons or more
	bloodRate     = 0.03  // of national-squad athletes with blood samples
	duplicateRate = 0.005 // of athletes with two seasons or more
)

// Truth event kinds (truth_events.kind).
const (
	KindFixedMatch        = "fixed-match"
	KindDopingJump        = "doping-jump"
	KindBloodManipulation = "blood-manipulation"
	KindAgeFraud          = "age-fraud"
	KindDuplicateIdentity = "duplicate-identity"
)

// planted are the integrity cases planted on one athlete.
type planted struct {
	fraudYears float64 // stated birth date is this many years after the true one; 0 when honest
	doping     *dopingPlan
	blood      *bloodPlan
	dup        *dupPlan
}

// dopingPlan is a doping-like jump: from start on, every mark is better by
// pct (times shorter, distances longer) beyond the athlete's trajectory.
type dopingPlan struct {
	start day
	pct   float64
}

// bloodPlan is blood-marker manipulation in one season, seen in the
// samples of that season (samples 0…3, see bloodSampleDay).
type bloodPlan struct {
	kind   string // "epo" or "transfusion"
	season int
	// per sample: haemoglobin added (g/L) and reticulocyte factor
	hgbAdd    [samplesPerSeason]float64
	retFactor [samplesPerSeason]float64
}

// dupPlan is a second registration of the same athlete, used from season
// from on (for example after moving province).
type dupPlan struct {
	id        string
	from      int
	name      string // variant: same, no-diacritics, missing-middle-name
	birth     string // variant: same, day-month-swapped, missing
	province  string // variant: same, other, former-name
	provName  string // the province the second registration gives
	provIndex int    // index of the province whose competitions it enters
}

// plant decides the planted cases of athlete a (whose identity and latent
// state are drawn) and applies the age fraud to its true birth date.
func plant(r *rng, a *athlete) planted {
	var p planted
	if r.bernoulli(ageFraudRate) {
		p.fraudYears = r.uniform(1.5, 3.0)
		a.trueBirth = a.birth - day(math.Round(p.fraudYears*365.25))
	}
	by := a.birth.year()
	if a.last > a.first && a.last-by >= 15 && r.bernoulli(dopingRate) {
		lo := max(a.first+1, by+15)
		y := lo + r.IntN(a.last-lo+1)
		p.doping = &dopingPlan{start: date(y, time.January, 1) + day(r.IntN(200)), pct: r.uniform(0.025, 0.05)}
	}
	// Blood manipulation is planted in a season that starts after the 16th
	// birthday year, so that every sample of it is taken at 15 or older.
	if a.squad && a.last-by >= minBloodAge+1 && r.bernoulli(bloodRate) {
		lo := max(a.first, by+minBloodAge+1)
		p.blood = drawBloodPlan(r, lo+r.IntN(a.last-lo+1))
	}
	if a.last > a.first && r.bernoulli(duplicateRate) {
		p.dup = drawDupPlan(r, a)
	}
	return p
}

func drawBloodPlan(r *rng, season int) *bloodPlan {
	b := &bloodPlan{season: season, retFactor: [samplesPerSeason]float64{1, 1, 1, 1}}
	rise := r.uniform(8, 16)
	if r.bernoulli(0.5) {
		// EPO-like: haemoglobin and reticulocytes up while using, then
		// reticulocytes suppressed after stopping while haemoglobin is still high.
		b.kind = "epo"
		b.hgbAdd[1], b.retFactor[1] = rise, r.uniform(1.6, 2.2)
		b.hgbAdd[2], b.retFactor[2] = 0.7*rise, r.uniform(0.3, 0.5)
	} else {
		// transfusion-like: haemoglobin up, reticulocytes down (high OFF-score).
		b.kind = "transfusion"
		k := 1 + r.IntN(2)
		b.hgbAdd[k], b.retFactor[k] = rise, r.uniform(0.35, 0.55)
	}
	return b
}

func drawDupPlan(r *rng, a *athlete) *dupPlan {
	d := &dupPlan{from: a.first + 1 + r.IntN(a.last-a.first), provIndex: a.prov}
	switch u := r.Float64(); {
	case u < 0.4:
		d.name = "no-diacritics"
	case u < 0.65:
		d.name = "missing-middle-name"
	default:
		d.name = "same"
	}
	bt := a.birth.time()
	switch u := r.Float64(); {
	case u < 0.2 && bt.Day() <= 12 && bt.Day() != int(bt.Month()):
		d.birth = "day-month-swapped"
	case u < 0.5:
		d.birth = "missing"
	default:
		d.birth = "same"
	}
	d.province, d.provName = "same", provinces[a.prov].name
	switch u := r.Float64(); {
	case u < 0.6:
		d.province = "other"
		d.provIndex = (a.prov + 1 + r.IntN(len(provinces)-1)) % len(provinces)
		d.provName = provinces[d.provIndex].name
	case u < 0.8 && len(provinces[a.prov].formerly) > 0:
		// registered under a pre-2025 province, other than the one whose name the merged unit kept
		var f []string
		for _, name := range provinces[a.prov].formerly {
			if name != provinces[a.prov].name {
				f = append(f, name)
			}
		}
		d.province = "former-name"
		d.provName = f[r.IntN(len(f))]
	}
	return d
}

// dupNumber maps athlete numbers below maxAthletes one-to-one onto the
// numbers of their second registrations, above them.
func dupNumber(i int) int { return maxAthletes + int(uint64(i)*2654435761%maxAthletes) }

// autoMerge reports whether the store's identity resolution should join the
// duplicate with its original on its own. It never does: both registrations
// come from one source ("sim"), and the store merges automatically only
// across sources (two ids of one source are that source's word that they are
// two people); it lists such pairs as candidates for review instead.
func (d *dupPlan) autoMerge() bool {
	return false
}

// idFor returns the source id under which the athlete's data of season y is
// registered.
func (a *athlete) idFor(y int) string {
	if d := a.planted.dup; d != nil && y >= d.from {
		return d.id
	}
	return a.id
}

// provFor returns the province whose competitions the athlete enters in season y.
func (a *athlete) provFor(y int) int {
	if d := a.planted.dup; d != nil && y >= d.from {
		return d.provIndex
	}
	return a.prov
}

// samplesPerSeason is the number of blood-passport samples per season.
const samplesPerSeason = 4

var sampleMonths = [samplesPerSeason]time.Month{time.February, time.May, time.August, time.November}

// bloodSampleDay is the date of blood sample k of season y of athlete
// index: around the 8th–22nd of February, May, August and November.
func bloodSampleDay(seed uint64, index, y, k int) day {
	h := mix(seed ^ mix(uint64(index)<<8|uint64(y-firstSeason)<<3|uint64(k)))
	return date(y, sampleMonths[k], 8+int(h%15))
}
