package scoring

import (
	"fmt"
	"math"
	"slices"
	"time"
)

// Query selects a cohort of the board. Empty fields do not filter.
type Query struct {
	Sport, Discipline, Sex, Province string
	BornFrom, BornTo                 int // birth years, inclusive; 0 = open
	// Limit and Offset page through the ranked cohort; Limit 0 returns
	// every row (the CSV export).
	Limit, Offset int
	// TopN is the selection size the fairness audit looks at; 0 means the
	// top 10 % of the cohort (at least one athlete).
	TopN int
}

// Validate reports a query that cannot be answered.
func (q Query) Validate() error {
	switch {
	case q.Limit < 0 || q.Offset < 0 || q.TopN < 0:
		return fmt.Errorf("scoring: limit, offset and top_n must not be negative")
	case q.BornFrom != 0 && q.BornTo != 0 && q.BornFrom > q.BornTo:
		return fmt.Errorf("scoring: born_from %d is after born_to %d", q.BornFrom, q.BornTo)
	case q.Sex != "" && q.Sex != "M" && q.Sex != "F":
		return fmt.Errorf("scoring: sex %q: want M or F", q.Sex)
	}
	return nil
}

// Ranked is one row of a ranking: its rank in the cohort on the common scale.
type Ranked struct {
	Rank int `json:"rank"`
	Row
}

// Ranking is one page of a ranked cohort with the audit of its selection.
type Ranking struct {
	AsOf  time.Time `json:"as_of"`
	Total int       `json:"total"`
	Rows  []Ranked  `json:"rows"`
	TopN  int       `json:"top_n"`
	// Fairness audits the top TopN of the model's ranking; Raw the top TopN
	// by raw, birth-year-category level (how provinces rank today), so the
	// two can be compared.
	Fairness Audit `json:"fairness"`
	Raw      Audit `json:"fairness_raw_ranking"`
	// Cutoffs is the cut-off simulator for the model's order, CutoffsRaw
	// for the raw order, both counted by the calibrated P(elite).
	Cutoffs    []CutoffRow `json:"cutoffs"`
	CutoffsRaw []CutoffRow `json:"cutoffs_raw_ranking"`
	Untrained  string      `json:"untrained,omitempty"`
}

// Rank returns the cohort the query selects, ranked on the board's common
// scale (P(elite)), with the fairness audit and the cut-off simulator of a
// selection of its top TopN.
//
// A board never changes, so the cohort and its audits are computed once per
// cohort and selection size and kept (up to maxCohorts of them); pages of a
// kept cohort cost only their rows.
func (b *Board) Rank(q Query) (Ranking, error) {
	if err := q.Validate(); err != nil {
		return Ranking{}, err
	}
	c := b.cohort(q)
	out := c.head
	cohort := c.rows
	lo := min(q.Offset, len(cohort))
	hi := len(cohort)
	if q.Limit > 0 {
		hi = min(lo+q.Limit, hi)
	}
	out.Rows = make([]Ranked, 0, hi-lo)
	for k := lo; k < hi; k++ {
		out.Rows = append(out.Rows, Ranked{Rank: k + 1, Row: b.Rows[cohort[k]]})
	}
	return out, nil
}

// cohortKey is a query without its page.
type cohortKey struct {
	sport, discipline, sex, province string
	bornFrom, bornTo, topN           int
}

// cohort is one cohort's rows (board indices, in rank order) and its
// ranking without rows: total, audits, cut-offs.
type cohort struct {
	rows []int
	head Ranking
}

// maxCohorts bounds the cohorts a board keeps.
const maxCohorts = 4096

func (b *Board) cohort(q Query) *cohort {
	key := cohortKey{q.Sport, q.Discipline, q.Sex, q.Province, q.BornFrom, q.BornTo, q.TopN}
	if c, ok := b.cohorts.Load(key); ok {
		return c.(*cohort)
	}
	c := &cohort{}
	for i := range b.Rows {
		if q.matches(&b.Rows[i]) {
			c.rows = append(c.rows, i)
		}
	}
	h := Ranking{AsOf: b.AsOf, Total: len(c.rows), Untrained: b.Untrained, TopN: q.TopN}
	if h.TopN == 0 {
		h.TopN = max(1, len(c.rows)/10)
	}
	h.TopN = min(h.TopN, len(c.rows))
	b.audit(&h, c.rows)
	c.head = h
	if b.ncohorts.Add(1) <= maxCohorts {
		b.cohorts.Store(key, c)
	}
	return c
}

func (q Query) matches(r *Row) bool {
	if q.Sport != "" && r.Sport != q.Sport || q.Discipline != "" && r.Discipline != q.Discipline ||
		q.Sex != "" && r.Sex != q.Sex || q.Province != "" && r.Province != q.Province {
		return false
	}
	if q.BornFrom == 0 && q.BornTo == 0 {
		return true
	}
	if r.BirthDate == "" {
		return false
	}
	y := birthYear(*r)
	return (q.BornFrom == 0 || y >= q.BornFrom) && (q.BornTo == 0 || y <= q.BornTo)
}

// audit fills the fairness audits and the cut-off simulators of the cohort
// (board rows in the model's order).
func (b *Board) audit(out *Ranking, cohort []int) {
	rs := make([]*Row, len(cohort))
	model := make([]float64, len(cohort))
	p := make([]float64, len(cohort))
	for k, i := range cohort {
		rs[k] = &b.Rows[i]
		model[k] = -float64(k) // the board's order
		p[k] = float64(rs[k].PElite.Est)
	}
	raw := column(rs, func(r *Row) float64 { return orInf(float64(r.Z.Raw)) })
	out.Fairness = FairnessAudit(topMembers(rs, model, out.TopN))
	out.Raw = FairnessAudit(topMembers(rs, raw, out.TopN))
	if b.Untrained != "" || slices.ContainsFunc(p, math.IsNaN) {
		return
	}
	sizes := cutoffSizes(out.TopN, len(cohort))
	out.Cutoffs, _ = SimulateCutoffs(model, p, sizes)
	out.CutoffsRaw, _ = SimulateCutoffs(raw, p, sizes)
}

// cutoffSizes are the selection sizes the simulator shows: a few round
// numbers around the audited top N, within the cohort.
func cutoffSizes(topN, pool int) []int {
	var out []int
	for _, n := range []int{topN / 2, topN, 2 * topN, 10, 25, 50, 100} {
		if n > 0 && n <= pool && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}

// orInf maps NaN (no score) to −∞ so it sorts last.
func orInf(v float64) float64 {
	if math.IsNaN(v) {
		return math.Inf(-1)
	}
	return v
}
