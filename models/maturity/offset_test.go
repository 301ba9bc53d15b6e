package maturity

import (
	"errors"
	"math"
	"testing"
)

// Worked examples computed by hand (and checked in Python). Boy, 13 y,
// 155 cm, sitting 80 cm, 45 kg: LL = 75; Mirwald −9.236 + 0.0002708·6000
// − 0.001663·975 + 0.007216·1040 + 0.02292·29.0323 = −9.236 + 1.6248 −
// 1.621425 + 7.50464 + 0.665419 = −1.062566; Moore −8.128741 +
// 0.0070346·1040 = −0.812757.
func TestOffsetWorkedExamples(t *testing.T) {
	tests := []struct {
		name                string
		eq                  Equation
		sex                 string
		age, h, sh, w, want float64
		flags               Flags
	}{
		{"mirwald boy 13", Mirwald2002, "M", 13, 155, 80, 45, -1.0625656451612906, FarFromPHV},
		{"moore boy 13", Moore2015, "M", 13, 155, 80, 45, -0.8127569999999995, 0},
		// girl 12 y, 150/78 cm, 40 kg: −9.376 + 0.0001882·5616 + 0.0022·864 +
		// 0.005841·936 − 0.002658·480 + 0.07693·26.6667 = −0.175466.
		{"mirwald girl 12", Mirwald2002, "F", 12, 150, 78, 40, -0.17546613333333294, 0},
		{"moore girl 12", Moore2015, "F", 12, 150, 78, math.NaN(), -0.10737299999999994, 0},
		// boy 10 y, 140/73 cm, 33 kg: far before PHV, beyond −3 for Mirwald.
		{"mirwald boy 10", Mirwald2002, "M", 10, 140, 73, 33, -3.2177900571428575, FarFromPHV | OutsideValidation},
		{"moore boy 10", Moore2015, "M", 10, 140, 73, 33, -2.9934829999999994, FarFromPHV},
		// girl 15.5 y, 160/85 cm, 52 kg; 16.5 y is past Mirwald's sample ages.
		{"mirwald girl 15.5", Mirwald2002, "F", 15.5, 160, 85, 52, 2.4346695000000014, FarFromPHV},
		{"moore girl 15.5", Moore2015, "F", 15.5, 160, 85, 52, 2.7644029999999997, FarFromPHV},
		{"moore girl 18", Moore2015, "F", 18, 160, 85, 52, -7.709133 + 0.0042232*18*160, FarFromPHV | OutsideValidation | AgeOutsideSample},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := Offset(tt.eq, tt.sex, tt.age, tt.h, tt.sh, tt.w)
			if err != nil {
				t.Fatal(err)
			}
			if math.Abs(e.Offset-tt.want) > 1e-9 || math.Abs(e.AgeAtPHV-(tt.age-tt.want)) > 1e-9 {
				t.Errorf("offset %v, age at PHV %v; want %v, %v", e.Offset, e.AgeAtPHV, tt.want, tt.age-tt.want)
			}
			if e.Flags != tt.flags {
				t.Errorf("flags %v, want %v", e.Flags, tt.flags)
			}
		})
	}
}

func TestOffsetBadInput(t *testing.T) {
	tests := []struct {
		name          string
		eq            Equation
		sex           string
		age, h, sh, w float64
	}{
		{"sex", Moore2015, "X", 12, 150, 78, 40},
		{"no sitting height for a Moore boy", Moore2015, "M", 12, 150, math.NaN(), 40},
		{"no mass for Mirwald", Mirwald2002, "F", 12, 150, 78, 0},
		{"sitting above standing", Mirwald2002, "M", 12, 150, 151, 40},
		{"age", Mirwald2002, "M", -1, 150, 78, 40},
		{"equation", Equation(7), "M", 12, 150, 78, 40},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Offset(tt.eq, tt.sex, tt.age, tt.h, tt.sh, tt.w); !errors.Is(err, ErrInput) {
				t.Errorf("err %v, want ErrInput", err)
			}
		})
	}
}

func TestBand(t *testing.T) {
	tests := []struct {
		offset float64
		want   Status
	}{{-2.5, PrePHV}, {-1.01, PrePHV}, {-1, CircaPHV}, {0, CircaPHV}, {1, CircaPHV}, {1.01, PostPHV}}
	for _, tt := range tests {
		if got := Band(tt.offset); got != tt.want {
			t.Errorf("Band(%v) = %s, want %s", tt.offset, got, tt.want)
		}
	}
}

// TestAdjusterRemovesPlantedSlope: scores built as z = 0.6·timing + noise
// must come out of the adjuster with no slope on timing.
func TestAdjusterRemovesPlantedSlope(t *testing.T) {
	var ss []Sample
	for i := 0; i < 2000; i++ {
		age := 12 + float64(i%1000)/1000
		timing := math.Sin(float64(i)) // deterministic spread in [−1, 1]
		noise := math.Cos(float64(7 * i))
		ss = append(ss, Sample{Sex: "M", Age: age, Z: 0.6*timing + 0.3*noise, Offset: age - 13.8 + timing})
	}
	a, err := FitAdjuster(ss)
	if err != nil {
		t.Fatal(err)
	}
	b := a.Bands()
	if len(b) != 1 || math.Abs(b[0].Slope-0.6) > 0.05 || math.Abs(b[0].AgeSlope-1) > 0.05 {
		t.Fatalf("bands %+v, want one with slope 0.6 and age slope 1", b)
	}
	for i := range ss {
		ss[i].Z, _ = a.Adjust("M", ss[i].Age, ss[i].Z, ss[i].Offset)
	}
	a2, _ := FitAdjuster(ss)
	if s := a2.Bands()[0].Slope; math.Abs(s) > 0.02 {
		t.Errorf("slope after adjustment %v", s)
	}
	if _, err := a.Adjust("F", 12.5, 0, 0); !errors.Is(err, ErrNoBand) {
		t.Errorf("unfitted band: err %v", err)
	}
}

func TestAdjusterRoundTrip(t *testing.T) {
	var ss []Sample
	for i := 0; i < 400; i++ {
		age := 11 + float64(i)/200
		ss = append(ss, Sample{Sex: "F", Age: age, Z: math.Sin(float64(i)), Offset: age - 12 + math.Cos(float64(3*i))})
	}
	a, err := FitAdjuster(ss)
	if err != nil {
		t.Fatal(err)
	}
	b1, _ := a.MarshalBinary()
	var back Adjuster
	if err := back.UnmarshalBinary(b1); err != nil {
		t.Fatal(err)
	}
	b2, _ := back.MarshalBinary()
	if string(b1) != string(b2) {
		t.Fatalf("round trip changed the bytes:\n%s\n%s", b1, b2)
	}
	z1, _ := a.Adjust("F", 11.7, 0.4, -0.2)
	z2, _ := back.Adjust("F", 11.7, 0.4, -0.2)
	if z1 != z2 {
		t.Errorf("Adjust after round trip %v, before %v", z2, z1)
	}
	for _, bad := range []string{``, `[]`, `[{"Sex":"X","Age":12,"N":50}]`, `[{"Sex":"F","Age":12,"N":5}]`} {
		if err := back.UnmarshalBinary([]byte(bad)); !errors.Is(err, ErrFormat) {
			t.Errorf("%q: err %v, want ErrFormat", bad, err)
		}
	}
}

func FuzzUnmarshalAdjuster(f *testing.F) {
	f.Add([]byte(`[{"Sex":"M","Age":13,"N":40,"Slope":0.5,"SE":0.1,"Intercept":-0.8,"AgeSlope":1}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var a Adjuster
		if err := a.UnmarshalBinary(data); err != nil {
			return
		}
		if _, err := a.MarshalBinary(); err != nil {
			t.Fatalf("decoded adjuster does not encode: %v", err)
		}
	})
}
