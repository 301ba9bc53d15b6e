package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/podium-sport/podium/datasets"
)

func TestModelsCommand(t *testing.T) {
	ctx := context.Background()
	db := t.TempDir() + "/m.duckdb"
	st, err := datasets.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []string{"a", "b"} {
		if _, err := st.RegisterModel(ctx, datasets.ModelVersion{Model: "talent", Metrics: []byte(`{"auc":0.9}`)}, []byte(a)); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	cases := []struct {
		args []string
		code int
		out  string
	}{
		{[]string{"models", "--db", db}, exitOK, "talent"},
		{[]string{"models", "promote", "--db", db, "--model", "talent", "--version", "1"}, exitOK, "version 1 is the champion"},
		{[]string{"models", "promote", "--db", db, "--model", "talent", "--version", "2"}, exitOK, "version 2 is the champion"},
		{[]string{"models", "rollback", "--db", db, "--model", "talent"}, exitOK, "version 1 is the champion"},
		{[]string{"models", "rollback", "--db", db, "--model", "talent"}, exitFailure, ""},
		{[]string{"models", "promote", "--db", db, "--model", "talent"}, exitUsage, ""},
		{[]string{"models", "promote", "--db", db, "--model", "nope", "--version", "1"}, exitFailure, ""},
	}
	for _, c := range cases {
		if code, stdout, stderr := runCLI(t, c.args...); code != c.code || !strings.Contains(stdout, c.out) {
			t.Errorf("%v: exit %d, want %d; stdout %q stderr %q", c.args, code, c.code, stdout, stderr)
		}
	}
	code, stdout, _ := runCLI(t, "models", "--db", db, "--json")
	if code != exitOK {
		t.Fatalf("list --json exit %d", code)
	}
	var got struct{ Versions []datasets.ModelVersion }
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || len(got.Versions) != 2 || !got.Versions[0].Champion {
		t.Errorf("list --json: %v %+v", err, got)
	}
}
