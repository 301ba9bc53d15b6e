package trajectory

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestReadSplit(t *testing.T) {
	tests := []struct {
		name, in string
		want     int    // swimmers read
		err      string // substring of the error, with its file:line
	}{
		{"good", "ID,Gender,split\n1,1,test\n2,2,train\n", 2, ""},
		{"bad header", "id,sex,set\n1,1,test\n", 0, "s.csv:1: header"},
		{"unknown split", "ID,Gender,split\n1,1,test\n2,1,valid\n", 0, `s.csv:3: split "valid"`},
		{"duplicate", "ID,Gender,split\n1,1,test\n1,1,train\n", 0, `s.csv:3: ID "1" listed twice`},
		{"short row", "ID,Gender,split\n1,1\n", 0, "s.csv:2: 2 fields"},
		{"bad quoting", "ID,Gender,split\n\"1,1,test\n", 0, "s.csv:2:"},
		{"empty", "", 0, "s.csv:0: no swimmer"},
		{"header only", "ID,Gender,split\n", 0, "s.csv:0: no swimmer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadSplit(strings.NewReader(tt.in), "s.csv")
			var se *SplitError
			switch {
			case tt.err == "" && (err != nil || len(got) != tt.want):
				t.Errorf("got %v, %v; want %d swimmers", got, err, tt.want)
			case tt.err != "" && (!errors.As(err, &se) || !strings.Contains(err.Error(), tt.err)):
				t.Errorf("error %v, want a *SplitError with %q", err, tt.err)
			}
		})
	}
}

// FuzzReadSplit: any input gives either a *SplitError or a non-empty split
// of train and test IDs, never a panic.
func FuzzReadSplit(f *testing.F) {
	f.Add("ID,Gender,split\n1,1,test\n2,2,train\n")
	f.Add("ID,Gender,split\n\"1,1,test\n")
	f.Add("ID,Gender,split\n1,1\n")
	f.Fuzz(func(t *testing.T, in string) {
		got, err := ReadSplit(strings.NewReader(in), "fuzz.csv")
		var se *SplitError
		if err != nil {
			if !errors.As(err, &se) {
				t.Fatalf("error %v is not a *SplitError", err)
			}
			return
		}
		for id, set := range got {
			if id == "" || (set != "train" && set != "test") {
				t.Fatalf("entry %q → %q", id, set)
			}
		}
		if len(got) == 0 {
			t.Fatal("empty split without error")
		}
	})
}

// FuzzUnmarshalBinary: an artifact is either rejected or yields a model that
// forecasts or reports an error, never panics; what it reads it writes back
// unchanged.
func FuzzUnmarshalBinary(f *testing.F) {
	m, err := Fit(synthetic(20, 5), Config{})
	if err != nil {
		f.Fatal(err)
	}
	good, _ := m.MarshalBinary()
	f.Add(good)
	f.Add([]byte(codecMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		var m Model
		if m.UnmarshalBinary(data) != nil {
			return
		}
		if again, _ := m.MarshalBinary(); !bytes.Equal(again, data) {
			t.Fatalf("read %x, wrote %x", data, again)
		}
		m.Forecast(Series{Ages: []float64{12}, Values: []float64{60}}, []float64{14})
	})
}
