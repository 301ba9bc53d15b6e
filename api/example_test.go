package api_test

import (
	"context"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"

	"github.com/gin-gonic/gin"
	"github.com/podium-sport/podium/api"
	"github.com/podium-sport/podium/datasets"
)

// Mount extra routes (the web console does) that reuse the API's auth.
func ExampleWithMount() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	st, err := datasets.Open(ctx, filepath.Join(dir, "p.duckdb"))
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	_, token, _ := st.AddUser(ctx, "lan", "integrity", "example")

	srv := api.New(st, api.WithLogger(slog.New(slog.NewTextHandler(io.Discard, nil))),
		api.WithMount(func(r *gin.Engine) {
			r.GET("/console/whoami", api.RequireRole("integrity"), func(c *gin.Context) {
				u, _ := api.CurrentUser(c)
				c.String(http.StatusOK, "hello %s (%s)", u.Name, u.Role)
			})
		}))
	for _, tok := range []string{"", token} {
		req := httptest.NewRequest("GET", "/console/whoami", nil)
		if tok != "" {
			req.AddCookie(&http.Cookie{Name: api.TokenCookie, Value: tok})
		}
		w := httptest.NewRecorder()
		srv.Handler().ServeHTTP(w, req)
		fmt.Println(w.Code, w.Body.String()[:min(w.Body.Len(), 40)])
	}
	// Output:
	// 401 {"error":{"code":"unauthorized","message
	// 200 hello lan (integrity)
}
