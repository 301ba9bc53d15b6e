package api

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// TestRouteRoles calls every route of the table with no token, a bad token
// and each role: public routes answer everyone, the others 401 without a
// valid token, 403 for roles not allowed and 2xx for those allowed.
func TestRouteRoles(t *testing.T) {
	f := newFixture(t, withFakes...)
	n := 0
	// requests builds a valid request for each route; PATCH and DELETE need
	// fresh state per call.
	requests := map[string]func() *http.Request{
		"GET /v1/health":           func() *http.Request { return jsonReq("GET", "/v1/health", "") },
		"GET /metrics":             func() *http.Request { return jsonReq("GET", "/metrics", "") },
		"GET /v1/openapi.json":     func() *http.Request { return jsonReq("GET", "/v1/openapi.json", "") },
		"GET /v1/alerts":           func() *http.Request { return jsonReq("GET", "/v1/alerts?status=open&limit=2", "") },
		"GET /v1/alerts/:id":       func() *http.Request { return jsonReq("GET", "/v1/alerts/1", "") },
		"GET /v1/alerts/:id/audit": func() *http.Request { return jsonReq("GET", "/v1/alerts/1/audit", "") },
		"GET /v1/users":            func() *http.Request { return jsonReq("GET", "/v1/users", "") },
		"GET /v1/rankings":         func() *http.Request { return jsonReq("GET", "/v1/rankings?sport=athletics", "") },
		"GET /v1/athletes/:id":     func() *http.Request { return jsonReq("GET", "/v1/athletes/1", "") },
		"GET /v1/models":           func() *http.Request { return jsonReq("GET", "/v1/models", "") },
		"POST /v1/jobs/retrain":    func() *http.Request { return jsonReq("POST", "/v1/jobs/retrain", `{"model":"talent"}`) },
		"GET /v1/jobs/:id":         func() *http.Request { return jsonReq("GET", "/v1/jobs/job-1", "") },
		"DELETE /v1/jobs/:id":      func() *http.Request { return jsonReq("DELETE", "/v1/jobs/job-1", "") },
		"PATCH /v1/alerts/:id": func() *http.Request {
			a, err := f.st.GetAlert(t.Context(), 2)
			if err != nil {
				t.Fatal(err)
			}
			return jsonReq("PATCH", "/v1/alerts/2", fmt.Sprintf(`{"version":%d,"comment":"seen"}`, a.Version))
		},
		"POST /v1/users": func() *http.Request {
			n++
			return jsonReq("POST", "/v1/users", fmt.Sprintf(`{"name":"new-%d","role":"selection"}`, n))
		},
		"DELETE /v1/users/:name": func() *http.Request {
			n++
			if _, _, err := f.st.AddUser(t.Context(), fmt.Sprintf("victim-%d", n), "data", "setup"); err != nil {
				t.Fatal(err)
			}
			return jsonReq("DELETE", fmt.Sprintf("/v1/users/victim-%d", n), "")
		},
		"POST /v1/ingest": func() *http.Request {
			return uploadReq(t, [3]string{"athletes", "a.csv", "source_id,name,sex,birth_date,province\na1,Lê Thị Hoa,F,2009-01-02,Huế\n"})
		},
	}
	for _, r := range f.srv.routes() {
		key := r.method + " " + r.path
		build, ok := requests[key]
		if !ok {
			t.Errorf("%s: no request in this test: add one", key)
			continue
		}
		for _, role := range []string{"", "bad-token", "selection", "integrity", "data", "admin"} {
			t.Run(key+"/"+role, func(t *testing.T) {
				req, who := build(), role
				if role == "bad-token" {
					req.Header.Set("Authorization", "Bearer pdm_0000")
					who = ""
				}
				w := f.do(who, req)
				want := wantStatus(r, role)
				if w.Code != want && !(want == 200 && w.Code/100 == 2) {
					t.Fatalf("status %d, want %d: %s", w.Code, want, w.Body)
				}
			})
		}
	}
}

// wantStatus is the status a role gets on a route: 200 stands for any 2xx.
func wantStatus(r route, role string) int {
	switch {
	case role == "bad-token":
		return http.StatusUnauthorized
	case r.roles == nil:
		return http.StatusOK
	case role == "":
		return http.StatusUnauthorized
	case role == "admin" || slices.Contains(r.roles, role):
		return http.StatusOK
	default:
		return http.StatusForbidden
	}
}

func TestNotConfigured(t *testing.T) {
	f := newFixture(t)
	for _, path := range []string{"/v1/rankings", "/v1/athletes/1", "/v1/models", "/v1/jobs/x"} {
		w := f.do("admin", jsonReq("GET", path, ""))
		env, _ := envelope(t, w)
		if w.Code != http.StatusNotImplemented || env.Error == nil || env.Error.Code != "not_implemented" {
			t.Errorf("%s: %d %s", path, w.Code, w.Body)
		}
	}
}

// Selection users get profiles without physiological data.
func TestProfilePhysioByRole(t *testing.T) {
	f := newFixture(t, withFakes...)
	for role, want := range map[string]string{"selection": `"physio":false`, "integrity": `"physio":true`, "admin": `"physio":true`} {
		w := f.do(role, jsonReq("GET", "/v1/athletes/1", ""))
		if w.Code != 200 || !strings.Contains(w.Body.String(), want) {
			t.Errorf("%s: %d %s", role, w.Code, w.Body)
		}
	}
	if w := f.do("integrity", jsonReq("GET", "/v1/athletes/2", "")); w.Code != http.StatusNotFound {
		t.Errorf("unknown athlete: %d", w.Code)
	}
}
