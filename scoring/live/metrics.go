package live

import (
	"github.com/prometheus/client_golang/prometheus"
)

var (
	psiDesc = prometheus.NewDesc("podium_feature_psi",
		"Population stability index of a model feature: athletes scored now against the model's training rows (> 0.25: major drift).",
		[]string{"model", "feature"}, nil)
	rowsDesc = prometheus.NewDesc("podium_talent_board_rows", "Athletes on the talent board in use.", nil, nil)
	verDesc  = prometheus.NewDesc("podium_model_version_in_use",
		"Registry version of the model serving (0: fitted at start-up, not registered).", []string{"model"}, nil)
)

// Collector exports the board in use's drift and size on /metrics.
type Collector struct{ *Talent }

// Describe implements prometheus.Collector.
func (c Collector) Describe(ch chan<- *prometheus.Desc) {
	ch <- psiDesc
	ch <- rowsDesc
	ch <- verDesc
}

// Collect implements prometheus.Collector.
func (c Collector) Collect(ch chan<- prometheus.Metric) {
	b := c.board.Load()
	if b == nil {
		return
	}
	for f, v := range *c.drift.Load() {
		ch <- prometheus.MustNewConstMetric(psiDesc, prometheus.GaugeValue, v, "talent", f)
	}
	ch <- prometheus.MustNewConstMetric(rowsDesc, prometheus.GaugeValue, float64(len(b.Rows)))
	ch <- prometheus.MustNewConstMetric(verDesc, prometheus.GaugeValue, float64(c.Version()), "talent")
}
