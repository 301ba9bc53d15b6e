package live

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/podium-sport/podium/api"
	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/scoring"
)

// APITalent serves rankings and athlete profiles to the JSON API.
type APITalent struct{ *Talent }

var (
	_ api.Rankings = APITalent{}
	_ api.Profiles = APITalent{}
)

// Rankings answers GET /v1/rankings: one page of the ranked cohort with its
// fairness audit and cut-off simulator, or every row as CSV.
func (t APITalent) Rankings(ctx context.Context, q api.RankingQuery) (any, int, error) {
	b, err := t.Board()
	if err != nil {
		return nil, 0, err
	}
	if !q.AsOf.IsZero() && !sameDay(q.AsOf, b.AsOf) {
		return nil, 0, fmt.Errorf("%w: as_of %s: the board in use is as of %s (past boards are not kept)",
			datasets.ErrInvalid, q.AsOf.Format(time.DateOnly), b.AsOf.Format(time.DateOnly))
	}
	sq := scoring.Query{Sport: q.Sport, Discipline: q.Discipline, Sex: q.Sex, Province: q.Province,
		BornFrom: q.BornFrom, BornTo: q.BornTo, Limit: q.Limit, Offset: q.Offset, TopN: q.TopN}
	if q.CSV {
		sq.Limit, sq.Offset = 0, 0
	}
	if !q.CSV {
		if p, ok := t.pages.get(b, sq); ok {
			return p.raw, p.total, nil
		}
	}
	r, err := b.Rank(sq)
	if err != nil {
		return nil, 0, fmt.Errorf("%w: %w", datasets.ErrInvalid, err)
	}
	if q.CSV {
		return RankingCSV(r), r.Total, nil
	}
	raw, err := json.Marshal(r)
	if err != nil {
		return nil, 0, err
	}
	t.pages.put(b, sq, page{raw, r.Total})
	return api.RawJSON(raw), r.Total, nil
}

// page is an encoded ranking page.
type page struct {
	raw   api.RawJSON
	total int
}

// pageCache keeps the encoded pages of one board (a board never changes;
// a swapped-in board starts an empty cache), up to maxPages of them.
type pageCache struct {
	board *scoring.Board
	pages sync.Map // scoring.Query → page
	n     atomic.Int64
}

const maxPages = 10000

type pages struct{ cur atomic.Pointer[pageCache] }

func (p *pages) get(b *scoring.Board, q scoring.Query) (page, bool) {
	c := p.cur.Load()
	if c == nil || c.board != b {
		return page{}, false
	}
	v, ok := c.pages.Load(q)
	if !ok {
		return page{}, false
	}
	return v.(page), true
}

func (p *pages) put(b *scoring.Board, q scoring.Query, pg page) {
	c := p.cur.Load()
	if c == nil || c.board != b {
		c = &pageCache{board: b}
		p.cur.Store(c)
	}
	if c.n.Add(1) <= maxPages {
		c.pages.Store(q, pg)
	}
}

func sameDay(a, b time.Time) bool { return a.Format(time.DateOnly) == b.Format(time.DateOnly) }

// RankingCSV is the ranked cohort as a CSV table (also `podium rank --format csv`).
func RankingCSV(r scoring.Ranking) api.CSV {
	t := api.CSV{Name: "ranking-" + r.AsOf.Format(time.DateOnly) + ".csv",
		Header: []string{"rank", "athlete_id", "name", "sex", "birth_date", "province", "sport", "discipline",
			"p_elite", "p_elite_lo", "p_elite_hi", "forecast", "forecast_lo", "forecast_hi", "unit",
			"centile_raw", "centile_rae", "centile_maturity", "reasons"}}
	for _, x := range r.Rows {
		reasons := ""
		for i, why := range x.Reasons {
			if i > 0 {
				reasons += "; "
			}
			reasons += why.Label
		}
		t.Rows = append(t.Rows, []string{strconv.Itoa(x.Rank), strconv.FormatInt(x.AthleteID, 10), csvSafe(x.Name), x.Sex,
			x.BirthDate, csvSafe(x.Province), x.Sport, x.Discipline, num(x.PElite.Est), num(x.PElite.Lo), num(x.PElite.Hi),
			num(x.Forecast.Est), num(x.Forecast.Lo), num(x.Forecast.Hi), x.Unit,
			num(x.Centiles.Raw), num(x.Centiles.RAE), num(x.Centiles.Maturity), reasons})
	}
	return t
}

func num(v scoring.Num) string {
	b, _ := v.MarshalJSON()
	if string(b) == "null" {
		return ""
	}
	return string(b)
}

// csvSafe defuses spreadsheet formula injection in free text.
func csvSafe(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@') {
		return "'" + s
	}
	return s
}

// Profile is an athlete's performance profile; physio adds his
// physiological tests (integrity and admin roles only).
type Profile struct {
	scoring.Profile
	Physio []PhysioTest `json:"physio,omitempty"`
}

// PhysioTest is one physiological test result with the population's
// central 95 % range of that test.
type PhysioTest struct {
	Date  string  `json:"date"`
	Test  string  `json:"test"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	RefLo float64 `json:"ref_lo95"`
	RefHi float64 `json:"ref_hi95"`
}

// Profile answers GET /v1/athletes/{id}.
func (t APITalent) Profile(ctx context.Context, id int64, physio bool) (any, error) {
	b, err := t.Board()
	if err != nil {
		return nil, err
	}
	p, err := b.Athlete(id)
	if errors.Is(err, scoring.ErrUnknownAthlete) {
		return nil, fmt.Errorf("%w: athlete %d has no ranked result", datasets.ErrNotFound, id)
	} else if err != nil {
		return nil, err
	}
	out := Profile{Profile: p}
	if physio {
		if out.Physio, err = physioTests(ctx, t.st, id); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// physioTests reads one athlete's physiological tests, oldest first.
func physioTests(ctx context.Context, st Store, id int64) ([]PhysioTest, error) {
	rr, err := st.QueryArrow(ctx, `SELECT strftime(p.date, '%Y-%m-%d') AS date, p.test, p.value, p.unit, r.lo, r.hi
		FROM physio_tests p JOIN (SELECT test, quantile_cont(value, 0.025) AS lo, quantile_cont(value, 0.975) AS hi
			FROM physio_tests GROUP BY test) r ON r.test = p.test
		WHERE p.athlete_id = ? ORDER BY p.date, p.test`, id)
	if err != nil {
		return nil, fmt.Errorf("live: physio tests of %d: %w", id, err)
	}
	defer rr.Release()
	out := []PhysioTest{}
	for rr.Next() {
		rec := rr.Record()
		d, tst := rec.Column(0).(*array.String), rec.Column(1).(*array.String)
		v, u := rec.Column(2).(*array.Float64), rec.Column(3).(*array.String)
		lo, hi := rec.Column(4).(*array.Float64), rec.Column(5).(*array.Float64)
		for i := 0; i < int(rec.NumRows()); i++ {
			out = append(out, PhysioTest{d.Value(i), tst.Value(i), v.Value(i), u.Value(i), lo.Value(i), hi.Value(i)})
		}
	}
	return out, rr.Err()
}
