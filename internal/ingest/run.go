package ingest

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/rodedraad/rodedraad/internal/extract"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Extensions are the file endings ingest reads when it walks a folder. A
// file named on the command line is read whatever its ending, so that an
// unsupported one gets a clear error.
var Extensions = []string{".pdf", ".html", ".htm", ".docx", ".txt", ".md"}

// Files expands paths: a file stays itself, a folder becomes the files
// below it with one of the Extensions, sorted. A path that does not exist
// stays too, so that reading it reports it.
func Files(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil || !info.IsDir() {
			out = append(out, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && slices.Contains(Extensions, strings.ToLower(filepath.Ext(path))) {
				out = append(out, path)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Writer stores a prepared document: the service.
type Writer interface {
	IngestDocument(ctx context.Context, b *rodedraad.Bundle) (rodedraad.IngestResult, error)
}

// FileReport is the outcome for one file.
type FileReport struct {
	File     string
	Prepared *Prepared // nil when the file could not be read
	Written  rodedraad.IngestResult
	Err      error
}

// Run prepares every file and, unless w is nil (a dry run), writes it. One
// file that fails does not stop the others: report is told the outcome of
// each, in order. It returns how many files failed.
func Run(ctx context.Context, files []string, opts Options, w Writer, report func(FileReport)) int {
	failed := 0
	for _, f := range files {
		r := runOne(ctx, f, opts, w)
		if r.Err != nil {
			failed++
		}
		report(r)
		if ctx.Err() != nil {
			break
		}
	}
	return failed
}

func runOne(ctx context.Context, file string, opts Options, w Writer) FileReport {
	r := FileReport{File: file}
	r.Prepared, r.Err = Prepare(ctx, file, opts)
	if r.Err != nil || w == nil {
		return r
	}
	r.Written, r.Err = w.IngestDocument(ctx, r.Prepared.Bundle)
	return r
}

// Vocabulary builds what extractors may tag with: the given themes, with
// their terms from the theme-terms file, and actors.
func Vocabulary(themes []*rodedraad.Theme, actors []*rodedraad.Actor, terms map[string]map[string][]string) extract.Vocabulary {
	var v extract.Vocabulary
	for _, t := range themes {
		v.Themes = append(v.Themes, extract.Theme{ID: t.ID, Name: t.Name, Description: t.Description})
	}
	v.Themes = extract.WithTerms(v.Themes, terms)
	for _, a := range actors {
		v.Actors = append(v.Actors, extract.Actor{ID: a.ID, Name: a.Name, Aliases: a.Aliases})
	}
	return v
}
