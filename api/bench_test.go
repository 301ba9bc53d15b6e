package api

import (
	"context"
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/podium-sport/podium/datasets/storetest"
)

// BenchmarkListAlerts measures GET /v1/alerts (token lookup, filter, count,
// one page of 50 with evidence) over stores of graded sizes.
func BenchmarkListAlerts(b *testing.B) {
	for _, n := range []int{1e3, 1e5} {
		b.Run(fmt.Sprintf("%.0e", float64(n)), func(b *testing.B) {
			ctx := context.Background()
			st := storetest.Open(b)
			if _, err := st.Exec(ctx, `INSERT INTO alerts (alert_id, type, subject, severity, status, version, created_at, evidence)
				SELECT i, 'odds-steam', 'match:' || i, (i % 997) / 997.0, 'open', 1, now(), '{"books":3}' FROM range(1, ? + 1) t(i)`, n); err != nil {
				b.Fatal(err)
			}
			_, token, err := st.AddUser(ctx, "bench", "integrity", "bench")
			if err != nil {
				b.Fatal(err)
			}
			h := New(st, WithLimits(Limits{RatePerSecond: 1e9, Burst: 1e9}), WithLogger(discardLogger())).Handler()
			b.ResetTimer()
			for b.Loop() {
				req := httptest.NewRequest("GET", "/v1/alerts?min_severity=0.5&offset=100", nil)
				req.Header.Set("Authorization", "Bearer "+token)
				w := httptest.NewRecorder()
				h.ServeHTTP(w, req)
				if w.Code != 200 {
					b.Fatal(w.Code, w.Body)
				}
			}
		})
	}
}
