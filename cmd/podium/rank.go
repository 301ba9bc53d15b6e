package main

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"log/slog"
	"text/tabwriter"

	"github.com/podium-sport/podium/scoring"
	"github.com/podium-sport/podium/scoring/live"
)

const rankSynopsis = `rank --db DB [--sport S] [--discipline D] [--sex M|F] [--province P] [--born Y1-Y2]
            [--top N] [--limit N] [--offset N] [--format table|csv|json]

Ranks a youth cohort on the national common scale, P(elite) — with the
registry's champion talent model when there is one, else one fitted now — as
of the latest result in the database. Each row: rank, P(elite) with its 95 %
interval, forecast mark at 19.5 with its interval, raw / RAE-corrected /
maturity-adjusted centiles and the top reasons. The list comes with the
fairness audit of its top N (birth quarters, sex, province; Q1:Q4 odds ratio
beside the raw ranking's) and the cut-off simulator.`

func runRank(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "rank", rankSynopsis)
	db := dbFlag(fs)
	var q scoring.Query
	fs.StringVar(&q.Sport, "sport", "", "sport, e.g. athletics")
	fs.StringVar(&q.Discipline, "discipline", "", "discipline, e.g. 100m")
	fs.StringVar(&q.Sex, "sex", "", "M or F")
	fs.StringVar(&q.Province, "province", "", "province")
	born := fs.String("born", "", "birth years Y1-Y2 (or one year)")
	fs.IntVar(&q.TopN, "top", 0, "selection size audited and simulated (default 10 % of the cohort)")
	fs.IntVar(&q.Limit, "limit", 50, "rows to print (0: all)")
	fs.IntVar(&q.Offset, "offset", 0, "rows to skip")
	format := fs.String("format", "table", "table, csv or json")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var err error
	if *born != "" {
		var y [2]int
		y, err = yearRange("--born", *born)
		q.BornFrom, q.BornTo = y[0], y[1]
	}
	if err != nil || fs.NArg() > 0 || q.Validate() != nil ||
		*format != "table" && *format != "csv" && *format != "json" {
		fmt.Fprintf(env.stderr, "podium rank: bad flags: %v %v\n", err, q.Validate())
		fs.Usage()
		return errUsage
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	bar := env.newProgress(100, "building the talent board")
	t := live.NewTalent(st, slog.New(slog.NewTextHandler(io.Discard, nil)))
	err = t.Load(ctx)
	bar.Finish()
	if err != nil {
		return err
	}
	b, err := t.Board()
	if err != nil {
		return err
	}
	r, err := b.Rank(q)
	if err != nil {
		return err
	}
	switch *format {
	case "json":
		return writeJSON(env.stdout, r)
	case "csv":
		c := live.RankingCSV(r)
		w := csv.NewWriter(env.stdout)
		if err := w.Write(c.Header); err != nil {
			return err
		}
		return w.WriteAll(c.Rows)
	}
	return rankTable(env.stdout, r)
}

func rankTable(w io.Writer, r scoring.Ranking) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "rank\tathlete\tborn\tprovince\tevent\tP(elite) [95 %]\tforecast@19.5\tcentile raw/RAE/mat\ttop reason\t")
	for _, x := range r.Rows {
		why := ""
		if len(x.Reasons) > 0 {
			why = x.Reasons[0].Label
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s %s\t%.3f [%.3f–%.3f]\t%s\t%.0f/%.0f/%.0f\t%s\t\n", x.Rank, x.Name, x.BirthDate, x.Province,
			x.Discipline, x.Sex, x.PElite.Est, x.PElite.Lo, x.PElite.Hi, fmtMark(x.Forecast.Est, x.Unit),
			x.Centiles.Raw, x.Centiles.RAE, x.Centiles.Maturity, why)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%d athletes in the cohort as of %s; fairness audit of the top %d:\n", r.Total, r.AsOf.Format("2006-01-02"), r.TopN)
	or, raw := r.Fairness.Q1vsQ4, r.Raw.Q1vsQ4
	fmt.Fprintf(w, "  birth Q1:Q4 odds ratio %.2f [%.2f–%.2f]  (raw birth-year ranking: %.2f [%.2f–%.2f])\n",
		or.Value, or.Lower, or.Upper, raw.Value, raw.Lower, raw.Upper)
	for _, g := range r.Fairness.Quarters {
		fmt.Fprintf(w, "  %s: %5.1f %% of the top vs %5.1f %% of the pool\n", g.Group, g.TopPct, g.PoolPct)
	}
	if len(r.Cutoffs) > 0 {
		fmt.Fprintln(w, "cut-off simulator (expected future elites, by calibrated P(elite)):")
		for i, c := range r.Cutoffs {
			fmt.Fprintf(w, "  select %4d: %6.1f selected, %6.1f missed (raw ranking would select %6.1f)\n",
				c.Size, c.ExpectedSelected, c.ExpectedMissed, r.CutoffsRaw[i].ExpectedSelected)
		}
	}
	if r.Untrained != "" {
		fmt.Fprintf(w, "note: P(elite) not fitted (%s): ranked by age-standardised level\n", r.Untrained)
	}
	return nil
}

func fmtMark(v scoring.Num, unit string) string {
	if v != v {
		return "–"
	}
	return fmt.Sprintf("%.2f %s", float64(v), unit)
}
