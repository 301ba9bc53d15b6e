package datasets_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/storetest"
)

func TestUsers(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	u, token, err := st.AddUser(ctx, "lan.nguyen", "integrity", "root")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(token, "pdm_") || len(token) != 4+64 || u.ID != 1 || u.Role != "integrity" {
		t.Fatalf("AddUser = %+v, %q", u, token)
	}
	if n := storetest.Count(t, st, "SELECT count(*) FROM users WHERE token_hash = ?", token); n != 0 {
		t.Fatal("token stored in clear")
	}
	got, err := st.UserByToken(ctx, token)
	if err != nil || got.Name != "lan.nguyen" {
		t.Fatalf("UserByToken = %+v, %v", got, err)
	}
	bad := []struct {
		name, role string
		want       error
	}{
		{"lan.nguyen", "data", datasets.ErrConflict},
		{"Bad Name", "data", datasets.ErrInvalid},
		{"ok", "coach", datasets.ErrInvalid},
		{"", "admin", datasets.ErrInvalid},
	}
	for _, b := range bad {
		if _, _, err := st.AddUser(ctx, b.name, b.role, "root"); !errors.Is(err, b.want) {
			t.Errorf("AddUser(%q, %q) = %v, want %v", b.name, b.role, err, b.want)
		}
	}
	if err := st.DisableUser(ctx, "lan.nguyen", "root"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.UserByToken(ctx, token); !errors.Is(err, datasets.ErrNotFound) {
		t.Fatalf("disabled user's token: %v", err)
	}
	if err := st.DisableUser(ctx, "lan.nguyen", "root"); !errors.Is(err, datasets.ErrNotFound) {
		t.Fatalf("disable twice: %v", err)
	}
	if _, err := st.UserByToken(ctx, "pdm_guess"); !errors.Is(err, datasets.ErrNotFound) {
		t.Fatalf("unknown token: %v", err)
	}
	users, err := st.ListUsers(ctx)
	if err != nil || len(users) != 1 || !users[0].Disabled {
		t.Fatalf("ListUsers = %+v, %v", users, err)
	}
	// One audit entry for the add, one for the disable; the failures wrote none.
	if n, err := st.VerifyAudit(ctx); n != 2 || err != nil {
		t.Fatalf("VerifyAudit = %d, %v", n, err)
	}
}
