package console

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// The browser tests drive the console in a real headless Chromium through
// the DevTools protocol with chromedp (a maintained, pure-Go CDP client: no
// Node, no Selenium server, no driver binary to match with the browser).
// .ci/browser.sh installs Chromium; without it these tests skip, loudly,
// except under CI=true where a missing browser fails the run.

// findChromium returns the browser to drive: $CHROMIUM, /usr/bin/chromium,
// or the first Chromium or Chrome on PATH.
func findChromium(t *testing.T) string {
	t.Helper()
	cands := []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium"}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome-stable", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			cands = append(cands, p)
		}
	}
	for _, p := range cands {
		if st, err := os.Stat(p); p != "" && err == nil && !st.IsDir() {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("console browser tests: no Chromium found and CI=true: run .ci/browser.sh or set $CHROMIUM")
	}
	t.Skip("!! SKIPPING the console browser tests: no Chromium found (run .ci/browser.sh or set $CHROMIUM)")
	return ""
}

// browser starts a headless Chromium for one test and returns a tab context
// with a fresh profile (so no cookie is shared between tests).
func browser(t *testing.T) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("console browser tests take several seconds each: skipped under -short")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(findChromium(t)), chromedp.Headless, chromedp.DisableGPU,
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.WindowSize(1280, 1000))
	if os.Geteuid() == 0 {
		opts = append(opts, chromedp.NoSandbox) // Chromium refuses to sandbox as root
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // starts the browser, without a timeout
		t.Fatalf("start chromium: %v", err)
	}
	return ctx
}

// step runs one named step of a browser flow within 15 s; on failure it
// saves a screenshot when $CONSOLE_SCREENSHOTS names a folder.
func step(t *testing.T, ctx context.Context, name string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	err := chromedp.Do(sctx, actions...)
	shot(t, ctx, name)
	if err != nil {
		loc, _ := chromedp.Run(ctx, chromedp.Location())
		t.Fatalf("browser step %q at %s: %v", name, loc, err)
	}
}

// shot saves a screenshot of the page to $CONSOLE_SCREENSHOTS, if set.
func shot(t *testing.T, ctx context.Context, name string) {
	dir := os.Getenv("CONSOLE_SCREENSHOTS")
	if dir == "" {
		return
	}
	sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if png, err := chromedp.Run(sctx, chromedp.FullScreenshot(100)); err == nil {
		os.WriteFile(filepath.Join(dir, t.Name()[strings.LastIndex(t.Name(), "/")+1:]+"-"+strings.ReplaceAll(name, " ", "_")+".png"), png, 0o644)
	}
}

// text reads the visible text of the first element matching a CSS selector.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	s, err := chromedp.Run(sctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("read %s: %v", sel, err)
	}
	return s
}

// count counts the elements matching a CSS selector.
func count(t *testing.T, ctx context.Context, sel string) int {
	t.Helper()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(sel)+`).length`))
	if err != nil {
		t.Fatalf("count %s: %v", sel, err)
	}
	return n
}

// waitJS waits until a JavaScript expression is true (e.g. after a form
// submission, that the new page is loaded), retrying while the page is
// navigating and the evaluation fails.
func waitJS(expr string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		for {
			ok, err := chromedp.Evaluate[bool](expr)(ctx, tg)
			if err == nil && ok {
				return nil
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("wait for %s: %w (last error: %v)", expr, ctx.Err(), err)
			case <-time.After(50 * time.Millisecond):
			}
		}
	})
}

func jsString(s string) string { return "'" + strings.ReplaceAll(s, "'", `\'`) + "'" }

func wantContains(t *testing.T, what, got, want string) {
	t.Helper()
	if !strings.Contains(got, want) {
		t.Errorf("%s: %q does not contain %q", what, got, want)
	}
}

func browserLogin(t *testing.T, ctx context.Context, base, name, token, landsOn string) {
	t.Helper()
	step(t, ctx, "login "+name,
		chromedp.Navigate(base+"/console/login"),
		chromedp.SendKeys(chromedp.CSS(`input[name="name"]`), name),
		chromedp.SendKeys(chromedp.CSS(`input[name="token"]`), token),
		chromedp.Click(chromedp.CSS(`form.login button`)),
		chromedp.WaitVisible(chromedp.CSS(landsOn)))
}

// An integrity officer reviews an alert end to end, on a real store.
func TestBrowserIntegrityReview(t *testing.T) {
	ctx := browser(t)
	h := newStoreHarness(t)
	base := h.srv.URL

	step(t, ctx, "english login page", chromedp.Navigate(base+"/console/login?lang=en"), chromedp.WaitVisible(chromedp.CSS("form.login")))
	wantContains(t, "login heading", text(t, ctx, "h1"), "Log in")
	browserLogin(t, ctx, base, "hoa", h.tokens["hoa"], "table.queue")
	wantContains(t, "queue heading", text(t, ctx, "h1"), "Alert queue")
	if n := count(t, ctx, "table.queue tbody tr"); n != 4 {
		t.Errorf("queue lists %d alerts, want 4", n)
	}

	step(t, ctx, "switch to Vietnamese", chromedp.Click(chromedp.CSS(`.langs a.lang`)),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="vi"] table.queue`)))
	wantContains(t, "Vietnamese heading", text(t, ctx, "h1"), "Hàng đợi cảnh báo")

	step(t, ctx, "filter the queue",
		chromedp.SendKeys(chromedp.CSS(`input[name="type"]`), "odds-steam"),
		chromedp.SetValue(chromedp.CSS(`input[name="min"]`), "0,5"),
		chromedp.Click(chromedp.CSS(`form.filters button`)),
		waitJS(`location.search.includes("type=odds-steam") && document.readyState === "complete"`))
	if n := count(t, ctx, "table.queue tbody tr"); n != 1 {
		t.Errorf("filtered queue lists %d alerts, want 1 (odds-steam, severity ≥ 0.5)", n)
	}

	step(t, ctx, "open the alert", chromedp.Click(chromedp.CSS(`table.queue a[href="/console/alerts/1"]`)),
		chromedp.WaitVisible(chromedp.CSS(`figure.odds svg.chart`)))
	if n := count(t, ctx, "figure.odds svg.chart polyline"); n != 2 {
		t.Errorf("%d odds lines drawn, want one per bookmaker (2)", n)
	}
	wantContains(t, "chart title", text(t, ctx, "figure.odds figcaption"), "Biến động tỷ lệ cược – B365")
	wantContains(t, "signals table", text(t, ctx, "table.signals"), "steam")

	step(t, ctx, "tick the checklist and triage",
		chromedp.Click(chromedp.CSS(`input[value="injury-news"]`)),
		chromedp.Click(chromedp.CSS(`input[value="weather"]`)),
		chromedp.SetValue(chromedp.CSS(`select#newstatus`), "triage"),
		chromedp.SendKeys(chromedp.CSS(`input[name="assignee"]`), "hoa"),
		chromedp.SendKeys(chromedp.CSS(`textarea[name="comment"]`), "Giá mở cửa lệch, cần xem tiếp"),
		chromedp.Click(chromedp.CSS(`form.decision button`)),
		chromedp.WaitVisible(chromedp.CSS(`p.flash`)))
	wantContains(t, "saved message", text(t, ctx, "p.flash"), "Đã lưu quyết định.")
	wantContains(t, "new status", text(t, ctx, "#status"), "Phân loại")
	audit := text(t, ctx, "table.audit")
	wantContains(t, "audit entry", audit, "checked: injury-news, weather")
	wantContains(t, "audit entry", audit, "Giá mở cửa lệch, cần xem tiếp")
	wantContains(t, "audit entry", audit, "alert.update")

	step(t, ctx, "log out", chromedp.Click(chromedp.CSS(`form.logout button`)), chromedp.WaitVisible(chromedp.CSS(`form.login`)))
	a, err := h.alerts.GetAlert(t.Context(), 1)
	if err != nil || a.Status != "triage" || a.Assignee != "hoa" {
		t.Errorf("alert in the store: %+v, %v; want triage, assigned to hoa", a, err)
	}
}

// A selection committee member is refused the alerts, filters a ranking and
// opens an athlete.
func TestBrowserSelection(t *testing.T) {
	ctx := browser(t)
	h := newStoreHarness(t)
	base := h.srv.URL

	step(t, ctx, "english", chromedp.Navigate(base+"/console/login?lang=en"), chromedp.WaitVisible(chromedp.CSS("form.login")))
	browserLogin(t, ctx, base, "minh", h.tokens["minh"], "table.ranking")
	if n := count(t, ctx, "nav.menu a"); n != 1 {
		t.Errorf("selection sees %d menu entries, want 1 (rankings)", n)
	}

	step(t, ctx, "refused the alert page", chromedp.Navigate(base+"/console/alerts/1"), chromedp.WaitVisible(chromedp.CSS("p.flash.bad")))
	wantContains(t, "403 page", text(t, ctx, "p.flash.bad"), "Your role may not see this page.")
	if n := count(t, ctx, "svg"); n != 0 {
		t.Error("the refused page shows a chart")
	}

	step(t, ctx, "filter the ranking",
		chromedp.Navigate(base+"/console/rankings"),
		chromedp.SetValue(chromedp.CSS(`select[name="province"]`), "Hà Nội"),
		chromedp.SetValue(chromedp.CSS(`select[name="sex"]`), "F"),
		chromedp.Click(chromedp.CSS(`form.filters button`)),
		waitJS(`location.search.includes("province=") && document.readyState === "complete"`))
	if n := count(t, ctx, "table.ranking tbody tr"); n != 2 {
		t.Errorf("filtered ranking lists %d athletes, want 2", n)
	}
	wantContains(t, "fairness audit", text(t, ctx, "table.fairness"), "Q1")

	step(t, ctx, "open an athlete", chromedp.Click(chromedp.CSS(`table.ranking a[href="/console/athletes/11"]`)),
		chromedp.WaitVisible(chromedp.CSS(`figure.trajectory svg.chart`)))
	wantContains(t, "athlete name", text(t, ctx, "h2.who-athlete"), "Trần Thị Ánh")
	if n := count(t, ctx, "figure.trajectory svg polygon"); n != 3 {
		t.Errorf("%d bands drawn, want 3 (P10–P90, P25–P75, forecast interval)", n)
	}
	if n := count(t, ctx, "table.physio"); n != 0 {
		t.Error("selection sees physiological data")
	}
}
