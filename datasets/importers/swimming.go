package importers

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/podium-sport/podium/datasets"
)

// swimmingMapping versions the swimming mapping: changing it reloads the file.
const swimmingMapping = "swimming-ffn/1"

var swimmingResultHeader = []string{"athlete_source_id", "age", "sport", "discipline", "mark", "unit",
	"lower_is_better", "sex", "source_ref"}

// ffnSex maps the FFN Gender codes.
var ffnSex = map[string]string{"1": "M", "2": "F"}

func importSwimming(ctx context.Context, st Ingester, dir string, s *Summary, progress func(int64)) error {
	files, err := sourceFiles(dir, "swimmers")
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return fmt.Errorf("importers: swimming: want one swimmers.csv.gz in %s, found %d", dir, len(files))
	}
	path := files[0]
	athletes, err := deriveSwimmers(path)
	if err != nil {
		return err
	}
	sum, err := digest(swimmingMapping+"/athletes", path)
	if err != nil {
		return err
	}
	results, err := newPart(datasets.KindResults, s.Source, path, swimmingMapping, swimmingResultHeader, bindSwimmingResults)
	if err != nil {
		return err
	}
	parts := []datasets.Part{{Kind: datasets.KindAthletes, Source: s.Source, SHA256: sum,
		File: path + " (athletes derived from ID and Gender)", Rows: athletes}, results}
	s.Files = 1
	return s.load(ctx, st, parts, progress)
}

var swimmingColumns = []string{"ID", "Age", "Performance", "Gender"}

// deriveSwimmers makes one athlete per swimmer ID, in order of first
// appearance: no name in the source, so "FFN swimmer <ID>"; sex from
// Gender; birth date unknown. A row whose Gender cannot be read is passed
// over here: the results part reports it.
func deriveSwimmers(path string) (*sliceRows, error) {
	src, err := openCSV(path)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	c, err := columns(path, src.header, swimmingColumns...)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	out := &sliceRows{header: athletesHeader}
	for {
		rec, _, err := src.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		id, sex := field(rec, c["ID"]), ffnSex[field(rec, c["Gender"])]
		if id == "" || sex == "" || seen[id] {
			continue
		}
		seen[id] = true
		out.rows = append(out.rows, datasets.Row{Line: int64(len(out.rows) + 1),
			Fields: []string{id, "FFN swimmer " + id, sex, "", "", "", "", ""}})
	}
}

func bindSwimmingResults(file string, header []string) (fillFunc, error) {
	c, err := columns(file, header, swimmingColumns...)
	if err != nil {
		return nil, err
	}
	return func(rec []string, line int64, emit emitFunc) error {
		id, gender := field(rec, c["ID"]), field(rec, c["Gender"])
		sex, ok := ffnSex[gender]
		if !ok {
			return invalid(file, line, "Gender", fmt.Sprintf("%q is not 1 (men) or 2 (women)", gender))
		}
		if id == "" {
			return invalid(file, line, "ID", "empty")
		}
		emit(line, id, field(rec, c["Age"]), "swimming", "100m-freestyle", field(rec, c["Performance"]), "s", "true", sex,
			"swimmers:"+strconv.FormatInt(line, 10))
		return nil
	}, nil
}
