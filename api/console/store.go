package console

import (
	"context"

	"github.com/podium-sport/podium/datasets"
)

// The console reads and writes users and alerts through *datasets.Store,
// seen through the two small interfaces below (fakes implement them in
// tests). Its types are the store's own.
type (
	User        = datasets.User
	Alert       = datasets.Alert
	AlertFilter = datasets.AlertFilter
	AlertChange = datasets.AlertChange
	AuditEntry  = datasets.AuditEntry
)

// Errors of the store the console turns into messages: unknown → 404,
// stale version → "changed by someone else", illegal move → 422.
var (
	errNotFound = datasets.ErrNotFound
	errConflict = datasets.ErrConflict
	errInvalid  = datasets.ErrInvalid
)

// Users finds the enabled user holding an API token (ErrNotFound when none does).
type Users interface {
	UserByToken(ctx context.Context, token string) (User, error)
}

// Alerts is the alert review workflow the console drives.
type Alerts interface {
	ListAlerts(ctx context.Context, f AlertFilter) ([]Alert, int, error)
	GetAlert(ctx context.Context, id int64) (Alert, error)
	UpdateAlert(ctx context.Context, id int64, ch AlertChange) (Alert, error)
	AlertAudit(ctx context.Context, id int64) ([]AuditEntry, error)
}

var (
	_ Users  = (*datasets.Store)(nil)
	_ Alerts = (*datasets.Store)(nil)
)
