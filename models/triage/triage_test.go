package triage

import (
	"bytes"
	"errors"
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

// synthetic draws verdicts for two detectors: "sharp", whose severity
// tracks the truth (P(confirmed) = severity²), and "blunt", whose severity
// says nothing (P = 0.2 whatever the severity), plus a few of a rare type.
func synthetic(n int, seed uint64) []Label {
	r := rand.New(rand.NewPCG(seed, 7))
	out := make([]Label, 0, n)
	for i := range n {
		l := Label{ID: strconv.Itoa(i), Severity: r.Float64()}
		switch {
		case i%40 == 39:
			l.Type, l.Confirmed = "rare", r.Float64() < 0.5
		case i%2 == 0:
			l.Type, l.Confirmed = "sharp", r.Float64() < l.Severity*l.Severity
		default:
			l.Type, l.Confirmed = "blunt", r.Float64() < 0.2
		}
		out = append(out, l)
	}
	return out
}

func TestEvaluateBeatsBaselines(t *testing.T) {
	ev, err := Evaluate(synthetic(1200, 1), 0.3, 1)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Train != 840 || ev.Test != 360 {
		t.Errorf("split %d/%d, want 840/360", ev.Train, ev.Test)
	}
	for name, b := range map[string]float64{"base rate": ev.BaseRate.LogLoss, "type rate": ev.TypeRate.LogLoss, "severity": ev.Severity.LogLoss} {
		if !(ev.Model.LogLoss < b) {
			t.Errorf("held-out log-loss %.4f does not beat the %s baseline's %.4f", ev.Model.LogLoss, name, b)
		}
	}
	if ev.Model.AUC < 0.7 {
		t.Errorf("held-out AUC %.3f, want ≥ 0.7", ev.Model.AUC)
	}
}

func TestModelLearnsPerTypeSlopes(t *testing.T) {
	m, err := Fit(synthetic(2000, 2), 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Types(); len(got) != 3 || got[0] != "blunt" || got[1] != "rare" || got[2] != "sharp" {
		t.Errorf("types with own terms: %v", got)
	}
	tests := []struct {
		typ      string
		severity float64
		lo, hi   float64
	}{
		{"sharp", 0.95, 0.65, 1},
		{"sharp", 0.1, 0, 0.15},
		{"blunt", 0.95, 0.08, 0.35},
		{"blunt", 0.1, 0.08, 0.35},
		{"never-seen", 0.5, 0.05, 0.6}, // pooled terms only
	}
	for _, tt := range tests {
		if p := m.P(tt.typ, tt.severity); !(p >= tt.lo && p <= tt.hi) {
			t.Errorf("P(%s, %.2f) = %.3f, want in [%.2f, %.2f]", tt.typ, tt.severity, p, tt.lo, tt.hi)
		}
	}
}

func TestMarshalRoundTripDeterministic(t *testing.T) {
	labels := synthetic(300, 3)
	a, err := Fit(labels, 5)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Fit(labels, 5)
	ab, err := a.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	bb, _ := b.MarshalBinary()
	if !bytes.Equal(ab, bb) {
		t.Fatal("the same verdicts and seed gave different bytes")
	}
	var c Model
	if err := c.UnmarshalBinary(ab); err != nil {
		t.Fatal(err)
	}
	for _, sev := range []float64{0, 0.3, 0.99} {
		if pa, pc := a.P("sharp", sev), c.P("sharp", sev); math.Abs(pa-pc) > 1e-12 {
			t.Errorf("P(sharp, %v): %v before encoding, %v after", sev, pa, pc)
		}
	}
}

func TestRefusesUnusableVerdicts(t *testing.T) {
	one := func(c bool) Label { return Label{Type: "x", Severity: 0.5, Confirmed: c, ID: "1"} }
	tests := []struct {
		name   string
		labels []Label
	}{
		{"none", nil},
		{"all dismissed", []Label{one(false), one(false), one(false), one(false)}},
		{"one confirmed", []Label{one(true), one(false), one(false), one(false)}},
		{"bad severity", []Label{one(true), one(true), one(false), {Type: "x", Severity: 2, ID: "9"}}},
		{"no type", []Label{one(true), one(true), one(false), {Severity: 0.1, ID: "9"}}},
	}
	for _, tt := range tests {
		if _, err := Fit(tt.labels, 1); !errors.Is(err, ErrData) {
			t.Errorf("%s: err %v, want ErrData", tt.name, err)
		}
	}
	if _, err := Evaluate(synthetic(100, 1), 1.5, 1); err == nil {
		t.Error("holdout 1.5 accepted")
	}
}

func TestUnmarshalRefusesDamage(t *testing.T) {
	m, err := Fit(synthetic(200, 4), 1)
	if err != nil {
		t.Fatal(err)
	}
	good, _ := m.MarshalBinary()
	tests := map[string][]byte{
		"not json":    []byte("{"),
		"format":      bytes.Replace(good, []byte(`"format":3`), []byte(`"format":9`), 1),
		"types order": bytes.Replace(good, []byte(`["blunt","rare","sharp"]`), []byte(`["sharp","rare","blunt"]`), 1),
		"types count": bytes.Replace(good, []byte(`["blunt","rare","sharp"]`), []byte(`["blunt","sharp"]`), 1),
		"beta count":  bytes.Replace(good, []byte(`"beta":[`), []byte(`"beta":[1,`), 1),
		"beta size":   []byte(`{"format":2,"types":[],"beta":[0,1e300]}`),
	}
	for name, data := range tests {
		if bytes.Equal(data, good) {
			t.Fatalf("%s: the damage did not apply", name)
		}
		if err := new(Model).UnmarshalBinary(data); err == nil {
			t.Errorf("%s: damaged encoding accepted", name)
		}
	}
}

func FuzzUnmarshalBinary(f *testing.F) {
	m, err := Fit(synthetic(200, 4), 1)
	if err != nil {
		f.Fatal(err)
	}
	good, _ := m.MarshalBinary()
	f.Add(good)
	f.Add([]byte(`{"format":3,"types":[],"centres":[],"beta":[0,1]}`))
	f.Add([]byte(`{"format":3,"types":["a"],"centres":[1],"pooled_centre":2,"beta":[0,1,2,999]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var m Model
		if err := m.UnmarshalBinary(data); err != nil {
			return
		}
		for _, typ := range append(m.Types(), "unknown") {
			if p := m.P(typ, 0.5); !(p >= 0 && p <= 1) { // NaN fails too
				t.Fatalf("decoded model gives P(%s, 0.5) = %v", typ, p)
			}
		}
	})
}
