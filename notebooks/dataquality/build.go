package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/notebooks/report"
)

// build writes every section of the report in order.
func build(ctx context.Context, st *datasets.Store) (*report.Page, error) {
	p := report.New("Podium data quality")
	p.Para("Store %s. Rows rejected by validation are never loaded, so they are not counted here: the ingest reports of `podium ingest` list them.", filepath.Base(st.Path()))
	for _, section := range []func(context.Context, *datasets.Store, *report.Page) error{
		counts, missing, duplicates, seasons, birthMonths,
	} {
		if err := section(ctx, st, p); err != nil {
			return nil, fmt.Errorf("dataquality: %w", err)
		}
	}
	return p, nil
}

// counts lists the rows of every table and what each source loaded.
func counts(ctx context.Context, st *datasets.Store, p *report.Page) error {
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	p.Heading("Rows per table")
	var rows [][]string
	for _, t := range datasets.StatsTables {
		rows = append(rows, []string{t, strconv.FormatInt(stats.Tables[t], 10)})
	}
	p.Table(fmt.Sprintf("Schema version %d", stats.Schema), []string{"table", "rows"}, rows)
	head, rows, err := report.QueryTable(ctx, st, `
SELECT source, kind, count(*) AS batches, sum(rows) AS rows_read, sum(inserted) AS inserted,
       sum(updated) AS updated, sum(unchanged) AS unchanged, CAST(max(finished_at) AS VARCHAR) AS last_load
FROM ingest_batches GROUP BY source, kind ORDER BY source, kind`)
	if err != nil {
		return err
	}
	p.Table("Ingest batches per source and kind (rows read from the files; inserted, updated or unchanged in the store)", head, rows)
	return nil
}
