package console

import (
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/podium-sport/podium/datasets"
)

// checklist is the innocent-explanation checklist a reviewer works through
// before deciding; the ticked items are saved in the decision's comment.
var checklist = []string{"injury-news", "lineup-change", "weather", "red-card", "market-wide-move", "data-error"}

const queuePageSize = 25

type queueData struct {
	Status, Type, MinSeverity string
	Sort                      string
	Statuses, Sorts           []string
	Alerts                    []Alert
	Total                     int
	Pager                     pager
}

func (c *Console) alertQueue(g *gin.Context) {
	d := queueData{Status: g.Query("status"), Type: strings.TrimSpace(g.Query("type")),
		MinSeverity: g.Query("min"), Sort: g.DefaultQuery("sort", "severity"), Statuses: datasets.AlertStatuses,
		Sorts: []string{"severity", "priority"}}
	if !slices.Contains(d.Sorts, d.Sort) {
		c.fail(g, http.StatusBadRequest, "error.badform")
		return
	}
	f := AlertFilter{Status: d.Status, Type: d.Type, Sort: d.Sort, Limit: queuePageSize}
	if d.MinSeverity != "" {
		min, err := strconv.ParseFloat(strings.Replace(d.MinSeverity, ",", ".", 1), 64)
		if err != nil || min < 0 || min > 1 {
			c.fail(g, http.StatusBadRequest, "error.severity")
			return
		}
		f.MinSeverity = min
	}
	pageNo := pageNumber(g.Query("page"))
	f.Offset = (pageNo - 1) * queuePageSize
	alerts, total, err := c.deps.Alerts.ListAlerts(g.Request.Context(), f)
	if err != nil {
		c.storeFailure(g, err)
		return
	}
	d.Alerts, d.Total = alerts, total
	d.Pager = newPager(g.Request.URL, pageNo, queuePageSize, total)
	c.render(g, http.StatusOK, "alerts", "alerts.title", d)
}

type alertData struct {
	Alert     Alert
	Evidence  evidenceView
	Next      []string
	Checklist []checkItem
	Audit     []auditRow
	Flash     string // translated key of a message above the form
	FlashBad  bool
	Comment   string
	Assignee  string
}

type checkItem struct {
	Key     string
	Checked bool
}

func (c *Console) alertPage(g *gin.Context) {
	flash := ""
	if g.Query("saved") == "1" {
		flash = "alert.saved"
	}
	c.showAlert(g, http.StatusOK, flash, nil)
}

// showAlert renders one alert; after a failed decision, form holds what the
// reviewer typed so that nothing is lost.
func (c *Console) showAlert(g *gin.Context, status int, flash string, form url.Values) {
	id, err := strconv.ParseInt(g.Param("id"), 10, 64)
	if err != nil {
		c.fail(g, http.StatusNotFound, "error.notfound")
		return
	}
	ctx := g.Request.Context()
	a, err := c.deps.Alerts.GetAlert(ctx, id)
	if err != nil {
		c.storeFailure(g, err)
		return
	}
	audit, err := c.deps.Alerts.AlertAudit(ctx, id)
	if err != nil {
		c.storeFailure(g, err)
		return
	}
	loc := viewerOf(g).loc
	d := alertData{Alert: a, Next: datasets.NextStatuses(a.Status), Flash: flash, FlashBad: status >= 400,
		Assignee: a.Assignee, Audit: auditRows(loc, audit)}
	d.Evidence = buildEvidence(loc, a.Evidence, fmt.Sprintf("odds-%d", a.ID))
	ticked := map[string]bool{}
	if form != nil {
		d.Comment, d.Assignee = form.Get("comment"), form.Get("assignee")
		for _, k := range form["check"] {
			ticked[k] = true
		}
	}
	for _, k := range checklist {
		d.Checklist = append(d.Checklist, checkItem{Key: k, Checked: ticked[k]})
	}
	c.render(g, status, "alert", "alert.title", d)
}

// decideAlert saves a reviewer's decision. A stale version (someone else
// saved first) or an illegal move re-shows the page with the reviewer's input.
func (c *Console) decideAlert(g *gin.Context) {
	id, err := strconv.ParseInt(g.Param("id"), 10, 64)
	if err != nil {
		c.fail(g, http.StatusNotFound, "error.notfound")
		return
	}
	version, err := strconv.Atoi(g.PostForm("version"))
	if err != nil {
		c.fail(g, http.StatusBadRequest, "error.badform")
		return
	}
	ch := AlertChange{Status: g.PostForm("status"), Version: version,
		Comment: decisionComment(g.PostFormArray("check"), g.PostForm("comment")), Actor: viewerOf(g).user.Name}
	if a := strings.TrimSpace(g.PostForm("assignee")); a != g.PostForm("assignee_was") {
		ch.Assignee = a
	}
	if ch.Status == "" && ch.Comment == "" && ch.Assignee == "" {
		c.showAlert(g, http.StatusUnprocessableEntity, "alert.nothing", g.Request.PostForm)
		return
	}
	_, err = c.deps.Alerts.UpdateAlert(g.Request.Context(), id, ch)
	switch {
	case errors.Is(err, errConflict):
		c.showAlert(g, http.StatusConflict, "alert.conflict", g.Request.PostForm)
	case errors.Is(err, errInvalid):
		c.showAlert(g, http.StatusUnprocessableEntity, "alert.invalid", g.Request.PostForm)
	case err != nil:
		c.storeFailure(g, err)
	default:
		g.Redirect(http.StatusSeeOther, fmt.Sprintf("/console/alerts/%d?saved=1", id))
	}
}

// decisionComment puts the ticked checklist items, in checklist order and
// language-neutral keys, in front of the reviewer's comment.
func decisionComment(ticked []string, comment string) string {
	var keys []string
	for _, k := range checklist {
		for _, t := range ticked {
			if t == k {
				keys = append(keys, k)
				break
			}
		}
	}
	comment = strings.TrimSpace(comment)
	if len(keys) == 0 {
		return comment
	}
	head := "checked: " + strings.Join(keys, ", ")
	if comment == "" {
		return head
	}
	return head + "\n" + comment
}

// storeFailure maps a store error to a page: unknown → 404, else 500.
func (c *Console) storeFailure(g *gin.Context, err error) {
	if errors.Is(err, errNotFound) {
		c.fail(g, http.StatusNotFound, "error.notfound")
		return
	}
	log.Printf("console: %s %s: %v", g.Request.Method, g.Request.URL.Path, err)
	c.fail(g, http.StatusInternalServerError, "error.internal")
}
