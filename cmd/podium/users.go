package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/podium-sport/podium/datasets"
)

const usersSynopsis = `users add --db DB --name NAME --role ROLE [--json]
       podium users list --db DB [--json]
       podium users disable --db DB --name NAME

Manages the API's users. add prints the new user's bearer token once: only
its SHA-256 is stored. disable revokes the token for good. Roles: ` + "selection, integrity, data, admin."

func runUsers(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) == 0 || !slices.Contains([]string{"add", "list", "disable"}, args[0]) {
		fmt.Fprintln(env.stderr, "usage: podium "+usersSynopsis)
		return errUsage
	}
	fs := newFlags(env, "users "+args[0], usersSynopsis)
	db := dbFlag(fs)
	name := fs.String("name", "", "user name (a-z 0-9 . _ -)")
	role := fs.String("role", "", "role: "+strings.Join(datasets.Roles, ", "))
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 || (args[0] != "list" && *name == "") || (args[0] == "add" && *role == "") {
		fs.Usage()
		return errUsage
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	switch args[0] {
	case "add":
		u, token, err := st.AddUser(ctx, *name, *role, cliActor())
		if err != nil {
			return err
		}
		if *asJSON {
			return writeJSON(env.stdout, map[string]any{"user": u, "token": token})
		}
		fmt.Fprintf(env.stdout, "user %s (%s) created; its token, shown only now:\n%s\n", u.Name, u.Role, token)
	case "disable":
		if err := st.DisableUser(ctx, *name, cliActor()); err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "user %s disabled\n", *name)
	default:
		return listUsers(ctx, env, st, *asJSON)
	}
	return nil
}

func listUsers(ctx context.Context, env *cliEnv, st *datasets.Store, asJSON bool) error {
	users, err := st.ListUsers(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(env.stdout, map[string]any{"users": users})
	}
	for _, u := range users {
		state := ""
		if u.Disabled {
			state = "disabled"
		}
		fmt.Fprintf(env.stdout, "%4d  %-24s %-10s %s  %s\n", u.ID, u.Name, u.Role, u.CreatedAt.Format("2006-01-02 15:04"), state)
	}
	return nil
}

// cliActor names the person at the terminal in audit entries.
func cliActor() string {
	if u := os.Getenv("USER"); u != "" {
		return "cli:" + u
	}
	return "cli"
}
