package features

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/apache/arrow/go/v17/arrow/array"
)

// ErrUnsafeSet is returned for a set whose SQL could read past the cut-off or
// depend on anything but the data before it.
var ErrUnsafeSet = errors.New("features: unsafe set")

// tableFunctions may appear in FROM: they generate rows and read no table.
var tableFunctions = map[string]bool{"range": true, "generate_series": true, "unnest": true}

// clockFunctions make a result depend on when or how often it is computed.
var clockFunctions = map[string]bool{
	"now": true, "today": true, "current_date": true, "current_time": true,
	"current_timestamp": true, "get_current_time": true, "get_current_timestamp": true,
	"transaction_timestamp": true, "localtime": true, "localtimestamp": true,
	"random": true, "uuid": true, "gen_random_uuid": true, "setseed": true,
}

// checkedOK holds the set bodies that passed checkSQL: a body is parsed and
// checked once per process.
var checkedOK sync.Map

// checkSQL rejects body unless it is one SELECT statement that reads only the
// cut-off views and its own CTEs (see guard) and calls only DuckDB's own
// functions.
func checkSQL(ctx context.Context, src Source, body string) error {
	if _, ok := checkedOK.Load(body); ok {
		return nil
	}
	g, err := checkTree(ctx, src, body)
	if err != nil {
		return err
	}
	own, err := builtins.get(ctx, src)
	if err != nil {
		return err
	}
	for name := range g.called {
		if !own[name] {
			return fmt.Errorf("%w: calls %s, which is not a DuckDB function (a macro could read a base table)", ErrUnsafeSet, name)
		}
	}
	checkedOK.Store(body, true)
	return nil
}

// checkTree has DuckDB parse body and walks the tree with a guard.
func checkTree(ctx context.Context, src Source, body string) (*guard, error) {
	if i, ok := keywordAt(body, 0, "with"); ok {
		if _, ok := keywordAt(body, i+4, "recursive"); ok {
			return nil, fmt.Errorf("%w: WITH RECURSIVE is not supported", ErrUnsafeSet)
		}
	}
	tree, err := parseSQL(ctx, src, body)
	if err != nil {
		return nil, err
	}
	if tree.Error {
		return nil, fmt.Errorf("%w: %s: %s", ErrUnsafeSet, tree.ErrorType, tree.ErrorMessage)
	}
	if len(tree.Statements) != 1 {
		return nil, fmt.Errorf("%w: %d statements, want one SELECT", ErrUnsafeSet, len(tree.Statements))
	}
	scope := map[string]bool{}
	for _, v := range viewNames {
		scope[v] = true
	}
	g := &guard{called: map[string]bool{}}
	return g, g.walk(tree.Statements[0], scope)
}

// builtins are the names of DuckDB's own functions, the same in every
// database; listed once, on first use.
var builtins functionList

type functionList struct {
	mu    sync.Mutex
	names map[string]bool
}

func (l *functionList) get(ctx context.Context, src Source) (map[string]bool, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.names != nil {
		return l.names, nil
	}
	rr, err := src.QueryArrow(ctx, "SELECT DISTINCT lower(function_name) FROM duckdb_functions() WHERE internal")
	if err != nil {
		return nil, fmt.Errorf("features: list functions: %w", err)
	}
	defer rr.Release()
	names := map[string]bool{}
	for rr.Next() {
		col := rr.Record().Column(0).(*array.String)
		for i := 0; i < col.Len(); i++ {
			names[strings.Clone(col.Value(i))] = true
		}
	}
	if err := rr.Err(); err != nil {
		return nil, fmt.Errorf("features: list functions: %w", err)
	}
	l.names = names
	return names, nil
}

// parsed is the output of DuckDB's json_serialize_sql.
type parsed struct {
	Error        bool   `json:"error"`
	ErrorType    string `json:"error_type"`
	ErrorMessage string `json:"error_message"`
	Statements   []any  `json:"statements"`
}

func parseSQL(ctx context.Context, src Source, body string) (*parsed, error) {
	rr, err := src.QueryArrow(ctx, "SELECT json_serialize_sql(CAST($1 AS VARCHAR))", body)
	if err != nil {
		return nil, fmt.Errorf("features: parse set SQL: %w", err)
	}
	defer rr.Release()
	if !rr.Next() || rr.Record().NumRows() != 1 {
		return nil, fmt.Errorf("features: parse set SQL: no result: %v", rr.Err())
	}
	col, ok := rr.Record().Column(0).(*array.String)
	if !ok {
		return nil, fmt.Errorf("features: parse set SQL: result is %s, want utf8", rr.Record().Column(0).DataType())
	}
	var p parsed
	if err := json.Unmarshal([]byte(col.Value(0)), &p); err != nil {
		return nil, fmt.Errorf("features: parse set SQL: %w", err)
	}
	return &p, nil
}

// guard walks a parse tree and collects the names of the functions called.
type guard struct {
	called map[string]bool
}

// walk checks node. scope holds the table names a FROM may use: the cut-off
// views and the CTEs visible at that point. A CTE sees only the CTEs defined
// before it, so that "odds AS (SELECT * FROM odds)" cannot reach a base table
// through its own name.
func (g *guard) walk(node any, scope map[string]bool) error {
	switch n := node.(type) {
	case []any:
		for _, v := range n {
			if err := g.walk(v, scope); err != nil {
				return err
			}
		}
	case map[string]any:
		if cm, ok := n["cte_map"].(map[string]any); ok {
			var err error
			if scope, err = g.walkCTEs(cm, scope); err != nil {
				return err
			}
		}
		if err := g.node(n, scope); err != nil {
			return err
		}
		for k, v := range n {
			if k == "cte_map" {
				continue
			}
			if err := g.walk(v, scope); err != nil {
				return err
			}
		}
	}
	return nil
}

// walkCTEs checks each CTE of a WITH list in order and returns the scope of
// the query that follows it.
func (g *guard) walkCTEs(cm map[string]any, outer map[string]bool) (map[string]bool, error) {
	inner := make(map[string]bool, len(outer))
	for k := range outer {
		inner[k] = true
	}
	entries, _ := cm["map"].([]any)
	for _, e := range entries {
		entry, _ := e.(map[string]any)
		name, _ := entry["key"].(string)
		name = strings.ToLower(name)
		if isViewName(name) {
			return nil, fmt.Errorf("%w: CTE %q shadows a cut-off view", ErrUnsafeSet, name)
		}
		if err := g.walk(entry["value"], inner); err != nil {
			return nil, err
		}
		inner[name] = true
	}
	return inner, nil
}

func isViewName(name string) bool {
	if name == cutoffAthletes {
		return true
	}
	for _, v := range viewNames {
		if v == name {
			return true
		}
	}
	return false
}

// node checks one node of the parse tree: table references, table
// functions, parameters and clock functions.
func (g *guard) node(n map[string]any, scope map[string]bool) error {
	str := func(k string) string { s, _ := n[k].(string); return s }
	if str("class") == "FUNCTION" {
		g.called[strings.ToLower(str("function_name"))] = true
	}
	switch {
	case str("type") == "BASE_TABLE":
		name := strings.ToLower(str("table_name"))
		if str("schema_name") != "" || str("catalog_name") != "" {
			return fmt.Errorf("%w: reads %s.%s; sets read only the cut-off views %v", ErrUnsafeSet, str("schema_name"), name, viewNames)
		}
		if !scope[name] {
			return fmt.Errorf("%w: reads %q; sets read only the cut-off views %v and their own CTEs", ErrUnsafeSet, name, viewNames)
		}
	case str("type") == "TABLE_FUNCTION":
		f, _ := n["function"].(map[string]any)
		name, _ := f["function_name"].(string)
		g.called[strings.ToLower(name)] = true
		if !tableFunctions[strings.ToLower(name)] {
			return fmt.Errorf("%w: table function %s", ErrUnsafeSet, name)
		}
	case str("type") == "SHOW_REF":
		return fmt.Errorf("%w: DESCRIBE or SUMMARIZE in FROM", ErrUnsafeSet)
	case str("class") == "PARAMETER":
		return fmt.Errorf("%w: query parameters are bound by Compute only", ErrUnsafeSet)
	case str("class") == "FUNCTION" && clockFunctions[strings.ToLower(str("function_name"))]:
		return fmt.Errorf("%w: %s() makes the result depend on when it runs", ErrUnsafeSet, str("function_name"))
	case str("class") == "COLUMN_REF":
		if names, _ := n["column_names"].([]any); len(names) == 1 {
			if s, _ := names[0].(string); clockFunctions[strings.ToLower(s)] {
				return fmt.Errorf("%w: %s makes the result depend on when it runs", ErrUnsafeSet, s)
			}
		}
	}
	return nil
}
