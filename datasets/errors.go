package datasets

import (
	"errors"
	"fmt"
	"strings"
)

// ErrInvalid is wrapped by every error that rejects input data.
var ErrInvalid = errors.New("datasets: invalid input")

// ValidationError is one problem with one field of one row.
type ValidationError struct {
	File   string
	Line   int64 // 0 when the problem concerns the whole file
	Field  string
	Reason string
}

func (e *ValidationError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s: %s", e.File, e.Field, e.Reason)
	}
	return fmt.Sprintf("%s:%d: %s: %s", e.File, e.Line, e.Field, e.Reason)
}

func (e *ValidationError) Unwrap() error { return ErrInvalid }

// LoadError rejects a whole load: at least one row was invalid, so nothing
// was written. Problems holds every problem found (in file and line order).
type LoadError struct {
	Problems []ValidationError
}

// ShowProblems is how many problems Error prints.
const ShowProblems = 10

func (e *LoadError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "rejected, nothing loaded: %d problem(s)", len(e.Problems))
	for i, p := range e.Problems {
		if i == ShowProblems {
			fmt.Fprintf(&b, "\n  … and %d more (write them all with --report FILE)", len(e.Problems)-i)
			break
		}
		b.WriteString("\n  ")
		b.WriteString(p.Error())
	}
	return b.String()
}

func (e *LoadError) Unwrap() error { return ErrInvalid }

// Load is one all-or-nothing load: every part is committed together or not at all.
type Load struct {
	Parts    []Part
	Progress func(rows int64) // called as rows are decoded; may be nil
}

// PartReport says what one part of a load did.
type PartReport struct {
	Kind      Kind   `json:"kind"`
	Source    string `json:"source"`
	File      string `json:"file"`
	SHA256    string `json:"sha256"`
	BatchID   int64  `json:"batch_id"`
	Rows      int64  `json:"rows"`
	Inserted  int64  `json:"inserted"`
	Updated   int64  `json:"updated"`
	Unchanged int64  `json:"unchanged"`
	// AlreadyLoaded is set when the same kind, source and content was loaded
	// before, as batch BatchID: the part was skipped.
	AlreadyLoaded bool `json:"already_loaded"`
}

// Report says what a load did.
type Report struct {
	LoadID  int64        `json:"load_id"`
	Parts   []PartReport `json:"parts"`
	Seconds float64      `json:"seconds"`
}
