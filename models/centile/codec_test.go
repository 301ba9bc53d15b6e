package centile

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func testReference(t testing.TB) *Reference {
	t.Helper()
	var rs []Result
	for i, o := range synthetic(3000, 6) {
		rs = append(rs, Result{Key: Key{"swimming", "100m-freestyle", "F"}, Age: o.Age, Mark: o.Value, LowerIsBetter: true})
		if i%2 == 0 {
			rs = append(rs, Result{Key: Key{"athletics", "long-jump", "M"}, Age: o.Age, Mark: 400 / o.Value})
		}
	}
	ref, err := FitReference(rs, Config{})
	if err != nil {
		t.Fatal(err)
	}
	return ref
}

func TestReferenceRoundTripDeterministic(t *testing.T) {
	ref := testReference(t)
	b1, _ := ref.MarshalBinary()
	b2, _ := testReference(t).MarshalBinary()
	if !bytes.Equal(b1, b2) {
		t.Fatal("two fits of the same data encode differently")
	}
	var back Reference
	if err := back.UnmarshalBinary(b1); err != nil {
		t.Fatal(err)
	}
	b3, _ := back.MarshalBinary()
	if !bytes.Equal(b1, b3) {
		t.Fatal("decode then encode changes the bytes")
	}
	k := Key{"athletics", "long-jump", "M"}
	z1, _ := ref.Z(k, 14.2, 6.1)
	z2, _ := back.Z(k, 14.2, 6.1)
	if z1 != z2 {
		t.Errorf("Z after round trip %v, before %v", z2, z1)
	}
}

func TestUnmarshalRejects(t *testing.T) {
	good, _ := testReference(t).MarshalBinary()
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"wrong magic", append([]byte("XXXX"), good[4:]...)},
		{"truncated", good[:len(good)-3]},
		{"trailing", append(append([]byte(nil), good...), 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r Reference
			if err := r.UnmarshalBinary(tt.data); !errors.Is(err, ErrFormat) {
				t.Errorf("err %v, want ErrFormat", err)
			}
		})
	}
}

func FuzzUnmarshalReference(f *testing.F) {
	good, _ := testReference(f).MarshalBinary()
	f.Add(good)
	f.Add([]byte("PREF\x01\x01\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Reference
		if err := r.UnmarshalBinary(data); err != nil {
			return
		}
		again, _ := r.MarshalBinary()
		var r2 Reference
		if err := r2.UnmarshalBinary(again); err != nil {
			t.Fatalf("re-encoded reference does not decode: %v", err)
		}
	})
}

func FuzzUnmarshalCurves(f *testing.F) {
	c, _ := testReference(f).Curves(Key{"swimming", "100m-freestyle", "F"})
	good, _ := c.MarshalBinary()
	f.Add(good)
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Curves
		if err := c.UnmarshalBinary(data); err != nil {
			return
		}
		c.Z(c.Lo, 1)
		c.Quantile(c.Hi, 0.5)
	})
}

// TestGoldenCurves pins the fitted centiles of the synthetic reference
// (seeded draws) at whole ages; refresh with -update after a deliberate
// change of the method.
func TestGoldenCurves(t *testing.T) {
	ref := testReference(t)
	var b strings.Builder
	for _, k := range ref.Keys() {
		c, _ := ref.Curves(k)
		fmt.Fprintf(&b, "%s ages %.3f–%.3f\n", k, c.Lo, c.Hi)
		for age := 11.0; age <= 19; age++ {
			l, m, s, _ := c.at(age)
			fmt.Fprintf(&b, "  %4.1f L %+.3f M %.4f S %.5f  P3 %.3f P50 %.3f P97 %.3f\n", age, l, m, s,
				c.Quantile(age, 0.03), c.Quantile(age, 0.5), c.Quantile(age, 0.97))
		}
	}
	path := filepath.Join("testdata", "curves.golden")
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if b.String() != string(want) {
		t.Errorf("fitted curves differ from %s:\n%s", path, b.String())
	}
}
