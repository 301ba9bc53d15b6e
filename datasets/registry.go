package datasets

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// ErrCorrupt is returned when a stored model artifact no longer matches its
// checksum.
var ErrCorrupt = errors.New("datasets: corrupt artifact")

// ModelVersion describes one trained artifact in the registry.
type ModelVersion struct {
	Model           string          `json:"model"`
	Version         int             `json:"version"`
	SHA256          string          `json:"sha256"`
	CreatedAt       time.Time       `json:"created_at"`
	Metrics         json.RawMessage `json:"metrics"`
	Champion        bool            `json:"champion"`
	FeatureSet      string          `json:"feature_set"`
	DataFingerprint string          `json:"data_fingerprint"`
	Seed            uint64          `json:"seed"`
	CodeVersion     string          `json:"code_version"`
	Bytes           int             `json:"bytes"`
}

// RegisterModel stores artifact as the next version of mv.Model with its
// SHA-256 and provenance (mv's Version, SHA256, CreatedAt, Champion and Bytes
// are filled in). It does not promote it.
func (s *Store) RegisterModel(ctx context.Context, mv ModelVersion, artifact []byte) (ModelVersion, error) {
	if mv.Model == "" || len(artifact) == 0 {
		return mv, fmt.Errorf("datasets: register model %q: empty name or artifact: %w", mv.Model, ErrInvalid)
	}
	if len(mv.Metrics) == 0 {
		mv.Metrics = json.RawMessage(`{}`)
	}
	if !json.Valid(mv.Metrics) {
		return mv, fmt.Errorf("datasets: register model %s: metrics are not JSON: %w", mv.Model, ErrInvalid)
	}
	sum := sha256.Sum256(artifact)
	mv.SHA256, mv.CreatedAt, mv.Champion, mv.Bytes = hex.EncodeToString(sum[:]), time.Now().UTC(), false, len(artifact)
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(version), 0) + 1 FROM model_versions WHERE model = ?",
			mv.Model).Scan(&mv.Version); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO model_versions (model, version, sha256, created_at, metrics,
			promoted, artifact, feature_set, data_fingerprint, seed, code_version)
			VALUES (?, ?, ?, ?, ?, false, ?, ?, ?, CAST(? AS UBIGINT), ?)`,
			mv.Model, mv.Version, mv.SHA256, mv.CreatedAt, string(mv.Metrics), artifact,
			mv.FeatureSet, mv.DataFingerprint, strconv.FormatUint(mv.Seed, 10), mv.CodeVersion) // the driver binds no uint64 ≥ 2⁶³
		return err
	})
	if err != nil {
		return mv, fmt.Errorf("datasets: register model %s: %w", mv.Model, err)
	}
	return mv, nil
}

const modelColumns = `v.model, v.version, v.sha256, v.created_at, v.metrics,
	coalesce(c.version = v.version, false), v.feature_set, v.data_fingerprint, v.seed, v.code_version, octet_length(v.artifact)`

// champions is the current champion version of each model.
const champions = `(SELECT model, arg_max(version, seq) AS version FROM model_promotions GROUP BY model)`

// ListModels returns every registered version, by model then version.
func (s *Store) ListModels(ctx context.Context) ([]ModelVersion, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+modelColumns+` FROM model_versions v
		LEFT JOIN `+champions+` c ON c.model = v.model ORDER BY v.model, v.version`)
	if err != nil {
		return nil, fmt.Errorf("datasets: list models: %w", err)
	}
	defer rows.Close()
	var out []ModelVersion
	for rows.Next() {
		mv, err := scanModel(rows)
		if err != nil {
			return nil, fmt.Errorf("datasets: list models: %w", err)
		}
		out = append(out, mv)
	}
	return out, rows.Err()
}

func scanModel(sc interface{ Scan(...any) error }) (ModelVersion, error) {
	var mv ModelVersion
	var metrics string
	err := sc.Scan(&mv.Model, &mv.Version, &mv.SHA256, &mv.CreatedAt, &metrics, &mv.Champion,
		&mv.FeatureSet, &mv.DataFingerprint, &mv.Seed, &mv.CodeVersion, &mv.Bytes)
	mv.Metrics = json.RawMessage(metrics)
	return mv, err
}

// LoadModel returns a version of a model and its artifact, after checking the
// artifact against its SHA-256: a mismatch is ErrCorrupt, naming both sums.
// Version 0 loads the champion (ErrNotFound when none was promoted).
func (s *Store) LoadModel(ctx context.Context, model string, version int) (ModelVersion, []byte, error) {
	q := `SELECT ` + modelColumns + `, v.artifact FROM model_versions v
		LEFT JOIN ` + champions + ` c ON c.model = v.model WHERE v.model = ? AND `
	args := []any{model}
	if version == 0 {
		q += "c.version = v.version"
	} else {
		q += "v.version = ?"
		args = append(args, version)
	}
	var mv ModelVersion
	var metrics string
	var artifact []byte
	err := s.db.QueryRowContext(ctx, q, args...).Scan(&mv.Model, &mv.Version, &mv.SHA256, &mv.CreatedAt, &metrics,
		&mv.Champion, &mv.FeatureSet, &mv.DataFingerprint, &mv.Seed, &mv.CodeVersion, &mv.Bytes, &artifact)
	if errors.Is(err, sql.ErrNoRows) {
		return mv, nil, fmt.Errorf("datasets: model %s version %d: %w", model, version, ErrNotFound)
	}
	if err != nil {
		return mv, nil, fmt.Errorf("datasets: load model %s: %w", model, err)
	}
	mv.Metrics = json.RawMessage(metrics)
	sum := sha256.Sum256(artifact)
	if got := hex.EncodeToString(sum[:]); got != mv.SHA256 {
		return mv, nil, fmt.Errorf("datasets: model %s version %d: artifact sha256 %s does not match the registered %s: %w",
			model, mv.Version, got, mv.SHA256, ErrCorrupt)
	}
	return mv, artifact, nil
}

// Promote makes version the champion of model, recording who and why. The
// artifact is verified first: a corrupt version is never promoted.
func (s *Store) Promote(ctx context.Context, model string, version int, actor, reason string) error {
	if _, _, err := s.LoadModel(ctx, model, version); err != nil {
		return err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if err := s.recordPromotion(ctx, model, version, "promote", actor, reason); err != nil {
		return fmt.Errorf("datasets: promote %s version %d: %w", model, version, err)
	}
	return nil
}

// Rollback undoes the latest promotion still in force: the champion before it
// serves again (its artifact verified first). It returns that version, or
// ErrNotFound when the model has no earlier champion.
func (s *Store) Rollback(ctx context.Context, model, actor, reason string) (int, error) {
	stack, err := s.championStack(ctx, model)
	if err != nil {
		return 0, err
	}
	if len(stack) < 2 {
		return 0, fmt.Errorf("datasets: rollback %s: no earlier champion: %w", model, ErrNotFound)
	}
	prev := stack[len(stack)-2]
	if _, _, err := s.LoadModel(ctx, model, prev); err != nil {
		return 0, err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if err := s.recordPromotion(ctx, model, prev, "rollback", actor, reason); err != nil {
		return 0, fmt.Errorf("datasets: rollback %s: %w", model, err)
	}
	return prev, nil
}

// recordPromotion writes a promotion or rollback and its audit entry in one
// transaction.
func (s *Store) recordPromotion(ctx context.Context, model string, version int, kind, actor, reason string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO model_promotions
			SELECT coalesce(max(seq), 0) + 1, ?, ?, ?, ?, ?, ? FROM model_promotions`,
			model, version, kind, time.Now().UTC(), actor, reason); err != nil {
			return err
		}
		_, err := appendAudit(ctx, tx, actor, "model."+kind, fmt.Sprintf("model:%s", model),
			map[string]any{"version": version, "reason": reason})
		return err
	})
}

// championStack replays a model's promotions: a promotion pushes, a rollback
// pops. The last element is the champion.
func (s *Store) championStack(ctx context.Context, model string) ([]int, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT version, kind FROM model_promotions WHERE model = ? ORDER BY seq", model)
	if err != nil {
		return nil, fmt.Errorf("datasets: promotions of %s: %w", model, err)
	}
	defer rows.Close()
	var stack []int
	for rows.Next() {
		var v int
		var kind string
		if err := rows.Scan(&v, &kind); err != nil {
			return nil, fmt.Errorf("datasets: promotions of %s: %w", model, err)
		}
		if kind == "rollback" && len(stack) > 0 {
			stack = stack[:len(stack)-1]
			continue
		}
		stack = append(stack, v)
	}
	return stack, rows.Err()
}
