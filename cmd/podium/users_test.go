package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/podium-sport/podium/datasets"
)

func TestCLIUsersAndAudit(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.duckdb")
	code, out, errOut := runCLI(t, "users", "add", "--db", db, "--name", "lan", "--role", "integrity", "--json")
	var added struct {
		User  datasets.User
		Token string
	}
	if code != exitOK || json.Unmarshal([]byte(out), &added) != nil || !strings.HasPrefix(added.Token, "pdm_") {
		t.Fatalf("users add: %d %s %s", code, out, errOut)
	}
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"add plain", []string{"users", "add", "--db", db, "--name", "minh", "--role", "selection"}, exitOK, "shown only now:\npdm_", ""},
		{"add taken", []string{"users", "add", "--db", db, "--name", "lan", "--role", "data"}, exitFailure, "", "already exists"},
		{"add bad role", []string{"users", "add", "--db", db, "--name", "hoa", "--role", "coach"}, exitFailure, "", `role: "coach"`},
		{"add without role", []string{"users", "add", "--db", db, "--name", "hoa"}, exitUsage, "", "usage: podium users"},
		{"no subcommand", []string{"users"}, exitUsage, "", "usage: podium users"},
		{"unknown subcommand", []string{"users", "d"}, exitUsage, "", "usage: podium users"},
		{"disable", []string{"users", "disable", "--db", db, "--name", "minh"}, exitOK, "user minh disabled", ""},
		{"disable again", []string{"users", "disable", "--db", db, "--name", "minh"}, exitFailure, "", "not found"},
		{"list", []string{"users", "list", "--db", db}, exitOK, "minh", ""},
		{"verify", []string{"audit", "verify", "--db", db}, exitOK, "3 entries verified (head: entry 3", ""},
		{"audit usage", []string{"audit"}, exitUsage, "", "usage: podium audit"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCLI(t, tc.args...)
			if code != tc.code || !strings.Contains(out, tc.stdout) || !strings.Contains(errOut, tc.stderr) {
				t.Fatalf("exit %d (want %d)\nstdout: %s\nstderr: %s", code, tc.code, out, errOut)
			}
		})
	}
	code, out, _ = runCLI(t, "users", "list", "--db", db, "--json")
	var list struct{ Users []datasets.User }
	if code != exitOK || json.Unmarshal([]byte(out), &list) != nil || len(list.Users) != 2 || !list.Users[1].Disabled {
		t.Fatalf("users list --json: %d %s", code, out)
	}

	// Tamper with entry 2 behind the API's back: verify names it and fails.
	ctx := context.Background()
	st, err := datasets.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.Exec(ctx, `UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, _, errOut = runCLI(t, "audit", "verify", "--db", db)
	if code != exitFailure || !strings.Contains(errOut, "audit entry 2") || !strings.Contains(errOut, "1 entries verified before the break") {
		t.Fatalf("tampered verify: %d %s", code, errOut)
	}
}
