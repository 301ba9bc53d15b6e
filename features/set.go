package features

import (
	"embed"
	"errors"
	"fmt"
	"strings"

	"github.com/apache/arrow/go/v17/arrow"
)

// ErrUnknownSet is returned by Lookup for a name no set has.
var ErrUnknownSet = errors.New("features: unknown set")

// Set is a named, versioned feature set: one DuckDB SELECT over the cut-off
// views (see the package documentation) that Compute runs as of a Cutoff.
type Set struct {
	Name    string
	Version int    // bumped whenever the output changes meaning
	Doc     string // one line: the grain and what the features are for
	// SQL is one SELECT statement, optionally with its own WITH list, that
	// reads only the cut-off views and orders its output fully so that a
	// computation is reproducible byte for byte.
	SQL     string
	Columns []Column // the output, in order; Compute checks it
}

// Column documents one output column of a set.
type Column struct {
	Name string `json:"name"`
	Type string `json:"type"` // Arrow type name as DuckDB delivers it: int64, float64, utf8, bool, date32
	Doc  string `json:"doc"`  // meaning and units; when it is NULL
}

// checkSchema reports a difference between the documented columns and the
// schema a computation produced.
func (s Set) checkSchema(sc *arrow.Schema) error {
	if sc.NumFields() != len(s.Columns) {
		return fmt.Errorf("features: set %s v%d: output has %d columns, documented %d", s.Name, s.Version, sc.NumFields(), len(s.Columns))
	}
	for i, f := range sc.Fields() {
		c := s.Columns[i]
		if f.Name != c.Name || f.Type.String() != c.Type {
			return fmt.Errorf("features: set %s v%d: output column %d is %s %s, documented %s %s",
				s.Name, s.Version, i, f.Name, f.Type, c.Name, c.Type)
		}
	}
	return nil
}

//go:embed sql/*.sql
var sqlFiles embed.FS

// mustSQL returns an embedded set body; a missing file is a build mistake.
func mustSQL(name string) string {
	b, err := sqlFiles.ReadFile("sql/" + name + ".sql")
	if err != nil {
		panic("features: " + err.Error())
	}
	return string(b)
}

// registry holds the sets in the order Sets lists them.
var registry = []Set{Progression, PhysioLatest, AthleteProfile, MatchRecord, ResultMarks}

// Sets returns the registered sets in a stable order.
func Sets() []Set {
	return append([]Set(nil), registry...)
}

// Lookup returns the registered set called name.
func Lookup(name string) (Set, error) {
	for _, s := range registry {
		if s.Name == name {
			return s, nil
		}
	}
	names := make([]string, len(registry))
	for i, s := range registry {
		names[i] = s.Name
	}
	return Set{}, fmt.Errorf("%w %q (have %s)", ErrUnknownSet, name, strings.Join(names, ", "))
}
