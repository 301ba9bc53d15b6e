// Package console is Podium's web console: server-rendered pages under
// /console/ for integrity officers (the alert queue and review), the
// selection committee (talent rankings, athlete profiles) and data staff
// (fitted models), in Vietnamese and English. It sits with the API at the end
// of the flow (datasets → features → models → scoring → api) and mounts on the
// API's gin engine:
//
//	con := console.New(console.Deps{Users: store, Alerts: store,
//		Rankings: r, Athletes: a, Models: m}) // nil providers: "not available yet"
//	srv := api.New(store, api.WithMount(con.Mount))
//
// # Pages and roles
//
// Login takes a user name and the user's API token. Roles are checked as
// the API checks them: selection sees rankings and athlete profiles;
// integrity sees alerts with their evidence and audit trail, and athlete
// profiles with physiological data; data sees models; admin sees all. Other
// roles get a 403 page. The alert page draws an odds-movement chart per
// bookmaker from the evidence pack's "odds" series, lists its "signals",
// offers only the legal next statuses (datasets.NextStatuses), the
// innocent-explanation checklist (saved at the head of the comment, as
// "checked: injury-news, weather") and the audit history; a stale version
// (datasets.ErrConflict) keeps the reviewer's input and says that someone
// else changed the alert. The talent pages render the view structs of
// views.go, filled by providers the lead wires in.
//
// # Sessions and CSRF
//
// A login creates a server-side session (random 256-bit id in an HttpOnly,
// SameSite=Strict cookie, Secure under TLS) that ends SessionTTL after login.
// The API token stays on the server and is re-checked on every request, so a
// disabled user or a changed role takes effect at once. Every form POST
// carries the session's CSRF token; the login form, which has no session
// yet, uses a double-submit cookie. Pages are sent with a CSP that forbids
// inline script and style, and with Cache-Control: no-store.
//
// # Languages
//
// Every visible string comes from i18n/vi.json or i18n/en.json, flat
// key → text maps (a map rather than x/text/message catalogues: translators
// edit JSON without the gotext tool, and a test checks that both languages
// have the same keys, NFC text and the same format verbs). Numbers are
// formatted by x/text/message (0,45 in Vietnamese, 0.45 in English), dates as
// 24/11/2026 or 24 Nov 2026. The language comes from ?lang= (then remembered
// in a cookie), the cookie, Accept-Language, or Vietnamese.
//
// # Charts
//
// Charts are SVG written by hand on the server (svg.go) rather than with
// gonum/plot, which is not a dependency and embeds its own fonts: a few
// dozen lines give lines, dots, bands and a legend, styled from console.css
// (no inline style, so the CSP holds), with <title> and <desc> for screen
// readers and the same geometry in both languages.
//
// # Tests
//
// Handler tests run on fakes and on a real temporary store (storetest.Open,
// AddUser, UpsertAlerts); goldens of the rendered pages live in testdata/
// (go test -update rewrites them). Browser tests drive headless Chromium with
// chromedp through two flows (an integrity review; a selection user refused
// the alerts, filtering a ranking and opening an athlete); they skip loudly
// without Chromium unless CI=true. .ci/browser.sh installs it.
package console
