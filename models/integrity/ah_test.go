package integrity

import "testing"

func TestAHSide(t *testing.T) {
	tests := []struct {
		name string
		diff int
		line float64
		want int
	}{
		{"home -0.5 wins by one", 1, -0.5, 0},
		{"home -0.5 draws", 0, -0.5, 1},
		{"level ball draw is void", 0, 0, -1},
		{"home -1 wins by one: void", 1, -1, -1},
		{"home -0.75 wins by one: half win", 1, -0.75, 0},
		{"home -0.25 draws: half loss", 0, -0.25, 1},
		{"home +1.25 loses by one: half win", -1, 1.25, 0},
		{"home +1.5 loses by two", -2, 1.5, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := ahSide(tc.diff, tc.line); got != tc.want {
				t.Errorf("ahSide(%d, %v) = %d, want %d", tc.diff, tc.line, got, tc.want)
			}
		})
	}
}
