package sim

import (
	"encoding/json"
	"math"
	"time"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
)

var (
	truthAthletesSchema = arrow.NewSchema([]arrow.Field{
		{Name: "source_id", Type: arrow.BinaryTypes.String},
		{Name: "potential", Type: arrow.PrimitiveTypes.Float64},
		{Name: "senior_level", Type: arrow.BinaryTypes.String},
		{Name: "maturity_offset_years", Type: arrow.PrimitiveTypes.Float64},
		{Name: "true_birth_date", Type: arrow.FixedWidthTypes.Date32},
		{Name: "age_fraud", Type: arrow.FixedWidthTypes.Boolean},
		{Name: "duplicate_of", Type: arrow.BinaryTypes.String, Nullable: true},
	}, nil)
	truthEventsSchema = arrow.NewSchema([]arrow.Field{
		{Name: "kind", Type: arrow.BinaryTypes.String},
		{Name: "subject", Type: arrow.BinaryTypes.String},
		{Name: "start_date", Type: arrow.FixedWidthTypes.Date32},
		{Name: "detail", Type: arrow.BinaryTypes.String},
	}, nil)
)

// truthEvent is one row of truth_events.
type truthEvent struct {
	kind, subject string
	start         day
	detail        any // marshalled to JSON
}

// appendTruthAthlete appends the truth rows of a (two for a duplicated identity).
func appendTruthAthlete(b *array.RecordBuilder, a *athlete) {
	maturity := ageAt(a.trueBirth, date(a.first, time.January, 15)) - a.aphv
	level := seniorLevel(a.seniorZ)
	row := func(id, dupOf string) {
		b.Field(0).(*array.StringBuilder).Append(id)
		b.Field(1).(*array.Float64Builder).Append(round4(a.potential[0]))
		b.Field(2).(*array.StringBuilder).Append(level)
		b.Field(3).(*array.Float64Builder).Append(round4(maturity))
		b.Field(4).(*array.Date32Builder).Append(arrow.Date32(a.trueBirth))
		b.Field(5).(*array.BooleanBuilder).Append(a.planted.fraudYears > 0)
		if dupOf == "" {
			b.Field(6).AppendNull()
		} else {
			b.Field(6).(*array.StringBuilder).Append(dupOf)
		}
	}
	row(a.id, "")
	if d := a.planted.dup; d != nil {
		row(d.id, a.id)
	}
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// Detail JSON of each kind of planted athlete case.
type (
	ageFraudDetail struct {
		StatedBirthDate string  `json:"stated_birth_date"`
		TrueBirthDate   string  `json:"true_birth_date"`
		Years           float64 `json:"years"`
	}
	dopingDetail struct {
		Athlete     string   `json:"athlete"`
		Pct         float64  `json:"improvement_pct"`
		Disciplines []string `json:"disciplines"`
	}
	bloodSampleDetail struct {
		Date      string  `json:"date"`
		HgbAdd    float64 `json:"hgb_added_g_l"`
		RetFactor float64 `json:"ret_factor"`
	}
	bloodDetail struct {
		Athlete string              `json:"athlete"`
		Pattern string              `json:"pattern"`
		Season  int                 `json:"season"`
		Samples []bloodSampleDetail `json:"samples"`
	}
	duplicateDetail struct {
		DuplicateOf       string `json:"duplicate_of"`
		NameVariant       string `json:"name_variant"`
		BirthDateVariant  string `json:"birth_date_variant"`
		ProvinceVariant   string `json:"province_variant"`
		Province          string `json:"province"`
		FromSeason        int    `json:"from_season"`
		AutoMergeExpected bool   `json:"auto_merge_expected"`
	}
	fixDetail struct {
		Outcome     string   `json:"outcome"`
		TrueProb    float64  `json:"true_prob"`
		Shift       float64  `json:"steam_shift"`
		SteamBooks  []string `json:"steam_books"`
		Score       string   `json:"score"`
		Referee     string   `json:"referee"`
		RefInvolved bool     `json:"referee_involved"`
		Home        string   `json:"home"`
		Away        string   `json:"away"`
	}
)

// athleteEvents returns the planted cases of a as truth events.
func athleteEvents(seed uint64, a *athlete) []truthEvent {
	var out []truthEvent
	p := &a.planted
	if p.fraudYears > 0 {
		out = append(out, truthEvent{KindAgeFraud, a.id, date(a.first, time.January, 1), ageFraudDetail{
			a.birth.String(), a.trueBirth.String(), round4(p.fraudYears)}})
	}
	if d := p.doping; d != nil {
		var ds []string
		for _, e := range a.events {
			if e >= 0 {
				ds = append(ds, events[e].discipline)
			}
		}
		out = append(out, truthEvent{KindDopingJump, a.idFor(d.start.year()), d.start, dopingDetail{a.id, round4(100 * d.pct), ds}})
	}
	if b := p.blood; b != nil {
		det := bloodDetail{Athlete: a.id, Pattern: b.kind, Season: b.season}
		var start day
		for k := 0; k < samplesPerSeason; k++ {
			if b.hgbAdd[k] == 0 && b.retFactor[k] == 1 {
				continue
			}
			d := bloodSampleDay(seed, a.index, b.season, k)
			if start == 0 {
				start = d
			}
			det.Samples = append(det.Samples, bloodSampleDetail{d.String(), round4(b.hgbAdd[k]), round4(b.retFactor[k])})
		}
		out = append(out, truthEvent{KindBloodManipulation, a.idFor(b.season), start, det})
	}
	if d := p.dup; d != nil {
		out = append(out, truthEvent{KindDuplicateIdentity, d.id, date(d.from, time.January, 1), duplicateDetail{
			a.id, d.name, d.birth, d.province, d.provName, d.from, d.autoMerge()}})
	}
	return out
}

// matchEvent returns the truth event of a fixed match.
func matchEvent(m *match) truthEvent {
	f := m.fix
	det := fixDetail{Outcome: outcomeCode[f.outcome], TrueProb: round4(m.prob[f.outcome]), Shift: round4(f.shift),
		Score: itoa(m.hg) + "-" + itoa(m.ag), Referee: m.referee, RefInvolved: f.refInvolved,
		Home: teams[m.home].name, Away: teams[m.away].name}
	for _, b := range f.steam {
		det.SteamBooks = append(det.SteamBooks, books[b].name)
	}
	return truthEvent{KindFixedMatch, m.id, m.date, det}
}

// eventRecords streams truth events as Arrow records.
func eventRecords(evs []truthEvent) (*recordStream, error) {
	details := make([]string, len(evs))
	for i, e := range evs {
		js, err := json.Marshal(e.detail)
		if err != nil {
			return nil, err
		}
		details[i] = string(js)
	}
	next := 0
	return newRecordStream(truthEventsSchema, func(b *array.RecordBuilder, n int) bool {
		for ; n > 0 && next < len(evs); n-- {
			e := evs[next]
			b.Field(0).(*array.StringBuilder).Append(e.kind)
			b.Field(1).(*array.StringBuilder).Append(e.subject)
			b.Field(2).(*array.Date32Builder).Append(arrow.Date32(e.start))
			b.Field(3).(*array.StringBuilder).Append(details[next])
			next++
		}
		return next < len(evs)
	}), nil
}
