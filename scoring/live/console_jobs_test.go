package live

import (
	"encoding/json"
	"testing"

	"github.com/podium-sport/podium/scoring/retrain"
)

func TestConsoleMetricsOfEveryModel(t *testing.T) {
	tests := []struct {
		model, metrics string
		n              int
		baseline       float64 // of the first metric
	}{
		{retrain.Talent, `{"auc":0.8,"log_loss":0.2,"brier":0.05,"baseline_log_loss":0.3,"baseline_brier":0.07}`, 3, 0.5},
		{retrain.RatingFootball, `{"log_loss":1.047,"default_log_loss":1.046,"baseline_log_loss":1.079}`, 2, 1.046},
		{retrain.Trajectory, `{"mse":0.0006,"baseline_offset_mse":0.001,"baseline_curve_mse":0.004}`, 2, 0.001},
		{retrain.AlertCalibration, `{"log_loss":0.2,"type_rate_log_loss":0.23,"severity_log_loss":0.8,"model":{"auc":0.87},"type_rate":{"auc":0.85}}`, 3, 0.23},
		{retrain.AlertCalibration, `{"log_loss":0.2}`, 0, 0}, // no evaluation recorded
		{retrain.Talent, `not json`, 0, 0},
		{"unknown", `{}`, 0, 0},
	}
	for _, tt := range tests {
		got := consoleMetrics(tt.model, json.RawMessage(tt.metrics))
		if len(got) != tt.n || tt.n > 0 && got[0].BaselineVal != tt.baseline {
			t.Errorf("%s %s: %+v, want %d metrics, the first against %v", tt.model, tt.metrics, got, tt.n, tt.baseline)
		}
	}
}
