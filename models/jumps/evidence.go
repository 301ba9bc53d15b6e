package jumps

import (
	"fmt"
	"math"
	"strings"
)

// Evidence is the evidence pack of one athlete's performance alert: his
// marks with the forecast band in every event where he was flagged, the
// signals that raised it and, per flagged result, the innocent
// explanations to rule out.
type Evidence struct {
	Model      string      `json:"model"`
	Budget     float64     `json:"budget"`
	Thresholds Thresholds  `json:"thresholds"`
	Series     []Chart     `json:"series"`
	Signals    []Signal    `json:"signals"`
	Caveats    []Explained `json:"caveats"`
	Exceedance float64     `json:"exceedance"` // largest Thresholds.Exceedance of a flagged result
}

// Chart is one event's series: every result, the scored ones with the
// forecast band (Median, Lower, Upper in the event's unit) and their scores.
type Chart struct {
	Name   string       `json:"name"`
	Unit   string       `json:"unit"`
	Points []ChartPoint `json:"points"`
}

// ChartPoint is one result; Median, Lower and Upper are 0 (omitted) for
// the results used as history only.
type ChartPoint struct {
	Date   string  `json:"date"`
	Age    float64 `json:"age"`
	Value  float64 `json:"value"`
	Median float64 `json:"median,omitempty"`
	Lower  float64 `json:"lower,omitempty"`
	Upper  float64 `json:"upper,omitempty"`
	Z      float64 `json:"z,omitempty"`
	CUSUM  float64 `json:"cusum,omitempty"`
}

// Signal is one reason for the alert, a row of the console's signals
// table; Innocent names the caveats that apply ("none" when none does).
type Signal struct {
	Name        string  `json:"name"`
	Value       float64 `json:"value"`
	Threshold   float64 `json:"threshold"`
	Explanation string  `json:"explanation"`
	Innocent    string  `json:"innocent"`
}

// Explained is a flagged result with its caveats.
type Explained struct {
	Event   string   `json:"event"`
	Date    string   `json:"date"`
	Mark    float64  `json:"mark"`
	Caveats []Caveat `json:"caveats"`
}

// Add charts one event of the athlete, his results rs and their checks cs
// (from ScoreEvent), and lists the flagged checks as signals with their
// caveats: Caveats of the series plus conditions(result) (wind, altitude;
// nil adds none). It reports whether a check was flagged.
func (e *Evidence) Add(event, unit string, rs []Result, cs []Check, conditions func(Result) []Caveat) bool {
	chart := Chart{Name: event, Unit: unit}
	scored := map[int64]Check{}
	for _, c := range cs {
		scored[c.ID] = c
	}
	for _, r := range sortedByDate(rs) {
		p := ChartPoint{Date: r.Date, Age: round(r.AgeYears, 2), Value: r.Mark}
		if c, ok := scored[r.ID]; ok {
			p.Median, p.Lower, p.Upper = round(c.Forecast.Mean, 3), round(c.Forecast.Lower95, 3), round(c.Forecast.Upper95, 3)
			p.Z, p.CUSUM = round(c.Z, 2), round(c.CUSUM, 2)
		}
		chart.Points = append(chart.Points, p)
	}
	flagged := false
	for _, c := range cs {
		if !e.Thresholds.Flagged(c) {
			continue
		}
		flagged = true
		e.Exceedance = math.Max(e.Exceedance, e.Thresholds.Exceedance(c))
		caveats := Caveats(c)
		if conditions != nil {
			caveats = append(caveats, conditions(c.Result)...)
		}
		e.Caveats = append(e.Caveats, Explained{Event: event, Date: c.Date, Mark: c.Mark, Caveats: caveats})
		innocent := applying(caveats)
		if e.Thresholds.Jump(c) {
			e.Signals = append(e.Signals, Signal{event + " " + c.Date, round(c.Z, 2), round(e.Thresholds.Z, 2),
				fmt.Sprintf("%g %s is %.1f of the athlete's own SDs better than his forecast from %d earlier results (median %.3f, 95 %% band %.3f–%.3f; season effect %+.2f SD removed, own scale ×%.2f)",
					c.Mark, unit, c.Z, c.Prior, c.Forecast.Mean, c.Forecast.Lower95, c.Forecast.Upper95, c.Season, c.Scale), innocent})
		}
		if e.Thresholds.Shift(c) {
			e.Signals = append(e.Signals, Signal{event + " shift from " + c.Date, round(c.CUSUM, 2), round(e.Thresholds.CUSUM, 2),
				"sustained shift: the CUSUM of the athlete's innovations (in his own SDs, less an allowance per day) crossed its threshold", innocent})
		}
	}
	if flagged {
		e.Series = append(e.Series, chart)
	}
	return flagged
}

// applying joins the names of the caveats that apply, "none" when none does.
func applying(cs []Caveat) string {
	var names []string
	for _, c := range cs {
		if c.Applies {
			names = append(names, c.Name)
		}
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, "; ")
}

func round(x float64, digits int) float64 {
	f := math.Pow(10, float64(digits))
	return math.Round(x*f) / f
}
