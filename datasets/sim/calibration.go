package sim

// Calibration constants. Every number here was computed from the real
// datasets in ../shared/datasets by calibrate_test.go (run it with
// -args -print-calibration to print them again); TestCalibration recomputes
// them and fails when they drift, and skips loudly when the data is absent.

// The youth development curves cover integer ages curveMinAge…curveMaxAge
// (a season best at decimal age 14.3 belongs to age 14).
const (
	curveMinAge = 10
	curveMaxAge = 19
	curveAges   = curveMaxAge - curveMinAge + 1
)

// swimCurve is the youth development of one sex in the 100 m freestyle
// (FFN, French swimmers 2002–2016, 3,456 swimmers, 76,832 results).
type swimCurve struct {
	logMean   [curveAges]float64 // mean of ln(season best, s) at each integer age
	logSD     [curveAges]float64 // SD of ln(season best) between swimmers at each age
	adultCorr [curveAges]float64 // correlation of the age's level with the latent adult level
	raceNoise float64            // SD of ln(time) from race to race (same swimmer, < 0.1 year apart)
}

// anchor is an athletics event's senior elite level from the World
// Athletics all-time list of one sex.
type anchor struct {
	eliteMark float64 // median personal best of the list's distinct athletes (s or m)
	peakAge   float64 // median age at that personal best, years
	athletes  int     // distinct athletes in the list
}

// footballCalibration are the goals model and bookmaker constants.
type footballCalibration struct {
	matches            int
	homeGoals          float64 // mean full-time home goals
	awayGoals          float64 // mean full-time away goals
	drawRate           float64 // share of draws
	halfTimeShare      float64 // share of goals scored in the first half
	sharpMargin        float64 // median overround of Pinnacle's early 1x2 prices
	sharpClosingMargin float64 // median overround of Pinnacle's closing prices
	softMargin         float64 // median overround of Bet365's 1x2 prices
	closingMoveSD      float64 // SD of the logit change of the home probability, early → closing
}

// swimCalibration is the FFN youth development of men [0] and women [1]:
// per integer age the mean and SD of ln(season best, s), the correlation of
// the age's level with the adult level (season bests at 10–17 against the
// best of 18–19, made monotone by weighted isotonic regression and divided
// by √r₁₈,₁₉ because the adult proxy is itself noisy; √r₁₈,₁₉ at 18 and 19),
// and the race-to-race noise (pairs of results < 0.1 year apart at 15+, SD
// of the ln difference / √2).
var swimCalibration = [2]swimCurve{
	{
		logMean:   [curveAges]float64{4.39889, 4.30538, 4.22999, 4.14738, 4.09476, 4.06101, 4.04188, 4.03204, 4.02564, 4.01846},
		logSD:     [curveAges]float64{0.090068, 0.076861, 0.070564, 0.060348, 0.049461, 0.041147, 0.039925, 0.042841, 0.045980, 0.049043},
		adultCorr: [curveAges]float64{0.3579, 0.4047, 0.4047, 0.4420, 0.5167, 0.6462, 0.8055, 0.9247, 0.9388, 0.9388},
		raceNoise: 0.015729,
	},
	{
		logMean:   [curveAges]float64{4.42058, 4.32195, 4.25642, 4.20346, 4.17331, 4.15665, 4.15132, 4.15144, 4.15176, 4.14699},
		logSD:     [curveAges]float64{0.082900, 0.075678, 0.061531, 0.052539, 0.046794, 0.044080, 0.047164, 0.051070, 0.055645, 0.061034},
		adultCorr: [curveAges]float64{0.1238, 0.4702, 0.5700, 0.6159, 0.6508, 0.7695, 0.8338, 0.9129, 0.9453, 0.9453},
		raceNoise: 0.015265,
	},
}

// athleticsAnchors are the all-time-list anchors of the athletics events
// (indexed like events) for men [0] and women [1].
var athleticsAnchors = [evLongJump + 1][2]anchor{
	ev100m:     {{10.21, 23.10, 2180}, {11.34, 22.85, 2045}},
	ev400m:     {{45.09, 23.04, 824}, {51.25, 23.76, 901}},
	ev1500m:    {{215.82, 24.74, 1129}, {245.765, 25.43, 1062}},
	evLongJump: {{8.12, 23.85, 966}, {6.88, 25.08, 332}},
}

// footballCal comes from the England files with Pinnacle closing odds
// (2015–16 to 2017–18, all divisions).
var footballCal = footballCalibration{
	matches: 7764, homeGoals: 1.4485, awayGoals: 1.1738, drawRate: 0.2626, halfTimeShare: 0.4349,
	sharpMargin: 0.02513, sharpClosingMargin: 0.02476, softMargin: 0.02778, closingMoveSD: 0.1209,
}
