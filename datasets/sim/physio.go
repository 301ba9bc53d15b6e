package sim

import (
	"strconv"
	"time"
)

var physioHeader = []string{"athlete_source_id", "date", "test", "value", "unit"}

// minBloodAge is the youngest age at which squad athletes give blood samples.
const minBloodAge = 15

// physioGen writes an athlete's physical tests and blood samples.
type physioGen struct {
	r *rng
}

// athletePhysio writes a yearly test session (January) for tested athletes
// and four blood-passport samples a season for squad athletes aged 15+.
func (g *physioGen) athletePhysio(a *athlete, seed uint64, w *rowWriter) {
	r := g.r.at(seed, purposePhysio, uint64(a.index))
	for y := a.first; y <= a.last; y++ {
		id := a.idFor(y)
		if a.tested {
			d := date(y, time.January, 8+r.IntN(20))
			p := a.physicalTests(r, ageAt(a.trueBirth, d))
			ds := d.String()
			w.row(id, ds, "height", fmt1(p.height), "cm")
			w.row(id, ds, "sitting_height", fmt1(p.sitting), "cm")
			w.row(id, ds, "body_mass", fmt1(p.mass), "kg")
			w.row(id, ds, "cmj", fmt1(p.cmj), "cm")
			w.row(id, ds, "sprint_30m", fmt2(p.sprint30), "s")
			w.row(id, ds, "shuttle_run", fmt1(p.shuttle), "level")
			w.row(id, ds, "vo2max", fmt1(p.vo2max), "ml/kg/min")
			w.row(id, ds, "grip", fmt1(p.grip), "kg")
		}
		if !a.squad {
			continue
		}
		for k := 0; k < samplesPerSeason; k++ {
			d := bloodSampleDay(seed, a.index, y, k)
			if ageAt(a.birth, d) < minBloodAge {
				continue
			}
			b := a.bloodSample(r, ageAt(a.trueBirth, d))
			if p := a.planted.blood; p != nil && p.season == y {
				b.hgb += p.hgbAdd[k]
				b.ret *= p.retFactor[k]
			}
			b = b.clamped()
			ds := d.String()
			w.row(id, ds, "hgb", strconv.FormatFloat(b.hgb, 'f', 0, 64), "g/L")
			w.row(id, ds, "ret_pct", fmt2(b.ret), "%")
		}
	}
}

func fmt1(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }
func fmt2(x float64) string { return strconv.FormatFloat(x, 'f', 2, 64) }
