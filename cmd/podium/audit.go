package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/podium-sport/podium/datasets"
)

const auditSynopsis = `audit verify --db DB [--json]

Verifies the hash chain of the audit log: every entry's hash must match its
content and its predecessor's hash, seqs must run without gaps. Exits 0 with
the count and the head hash (keep it: truncating the log's tail can only be
seen against a head hash kept elsewhere), non-zero naming the first broken
entry.`

func runAudit(ctx context.Context, env *cliEnv, args []string) error {
	if len(args) == 0 || args[0] != "verify" {
		fmt.Fprintln(env.stderr, "usage: podium "+auditSynopsis)
		return errUsage
	}
	fs := newFlags(env, "audit verify", auditSynopsis)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, `print {"verified", "head_seq", "head_hash"}`)
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	st, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	n, err := st.VerifyAudit(ctx)
	if err != nil {
		return fmt.Errorf("audit verify: %d entries verified before the break: %w", n, err)
	}
	head, err := st.AuditHead(ctx)
	if err != nil && !errors.Is(err, datasets.ErrNotFound) {
		return err
	}
	if *asJSON {
		return writeJSON(env.stdout, map[string]any{"verified": n, "head_seq": head.Seq, "head_hash": head.Hash})
	}
	fmt.Fprintf(env.stdout, "%d entries verified", n)
	if n > 0 {
		fmt.Fprintf(env.stdout, " (head: entry %d, hash %s)", head.Seq, head.Hash)
	}
	fmt.Fprintln(env.stdout)
	return nil
}
