package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"time"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/sim"
)

// Config says what to measure.
type Config struct {
	Results int    // results to simulate, ≈ 10 per athlete
	Seed    uint64 // simulator seed
	Dir     string // working directory for databases and files (the caller removes it)
	// Python is a python3 with pandas for the pandas case; "" skips it.
	Python string
	// Stage is told as each case starts; it may be nil.
	Stage func(name string)
	// Extra cases run on the simulated database after the built-in ones
	// (model training, cohort scoring), registered by the caller's wiring.
	Extra []Extra
}

// Extra is a case measured on the benchmark database: Run returns the rows
// (athletes, results) it processed.
type Extra struct {
	Name string
	Run  func(ctx context.Context, st *datasets.Store) (rows int64, err error)
}

// Case is one measured step.
type Case struct {
	Name      string  `json:"name"`
	Rows      int64   `json:"rows"`               // input rows processed
	Out       int64   `json:"out_rows,omitempty"` // output rows, for the feature cases
	Seconds   float64 `json:"seconds"`
	RowsPerS  float64 `json:"rows_per_s"`
	PeakRSSMB float64 `json:"peak_rss_mb"`
	Note      string  `json:"note,omitempty"`
}

// Report is the outcome of a run.
type Report struct {
	Results        int64              `json:"results"`
	Athletes       int64              `json:"athletes"`
	IngestRowsPerS float64            `json:"ingest_rows_per_s"`
	Cases          []Case             `json:"cases"`
	Ratios         map[string]float64 `json:"ratios"`
	CPUs           int                `json:"cpus"`
	GoVersion      string             `json:"go_version"`
	Seconds        float64            `json:"seconds"`
}

// Run builds the benchmark data in cfg.Dir and measures every case.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	if cfg.Results < 1000 {
		return nil, fmt.Errorf("bench: --results %d: at least 1000", cfg.Results)
	}
	start := time.Now()
	r := &runner{cfg: cfg, rep: &Report{CPUs: runtime.NumCPU(), GoVersion: runtime.Version(), Ratios: map[string]float64{}}}
	steps := []func(context.Context) error{r.simulate, r.export, r.ingest, r.features, r.pandas, r.extras}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return nil, err
		}
	}
	r.ratios()
	r.rep.Seconds = time.Since(start).Seconds()
	return r.rep, nil
}

type runner struct {
	cfg Config
	rep *Report
}

func (r *runner) path(name string) string { return filepath.Join(r.cfg.Dir, name) }

func (r *runner) stage(name string) {
	if r.cfg.Stage != nil {
		r.cfg.Stage(name)
	}
}

// measure runs f as one case, with its peak memory.
func (r *runner) measure(name string, f func() (int64, error)) (Case, error) {
	r.stage(name)
	peak := startPeak()
	t := time.Now()
	rows, err := f()
	if err != nil {
		return Case{}, fmt.Errorf("bench: %s: %w", name, err)
	}
	c := Case{Name: name, Rows: rows, Seconds: time.Since(t).Seconds(), PeakRSSMB: peak()}
	return r.add(c), nil
}

func (r *runner) add(c Case) Case {
	if c.Seconds > 0 {
		c.RowsPerS = float64(c.Rows) / c.Seconds
	}
	r.rep.Cases = append(r.rep.Cases, c)
	return c
}

func (r *runner) simulate(ctx context.Context) error {
	st, err := datasets.Open(ctx, r.path("sim.duckdb"))
	if err != nil {
		return err
	}
	defer st.Close()
	_, err = r.measure("simulate", func() (int64, error) {
		sum, err := sim.Generate(ctx, st, sim.Config{Athletes: max(r.cfg.Results/10, 100), Seed: r.cfg.Seed}, nil)
		if err != nil {
			return 0, err
		}
		var n int64
		for _, v := range sum.Rows {
			n += v
		}
		return n, nil
	})
	return err
}

// median runs f once to warm up, then three times, and returns the median
// seconds and f's rows (which must not change between runs).
func median(f func() (int64, error)) (float64, int64, error) {
	want, err := f()
	if err != nil {
		return 0, 0, err
	}
	var secs []float64
	for i := 0; i < 3; i++ {
		t := time.Now()
		rows, err := f()
		if err != nil {
			return 0, 0, err
		}
		if rows != want {
			return 0, 0, fmt.Errorf("%d rows, then %d", want, rows)
		}
		secs = append(secs, time.Since(t).Seconds())
	}
	sort.Float64s(secs)
	return secs[1], want, nil
}

func (r *runner) ratios() {
	sec := map[string]float64{}
	for _, c := range r.rep.Cases {
		sec[c.Name] = c.Seconds
	}
	ratio := func(key, num, den string) {
		if sec[num] > 0 && sec[den] > 0 {
			r.rep.Ratios[key] = sec[num] / sec[den]
		}
	}
	ratio("features_vs_duckdb_raw", "features-arrow", "duckdb-alone")
	ratio("pandas_vs_features", "pandas", "features-arrow")
	ratio("sql_scan_vs_arrow", "sql-scan", "features-arrow")
}

func removeAll(paths ...string) {
	for _, p := range paths {
		os.Remove(p)
		os.Remove(p + ".wal")
	}
}
