package report

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"
)

// Querier runs a small SQL query; *datasets.Store satisfies it.
type Querier interface {
	Query(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// QueryTable runs a query and returns its column names and every row as
// text, ready for Page.Table: integers as digits, other numbers with
// four significant digits, dates as YYYY-MM-DD, NULL as "".
func QueryTable(ctx context.Context, q Querier, query string, args ...any) (head []string, rows [][]string, err error) {
	rs, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, nil, fmt.Errorf("report: query: %w", err)
	}
	defer rs.Close()
	if head, err = rs.Columns(); err != nil {
		return nil, nil, fmt.Errorf("report: query columns: %w", err)
	}
	vals := make([]any, len(head))
	ptrs := make([]any, len(head))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rs.Next() {
		if err := rs.Scan(ptrs...); err != nil {
			return nil, nil, fmt.Errorf("report: query scan: %w", err)
		}
		row := make([]string, len(vals))
		for i, v := range vals {
			row[i] = Cell(v)
		}
		rows = append(rows, row)
	}
	if err := rs.Err(); err != nil {
		return nil, nil, fmt.Errorf("report: query rows: %w", err)
	}
	return head, rows, nil
}

// Cell formats one value for a table cell.
func Cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(x, 'g', 4, 64)
	case float32:
		return strconv.FormatFloat(float64(x), 'g', 4, 32)
	case time.Time:
		return x.Format(time.DateOnly)
	case []byte:
		return string(x)
	default:
		return fmt.Sprint(x)
	}
}

// Pct formats a share as a percentage with one decimal: 0.1234 → "12.3 %".
func Pct(share float64) string { return strconv.FormatFloat(100*share, 'f', 1, 64) + " %" }
