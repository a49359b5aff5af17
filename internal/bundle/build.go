package bundle

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Options steer Build and Load.
type Options struct {
	// Defaults are the provenance of items that neither set their own nor
	// have a file-level `defaults:`: status, method, confidence, createdBy.
	Defaults rodedraad.Provenance
	// External resolves ids that the bundle references but does not define,
	// e.g. against the database for `rodedraad import`. It returns the label
	// of each id it knows. Nil means every reference must be in the bundle.
	External func(ids []string) (map[string]rodedraad.Label, error)
	// Offline checks a bundle without the database: references that the
	// bundle does not define are taken on trust (an import checks them
	// against the graph later), everything else is checked.
	Offline bool
}

// SeedDefaults are the defaults of the seeds: accepted, seeded.
var SeedDefaults = rodedraad.Provenance{Status: rodedraad.StatusAccepted, Method: rodedraad.MethodSeed, CreatedBy: "seed"}

// ImportDefaults are the defaults of an imported bundle: accepted, entered
// by a person.
var ImportDefaults = rodedraad.Provenance{Status: rodedraad.StatusAccepted, Method: rodedraad.MethodManual}

// Check loads every bundle file in fsys with SeedDefaults and returns the
// counts, for `rodedraad seed --check`. Its error is Errors (BAD_USER_INPUT).
func Check(fsys fs.FS) (rodedraad.Counts, error) {
	b, err := Load(fsys, Options{Defaults: SeedDefaults})
	if err != nil {
		return rodedraad.Counts{}, err
	}
	return b.Count(), nil
}

// CheckFile parses and checks one bundle file without a database, so that
// `rodedraad import` can refuse a bad file before it connects. Its error is
// Errors (BAD_USER_INPUT), naming file, line and field.
func CheckFile(name string, data []byte) (rodedraad.Counts, error) {
	f, err := Parse(name, data)
	if err != nil {
		return rodedraad.Counts{}, err
	}
	b, err := Build(Options{Defaults: ImportDefaults, Offline: true}, f)
	if err != nil {
		return rodedraad.Counts{}, err
	}
	return b.Count(), nil
}

// Files lists the bundle files in fsys (*.yaml, *.yml, *.json), sorted.
func Files(fsys fs.FS) ([]string, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && slices.Contains([]string{".yaml", ".yml", ".json"}, path.Ext(p)) {
			names = append(names, p)
		}
		return err
	})
	return names, err
}

// Load parses the named files of fsys (all bundle files when none are
// named) and builds one bundle from them. Problems in the files come back as
// Errors (BAD_USER_INPUT), all of them; a failure to read or of
// opts.External comes back as it is.
func Load(fsys fs.FS, opts Options, names ...string) (*rodedraad.Bundle, error) {
	if len(names) == 0 {
		var err error
		if names, err = Files(fsys); err != nil {
			return nil, fmt.Errorf("list bundle files: %w", err)
		}
	}
	var files []*File
	var errs Errors
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read bundle file: %w", err)
		}
		f, err := Parse(name, data)
		var fe Errors
		switch {
		case errors.As(err, &fe):
			errs = append(errs, fe...)
		case err != nil:
			return nil, err
		default:
			files = append(files, f)
		}
	}
	if len(errs) > 0 {
		return nil, errs.err()
	}
	return Build(opts, files...)
}

// Build merges parsed files into one bundle: it expands nesting and
// conflicts into edges, applies defaults, fills recommendations' sources
// from their documents, and validates enumerations, ids (unique across
// files), references, allowed endpoints and score ranges. Problems come back
// as Errors (BAD_USER_INPUT).
func Build(opts Options, files ...*File) (*rodedraad.Bundle, error) {
	b := newBuilder(opts)
	for _, f := range files {
		b.file(f)
	}
	if err := b.resolve(); err != nil {
		return nil, err
	}
	b.fillSources()
	b.checkEdges()
	if err := b.errs.err(); err != nil {
		return nil, err
	}
	return &b.out, nil
}

// where is a position in a file.
type where struct {
	file *File
	path string
}

func (w where) String() string { return fmt.Sprintf("%s:%d", w.file.name, w.file.line(w.path)) }

type node struct {
	label rodedraad.Label
	at    where
}

// edge is an edge with the positions of its ends' references.
type edge struct {
	e            rodedraad.Edge
	at, from, to where
}

type ref struct {
	id   string
	want rodedraad.Label
	at   where
}

type builder struct {
	opts  Options
	out   rodedraad.Bundle
	nodes map[string]node
	edges []edge
	refs  []ref // references outside edges (source.document)
	errs  Errors
}

func newBuilder(opts Options) *builder {
	return &builder{opts: opts, nodes: map[string]node{}}
}

func (b *builder) fail(at where, format string, args ...any) {
	b.errs = append(b.errs, &Error{File: at.file.name, Line: at.file.line(at.path), Field: at.path, Message: fmt.Sprintf(format, args...)})
}

// invalid reports a domain validation error of the item at `at`, moving the
// field the message starts with into the path.
func (b *builder) invalid(at where, err error) {
	if err == nil {
		return
	}
	msg := rodedraad.ErrorMessage(err)
	if field, rest, ok := strings.Cut(msg, " "); ok && isFieldName(field) {
		b.fail(where{at.file, join(at.path, field)}, "%s", rest)
		return
	}
	b.fail(at, "%s", msg)
}

func isFieldName(s string) bool {
	for _, r := range s {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') || s == strings.ToUpper(s) {
			return false
		}
	}
	return s != ""
}

// define registers a node id, reporting duplicates across files.
func (b *builder) define(id string, label rodedraad.Label, at where) {
	if id == "" {
		return
	}
	if prev, ok := b.nodes[id]; ok {
		b.fail(where{at.file, join(at.path, "id")}, "%q is already defined at %s", id, prev.at)
		return
	}
	b.nodes[id] = node{label, where{at.file, join(at.path, "id")}}
}

func (b *builder) addEdge(e rodedraad.Edge, at, from, to where) {
	b.edges = append(b.edges, edge{e, at, from, to})
}
