package report

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/podium-sport/podium/datasets"
)

// Notebook is one runnable report: its name, its own flags and the function
// that builds its page, from a store (Build) or from files named on the
// command line (Files). Exactly one of Build and Files is set.
type Notebook struct {
	Name  string
	Usage string                 // one paragraph: what the report shows
	Flags func(fs *flag.FlagSet) // registers the notebook's own flags; may be nil
	Build func(ctx context.Context, st *datasets.Store) (*Page, error)
	Files func(ctx context.Context, paths []string) (*Page, error)
}

// Main is the whole main function of a notebook program: it parses --out,
// --db (store notebooks) and the notebook's flags, builds the page and writes
// it to --out. It exits 2 on a usage error and 1 on failure.
func Main(nb Notebook) {
	fs := flag.NewFlagSet(nb.Name, flag.ExitOnError)
	var db *string
	synopsis := "--db DB --out FILE [flags]"
	if nb.Files != nil {
		synopsis = "--out FILE [flags] FILE..."
	} else {
		db = fs.String("db", "", "the Podium database (default $PODIUM_DB or "+datasets.DefaultPath+")")
	}
	out := fs.String("out", "report.html", "the HTML file to write")
	if nb.Flags != nil {
		nb.Flags(fs)
	}
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "usage: go run ./notebooks/%s %s\n\n%s\n\n", nb.Name, synopsis, nb.Usage)
		fs.PrintDefaults()
	}
	fs.Parse(os.Args[1:]) // ExitOnError: exits 2 on a bad flag
	if (nb.Files == nil) != (fs.NArg() == 0) {
		fs.Usage()
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	build := func() (*Page, error) { return nb.Files(ctx, fs.Args()) }
	if nb.Files == nil {
		build = func() (*Page, error) { return fromStore(ctx, nb, datasets.PathFromEnv(*db)) }
	}
	if err := write(nb.Name, build, *out); err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", nb.Name, err)
		stop()
		os.Exit(1)
	}
}

func fromStore(ctx context.Context, nb Notebook, db string) (*Page, error) {
	st, err := datasets.Open(ctx, db)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return nb.Build(ctx, st)
}

// write builds the page and writes it to out.
func write(name string, build func() (*Page, error), out string) error {
	page, err := build()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := page.Render(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	fmt.Fprintf(os.Stderr, "%s: wrote %s (%d KiB)\n", name, out, buf.Len()/1024)
	return nil
}
