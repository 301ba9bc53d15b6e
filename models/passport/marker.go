package passport

import "math"

// Marker is one blood-passport marker.
type Marker int

// The markers of the haematological module.
const (
	HGB Marker = iota // haemoglobin concentration, g/L
	RET               // reticulocytes, % (modelled on the log scale)
	OFF               // OFF-score, HGB (g/L) − 60·√RET%
	nMarkers
)

// Markers lists every marker, in evidence order.
var Markers = []Marker{HGB, RET, OFF}

// Name is the marker's short name: "hgb", "ret_pct" or "off".
func (m Marker) Name() string { return [...]string{"hgb", "ret_pct", "off"}[m] }

// Unit is the marker's unit.
func (m Marker) Unit() string { return [...]string{"g/L", "%", "score"}[m] }

// OFFScore is the OFF-hr score of Gore et al. (2003), Haematologica 88:333,
// with haemoglobin in g/L: OFF = HGB − 60·√RET%. It rises when haemoglobin is
// high while erythropoiesis is suppressed, as after a transfusion or after
// stopping EPO.
func OFFScore(hgbGL, retPct float64) float64 { return hgbGL - 60*math.Sqrt(retPct) }

// Sample is one blood-passport sample.
type Sample struct {
	Date     string  // YYYY-MM-DD, for the evidence
	AgeYears float64 // age at the sample; NaN when the birth date is unknown
	HGB      float64 // g/L
	RETPct   float64 // %
}

// value returns the sample's value of m on the model scale (RET as log %).
func (s Sample) value(m Marker) float64 {
	switch m {
	case HGB:
		return s.HGB
	case RET:
		return math.Log(s.RETPct)
	default:
		return OFFScore(s.HGB, s.RETPct)
	}
}

// natural maps a model-scale value of m back to the marker's unit.
func (m Marker) natural(v float64) float64 {
	if m == RET {
		return math.Exp(v)
	}
	return v
}
