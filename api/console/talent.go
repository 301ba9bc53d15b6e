package console

import (
	"encoding/csv"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

const rankingPageSize = 50

type rankingsData struct {
	Filter   RankingFilter
	View     RankingView
	Pager    pager
	CSV      string
	Quarters []quarterRow
}

// quarterRow is one birth quarter in the fairness audit: its share of the
// top N against its share of the pool.
type quarterRow struct {
	Quarter         int
	Top, Pool       int
	TopPct, PoolPct float64
}

// rankingFilter reads the rankings filter from the query string.
func rankingFilter(g *gin.Context, limit int) RankingFilter {
	f := RankingFilter{Event: g.Query("event"), Sex: g.Query("sex"), Province: g.Query("province"), Limit: limit}
	if f.Sex != "M" && f.Sex != "F" {
		f.Sex = ""
	}
	f.Offset = (pageNumber(g.Query("page")) - 1) * max(limit, 0)
	return f
}

func (c *Console) rankingsPage(g *gin.Context) {
	if c.deps.Rankings == nil {
		c.unavailable(g, "rankings.title")
		return
	}
	f := rankingFilter(g, rankingPageSize)
	v, err := c.deps.Rankings.Rankings(g.Request.Context(), f)
	if err != nil {
		c.storeFailure(g, err)
		return
	}
	q := g.Request.URL.Query()
	q.Del("page")
	q.Del("lang")
	d := rankingsData{Filter: f, View: v, CSV: "/console/rankings.csv?" + q.Encode(),
		Pager: newPager(g.Request.URL, pageNumber(g.Query("page")), rankingPageSize, v.Total)}
	if fr := v.Fairness; fr != nil {
		d.Quarters = quarterRows(fr)
	}
	c.render(g, http.StatusOK, "rankings", "rankings.title", d)
}

func quarterRows(f *Fairness) []quarterRow {
	var top, pool int
	for q := range 4 {
		top += f.TopQuarters[q]
		pool += f.PoolQuarters[q]
	}
	share := func(n, of int) float64 {
		if of == 0 {
			return 0
		}
		return float64(n) / float64(of)
	}
	out := make([]quarterRow, 4)
	for q := range 4 {
		out[q] = quarterRow{Quarter: q + 1, Top: f.TopQuarters[q], Pool: f.PoolQuarters[q],
			TopPct: share(f.TopQuarters[q], top), PoolPct: share(f.PoolQuarters[q], pool)}
	}
	return out
}

// rankingsCSV exports the whole filtered ranking (all pages). Column names
// are English and language-neutral so that spreadsheets read them the same.
func (c *Console) rankingsCSV(g *gin.Context) {
	if c.deps.Rankings == nil {
		c.unavailable(g, "rankings.title")
		return
	}
	f := rankingFilter(g, 0)
	f.Offset = 0
	v, err := c.deps.Rankings.Rankings(g.Request.Context(), f)
	if err != nil {
		c.storeFailure(g, err)
		return
	}
	g.Header("Content-Type", "text/csv; charset=utf-8")
	g.Header("Content-Disposition", `attachment; filename="rankings.csv"`)
	w := csv.NewWriter(g.Writer)
	w.Write([]string{"rank", "athlete_id", "name", "sex", "birth_date", "province",
		"p_elite", "p_elite_lo", "p_elite_hi", "forecast", "forecast_lo", "forecast_hi", "unit",
		"centile_raw", "centile_rae", "centile_maturity", "reasons"})
	num := func(x float64) string {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return "" // not computed: an empty cell, as spreadsheets expect
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	for _, r := range v.Rows {
		birth := ""
		if !r.BirthDate.IsZero() {
			birth = r.BirthDate.Format(time.DateOnly)
		}
		w.Write([]string{strconv.Itoa(r.Rank), strconv.FormatInt(r.AthleteID, 10), csvSafe(r.Name), r.Sex, birth,
			csvSafe(r.Province), num(r.PElite.Est), num(r.PElite.Lo), num(r.PElite.Hi),
			num(r.Forecast.Est), num(r.Forecast.Lo), num(r.Forecast.Hi), r.Unit,
			num(r.Centiles.Raw), num(r.Centiles.RAE), num(r.Centiles.Maturity), csvSafe(strings.Join(r.Reasons, "; "))})
	}
	w.Flush()
}

// csvSafe defuses spreadsheet formula injection in free text.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

type athleteData struct {
	A          AthleteView
	Chart      template.HTML
	ShowPhysio bool
}

func (c *Console) athletePage(g *gin.Context) {
	if c.deps.Athletes == nil {
		c.unavailable(g, "athlete.title")
		return
	}
	id, err := strconv.ParseInt(g.Param("id"), 10, 64)
	if err != nil {
		c.fail(g, http.StatusNotFound, "error.notfound")
		return
	}
	d := athleteData{ShowPhysio: can(viewerOf(g).user.Role, permPhysio)}
	a, err := c.deps.Athletes.Athlete(g.Request.Context(), id, d.ShowPhysio)
	if err != nil {
		c.storeFailure(g, err)
		return
	}
	if !d.ShowPhysio {
		a.Physio = nil // never shown to a role without the right, whatever the provider returned
	}
	d.A = a
	if len(a.Marks) > 0 || len(a.Forecast) > 0 {
		d.Chart = trajectorySVG(viewerOf(g).loc, a)
	}
	c.render(g, http.StatusOK, "athlete", "athlete.title", d)
}

func (c *Console) modelsPage(g *gin.Context) {
	if c.deps.Models == nil {
		c.unavailable(g, "models.title")
		return
	}
	ms, err := c.deps.Models.Models(g.Request.Context())
	if err != nil {
		c.storeFailure(g, err)
		return
	}
	c.render(g, http.StatusOK, "models", "models.title", modelsData{Models: ms, CanRetrain: c.deps.Jobs != nil})
}

type modelsData struct {
	Models     []ModelView
	CanRetrain bool
}

// retrain starts a retraining job and shows it.
func (c *Console) retrain(g *gin.Context) {
	if c.deps.Jobs == nil {
		c.unavailable(g, "jobs.title")
		return
	}
	job, err := c.deps.Jobs.StartRetrain(g.Request.Context(), g.Param("name"), viewerOf(g).user.Name)
	if err != nil {
		c.storeFailure(g, err)
		return
	}
	g.Redirect(http.StatusSeeOther, "/console/jobs/"+url.PathEscape(job.ID))
}

// jobPage shows a job; while it runs, the page reloads itself every few
// seconds with a meta refresh (no JavaScript).
func (c *Console) jobPage(g *gin.Context) {
	if c.deps.Jobs == nil {
		c.unavailable(g, "jobs.title")
		return
	}
	job, err := c.deps.Jobs.Job(g.Request.Context(), g.Param("id"))
	if err != nil {
		c.storeFailure(g, err)
		return
	}
	c.render(g, http.StatusOK, "job", "jobs.title", job)
}

// unavailable says that a page's data provider is not wired in yet.
func (c *Console) unavailable(g *gin.Context, titleKey string) {
	loc := viewerOf(g).loc
	c.render(g, http.StatusServiceUnavailable, "error", titleKey, loc.T("error.unavailable", loc.T(titleKey)))
}

// trajectorySVG draws an athlete's marks against peer centile bands by age,
// with the forecast and its interval.
func trajectorySVG(loc *locale, a AthleteView) template.HTML {
	c := chart{ID: fmt.Sprintf("traj-%d", a.ID), Title: loc.T("chart.traj.title", a.Name, a.Event),
		YLabel: loc.T("chart.traj.y", a.Unit), InvertY: a.LowerIsBetter}
	outer := band{Name: loc.T("chart.traj.p10p90"), Class: "band-outer"}
	inner := band{Name: loc.T("chart.traj.p25p75"), Class: "band-inner"}
	median := series{Name: loc.T("chart.traj.p50"), Class: "median"}
	for _, b := range a.Bands {
		outer.Lo, outer.Hi = append(outer.Lo, pt{b.AgeYears, b.P10}), append(outer.Hi, pt{b.AgeYears, b.P90})
		inner.Lo, inner.Hi = append(inner.Lo, pt{b.AgeYears, b.P25}), append(inner.Hi, pt{b.AgeYears, b.P75})
		median.Pts = append(median.Pts, pt{b.AgeYears, b.P50})
	}
	fcBand := band{Name: loc.T("chart.traj.interval"), Class: "fc-band"}
	fc := series{Name: loc.T("chart.traj.forecast"), Class: "forecast"}
	for _, f := range a.Forecast {
		fcBand.Lo, fcBand.Hi = append(fcBand.Lo, pt{f.AgeYears, f.Mark.Lo}), append(fcBand.Hi, pt{f.AgeYears, f.Mark.Hi})
		fc.Pts = append(fc.Pts, pt{f.AgeYears, f.Mark.Est})
	}
	marks := series{Name: loc.T("chart.traj.marks"), Class: "marks", Dots: true}
	for _, m := range a.Marks {
		marks.Pts = append(marks.Pts, pt{m.AgeYears, m.Mark})
	}
	if len(a.Bands) > 0 {
		c.Bands = append(c.Bands, outer, inner)
		c.Lines = append(c.Lines, median)
	}
	if len(a.Forecast) > 0 {
		c.Bands = append(c.Bands, fcBand)
		c.Lines = append(c.Lines, fc)
	}
	c.Lines = append(c.Lines, marks)
	c.Desc = trajectoryDesc(loc, a)
	return c.svg(loc)
}

func trajectoryDesc(loc *locale, a AthleteView) string {
	desc := loc.T("chart.traj.desc.marks", len(a.Marks), a.Name)
	if n := len(a.Forecast); n > 0 {
		f := a.Forecast[n-1]
		desc += " " + loc.T("chart.traj.desc.forecast", loc.Num(1, f.AgeYears), loc.Num(2, f.Mark.Est),
			loc.Num(2, f.Mark.Lo), loc.Num(2, f.Mark.Hi), a.Unit)
	}
	return desc
}
