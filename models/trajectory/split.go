package trajectory

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
)

// SplitError is a problem with one line of a split file (line 0: the whole
// file).
type SplitError struct {
	File   string
	Line   int
	Reason string
}

func (e *SplitError) Error() string {
	return fmt.Sprintf("trajectory: split file %s:%d: %s", e.File, e.Line, e.Reason)
}

// splitHeader is the header of the MagmaClust split file.
var splitHeader = []string{"ID", "Gender", "split"}

// ReadSplit decodes a train/test split of series IDs, CSV with the header
// ID,Gender,split and split "train" or "test" (Gender is not used: the
// results carry the sex). It returns ID → "train" or "test"; file names the
// input in errors, which are *SplitError.
func ReadSplit(r io.Reader, file string) (map[string]string, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	split := map[string]string{}
	for first := true; ; first = false {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			return nil, &SplitError{file, perr.Line, perr.Err.Error()}
		}
		if err != nil {
			return nil, fmt.Errorf("trajectory: read split file %s: %w", file, err)
		}
		line, _ := cr.FieldPos(0)
		if bad := checkSplitRecord(rec, first, split); bad != "" {
			return nil, &SplitError{file, line, bad}
		}
		if !first {
			split[rec[0]] = rec[2]
		}
	}
	if len(split) == 0 {
		return nil, &SplitError{file, 0, "no swimmer"}
	}
	return split, nil
}

// checkSplitRecord returns what is wrong with one record, or "".
func checkSplitRecord(rec []string, header bool, seen map[string]string) string {
	switch {
	case header && !slices.Equal(rec, splitHeader):
		return fmt.Sprintf("header %q, want %q", rec, splitHeader)
	case header:
		return ""
	case len(rec) != len(splitHeader):
		return fmt.Sprintf("%d fields, want %d", len(rec), len(splitHeader))
	case rec[0] == "":
		return "empty ID"
	case rec[2] != "train" && rec[2] != "test":
		return fmt.Sprintf("split %q, want train or test", rec[2])
	case seen[rec[0]] != "":
		return fmt.Sprintf("ID %q listed twice", rec[0])
	}
	return ""
}
