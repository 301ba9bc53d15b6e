package datasets_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/podium-sport/podium/datasets"
	"github.com/podium-sport/podium/datasets/storetest"
)

func TestAuditChainDetectsTampering(t *testing.T) {
	tests := []struct {
		name   string
		tamper string // run through Exec after three appends
		badSeq string // the seq the error must name
	}{
		{"untouched", "", ""},
		{"edit detail", `UPDATE audit_log SET detail = '{"n":99}' WHERE seq = 2`, "entry 2:"},
		{"edit actor", `UPDATE audit_log SET actor = 'mallory' WHERE seq = 1`, "entry 1:"},
		{"delete middle", `DELETE FROM audit_log WHERE seq = 2`, "entry 2: missing"},
		// Swap the contents of entries 2 and 3 but keep the seqs in order.
		{"reorder", `UPDATE audit_log SET seq = 100 WHERE seq = 2;
			UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 100`, "entry 2:"},
		{"rehash one entry", `UPDATE audit_log SET detail = '{}', hash = repeat('a', 64) WHERE seq = 2`, "entry 2:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			st := storetest.Open(t)
			for i := range 3 {
				if _, err := st.AppendAudit(ctx, "tester", "test.step", "thing:1", map[string]int{"n": i}); err != nil {
					t.Fatal(err)
				}
			}
			if tc.tamper != "" {
				if _, err := st.Exec(ctx, tc.tamper); err != nil {
					t.Fatal(err)
				}
			}
			n, err := st.VerifyAudit(ctx)
			if tc.badSeq == "" {
				if err != nil || n != 3 {
					t.Fatalf("VerifyAudit = %d, %v; want 3, nil", n, err)
				}
				return
			}
			if !errors.Is(err, datasets.ErrAuditBroken) || !strings.Contains(err.Error(), tc.badSeq) {
				t.Fatalf("VerifyAudit = %d, %v; want ErrAuditBroken naming %q", n, err, tc.badSeq)
			}
		})
	}
}

func TestAppendAuditChains(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	if _, err := st.AuditHead(ctx); !errors.Is(err, datasets.ErrNotFound) {
		t.Fatalf("AuditHead on empty log = %v, want ErrNotFound", err)
	}
	a, err := st.AppendAudit(ctx, "x", "a", "s", nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := st.AppendAudit(ctx, "x", "b", "s", []byte(`not json`)) // []byte marshals as a base64 string
	if err != nil {
		t.Fatal(err)
	}
	head, err := st.AuditHead(ctx)
	switch {
	case err != nil:
		t.Fatal(err)
	case a.Seq != 1 || b.Seq != 2 || b.PrevHash != a.Hash || head.Hash != b.Hash:
		t.Fatalf("a=%+v b=%+v head=%+v", a, b, head)
	case string(a.Detail) != "{}" || a.PrevHash != strings.Repeat("0", 64):
		t.Fatalf("genesis entry %+v", a)
	}
	if _, err := st.AppendAudit(ctx, "", "a", "s", nil); !errors.Is(err, datasets.ErrInvalid) {
		t.Fatalf("empty actor: %v", err)
	}
}

// BenchmarkVerifyAudit measures the chain check per 1000 entries.
func BenchmarkVerifyAudit(b *testing.B) {
	ctx := context.Background()
	st := storetest.Open(b)
	for i := range 1000 {
		if _, err := st.AppendAudit(ctx, "bench", "step", "thing:1", map[string]int{"i": i}); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		if n, err := st.VerifyAudit(ctx); n != 1000 || err != nil {
			b.Fatal(n, err)
		}
	}
}
