package datasets

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrAuditBroken is wrapped by VerifyAudit's error when the chain does not
// verify: a row was edited, deleted or reordered outside AppendAudit.
var ErrAuditBroken = errors.New("datasets: audit chain broken")

// genesisHash is the prev_hash of the first audit entry.
var genesisHash = strings.Repeat("0", 64)

// AuditEntry is one record of the append-only audit log. Hash is the SHA-256
// (hex) of PrevHash and the entry's canonical fields (see entryHash), so each
// entry commits to the whole log before it.
type AuditEntry struct {
	Seq      int64           `json:"seq"`
	At       time.Time       `json:"at"`
	Actor    string          `json:"actor"`
	Action   string          `json:"action"`
	Subject  string          `json:"subject"`
	Detail   json.RawMessage `json:"detail"`
	PrevHash string          `json:"prev_hash"`
	Hash     string          `json:"hash"`
}

// AppendAudit records one action in its own transaction. Changes that must
// be audited atomically (users, alert reviews) append inside their own
// transaction instead; this is for actions whose effect lives elsewhere
// (an ingest, a retraining job). Detail is marshalled to JSON.
func (s *Store) AppendAudit(ctx context.Context, actor, action, subject string, detail any) (AuditEntry, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	var e AuditEntry
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		e, err = appendAudit(ctx, tx, actor, action, subject, detail)
		return err
	})
	if err != nil {
		return AuditEntry{}, fmt.Errorf("datasets: append audit: %w", err)
	}
	return e, nil
}

// appendAudit chains a new entry after the last one, inside tx. Callers hold
// writeMu, so no other entry can take the same seq.
func appendAudit(ctx context.Context, tx *sql.Tx, actor, action, subject string, detail any) (AuditEntry, error) {
	if actor == "" || action == "" || subject == "" {
		return AuditEntry{}, &ValidationError{File: "audit", Field: "actor/action/subject", Reason: "empty"}
	}
	d, err := canonicalDetail(detail)
	if err != nil {
		return AuditEntry{}, err
	}
	e := AuditEntry{At: time.Now().UTC().Truncate(time.Microsecond), Actor: actor, Action: action,
		Subject: subject, Detail: d, PrevHash: genesisHash}
	err = tx.QueryRowContext(ctx, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").Scan(&e.Seq, &e.PrevHash)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return AuditEntry{}, err
	}
	e.Seq++
	e.Hash = e.entryHash()
	_, err = tx.ExecContext(ctx, `INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, e.Seq, e.At, e.Actor, e.Action, e.Subject, string(e.Detail), e.PrevHash, e.Hash)
	return e, err
}

// canonicalDetail returns detail as compact JSON: nil is {}, raw JSON is
// compacted, anything else is marshalled (map keys sorted).
func canonicalDetail(detail any) (json.RawMessage, error) {
	var b []byte
	switch d := detail.(type) {
	case nil:
		return json.RawMessage("{}"), nil
	case json.RawMessage:
		b = d
	default:
		var err error
		if b, err = json.Marshal(d); err != nil {
			return nil, fmt.Errorf("audit detail: %w", err)
		}
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		return nil, &ValidationError{File: "audit", Field: "detail", Reason: "not JSON: " + err.Error()}
	}
	return json.RawMessage(buf.String()), nil
}

// entryHash is SHA-256 over the JSON array [prev_hash, seq, at (RFC 3339,
// UTC, microseconds), actor, action, subject, detail]: JSON quoting makes the
// encoding unambiguous whatever the fields contain.
func (e AuditEntry) entryHash() string {
	b, _ := json.Marshal([]any{e.PrevHash, e.Seq, e.At.UTC().Format(time.RFC3339Nano),
		e.Actor, e.Action, e.Subject, string(e.Detail)})
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// VerifyAudit walks the audit log in seq order and checks that seqs run
// 1, 2, 3… without gaps, that each entry's prev_hash is its predecessor's
// hash and that each hash matches the entry's content. It returns how many
// entries verified; on failure the error (wrapping ErrAuditBroken) names the
// first bad seq. Removing entries from the end cannot be seen from inside the
// log: keep the head hash (AuditHead) elsewhere to detect that.
func (s *Store) VerifyAudit(ctx context.Context) (int64, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+auditColumns+" FROM audit_log ORDER BY seq")
	if err != nil {
		return 0, fmt.Errorf("datasets: verify audit: %w", err)
	}
	defer rows.Close()
	prev, checked := genesisHash, int64(0)
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return checked, fmt.Errorf("datasets: verify audit: %w", err)
		}
		want := checked + 1
		switch {
		case e.Seq != want:
			return checked, fmt.Errorf("datasets: audit entry %d: missing (next entry is %d): %w", want, e.Seq, ErrAuditBroken)
		case e.PrevHash != prev:
			return checked, fmt.Errorf("datasets: audit entry %d: prev_hash does not match entry %d's hash: %w", e.Seq, e.Seq-1, ErrAuditBroken)
		case e.entryHash() != e.Hash:
			return checked, fmt.Errorf("datasets: audit entry %d: content does not match its hash: %w", e.Seq, ErrAuditBroken)
		}
		prev, checked = e.Hash, want
	}
	if err := rows.Err(); err != nil {
		return checked, fmt.Errorf("datasets: verify audit: %w", err)
	}
	return checked, nil
}

// AuditHead returns the newest audit entry (ErrNotFound when the log is
// empty): record its hash outside the database to detect truncation later.
func (s *Store) AuditHead(ctx context.Context) (AuditEntry, error) {
	e, err := scanAudit(s.db.QueryRowContext(ctx, "SELECT "+auditColumns+" FROM audit_log ORDER BY seq DESC LIMIT 1"))
	if errors.Is(err, sql.ErrNoRows) {
		return AuditEntry{}, ErrNotFound
	}
	if err != nil {
		return AuditEntry{}, fmt.Errorf("datasets: audit head: %w", err)
	}
	return e, nil
}

const auditColumns = "seq, at, actor, action, subject, detail, prev_hash, hash"

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

func scanAudit(sc scanner) (AuditEntry, error) {
	var e AuditEntry
	var detail string
	err := sc.Scan(&e.Seq, &e.At, &e.Actor, &e.Action, &e.Subject, &detail, &e.PrevHash, &e.Hash)
	e.At = e.At.UTC()
	e.Detail = json.RawMessage(detail)
	return e, err
}
