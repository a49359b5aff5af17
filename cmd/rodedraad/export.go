package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/rodedraad/rodedraad/internal/export"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/service"
)

// exportFlags are the flags of `rodedraad export`; the scope flags are
// report's.
type exportFlags struct {
	scope                      reportFlags
	format, table, matrix, out string
	metric                     string
}

func (f *exportFlags) define(fs *flag.FlagSet) {
	fs.StringVar(&f.format, "format", "graphml", "graphml, gexf, csv or json")
	fs.StringVar(&f.table, "table", "", "the CSV (or JSON) table: nodes, edges, contradictions or matrix")
	fs.StringVar(&f.matrix, "matrix", "", "a matrix as ROWSxCOLUMNS, e.g. THEMExSECTOR or DOCUMENTxDOCUMENT")
	fs.StringVar(&f.metric, "metric", "", "the matrix's cell value: count (default), supports, conflicts, overlaps, disputed")
	fs.StringVar(&f.out, "out", "", "file to write; standard output when empty")
	fs.StringVar(&f.scope.themes, "themes", "", "comma-separated theme ids, e.g. T2,H")
	fs.StringVar(&f.scope.scenarios, "scenarios", "", "comma-separated scenario ids")
	fs.StringVar(&f.scope.documents, "documents", "", "comma-separated document ids, e.g. D01")
	fs.StringVar(&f.scope.statuses, "statuses", "", "comma-separated statuses counted (default ACCEPTED)")
}

// request checks the flags before any database is opened.
func (f exportFlags) request() (export.Request, error) {
	q := map[string][]string{"format": {f.format}, "table": {f.table}, "matrix": {f.matrix}, "metric": {f.metric}}
	r, err := export.ParseQuery(q)
	if err != nil {
		return r, fmt.Errorf("export: %w", err)
	}
	r.Scope = f.scope.scope()
	return r, nil
}

// setupExport is `rodedraad export`: the graph, a table or a matrix in the
// formats of Gephi, yEd and spreadsheets.
func setupExport(fs *flag.FlagSet) runFunc {
	var f exportFlags
	f.define(fs)
	return func(ctx context.Context, in invocation) error {
		f.format = strings.ToLower(f.format)
		req, err := f.request()
		if err != nil {
			return userError(err)
		}
		return withStore(ctx, in, func(store *neo4jstore.Store) error {
			w, done, err := output(f.out, in.stdout)
			if err != nil {
				return err
			}
			if err := export.Write(ctx, service.New(store), w, req); err != nil {
				done()
				return userError(err)
			}
			return done()
		})
	}
}

// output opens the file to write, or standard output when name is empty.
func output(name string, stdout io.Writer) (io.Writer, func() error, error) {
	if name == "" {
		return stdout, func() error { return nil }, nil
	}
	f, err := os.Create(name)
	if err != nil {
		return nil, nil, fmt.Errorf("export: %w", err)
	}
	return f, f.Close, nil
}
