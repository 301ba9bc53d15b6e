package console

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/storetest"
)

// newStoreHarness is a console on a real temporary store: users made with
// AddUser (one per role, plus a disabled one), the test alerts raised with
// UpsertAlerts (ids 1–4 in testAlerts order), fake talent providers.
func newStoreHarness(t testing.TB) *harness {
	t.Helper()
	ctx := t.Context()
	st := storetest.Open(t)
	h := &harness{clock: &clock{t: time.Now()}, alerts: st, tokens: map[string]string{}}
	for _, u := range testUsers {
		_, tok, err := st.AddUser(ctx, u.Name, u.Role, "test")
		if err != nil {
			t.Fatal(err)
		}
		h.tokens[u.Name] = tok
		if u.Disabled {
			if err := st.DisableUser(ctx, u.Name, "test"); err != nil {
				t.Fatal(err)
			}
		}
	}
	var alerts []datasets.NewAlert
	for _, a := range testAlerts {
		alerts = append(alerts, datasets.NewAlert{Type: a.Type, Subject: a.Subject, Severity: a.Severity, Evidence: json.RawMessage(a.Evidence)})
	}
	if _, err := st.UpsertAlerts(ctx, alerts); err != nil {
		t.Fatal(err)
	}
	calibrated := map[int64]float64{}
	for i, a := range testAlerts {
		if a.P > 0 {
			calibrated[int64(i+1)] = a.P
		}
	}
	if _, err := st.CalibrateAlerts(ctx, 1, calibrated); err != nil {
		t.Fatal(err)
	}
	h.srv = serve(t, Deps{Users: st, Alerts: st, Rankings: fakeTalent{}, Athletes: fakeTalent{}, Models: fakeTalent{}, Jobs: &fakeJobs{},
		SessionTTL: time.Hour, Now: h.clock.Now}, false)
	return h
}

// backends runs a test on the fakes and on a real store.
func backends(t *testing.T, test func(t *testing.T, h *harness)) {
	t.Run("fake", func(t *testing.T) { test(t, newHarness(t, nil)) })
	t.Run("store", func(t *testing.T) { test(t, newStoreHarness(t)) })
}
