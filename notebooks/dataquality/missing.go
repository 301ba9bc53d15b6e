package main

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/notebooks/report"
)

// missingTables are the observed-data tables whose columns are checked.
var missingTables = []string{"athletes", "results", "physio_tests", "matches", "odds"}

// missing counts the NULL values of every column, per source where the
// table has a source column.
func missing(ctx context.Context, st *datasets.Store, p *report.Page) error {
	p.Heading("Missing values")
	var rows [][]string
	complete := 0
	for _, t := range missingTables {
		cols, err := columns(ctx, st, t)
		if err != nil {
			return err
		}
		got, n, err := nullCounts(ctx, st, t, cols)
		if err != nil {
			return err
		}
		rows = append(rows, got...)
		complete += n
	}
	p.Para("Share of NULL values per column of the observed tables (per source where the table records one). %d column × source pairs with no missing value are not listed; NOT NULL columns cannot miss.", complete)
	p.Table("Columns with missing values", []string{"table", "source", "column", "rows", "missing", "share"}, rows)
	return nil
}

// columns lists a table's columns in schema order.
func columns(ctx context.Context, st *datasets.Store, table string) ([]string, error) {
	_, rows, err := report.QueryTable(ctx, st,
		`SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position`, table)
	if err != nil {
		return nil, fmt.Errorf("columns of %s: %w", table, err)
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r[0]
	}
	return out, nil
}

// nullCounts returns one table row per (source, column) with missing values
// and the number of (source, column) pairs without.
func nullCounts(ctx context.Context, st *datasets.Store, table string, cols []string) ([][]string, int, error) {
	src := "'all'"
	if slices.Contains(cols, "source") {
		src = "source"
	}
	sel := make([]string, len(cols))
	for i, c := range cols {
		sel[i] = fmt.Sprintf(`count(*) - count("%s")`, c)
	}
	q := fmt.Sprintf(`SELECT %s AS source, count(*) AS n, %s FROM %s GROUP BY ALL ORDER BY 1`, src, strings.Join(sel, ", "), table)
	_, res, err := report.QueryTable(ctx, st, q)
	if err != nil {
		return nil, 0, fmt.Errorf("missing values of %s: %w", table, err)
	}
	var out [][]string
	complete := 0
	for _, r := range res {
		n, _ := strconv.ParseFloat(r[1], 64)
		for i, c := range cols {
			miss, _ := strconv.ParseFloat(r[2+i], 64)
			if miss == 0 {
				complete++
				continue
			}
			out = append(out, []string{table, r[0], c, r[1], r[2+i], report.Pct(miss / n)})
		}
	}
	return out, complete, nil
}
