package datasets

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/apache/arrow/go/v17/arrow"
	"github.com/apache/arrow/go/v17/arrow/array"
	"github.com/apache/arrow/go/v17/arrow/memory"
	"github.com/marcboeker/go-duckdb"
	"github.com/zeebo/xxh3"
)

// resolver holds what validation needs from the database, read once per part
// through Arrow: the source's athletes, the known competitions, and the keys
// seen so far in the part (to report duplicates with both lines).
type resolver struct {
	athletes map[string]athleteInfo // source_id → athlete
	comps    map[string]int64       // sport \x00 name \x00 season → id
	newComps []newCompetition
	nextComp int64
	seen     map[xxh3.Uint128]int64 // natural key → first line
	mu       sync.Mutex             // guards comps, newComps, nextComp and seen
}

type athleteInfo struct {
	id    int64
	birth int32 // days since 1970; valid when hasBirth
	has   bool
	sex   string
}

type newCompetition struct {
	id                        int64
	sport, name, level, venue string
	season                    int32
}

func emptyResolver() *resolver {
	return &resolver{athletes: map[string]athleteInfo{}, comps: map[string]int64{}, seen: map[xxh3.Uint128]int64{}}
}

// arrowQuery runs query on conn (inside the load's transaction, so rows the
// load already wrote are visible) and calls fn for each record.
func arrowQuery(ctx context.Context, conn *sql.Conn, query string, fn func(arrow.Record)) error {
	return conn.Raw(func(dc any) error {
		ar, err := duckdb.NewArrowFromConn(dc.(driver.Conn))
		if err != nil {
			return err
		}
		rr, err := ar.QueryContext(ctx, query)
		if err != nil {
			return err
		}
		defer rr.Release()
		for rr.Next() {
			fn(rr.Record())
		}
		return rr.Err()
	})
}

// newResolver loads the athletes of source (for results and physio) and the
// competitions (for results).
func (ld *loader) newResolver(p Part) (*resolver, error) {
	r := emptyResolver()
	if p.Kind != KindResults && p.Kind != KindPhysio && p.Kind != KindMatches {
		return r, nil
	}
	q := fmt.Sprintf(`SELECT x.source_id, x.athlete_id, a.birth_date, a.sex FROM athlete_aliases x
		JOIN athletes a USING (athlete_id) WHERE x.source = '%s'`, escapeLiteral(p.Source))
	err := arrowQuery(ld.ctx, ld.conn, q, func(rec arrow.Record) {
		ids, aid := rec.Column(0).(*array.String), rec.Column(1).(*array.Int64)
		birth, sex := rec.Column(2).(*array.Date32), rec.Column(3).(*array.String)
		for i := 0; i < int(rec.NumRows()); i++ {
			// Value aliases the record's buffer, which is freed after fn: clone.
			r.athletes[strings.Clone(ids.Value(i))] = athleteInfo{id: aid.Value(i), birth: int32(birth.Value(i)), has: birth.IsValid(i), sex: strings.Clone(sex.Value(i))}
		}
	})
	if err != nil {
		return nil, fmt.Errorf("datasets: ingest %s: read athletes: %w", p.File, err)
	}
	if p.Kind == KindPhysio {
		return r, nil
	}
	err = arrowQuery(ld.ctx, ld.conn, `SELECT sport, name, season, competition_id FROM competitions`, func(rec arrow.Record) {
		sp, nm := rec.Column(0).(*array.String), rec.Column(1).(*array.String)
		se, id := rec.Column(2).(*array.Int32), rec.Column(3).(*array.Int64)
		for i := 0; i < int(rec.NumRows()); i++ {
			r.comps[compKey(sp.Value(i), nm.Value(i), se.Value(i))] = id.Value(i) // compKey copies
			r.nextComp = max(r.nextComp, id.Value(i))
		}
	})
	if err != nil {
		return nil, fmt.Errorf("datasets: ingest %s: read competitions: %w", p.File, err)
	}
	return r, nil
}

func escapeLiteral(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\'' {
			out = append(out, '\'')
		}
		out = append(out, s[i])
	}
	return string(out)
}

// compKey is the map key of a competition, as competition builds it.
func compKey(sport, name string, season int32) string {
	return sport + "\x00" + name + "\x00" + strconv.Itoa(int(season)) + "\x00"
}

// competition returns the id of a competition, registering a new one. It
// is safe for concurrent use; k is the caller's scratch key.
func (r *resolver) competition(k *naturalKey, sport, name, level, venue string, season int32) int64 {
	k.reset()
	k.str(sport)
	k.str(name)
	k.int(int64(season))
	r.mu.Lock()
	defer r.mu.Unlock()
	if id, ok := r.comps[string(k.b)]; ok { // no allocation for the lookup
		return id
	}
	r.nextComp++
	r.comps[string(k.b)] = r.nextComp
	r.newComps = append(r.newComps, newCompetition{id: r.nextComp, sport: sport, name: name, level: level, venue: venue, season: season})
	return r.nextComp
}

// naturalKey builds a natural key from its parts, each followed by a zero
// byte, and hashes it to 128 bits (xxh3): a collision between two different
// keys is about 1 in 10^19 even for 10^10 rows.
type naturalKey struct{ b []byte }

func (k *naturalKey) reset()       { k.b = k.b[:0] }
func (k *naturalKey) str(s string) { k.b = append(append(k.b, s...), 0) }
func (k *naturalKey) int(i int64)  { k.b = append(strconv.AppendInt(k.b, i, 10), 0) }
func (k *naturalKey) float(f float64) {
	k.b = append(strconv.AppendFloat(k.b, f, 'g', -1, 64), 0)
}
func (k *naturalKey) hash() xxh3.Uint128 { return xxh3.Hash128(k.b) }

// firstLine records that key was seen on line and returns the line it was
// first seen on (line itself when new).
func (r *resolver) firstLine(k xxh3.Uint128, line int64) int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	if first, ok := r.seen[k]; ok {
		return first
	}
	r.seen[k] = line
	return line
}

// insertCompetitions writes the competitions first named by this part.
func (ld *loader) insertCompetitions(sp *stagedPart, r *resolver) error {
	if len(r.newComps) == 0 {
		return nil
	}
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "competition_id", Type: arrow.PrimitiveTypes.Int64}, {Name: "sport", Type: arrow.BinaryTypes.String},
		{Name: "name", Type: arrow.BinaryTypes.String}, {Name: "season", Type: arrow.PrimitiveTypes.Int32},
		{Name: "level", Type: arrow.BinaryTypes.String, Nullable: true}, {Name: "venue", Type: arrow.BinaryTypes.String, Nullable: true},
	}, nil)
	b := array.NewRecordBuilder(memory.DefaultAllocator, schema)
	defer b.Release()
	for _, c := range r.newComps {
		b.Field(0).(*array.Int64Builder).Append(c.id)
		b.Field(1).(*array.StringBuilder).Append(c.sport)
		b.Field(2).(*array.StringBuilder).Append(c.name)
		b.Field(3).(*array.Int32Builder).Append(c.season)
		appendOptional(b.Field(4).(*array.StringBuilder), c.level)
		appendOptional(b.Field(5).(*array.StringBuilder), c.venue)
	}
	rec := b.NewRecord()
	defer rec.Release()
	rr, _ := array.NewRecordReader(schema, []arrow.Record{rec})
	defer rr.Release()
	return withArrowView(ld.ctx, ld.conn, rr, func(view string) error {
		_, err := ld.exec(sp, fmt.Sprintf(`INSERT INTO competitions (competition_id, sport, name, season, level, venue, batch_id)
			SELECT competition_id, sport, name, season, level, venue, %d FROM %s`, sp.batchID, view))
		return err
	})
}

func appendOptional(b *array.StringBuilder, s string) {
	if s == "" {
		b.AppendNull()
	} else {
		b.Append(s)
	}
}
