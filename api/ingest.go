package api

import (
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/podium-sport/podium/datasets"
)

// upload is one uploaded file saved to disk for the store's decoders.
type upload struct {
	kind datasets.Kind
	name string // the client's file name, used in problems and provenance
	path string
}

// ingest loads the files of a multipart form in one all-or-nothing load,
// exactly as `podium ingest` does: each file part's form field name is its
// kind (athletes, results, physio, matches, odds); the text field source
// names the feed (default "api"). A rejected load answers 400 with every
// problem as {file, line, field, reason} and writes nothing.
func (s *Server) ingest(c *gin.Context) error {
	dir, err := os.MkdirTemp("", "podium-upload-")
	if err != nil {
		return fmt.Errorf("api: ingest: %w", err)
	}
	defer os.RemoveAll(dir)
	files, source, err := saveUploads(c.Request, dir)
	if err != nil {
		return err
	}
	ctx := c.Request.Context()
	var load datasets.Load
	names := map[string]string{}
	for _, f := range files {
		names[f.path] = f.name
		part, closer, err := s.store.OpenFile(ctx, f.kind, source, f.path)
		if err != nil {
			return renameProblems(err, names)
		}
		defer closer.Close()
		part.File = f.name
		load.Parts = append(load.Parts, part)
	}
	rep, err := s.store.Ingest(ctx, load)
	if err != nil {
		return renameProblems(err, names)
	}
	u, _ := CurrentUser(c)
	if _, err := s.store.AppendAudit(ctx, u.Name, "ingest", "load:"+strconv.FormatInt(rep.LoadID, 10), rep); err != nil {
		return err
	}
	return respond(c, http.StatusOK, rep, nil)
}

// saveUploads streams the form's files to dir and returns them with the
// source field.
func saveUploads(r *http.Request, dir string) ([]upload, string, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, "", invalid("want a multipart/form-data upload", FieldError{Field: "body", Reason: err.Error()})
	}
	source := "api"
	var files []upload
	for {
		p, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, "", uploadError(err)
		}
		if p.FileName() == "" {
			if source, err = formValue(p); err != nil {
				return nil, "", err
			}
			continue
		}
		f, err := saveUpload(p, filepath.Join(dir, strconv.Itoa(len(files))))
		if err != nil {
			return nil, "", err
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, "", invalid("no files uploaded", FieldError{Field: "body", Reason: fmt.Sprintf("want one file part per file, named by its kind %v", datasets.Kinds)})
	}
	return files, source, nil
}

func formValue(p *multipart.Part) (string, error) {
	if p.FormName() != "source" {
		return "", invalid("invalid form", FieldError{Field: p.FormName(), Reason: "unknown field (want source, or files named by kind)"})
	}
	b, err := io.ReadAll(io.LimitReader(p, 129))
	if err != nil {
		return "", uploadError(err)
	}
	v := strings.TrimSpace(string(b))
	if err := datasets.CheckSource(v); err != nil {
		return "", invalid("invalid form", FieldError{Field: "source", Reason: err.Error()})
	}
	return v, nil
}

func saveUpload(p *multipart.Part, dir string) (upload, error) {
	kind, err := datasets.ParseKind(p.FormName())
	if err != nil {
		return upload{}, invalid("invalid form", FieldError{Field: p.FormName(), Reason: fmt.Sprintf("unknown kind (want one of %v)", datasets.Kinds)})
	}
	name := filepath.Base(p.FileName())
	if _, _, err := datasets.FormatOf(name); err != nil {
		return upload{}, invalid("invalid form", FieldError{Field: p.FormName(), File: name, Reason: "unknown format (want .csv, .ndjson, .jsonl or .parquet, optionally .gz for text)"})
	}
	if err := os.Mkdir(dir, 0o700); err != nil {
		return upload{}, fmt.Errorf("api: ingest: %w", err)
	}
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	if err != nil {
		return upload{}, fmt.Errorf("api: ingest: %w", err)
	}
	_, err = io.Copy(f, p)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("api: ingest: %w", cerr)
	}
	if err != nil {
		return upload{}, uploadError(err)
	}
	return upload{kind: kind, name: name, path: path}, nil
}

// uploadError keeps a too-large body's 413 and makes other read errors 400.
func uploadError(err error) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return err
	}
	return invalid("could not read the upload", FieldError{Field: "body", Reason: err.Error()})
}

// renameProblems replaces the temporary paths in a rejected load's problems
// with the client's file names.
func renameProblems(err error, names map[string]string) error {
	var le *datasets.LoadError
	var ve *datasets.ValidationError
	switch {
	case errors.As(err, &le):
		for i := range le.Problems {
			if n, ok := names[le.Problems[i].File]; ok {
				le.Problems[i].File = n
			}
		}
	case errors.As(err, &ve):
		if n, ok := names[ve.File]; ok {
			ve.File = n
		}
	}
	return err
}
