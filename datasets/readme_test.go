package datasets

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEDocumentsContracts keeps the README's column tables in step with
// Contracts: every column of every kind must appear with its required flag.
func TestREADMEDocumentsContracts(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, k := range Kinds {
		section := readme[strings.Index(readme, "**"+string(k)+"**"):]
		for _, c := range Contracts[k] {
			req := ""
			if c.Required {
				req = "yes"
			}
			row := "| `" + c.Name + "` | " + req + " | " + c.Doc + " |"
			if !strings.Contains(section, row) {
				t.Errorf("README lacks the %s row %q", k, row)
			}
		}
	}
}
