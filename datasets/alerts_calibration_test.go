package datasets_test

import (
	"context"
	"errors"
	"testing"

	"github.com/podium-sport/podium/datasets"
)

func TestAlertCalibrationAndPriority(t *testing.T) {
	ctx := context.Background()
	st := reviewStore(t)
	v0 := st.DataVersion()
	if _, err := st.UpdateAlert(ctx, 2, datasets.AlertChange{Status: "triage", Version: 1, Actor: "officer"}); err != nil {
		t.Fatal(err)
	}
	if v := st.DataVersion(); v != v0 || v%2 != 0 {
		t.Errorf("a review step that adds no label moved the data version %d → %d", v0, v)
	}
	// Alert 3 (severity 0.2) is dismissed; its label is the training data.
	if _, err := st.UpdateAlert(ctx, 3, datasets.AlertChange{Status: "dismissed", Version: 1, Actor: "officer"}); err != nil {
		t.Fatal(err)
	}
	if v := st.DataVersion(); v != v0+2 {
		t.Errorf("a verdict moved the data version %d → %d, want +2", v0, v)
	}
	labels, err := st.AlertLabels(ctx)
	if err != nil || len(labels) != 1 || labels[0].AlertID != 3 || labels[0].Confirmed || labels[0].Severity != 0.2 ||
		labels[0].DecidedBy != "officer" || labels[0].Type != "blood-passport" {
		t.Fatalf("labels %+v, %v", labels, err)
	}
	undecided, err := st.UndecidedAlerts(ctx)
	if err != nil || len(undecided) != 2 || undecided[0].ID != 1 || undecided[1].Version != 2 {
		t.Fatalf("undecided %+v, %v", undecided, err)
	}
	// The calibration thinks alert 2 likelier than alert 1; decided alert 3 keeps no score.
	n, err := st.CalibrateAlerts(ctx, 4, map[int64]float64{1: 0.1, 2: 0.7, 3: 0.9})
	if err != nil || n != 2 {
		t.Fatalf("calibrated %d, %v; want 2", n, err)
	}
	if _, err := st.CalibrateAlerts(ctx, 5, map[int64]float64{1: 1.5}); !errors.Is(err, datasets.ErrInvalid) {
		t.Errorf("P(confirmed) 1.5: %v", err)
	}
	tests := []struct {
		sort string
		ids  []int64
	}{
		{"", []int64{1, 2, 3}},
		{"severity", []int64{1, 2, 3}},
		{"priority", []int64{2, 1, 3}},
	}
	for _, tc := range tests {
		got, _, err := st.ListAlerts(ctx, datasets.AlertFilter{Sort: tc.sort})
		if err != nil || len(got) != 3 {
			t.Fatalf("sort %q: %v", tc.sort, err)
		}
		for i, a := range got {
			if a.ID != tc.ids[i] {
				t.Errorf("sort %q: order %d is alert %d, want %d", tc.sort, i, a.ID, tc.ids[i])
			}
		}
	}
	a, err := st.GetAlert(ctx, 2)
	if err != nil || a.PConfirmed == nil || *a.PConfirmed != 0.7 || a.CalibratedBy != 4 || a.Version != 2 {
		t.Errorf("alert 2 after calibration: %+v, %v (want P 0.7 by v4, review version unchanged)", a, err)
	}
	if a, _ := st.GetAlert(ctx, 3); a.PConfirmed != nil || a.CalibratedBy != 0 {
		t.Errorf("decided alert 3 was rescored: %+v", a)
	}
	if _, _, err := st.ListAlerts(ctx, datasets.AlertFilter{Sort: "newest"}); !errors.Is(err, datasets.ErrInvalid) {
		t.Errorf("sort newest: %v", err)
	}
}
