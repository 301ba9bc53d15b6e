package console

import (
	"fmt"
	"net/http/httptest"
	"regexp"

	"github.com/gin-gonic/gin"
)

// A console on a gin engine; with the real store, pass it as both Users and
// Alerts, and mount it through api.WithMount(console.New(deps).Mount).
func ExampleConsole_Mount() {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	New(Deps{Users: testUsers, Alerts: newFakeAlerts(testNow)}).Mount(r)

	for _, path := range []string{"/console/login?lang=en", "/console/login?lang=vi", "/console/alerts"} {
		w := httptest.NewRecorder()
		r.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		h1 := regexp.MustCompile(`<h1>(.*)</h1>`).FindStringSubmatch(w.Body.String())
		if h1 != nil {
			fmt.Println(path, w.Code, h1[1])
		} else {
			fmt.Println(path, w.Code, "→", w.Header().Get("Location"))
		}
	}
	// Output:
	// /console/login?lang=en 200 Log in
	// /console/login?lang=vi 200 Đăng nhập
	// /console/alerts 303 → /console/login?next=%2Fconsole%2Falerts
}
