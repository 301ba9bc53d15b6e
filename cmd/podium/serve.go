package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"time"

	"github.com/podium-sport/podium/api"
	"github.com/podium-sport/podium/api/console"
	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/scoring/jobs"
	"github.com/podium-sport/podium/scoring/live"
	"github.com/podium-sport/podium/scoring/retrain"
)

const serveSynopsis = `serve --db DB [--addr HOST:PORT] [--demo] [--rate N] [--burst N] [--timeout D]

Serves the HTTP API (see GET /v1/openapi.json) until SIGINT or SIGTERM, then
drains requests in flight. Logs are JSON lines on stderr. With --demo, an
empty database is first built as by "podium demo", "podium detect",
"podium simulate-review" and "podium retrain --models alert-calibration", and
one demo user per role is created, its token printed once on stderr.`

func runServe(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "serve", serveSynopsis)
	db := dbFlag(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	demo := fs.Bool("demo", false, "build the demo database when empty and create demo users")
	rate := fs.Float64("rate", api.DefaultLimits.RatePerSecond, "requests per second per token")
	burst := fs.Int("burst", api.DefaultLimits.Burst, "burst of requests per token")
	timeout := fs.Duration("timeout", api.DefaultLimits.RequestTimeout, "per-request timeout (uploads get "+api.DefaultLimits.UploadTimeout.String()+")")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	path := datasets.PathFromEnv(*db)
	if *demo {
		if err := buildDemo(ctx, env, path); err != nil {
			return err
		}
	}
	st, err := openStore(ctx, path)
	if err != nil {
		return err
	}
	defer st.Close()
	if *demo {
		if err := demoUsers(ctx, env, st); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	fmt.Fprintf(env.stderr, "podium: serving %s on http://%s\n", path, ln.Addr())
	log := slog.New(slog.NewJSONHandler(env.stderr, nil))
	opts := []api.Option{
		api.WithLogger(log),
		api.WithLimits(api.Limits{RatePerSecond: *rate, Burst: *burst, RequestTimeout: *timeout}),
	}
	mgr := jobs.NewManager(ctx)
	defer mgr.Close()
	return api.New(st, append(opts, backends(ctx, st, mgr, log)...)...).Serve(ctx, ln)
}

// backends are the server's talent board (built in the background: rankings
// answer 503 until it is ready), retraining jobs and web console.
func backends(ctx context.Context, st *datasets.Store, mgr *jobs.Manager, log *slog.Logger) []api.Option {
	talent := live.NewTalent(st, log)
	go func() {
		if err := talent.Load(ctx); err != nil {
			log.Error("talent board not built: rankings and profiles answer 503", "err", err)
		}
	}()
	lj := live.NewJobs(st, mgr, talent)
	con := console.New(console.Deps{Users: st, Alerts: st, Rankings: live.ConsoleTalent{Talent: talent},
		Athletes: live.ConsoleTalent{Talent: talent}, Models: live.ConsoleJobs{Jobs: lj}, Jobs: live.ConsoleJobs{Jobs: lj}})
	return []api.Option{api.WithRankings(live.APITalent{Talent: talent}), api.WithProfiles(live.APITalent{Talent: talent}),
		api.WithJobs(live.APIJobs{Jobs: lj}), api.WithCollector(live.Collector{Talent: talent}), api.WithMount(con.Mount)}
}

// buildDemo runs `podium demo`, `podium detect`, `podium simulate-review`
// (a simulated officer decides part of the alerts) and `podium retrain
// --models alert-calibration` (the open alerts get their P(confirmed)) on an
// empty database, their output going to stderr.
func buildDemo(ctx context.Context, env *cliEnv, path string) error {
	st, err := openStore(ctx, path)
	if err != nil {
		return err
	}
	var athletes int64
	err = st.QueryRow(ctx, "SELECT count(*) FROM athletes", nil, &athletes)
	st.Close()
	if err != nil || athletes > 0 {
		return err
	}
	start := time.Now()
	quiet := &cliEnv{stdout: env.stderr, stderr: env.stderr, tty: env.tty}
	if err := runDemo(ctx, quiet, []string{"--db", path}); err != nil {
		return err
	}
	if err := runDetect(ctx, quiet, []string{"--db", path}); err != nil {
		return err
	}
	if err := runSimulateReview(ctx, quiet, []string{"--db", path, "--share", "0.8"}); err != nil {
		return err
	}
	if err := runRetrain(ctx, quiet, []string{"--db", path, "--models", retrain.AlertCalibration}); err != nil {
		return err
	}
	fmt.Fprintf(env.stderr, "podium: demo database built in %.1f s\n", time.Since(start).Seconds())
	return nil
}

// demoUsers creates demo-<role> for every role that lacks one and prints
// the new tokens.
func demoUsers(ctx context.Context, env *cliEnv, st *datasets.Store) error {
	users, err := st.ListUsers(ctx)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, u := range users {
		have[u.Name] = true
	}
	for _, role := range datasets.Roles {
		name := "demo-" + role
		if have[name] {
			fmt.Fprintf(env.stderr, "podium: demo user %s exists (its token was printed when it was made)\n", name)
			continue
		}
		_, token, err := st.AddUser(ctx, name, role, "podium serve --demo")
		if err != nil {
			return err
		}
		fmt.Fprintf(env.stderr, "podium: demo user %-16s role %-10s token %s\n", name, role, token)
	}
	return nil
}
