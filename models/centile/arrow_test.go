package centile

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/podium-sport/podium/datasets/storetest"
)

func TestReadResults(t *testing.T) {
	st := storetest.Open(t)
	tests := []struct {
		name, query, err string
		want             []Result
	}{
		{"all columns", `SELECT 'athletics' AS sport, '100m' AS discipline, 'M' AS sex, 13.5 :: DOUBLE AS age_years,
			12.3 :: DOUBLE AS mark, true AS lower_is_better, 5 :: BIGINT AS athlete_id, year(DATE '2024-06-01') AS season,
			2010 :: INTEGER AS birth_year, 0.25 :: DOUBLE AS relative_age`, "",
			[]Result{{Key: Key{"athletics", "100m", "M"}, Athlete: 5, Age: 13.5, Mark: 12.3, LowerIsBetter: true, Season: 2024, BirthYear: 2010, RelativeAge: 0.25}}},
		{"optional columns absent, null age", `SELECT 'swimming' AS sport, '50m-freestyle' AS discipline, 'F' AS sex,
			NULL :: DOUBLE AS age_years, 30.1 :: DOUBLE AS mark, true AS lower_is_better`, "",
			[]Result{{Key: Key{"swimming", "50m-freestyle", "F"}, Age: math.NaN(), Mark: 30.1, LowerIsBetter: true, RelativeAge: math.NaN()}}},
		{"missing column", `SELECT 'a' AS sport, 'b' AS discipline, 'M' AS sex, 1.0 :: DOUBLE AS age_years, true AS lower_is_better`, `no column "mark"`, nil},
		{"wrong type", `SELECT 'a' AS sport, 'b' AS discipline, 'M' AS sex, 1 :: INTEGER AS age_years, 2.0 :: DOUBLE AS mark, true AS lower_is_better`, `column "age_years" has type int32`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rr, err := st.QueryArrow(context.Background(), tt.query)
			if err != nil {
				t.Fatal(err)
			}
			defer rr.Release()
			got, err := ReadResults(rr)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("err %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) || !sameResult(got[0], tt.want[0]) {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func sameResult(a, b Result) bool {
	eq := func(x, y float64) bool { return x == y || (math.IsNaN(x) && math.IsNaN(y)) }
	return a.Key == b.Key && a.Athlete == b.Athlete && eq(a.Age, b.Age) && a.Mark == b.Mark &&
		a.LowerIsBetter == b.LowerIsBetter && a.Season == b.Season && a.BirthYear == b.BirthYear && eq(a.RelativeAge, b.RelativeAge)
}
