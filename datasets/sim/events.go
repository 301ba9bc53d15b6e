package sim

import "math"

// sport indexes.
const (
	athletics = iota
	swimming
)

var sportNames = [2]string{"athletics", "swimming"}

// sportVi is the Vietnamese name of each sport, used in competition names.
var sportVi = [2]string{"Điền kinh", "Bơi"}

// event is a discipline the simulator produces results in.
type event struct {
	sport         int
	discipline    string
	unit          string // s or m
	lowerIsBetter bool
	listFile      string // athletics-all-time file the anchor comes from ("" for swimming)
	// spreadScale is the event's between-athlete SD at 19, in ln units,
	// relative to the 100 m freestyle's (modelling assumption: explosive and
	// endurance running events spread more than swimming, sprints less).
	spreadScale float64
	// swimRatio scales the 100 m freestyle times (swimming only).
	swimRatio  [2]float64
	windEffect float64 // change of ln(mark) per m/s of tailwind; 0 when wind is not measured
	heats      bool    // run in heats and a final at bigger meets
}

// The events. The athletics anchors (elite level, peak age) are in
// athleticsAnchors, indexed like this table.
var events = []event{
	// 100 m: a 1 m/s tailwind is worth about 0.05 s at 10 s.
	{sport: athletics, discipline: "100m", unit: "s", lowerIsBetter: true, listFile: "100-metres", spreadScale: 0.85, windEffect: -0.005, heats: true},
	{sport: athletics, discipline: "400m", unit: "s", lowerIsBetter: true, listFile: "400-metres", spreadScale: 1.0, heats: true},
	{sport: athletics, discipline: "1500m", unit: "s", lowerIsBetter: true, listFile: "1500-metres", spreadScale: 1.1},
	// long jump: about 5 cm per m/s at 8 m.
	{sport: athletics, discipline: "long-jump", unit: "m", lowerIsBetter: false, listFile: "long-jump", spreadScale: 1.5, windEffect: 0.006},
	{sport: swimming, discipline: "100m-freestyle", unit: "s", lowerIsBetter: true, spreadScale: 1, swimRatio: [2]float64{1, 1}, heats: true},
	// 50 m freestyle ≈ 0.451 (men) and 0.457 (women) of the 100 m time: the
	// ratio of the long-course world records (20.91/46.40, 23.61/51.71).
	{sport: swimming, discipline: "50m-freestyle", unit: "s", lowerIsBetter: true, spreadScale: 1, swimRatio: [2]float64{0.451, 0.457}, heats: true},
}

const (
	ev100m = iota
	ev400m
	ev1500m
	evLongJump
	ev100Free
	ev50Free
)

// eliteZ is where the senior elite anchor (the median personal best of the
// all-time list) sits above the mean of 19-year-old athletes, in their SDs:
// about 1 in 740. Modelling assumption, in line with the FFN data: the
// fastest of its 673 19-year-old men (48.02 s, a world-list time) is 2.99 SD
// above their mean, the fastest of 434 women 2.33 SD.
const eliteZ = 3.0

// curve is an event's youth development for one sex: the ln mark of an
// athlete of standardised level z at age a is
//
//	ln m(a, z) = mu19 + dir·sd19·(D(a) − Q(a)·z)
//
// with dir = +1 for times and −1 for distances, D(a) the swimmers' mean
// development in SDs at 19 and Q(a) their relative spread (swimCalibration).
// For the 100 m freestyle this reproduces the FFN means and SDs exactly.
type curve struct {
	mu19, sd19 float64
	dir        float64
	sex        int
	noise      float64 // race-to-race SD of ln mark
}

func newCurve(e int, sex int) curve {
	ev := events[e]
	sw := swimCalibration[sex]
	c := curve{sd19: sw.logSD[curveAges-1] * ev.spreadScale, dir: 1, sex: sex}
	if !ev.lowerIsBetter {
		c.dir = -1
	}
	if ev.sport == swimming {
		c.mu19 = sw.logMean[curveAges-1] + math.Log(ev.swimRatio[sex])
	} else {
		c.mu19 = math.Log(athleticsAnchors[e][sex].eliteMark) + c.dir*c.sd19*eliteZ
	}
	c.noise = sw.raceNoise / sw.logSD[curveAges-1] * c.sd19
	return c
}

var curves = func() [][2]curve {
	out := make([][2]curve, len(events))
	for e := range events {
		out[e] = [2]curve{newCurve(e, 0), newCurve(e, 1)}
	}
	return out
}()

// interp evaluates a per-age table at decimal age a, linear between the
// centres of the integer ages (a+0.5) and flat outside them.
func interp(tab *[curveAges]float64, a float64) float64 {
	x := a - curveMinAge - 0.5
	if x <= 0 {
		return tab[0]
	}
	if x >= curveAges-1 {
		return tab[curveAges-1]
	}
	i := int(x)
	f := x - float64(i)
	return tab[i]*(1-f) + tab[i+1]*f
}

// lnMark returns ln of the expected mark of level z at age a.
func (c curve) lnMark(a, z float64) float64 {
	sw := &swimCalibration[c.sex]
	sd19 := sw.logSD[curveAges-1]
	d := (interp(&sw.logMean, a) - sw.logMean[curveAges-1]) / sd19
	q := interp(&sw.logSD, a) / sd19
	return c.mu19 + c.dir*c.sd19*(d-q*z)
}

// levelOf inverts lnMark: the standardised level of a mark at age a.
func (c curve) levelOf(a, mark float64) float64 {
	sw := &swimCalibration[c.sex]
	sd19 := sw.logSD[curveAges-1]
	d := (interp(&sw.logMean, a) - sw.logMean[curveAges-1]) / sd19
	q := interp(&sw.logSD, a) / sd19
	return (d - (math.Log(mark)-c.mu19)/(c.dir*c.sd19)) / q
}

// adultCorr is how much of the level at age a is the latent adult level.
func adultCorr(sex int, a float64) float64 { return interp(&swimCalibration[sex].adultCorr, a) }

// aphvMean is the mean age at peak height velocity (years) of boys and
// girls: about 13.8 and 11.9 in growth studies.
var aphvMean = [2]float64{13.8, 11.9}

// aphvSD is the between-child SD of the age at peak height velocity.
const aphvSD = 0.9

// maturityWeight is the share (as a correlation) of the non-adult part of
// an athlete's level that is maturity: largest just after peak height
// velocity, fading to nothing by adulthood (modelling assumption).
func maturityWeight(sex int, a float64) float64 {
	x := (a - aphvMean[sex] - 0.5) / 2.5
	return 0.7 * math.Exp(-x*x)
}
