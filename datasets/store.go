package datasets

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/marcboeker/go-duckdb"
)

// DefaultPath is the database file used when neither --db nor PODIUM_DB names one.
const DefaultPath = "podium.duckdb"

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("datasets: not found")

// Store is the Podium database: one DuckDB file with the schema of migrations/.
// A Store is safe for concurrent use; writes that load data are serialised.
type Store struct {
	connector *duckdb.Connector
	db        *sql.DB
	path      string
	writeMu   sync.Mutex // one load or merge at a time, so batches never interleave
	release   func()     // gives the path back (claim)
	// tokens caches UserByToken (token hash → User); tokenGen counts the
	// user changes that emptied it, tokenMu orders the two.
	tokens   sync.Map
	tokenGen atomic.Uint64
	tokenMu  sync.Mutex
	// dataVersion is a sequence lock over the data: odd while a load,
	// append, Exec or final verdict is being written, even between writes.
	dataVersion atomic.Uint64
}

// DataVersion is the store's data generation: it changes whenever a load,
// an append, an Exec or an officer's final verdict is written, and is odd
// while one is being written. A reader that sees the same even value before
// and after its queries read one consistent state of the data. (Only one
// process may write a store file, so the count covers every writer.)
func (s *Store) DataVersion() uint64 { return s.dataVersion.Load() }

// writing marks a data write under writeMu: call its result when done.
func (s *Store) writing() func() {
	s.dataVersion.Add(1)
	return func() { s.dataVersion.Add(1) }
}

// PathFromEnv returns flagValue when set, else $PODIUM_DB, else DefaultPath.
func PathFromEnv(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if v := os.Getenv("PODIUM_DB"); v != "" {
		return v
	}
	return DefaultPath
}

// Open opens (creating if needed) the database at path and applies pending
// migrations. An empty path opens a private in-memory database.
func Open(ctx context.Context, path string) (*Store, error) {
	release, err := claim(path)
	if err != nil {
		return nil, err
	}
	c, err := duckdb.NewConnector(path, nil)
	if err != nil {
		release()
		return nil, fmt.Errorf("datasets: open %s: %w", path, err)
	}
	s := &Store{connector: c, db: sql.OpenDB(c), path: path, release: release}
	if err := s.db.PingContext(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("datasets: open %s: %w", path, err)
	}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Path returns the file the store was opened on ("" for in-memory).
func (s *Store) Path() string { return s.path }

// Close checkpoints and closes the database.
func (s *Store) Close() error {
	err := s.db.Close()
	if cerr := s.connector.Close(); err == nil {
		err = cerr
	}
	s.release()
	return err
}

// open holds the files this process has open: DuckDB's file lock stops
// other processes, but two databases of one process on one file would each
// keep a cache of it and lose each other's writes.
var open = struct {
	sync.Mutex
	paths map[string]bool
}{paths: map[string]bool{}}

// claim reserves path for one Store of this process; release gives it back.
// In-memory stores ("") are never shared.
func claim(path string) (release func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("datasets: open %s: %w", path, err)
	}
	open.Lock()
	defer open.Unlock()
	if open.paths[abs] {
		return nil, fmt.Errorf("datasets: open %s: already open in this process (one Store per file)", path)
	}
	open.paths[abs] = true
	var once sync.Once
	return func() {
		once.Do(func() {
			open.Lock()
			delete(open.paths, abs)
			open.Unlock()
		})
	}, nil
}

// QueryArrow runs query and returns its result as Arrow record batches, the
// hot path for feature sets: no row-by-row scanning. The caller releases the
// reader.
func (s *Store) QueryArrow(ctx context.Context, query string, args ...any) (array.RecordReader, error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("datasets: arrow query: %w", err)
	}
	defer conn.Close()
	var rr array.RecordReader
	err = conn.Raw(func(dc any) error {
		ar, err := duckdb.NewArrowFromConn(dc.(driver.Conn))
		if err != nil {
			return err
		}
		rr, err = ar.QueryContext(ctx, query, args...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("datasets: arrow query: %w", err)
	}
	return rr, nil
}

// Exec runs a statement that returns no rows. Used by the importers and the
// simulator's ground-truth writer; ingestion of outside data goes through Ingest.
func (s *Store) Exec(ctx context.Context, query string, args ...any) (int64, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	defer s.writing()()
	res, err := s.db.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, fmt.Errorf("datasets: exec: %w", err)
	}
	n, _ := res.RowsAffected()
	return n, nil
}

// Query runs a query and returns its rows for row-by-row scanning. Hot paths
// use QueryArrow; this serves small lookups and the database/sql baseline
// that benchmarks compare the Arrow path against.
func (s *Store) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("datasets: query: %w", err)
	}
	return rows, nil
}

// QueryRow runs a query expected to return one row and scans it into dest.
func (s *Store) QueryRow(ctx context.Context, query string, args []any, dest ...any) error {
	err := s.db.QueryRowContext(ctx, query, args...).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	if err != nil {
		return fmt.Errorf("datasets: query: %w", err)
	}
	return nil
}
