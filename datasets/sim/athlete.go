package sim

import (
	"math"
	"strconv"
)

// athlete is one simulated youth athlete: identity, latent state and the
// planted integrity cases that concern them. build derives it from the
// seed and its index alone.
type athlete struct {
	index     int
	id        string
	sex       int // 0 male, 1 female
	prov      int // index into provinces
	birth     day // stated birth date (what the registry holds)
	trueBirth day // differs from birth for age fraud
	sport     int
	events    [2]int     // main and second event; -1 when none
	potential [2]float64 // latent adult level in each event, standard units
	maturity  float64    // maturity timing, standard units: > 0 early maturer
	aphv      float64    // true age at peak height velocity, years
	form      [seasons]float64
	first     int  // first active season
	last      int  // last active season
	tested    bool // takes the yearly physical tests (provincial training centre)
	squad     bool // national youth squad: blood passport from age 15
	seniorZ   float64
	body      body
	planted   planted
}

// Rates and sizes of the athlete population (modelling assumptions).
const (
	maleShare       = 0.56 // boys are the majority of registered youth athletes
	swimmingShare   = 0.35
	secondEventRate = 0.6
	continueRate    = 0.85 // chance to carry on into the next season
	testedShare     = 0.2  // share of ordinary athletes in yearly physical testing
	squadLevel      = 1.3  // potential above which an athlete is in the national youth squad (~10 %)
	formCorr        = 0.5  // season-to-season correlation of form
	secondEventCorr = 0.7  // correlation of the potentials of an athlete's two events
)

var mainEvent = [2]weighted{newWeighted([]float64{35, 20, 20, 25, 0, 0}), newWeighted([]float64{0, 0, 0, 0, 60, 40})}

// secondEvent is the usual second event of each main event.
var secondEvent = []int{ev100m: evLongJump, ev400m: ev100m, ev1500m: ev400m, evLongJump: ev100m, ev100Free: ev50Free, ev50Free: ev100Free}

// maxAthletes bounds Config.Athletes: duplicate identities take ids above it.
const maxAthletes = 5_000_000

// athleteID is the simulator's source id of athlete number n of a seed.
func athleteID(seed uint64, n int) string {
	b := make([]byte, 0, 24)
	b = append(b, 'S')
	b = strconv.AppendUint(b, seed, 10)
	b = append(b, "-A"...)
	s := strconv.Itoa(n)
	for i := len(s); i < 7; i++ {
		b = append(b, '0')
	}
	return string(append(b, s...))
}

// builder builds athletes with reusable generators.
type builder struct {
	seed uint64
	r    *rng
}

func newBuilder(seed uint64) *builder { return &builder{seed: seed, r: newRNG()} }

// build returns athlete number i.
func (b *builder) build(i int) athlete {
	a := athlete{index: i, id: athleteID(b.seed, i), events: [2]int{-1, -1}}
	r := b.r.at(b.seed, purposeIdentity, uint64(i))
	a.sex = 1
	if r.bernoulli(maleShare) {
		a.sex = 0
	}
	a.prov = provinceDist.draw(r)
	a.birth = birthDay(r, firstBirthYear+r.IntN(lastBirthYear-firstBirthYear+1))
	a.trueBirth = a.birth
	a.sport = athletics
	if r.bernoulli(swimmingShare) {
		a.sport = swimming
	}
	a.events[0] = mainEvent[a.sport].draw(r)
	if r.bernoulli(secondEventRate) {
		a.events[1] = secondEvent[a.events[0]]
	}
	a.first, a.last = activeSeasons(r, a.birth.year())

	r = b.r.at(b.seed, purposeLatent, uint64(i))
	a.potential[0] = r.NormFloat64()
	a.potential[1] = secondEventCorr*a.potential[0] + math.Sqrt(1-secondEventCorr*secondEventCorr)*r.NormFloat64()
	a.maturity = r.NormFloat64()
	a.aphv = aphvMean[a.sex] - aphvSD*a.maturity
	prev := r.NormFloat64()
	for s := range a.form {
		a.form[s] = prev
		prev = formCorr*prev + math.Sqrt(1-formCorr*formCorr)*r.NormFloat64()
	}
	a.squad = a.potential[0] >= squadLevel
	a.tested = a.squad || r.bernoulli(testedShare)
	a.seniorZ = a.potential[0] + r.normal(0, postYouthSD(a.events[0], a.sex))
	a.body = drawBody(r, a.sex)

	a.planted = plant(b.r.at(b.seed, purposePlanted, uint64(i)), &a)
	if a.planted.dup != nil {
		a.planted.dup.id = athleteID(b.seed, dupNumber(i))
	}
	return a
}

// activeSeasons draws the seasons an athlete born in year by competes in
// within the simulated window: a career starts in the year they turn
// 11–15 and goes on each next year with probability continueRate, up to the
// year they turn 19. Careers that miss the window are drawn again: the
// dataset holds the athletes active in it.
func activeSeasons(r *rng, by int) (first, last int) {
	for {
		start := by + minSeasonAge + r.IntN(5)
		end := start
		for end < by+maxSeasonAge && r.bernoulli(continueRate) {
			end++
		}
		first, last = max(start, firstSeason), min(end, lastSeason)
		if first <= last {
			return first, last
		}
	}
}

// postYouthSD is the SD of the change of level between 19 and the senior
// peak: the longer to the peak (median age at personal best in the
// all-time list), the more can change (0.1 SD per year, assumption); 0.25
// for swimming, whose peak age the data does not give.
func postYouthSD(e, sex int) float64 {
	if events[e].sport == swimming {
		return 0.25
	}
	return 0.1 * (athleticsAnchors[e][sex].peakAge - 19)
}

// Senior levels, from the realised senior level in standard units.
const (
	levelElite        = "elite"
	levelNational     = "national"
	levelProvincial   = "provincial"
	levelRecreational = "recreational"
)

func seniorLevel(z float64) string {
	switch {
	case z >= 2.5:
		return levelElite
	case z >= 1.5:
		return levelNational
	case z >= 0.5:
		return levelProvincial
	}
	return levelRecreational
}

// level is the athlete's standardised level in event slot k at true age
// ageYears in season s (without race noise).
func (a *athlete) level(k int, ageYears float64, s int) float64 {
	rc := adultCorr(a.sex, ageYears)
	w := maturityWeight(a.sex, ageYears)
	other := w*a.maturity + math.Sqrt(1-w*w)*a.form[s-firstSeason]
	return rc*a.potential[k] + math.Sqrt(1-rc*rc)*other
}
