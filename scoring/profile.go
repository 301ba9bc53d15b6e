package scoring

import (
	"errors"
	"fmt"
	"math"

	"github.com/podium-sport/podium/models/trajectory"
)

// ErrUnknownAthlete is returned for an athlete the board has no row for.
var ErrUnknownAthlete = errors.New("scoring: athlete not on the board")

// Profile is one athlete's performance profile: his board row, his results
// in the main event, his forecast trajectory with its band and the peer
// centile bands by age.
type Profile struct {
	Row
	Rank     int            `json:"rank"` // on the whole board
	Marks    []ProfileMark  `json:"marks"`
	Forecast []ForecastStep `json:"forecast"`
	Bands    []Band         `json:"centile_bands"`
}

// ProfileMark is one result with its three scores.
type ProfileMark struct {
	Age  float64 `json:"age"`
	Mark float64 `json:"mark"`
	Z    Num     `json:"z_rae_corrected"`
}

// ForecastStep is the forecast at one age.
type ForecastStep struct {
	Age  float64  `json:"age"`
	Mark Interval `json:"mark"`
}

// Band is the peer distribution of marks at one age, by performance centile:
// P90 beats 90 % of peers (for times, a fast time).
type Band struct {
	Age float64 `json:"age"`
	P10 Num     `json:"p10"`
	P25 Num     `json:"p25"`
	P50 Num     `json:"p50"`
	P75 Num     `json:"p75"`
	P90 Num     `json:"p90"`
}

// Athlete returns the profile of one athlete.
func (b *Board) Athlete(id int64) (Profile, error) {
	idx, ok := b.byID[id]
	if !ok {
		return Profile{}, fmt.Errorf("%w: %d", ErrUnknownAthlete, id)
	}
	r := b.Rows[idx[0]]
	p := Profile{Row: r, Rank: idx[0] + 1}
	ms := b.marks[id]
	for _, m := range ms {
		z := math.NaN()
		if v, err := b.ref.Z(m.Key, m.Age, m.Mark); err == nil {
			z = v
		}
		p.Marks = append(p.Marks, ProfileMark{Age: m.Age, Mark: m.Mark, Z: Num(z)})
	}
	if len(ms) == 0 {
		return p, nil
	}
	ages := ageGrid(ms[0].Age, max(b.TargetAge, ms[len(ms)-1].Age))
	if m := b.traj[ms[0].Key]; m != nil {
		s := trajectory.Series{ID: r.Name}
		for _, x := range ms {
			s.Ages, s.Values = append(s.Ages, x.Age), append(s.Values, x.Mark)
		}
		if pts, err := m.Forecast(s, ages); err == nil {
			for _, q := range pts {
				p.Forecast = append(p.Forecast, ForecastStep{q.Age, Interval{Num(q.Mean), Num(q.Lower95), Num(q.Upper95)}})
			}
		}
	}
	if c, ok := b.ref.Curves(ms[0].Key); ok {
		for _, a := range ages {
			if !c.Covers(a) {
				continue
			}
			q := func(pc float64) Num { return Num(c.Quantile(a, pc)) }
			p.Bands = append(p.Bands, Band{a, q(0.10), q(0.25), q(0.50), q(0.75), q(0.90)})
		}
	}
	return p, nil
}

// ageGrid is every quarter year from lo to hi.
func ageGrid(lo, hi float64) []float64 {
	var out []float64
	for a := math.Floor(lo*4) / 4; a <= hi+1e-9; a += 0.25 {
		out = append(out, a)
	}
	return out
}
