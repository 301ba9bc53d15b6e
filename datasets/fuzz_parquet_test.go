package datasets

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParquetRows writes arbitrary bytes as a .parquet file and decodes it
// as OpenFile does (DuckDB's read_parquet, every column cast to text) and
// through the results validator: the file is refused with an error or gives
// rows as wide as their header; neither DuckDB nor Go may crash. The seeds
// are the Parquet files of the bad-input corpus (testdata/bad).
func FuzzParquetRows(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("..", "testdata", "bad", "*.parquet"))
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	st := openTemp(f)
	dir := f.TempDir()
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "fuzz.parquet")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		p, closer, err := st.OpenFile(ctx, KindResults, "fuzz", path)
		if err != nil {
			return
		}
		defer closer.Close()
		probs := &problems{file: path}
		v := newValidator(KindResults, p.Rows.Header(), probs)
		defer v.release()
		v.res = emptyResolver()
		v.res.athletes["a1"] = athleteInfo{id: 1, sex: "M"}
		for i := 0; i < 10_000; i++ {
			r, err := p.Rows.Next()
			if err != nil { // io.EOF, or DuckDB's error on a damaged file
				return
			}
			if len(r.Fields) != len(p.Rows.Header()) || r.Line != int64(i+1) {
				t.Fatalf("row %d: line %d, %d fields, header of %d", i+1, r.Line, len(r.Fields), len(p.Rows.Header()))
			}
			v.add(r)
		}
	})
}
