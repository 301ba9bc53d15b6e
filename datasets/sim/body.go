package sim

import "math"

// body holds an athlete's individual physiology.
type body struct {
	adultHeight float64 // cm
	sitRatio    float64 // adult sitting height / height
	bmiOffset   float64 // kg/m² above the age norm
	fitness     float64 // general fitness beyond the event potential, standard units
	hgb0        float64 // individual haemoglobin offset, g/L
	ret0        float64 // individual baseline reticulocyte %, at adult level
}

// Vietnamese young adults average about 168 cm (men) and 157 cm (women);
// athletes are a little taller (assumption: +3 cm, SD 6 and 5.5 cm).
var (
	adultHeightMean = [2]float64{171, 160}
	adultHeightSD   = [2]float64{6, 5.5}
)

func drawBody(r *rng, sex int) body {
	return body{
		adultHeight: r.normal(adultHeightMean[sex], adultHeightSD[sex]),
		sitRatio:    r.normal(0.522, 0.008),
		bmiOffset:   r.normal(0, 1.6),
		fitness:     r.NormFloat64(),
		hgb0:        r.normal(0, 7),
		ret0:        math.Max(0.4, r.normal(1.0, 0.2)),
	}
}

// Preece–Baines model 1 growth curve shape of boys and girls: adult height
// h1, height hθ = h1 − gap at age θ, and the rate constants s0, s1. θ is
// shifted per athlete so that the age at peak height velocity is theirs.
var pb1 = [2]struct{ gap, s0, s1 float64 }{{11, 0.10, 1.2}, {8, 0.12, 1.1}}

// pb1Lead is θ − APHV for the curve shape of each sex (computed once).
var pb1Lead = func() [2]float64 {
	var out [2]float64
	for s := 0; s < 2; s++ {
		best, at := -1.0, 0.0
		for t := -8.0; t < 8; t += 0.001 {
			if v := pb1Height(s, 170, 0, t+0.0005) - pb1Height(s, 170, 0, t-0.0005); v > best {
				best, at = v, t
			}
		}
		out[s] = -at // θ = 0 in the search, so APHV = at
	}
	return out
}()

// pb1Height is the Preece–Baines height (cm) at age t for adult height h1
// and curve parameter θ.
func pb1Height(sex int, h1, theta, t float64) float64 {
	p := pb1[sex]
	return h1 - 2*p.gap/(math.Exp(p.s0*(t-theta))+math.Exp(p.s1*(t-theta)))
}

// height is the athlete's standing height (cm) at true age t.
func (a *athlete) height(t float64) float64 {
	return pb1Height(a.sex, a.body.adultHeight, a.aphv+pb1Lead[a.sex], t)
}

// bioAge is the maturity-adjusted age: the age an average child of the same
// sex has the athlete's maturity at, years.
func (a *athlete) bioAge(t float64) float64 { return t - a.aphv + aphvMean[a.sex] }

// physio is one session of physical tests, in PhysioTests order.
type physio struct {
	height, sitting, mass, cmj, sprint30, shuttle, vo2max, grip float64
}

// physicalTests simulates a test session at true age t. Age norms are
// approximate youth values (assumption): sprint 30 m boys 5.9 s at 10 to
// 4.5 s at 19, girls 6.1 to 5.3 s at 16; CMJ boys 22 to 40 cm, girls 20 to
// 27 cm; grip boys 15 to 42 kg, girls 13 to 24 kg; shuttle level boys 5 to
// 10, girls 4 to 7. Power tests follow maturity (bioAge), endurance age.
func (a *athlete) physicalTests(r *rng, t float64) physio {
	var p physio
	bio := a.bioAge(t)
	p.height = a.height(t) + r.normal(0, 0.3)
	// Legs grow first: the sitting-height ratio dips during the spurt.
	spurt := math.Exp(-sq((bio - aphvMean[a.sex]) / 1.5))
	p.sitting = p.height * (a.body.sitRatio + 0.015*clamp((aphvMean[a.sex]+2-bio)/6, 0, 1) - 0.006*spurt)
	bmi := 16 + 0.55*clamp(bio-10, -2, 9) - 0.4*float64(a.sex) + a.body.bmiOffset
	if a.sport == swimming {
		bmi += 0.5
	}
	p.mass = bmi * sq(p.height/100)
	power := 0.5*a.body.fitness + 0.5*a.potential[0]
	if a.events[0] == evLongJump || a.events[0] == ev100m || a.events[0] == ev50Free {
		power = 0.3*a.body.fitness + 0.7*a.potential[0]
	}
	endurance := 0.6*a.body.fitness + 0.4*a.potential[0]
	if a.events[0] == ev1500m || a.events[0] == ev400m || a.events[0] == ev100Free {
		endurance = 0.3*a.body.fitness + 0.7*a.potential[0]
	}
	if a.sex == 0 {
		p.sprint30 = (5.9 - 0.155*clamp(bio-10, -1, 9)) * math.Exp(-0.035*power)
		p.cmj = (22 + 2.0*clamp(bio-10, -1, 9)) * math.Exp(0.10*power)
		p.grip = (15 + 3.0*clamp(bio-10, -1, 9)) * math.Exp(0.08*power)
		p.shuttle = 5 + 0.6*clamp(t-10, 0, 9) + 1.2*endurance
	} else {
		p.sprint30 = (6.1 - 0.13*clamp(bio-10, -1, 6)) * math.Exp(-0.035*power)
		p.cmj = (20 + 1.2*clamp(bio-10, -1, 6)) * math.Exp(0.10*power)
		p.grip = (13 + 1.8*clamp(bio-10, -1, 6)) * math.Exp(0.08*power)
		p.shuttle = 4 + 0.45*clamp(t-10, 0, 7) + 1.0*endurance
	}
	p.sprint30 += r.normal(0, 0.06)
	p.cmj += r.normal(0, 1.5)
	p.grip += r.normal(0, 1.5)
	p.shuttle = math.Round((p.shuttle+r.normal(0, 0.4))*2) / 2
	p.shuttle = clamp(p.shuttle, 1, 21)
	p.vo2max = vo2maxFromShuttle(p.shuttle, t)
	return p.clamped()
}

// vo2maxFromShuttle estimates VO2max (ml/kg/min) from the 20 m shuttle run
// level: Léger et al. (1988) for children and adolescents below 18, Léger &
// Gadoury (1989) for adults; the final speed is 8 + 0.5·level km/h.
func vo2maxFromShuttle(level, age float64) float64 {
	speed := 8 + 0.5*level
	if age < 18 {
		return 31.025 + 3.238*speed - 3.248*age + 0.1536*age*speed
	}
	return -24.4 + 6.0*speed
}

// clamped keeps every value inside the plausible range of its test with a
// small margin, as real measurements are.
func (p physio) clamped() physio {
	p.height = clamp(p.height, 90, 225)
	p.sitting = clamp(p.sitting, 45, 125)
	p.mass = clamp(p.mass, 18, 190)
	p.cmj = clamp(p.cmj, 6, 85)
	p.sprint30 = clamp(p.sprint30, 3.5, 8.8)
	p.vo2max = clamp(p.vo2max, 21, 92)
	p.grip = clamp(p.grip, 4, 95)
	return p
}

// blood is one blood-passport sample.
type blood struct{ hgb, ret float64 }

// bloodSample simulates haemoglobin (g/L) and reticulocytes (%) at true
// age t: haemoglobin rises with puberty in boys (about 135 g/L at 12 to 150
// at 18) and stays near 132 g/L in girls; day-to-day SD 4 g/L and 12 % of
// the reticulocyte value (assumptions close to published athlete passport
// variability).
func (a *athlete) bloodSample(r *rng, t float64) blood {
	base := 132.0
	if a.sex == 0 {
		base = 135 + 2.5*clamp(t-12, 0, 6)
	}
	return blood{
		hgb: base + a.body.hgb0 + r.normal(0, 4),
		ret: a.body.ret0 * math.Exp(r.normal(0, 0.12)),
	}
}

func (b blood) clamped() blood {
	return blood{hgb: clamp(b.hgb, 85, 215), ret: clamp(b.ret, 0.08, 4.8)}
}

func clamp(x, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, x)) }

func sq(x float64) float64 { return x * x }
