package sim

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"

	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/podium-sport/podium/datasets"
)

// Version is the generator's version; it is part of every part's digest, so
// that a changed generator loads anew while the same generation again is a
// no-op.
const Version = 1

// Source is the source name of every simulated row.
const Source = "sim"

// Config says what to generate.
type Config struct {
	Athletes int    // number of athletes (identities before duplicates), 1 … 5,000,000
	Seed     uint64 // the same seed and version give the same data
}

// Progress is told how far each stage is: done of total units (athletes
// for the athlete stages, matches for the football ones). It may be nil.
type Progress func(stage string, done, total int64)

// Loader is what Generate writes to; *datasets.Store implements it.
type Loader interface {
	Ingest(ctx context.Context, l datasets.Load) (*datasets.Report, error)
	AppendRecords(ctx context.Context, table string, rr array.RecordReader) (int64, error)
	Exec(ctx context.Context, query string, args ...any) (int64, error)
}

var _ Loader = (*datasets.Store)(nil)

// Summary says what Generate did.
type Summary struct {
	Seed          uint64           `json:"seed"`
	Athletes      int              `json:"athletes"`
	Version       int              `json:"version"`
	Rows          map[string]int64 `json:"rows"`  // observed rows generated per kind
	Truth         map[string]int64 `json:"truth"` // truth_athletes rows and truth events per kind
	AlreadyLoaded bool             `json:"already_loaded"`
	Report        *datasets.Report `json:"report"`
	Seconds       float64          `json:"seconds"`
	RowsPerSecond float64          `json:"rows_per_second"` // observed rows / Seconds (0 when already loaded)
}

// Generate simulates the national dataset of cfg and loads it into st: the
// observed athletes, results, physiological tests, matches and odds through
// validated ingestion (one all-or-nothing load), then the planted ground
// truth into truth_athletes and truth_events, replacing earlier truth of the
// same seed. Generating the same configuration again loads no observed row
// and writes the same truth again.
func Generate(ctx context.Context, st Loader, cfg Config, progress Progress) (*Summary, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	start := time.Now()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	g := newGeneration(cfg, progress)
	kinds := []datasets.Kind{datasets.KindAthletes, datasets.KindResults, datasets.KindPhysio, datasets.KindMatches, datasets.KindOdds}
	streams := g.streams(ctx)
	var load datasets.Load
	for i, k := range kinds {
		load.Parts = append(load.Parts, datasets.Part{Kind: k, Source: Source, File: "sim:" + string(k),
			SHA256: cfg.digest(k), Rows: streams[i]})
	}
	rep, err := st.Ingest(ctx, load)
	if err != nil {
		return nil, fmt.Errorf("sim: load: %w", err)
	}
	sum := &Summary{Seed: cfg.Seed, Athletes: cfg.Athletes, Version: Version, Rows: map[string]int64{}, Truth: map[string]int64{},
		Report: rep, AlreadyLoaded: true}
	var rows int64
	for _, p := range rep.Parts {
		// an already-loaded part is not read again; its count is the earlier batch's
		sum.Rows[string(p.Kind)] += p.Rows
		rows += p.Rows
		sum.AlreadyLoaded = sum.AlreadyLoaded && p.AlreadyLoaded
	}
	// The truth is rewritten even when the observed data was loaded before:
	// it cannot commit with the load, so a run whose truth write failed is
	// repaired by running it again.
	if err := g.writeTruth(ctx, st, sum); err != nil {
		return nil, err
	}
	sum.Seconds = time.Since(start).Seconds()
	if !sum.AlreadyLoaded {
		sum.RowsPerSecond = float64(rows) / sum.Seconds
	}
	return sum, nil
}

func (c Config) validate() error {
	if c.Athletes < 1 || c.Athletes > maxAthletes {
		return fmt.Errorf("sim: athletes must be 1 … %d, not %d", maxAthletes, c.Athletes)
	}
	return nil
}

// digest identifies a part's content: the same seed, size, version and kind
// always give the same rows.
func (c Config) digest(k datasets.Kind) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("sim|%d|%d|%d|%s", c.Seed, c.Athletes, Version, k)))
	return hex.EncodeToString(h[:])
}

// generation is one run of the simulator.
type generation struct {
	cfg      Config
	progress Progress
	cal      *calendar
	matches  []match
}

func newGeneration(cfg Config, progress Progress) *generation {
	if progress == nil {
		progress = func(string, int64, int64) {}
	}
	matches, _ := league(cfg.Seed)
	return &generation{cfg: cfg, progress: progress, cal: newCalendar(cfg.Seed), matches: matches}
}

// streams returns the row streams of the five kinds, in load order; their
// generators stop when ctx is done.
func (g *generation) streams(ctx context.Context) []*rowStream {
	res := &resultGen{cal: g.cal, r: newRNG()}
	phy := &physioGen{r: newRNG()}
	var nm *namer
	return []*rowStream{
		g.perAthlete(ctx, "athletes", athletesHeader, func(b *builder, a *athlete, w *rowWriter) {
			if nm == nil {
				nm = newNamer(b)
			}
			athleteRows(nm, a, w)
		}),
		g.perAthlete(ctx, "results", resultsHeader, func(_ *builder, a *athlete, w *rowWriter) { res.athleteResults(a, g.cfg.Seed, w) }),
		g.perAthlete(ctx, "physio", physioHeader, func(_ *builder, a *athlete, w *rowWriter) { phy.athletePhysio(a, g.cfg.Seed, w) }),
		newRowStream(ctx, matchesHeader, func(w *rowWriter) {
			for i := range g.matches {
				w.row(matchRow(&g.matches[i])...)
			}
			g.progress("matches", int64(len(g.matches)), int64(len(g.matches)))
		}),
		newRowStream(ctx, oddsHeader, func(w *rowWriter) {
			for i := range g.matches {
				for _, row := range oddsRows(&g.matches[i], matchOdds(g.cfg.Seed, &g.matches[i], i)) {
					w.row(row...)
				}
			}
			g.progress("odds", int64(len(g.matches)), int64(len(g.matches)))
		}),
	}
}

// progressEvery is how many athletes pass between progress reports.
const progressEvery = 4096

// perAthlete is a stream that builds every athlete in turn and lets fn
// write its rows.
func (g *generation) perAthlete(ctx context.Context, stage string, header []string, fn func(b *builder, a *athlete, w *rowWriter)) *rowStream {
	return newRowStream(ctx, header, func(w *rowWriter) {
		b := newBuilder(g.cfg.Seed)
		n := int64(g.cfg.Athletes)
		for i := 0; i < g.cfg.Athletes; i++ {
			if i%progressEvery == 0 {
				if w.stopped() {
					return
				}
				g.progress(stage, int64(i), n)
			}
			a := b.build(i)
			fn(b, &a, w)
		}
		g.progress(stage, n, n)
	})
}

var athletesHeader = []string{"source_id", "name", "sex", "birth_date", "province", "nationality"}

var sexCode = [2]string{"M", "F"}

// athleteRows writes the athlete's registration, and the second one of a
// duplicated identity.
func athleteRows(nm *namer, a *athlete, w *rowWriter) {
	reg, dup := nm.register(a)
	w.row(a.id, reg.name, sexCode[a.sex], reg.birth, reg.province, "VIE")
	if dup != nil {
		w.row(a.planted.dup.id, dup.name, sexCode[a.sex], dup.birth, dup.province, "VIE")
	}
}

// writeTruth replaces the seed's ground truth with this generation's.
func (g *generation) writeTruth(ctx context.Context, st Loader, sum *Summary) error {
	prefix := "S" + strconv.FormatUint(g.cfg.Seed, 10) + "-%"
	if _, err := st.Exec(ctx, "DELETE FROM truth_athletes WHERE source_id LIKE ?", prefix); err != nil {
		return fmt.Errorf("sim: truth: %w", err)
	}
	if _, err := st.Exec(ctx, "DELETE FROM truth_events WHERE subject LIKE ?", prefix); err != nil {
		return fmt.Errorf("sim: truth: %w", err)
	}
	var evs []truthEvent
	b := newBuilder(g.cfg.Seed)
	nm := newNamer(b)
	next, n := 0, g.cfg.Athletes
	athletes := newRecordStream(truthAthletesSchema, func(rb *array.RecordBuilder, rows int) bool {
		for ; rows > 1 && next < n; next++ { // > 1: room for a duplicate's second row
			if next%progressEvery == 0 {
				g.progress("truth", int64(next), int64(n))
			}
			a := b.build(next)
			nm.register(&a) // settles the duplicate's birth-date variant
			appendTruthAthlete(rb, &a)
			rows -= 1 + btoi(a.planted.dup != nil)
			evs = append(evs, athleteEvents(g.cfg.Seed, &a)...)
		}
		return next < n
	})
	defer athletes.Release()
	na, err := st.AppendRecords(ctx, "truth_athletes", athletes)
	if err != nil {
		return fmt.Errorf("sim: truth: %w", err)
	}
	g.progress("truth", int64(n), int64(n))
	sum.Truth["truth_athletes"] = na
	for i := range g.matches {
		if g.matches[i].fix != nil {
			evs = append(evs, matchEvent(&g.matches[i]))
		}
	}
	for _, e := range evs {
		sum.Truth[e.kind]++
	}
	if len(evs) == 0 {
		return nil
	}
	rr, err := eventRecords(evs)
	if err != nil {
		return fmt.Errorf("sim: truth: %w", err)
	}
	defer rr.Release()
	if _, err := st.AppendRecords(ctx, "truth_events", rr); err != nil {
		return fmt.Errorf("sim: truth: %w", err)
	}
	return nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
