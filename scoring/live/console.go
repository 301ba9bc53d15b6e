package live

import (
	"context"
	"math"
	"sort"
	"time"

	"github.com/podium-sport/podium/api/console"
	"github.com/podium-sport/podium/scoring"
)

// ConsoleTalent serves rankings and athlete pages to the web console.
type ConsoleTalent struct{ *Talent }

var (
	_ console.RankingSource = ConsoleTalent{}
	_ console.AthleteSource = ConsoleTalent{}
)

// Rankings fills the console's rankings page.
func (t ConsoleTalent) Rankings(ctx context.Context, f console.RankingFilter) (console.RankingView, error) {
	b, err := t.Board()
	if err != nil {
		return console.RankingView{}, err
	}
	r, err := b.Rank(scoring.Query{Discipline: f.Event, Sex: f.Sex, Province: f.Province, Limit: f.Limit, Offset: f.Offset})
	if err != nil {
		return console.RankingView{}, err
	}
	v := console.RankingView{AsOf: b.AsOf, Total: r.Total}
	v.Events, v.Provinces = choices(b)
	for _, x := range r.Rows {
		v.Rows = append(v.Rows, console.RankingRow{Rank: x.Rank, AthleteID: x.AthleteID, Name: x.Name, Sex: x.Sex,
			BirthDate: date(x.BirthDate), Province: x.Province, PElite: interval(x.PElite), Forecast: interval(x.Forecast),
			Unit: x.Unit, Centiles: centiles(x.Centiles), Reasons: reasons(x.Reasons)})
	}
	fa := console.Fairness{TopN: r.TopN, OddsRatio: console.Interval{Est: r.Fairness.Q1vsQ4.Value,
		Lo: r.Fairness.Q1vsQ4.Lower, Hi: r.Fairness.Q1vsQ4.Upper}}
	for i, q := range r.Fairness.Quarters {
		if i < 4 {
			fa.TopQuarters[i], fa.PoolQuarters[i] = q.Selected, q.Pool
		}
	}
	v.Fairness = &fa
	return v, nil
}

// choices are the events and provinces the filter offers.
func choices(b *scoring.Board) (events, provinces []string) {
	seenE, seenP := map[string]bool{}, map[string]bool{}
	for _, r := range b.Rows {
		if !seenE[r.Discipline] {
			seenE[r.Discipline] = true
			events = append(events, r.Discipline)
		}
		if r.Province != "" && !seenP[r.Province] {
			seenP[r.Province] = true
			provinces = append(provinces, r.Province)
		}
	}
	sort.Strings(events)
	sort.Strings(provinces)
	return events, provinces
}

// Athlete fills the console's athlete page.
func (t ConsoleTalent) Athlete(ctx context.Context, id int64, withPhysio bool) (console.AthleteView, error) {
	pa, err := APITalent(t).Profile(ctx, id, withPhysio)
	if err != nil {
		return console.AthleteView{}, err
	}
	p := pa.(Profile)
	v := console.AthleteView{ID: p.AthleteID, Name: p.Name, Sex: p.Sex, BirthDate: date(p.BirthDate), Province: p.Province,
		Event: p.Discipline, Unit: p.Unit, LowerIsBetter: p.LowerIsBetter, PElite: interval(p.PElite),
		Centiles: centiles(p.Centiles), Reasons: reasons(p.Reasons)}
	for _, m := range p.Marks {
		v.Marks = append(v.Marks, console.MarkPoint{AgeYears: m.Age, Mark: m.Mark})
	}
	for _, f := range p.Forecast {
		v.Forecast = append(v.Forecast, console.ForecastPoint{AgeYears: f.Age, Mark: interval(f.Mark)})
	}
	for _, c := range p.Bands {
		v.Bands = append(v.Bands, console.CentileBand{AgeYears: c.Age, P10: float64(c.P10), P25: float64(c.P25),
			P50: float64(c.P50), P75: float64(c.P75), P90: float64(c.P90)})
	}
	if withPhysio {
		v.Physio = []console.PhysioRow{}
		for _, x := range p.Physio {
			v.Physio = append(v.Physio, console.PhysioRow{Date: date(x.Date), Test: x.Test, Value: x.Value, Unit: x.Unit,
				RefLo: x.RefLo, RefHi: x.RefHi})
		}
	}
	return v, nil
}

func interval(i scoring.Interval) console.Interval {
	return console.Interval{Est: float64(i.Est), Lo: float64(i.Lo), Hi: float64(i.Hi)}
}

func centiles(t scoring.Three) console.Centiles {
	return console.Centiles{Raw: float64(t.Raw), RAE: float64(t.RAE), Maturity: float64(t.Maturity)}
}

func reasons(rs []scoring.Reason) []string {
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		sign := "↑ "
		if r.Effect < 0 || math.Signbit(r.Effect) {
			sign = "↓ "
		}
		out = append(out, sign+r.Label)
	}
	return out
}

func date(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}
