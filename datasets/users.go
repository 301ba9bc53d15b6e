package datasets

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"time"
)

// Roles are the user roles the API authorises by: selection (rankings and
// performance profiles), integrity (alerts, evidence, audit, profiles with
// physiological data), data (ingest and retraining) and admin (everything).
var Roles = []string{"selection", "integrity", "data", "admin"}

// User is an API user. Only the SHA-256 of the user's bearer token is stored.
type User struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Role      string    `json:"role"`
	CreatedAt time.Time `json:"created_at"`
	Disabled  bool      `json:"disabled"`
}

// userName is what a user name may be: it appears in audit entries and URLs.
var userName = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

// tokenPrefix marks Podium tokens so secret scanners can recognise them.
const tokenPrefix = "pdm_"

// AddUser creates a user with a fresh random bearer token (256 bits) and
// returns the token: it is not stored and cannot be shown again. The
// creation is audited, by actor, in the same transaction. A taken name gives
// ErrConflict; a bad name or role an error wrapping ErrInvalid.
func (s *Store) AddUser(ctx context.Context, name, role, actor string) (User, string, error) {
	if !userName.MatchString(name) {
		return User{}, "", &ValidationError{File: "user", Field: "name",
			Reason: fmt.Sprintf("%q: want 1–64 of a-z 0-9 . _ - starting with a letter or digit", name)}
	}
	if !slices.Contains(Roles, role) {
		return User{}, "", &ValidationError{File: "user", Field: "role", Reason: fmt.Sprintf("%q: want one of %v", role, Roles)}
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return User{}, "", fmt.Errorf("datasets: add user: %w", err)
	}
	token := tokenPrefix + hex.EncodeToString(raw)
	u := User{Name: name, Role: role, CreatedAt: time.Now().UTC().Truncate(time.Microsecond)}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var taken int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM users WHERE name = ?", name).Scan(&taken); err != nil {
			return err
		}
		if taken > 0 {
			return fmt.Errorf("user %q already exists: %w", name, ErrConflict)
		}
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(user_id), 0) + 1 FROM users").Scan(&u.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO users (user_id, name, role, token_hash, created_at) VALUES (?, ?, ?, ?, ?)",
			u.ID, name, role, tokenHash(token), u.CreatedAt); err != nil {
			return err
		}
		_, err := appendAudit(ctx, tx, actor, "user.add", "user:"+name, map[string]any{"role": role})
		return err
	})
	if err != nil {
		return User{}, "", fmt.Errorf("datasets: add user %s: %w", name, err)
	}
	return u, token, nil
}

func tokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

const userColumns = "user_id, name, role, created_at, disabled"

func scanUser(sc scanner) (User, error) {
	var u User
	err := sc.Scan(&u.ID, &u.Name, &u.Role, &u.CreatedAt, &u.Disabled)
	u.CreatedAt = u.CreatedAt.UTC()
	return u, err
}

// UserByToken returns the enabled user holding token, or ErrNotFound.
//
// Found users are cached by token hash: every request of the API asks, and
// the cache stays exact because every change of a user goes through this
// Store (DuckDB admits one process per file; DisableUser clears it).
func (s *Store) UserByToken(ctx context.Context, token string) (User, error) {
	h := tokenHash(token)
	if u, ok := s.tokens.Load(h); ok {
		return u.(User), nil
	}
	gen := s.tokenGen.Load()
	u, err := scanUser(s.db.QueryRowContext(ctx,
		"SELECT "+userColumns+" FROM users WHERE token_hash = ? AND NOT disabled", h))
	if errors.Is(err, sql.ErrNoRows) {
		return User{}, ErrNotFound
	}
	if err != nil {
		return User{}, fmt.Errorf("datasets: user by token: %w", err)
	}
	s.tokenMu.Lock() // no DisableUser between the check and the store
	if s.tokenGen.Load() == gen {
		s.tokens.Store(h, u)
	}
	s.tokenMu.Unlock()
	return u, nil
}

// forgetTokens empties the token cache after a change of users.
func (s *Store) forgetTokens() {
	s.tokenMu.Lock()
	s.tokenGen.Add(1)
	s.tokens.Clear()
	s.tokenMu.Unlock()
}

// ListUsers returns every user, disabled ones included, by id.
func (s *Store) ListUsers(ctx context.Context) ([]User, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+userColumns+" FROM users ORDER BY user_id")
	if err != nil {
		return nil, fmt.Errorf("datasets: list users: %w", err)
	}
	defer rows.Close()
	users := []User{}
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("datasets: list users: %w", err)
		}
		users = append(users, u)
	}
	return users, rows.Err()
}

// DisableUser revokes a user's token for good, audited by actor in the same
// transaction. ErrNotFound when no enabled user has that name.
func (s *Store) DisableUser(ctx context.Context, name, actor string) error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE users SET disabled = true WHERE name = ? AND NOT disabled", name)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return errors.Join(ErrNotFound, err)
		}
		_, err = appendAudit(ctx, tx, actor, "user.disable", "user:"+name, nil)
		return err
	})
	s.forgetTokens()
	if err != nil {
		return fmt.Errorf("datasets: disable user %s: %w", name, err)
	}
	return nil
}
