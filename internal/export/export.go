// Package export writes the graph, the contradictions and the dashboard's
// matrices in the formats analysts' tools read: GraphML (Gephi, yEd), GEXF
// (Gephi), CSV (spreadsheets) and JSON. It is pure Go over a snapshot
// (analysis.Graph) and its report; the service gives both, from the CLI
// (`rodedraad export`) and over HTTP (/export, the dashboard's links).
package export

import (
	"context"
	"io"
	"slices"
	"strings"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Formats and tables an export can take.
var (
	Formats    = []string{"graphml", "gexf", "csv", "json"}
	TableNames = []string{"nodes", "edges", "contradictions", "matrix"}
)

// Request says what to export: the whole graph (GraphML, GEXF, JSON) or one
// CSV table, over a scope.
type Request struct {
	Format string
	// Table is the CSV table (nodes, edges, contradictions or matrix); JSON
	// with a table writes that table only.
	Table string
	Scope analysis.Scope
	// Rows and Columns of the matrix table; Metric is the cell value:
	// count (default), supports, conflicts, overlaps or disputed.
	Rows, Columns analysis.Dimension
	Metric        string
}

// Source gives the snapshot and its report: *service.Service.
type Source interface {
	Snapshot(ctx context.Context) (*analysis.Graph, error)
	Coherence(ctx context.Context, sc analysis.Scope, opt analysis.Options) (*analysis.Report, error)
}

// Validate returns EINVALID naming the first field that is wrong.
func (r Request) Validate() error {
	if !slices.Contains(Formats, r.Format) {
		return rodedraad.Errorf(rodedraad.EINVALID, "format %q is not one of %s", r.Format, strings.Join(Formats, ", "))
	}
	if r.Format == "csv" && r.Table == "" {
		return rodedraad.Errorf(rodedraad.EINVALID, "csv needs a table: one of %s", strings.Join(TableNames, ", "))
	}
	if r.Table != "" && !slices.Contains(TableNames, r.Table) {
		return rodedraad.Errorf(rodedraad.EINVALID, "table %q is not one of %s", r.Table, strings.Join(TableNames, ", "))
	}
	if r.Table != "" && r.Format != "csv" && r.Format != "json" {
		return rodedraad.Errorf(rodedraad.EINVALID, "a table is written as csv or json, not %s", r.Format)
	}
	if r.Table == "matrix" && (r.Rows == "" || r.Columns == "") {
		return rodedraad.Errorf(rodedraad.EINVALID, "the matrix table needs rows and columns (such as THEME x SECTOR)")
	}
	if !slices.Contains([]string{"", "count", "supports", "conflicts", "overlaps", "disputed"}, r.Metric) {
		return rodedraad.Errorf(rodedraad.EINVALID, "metric %q is not one of count, supports, conflicts, overlaps, disputed", r.Metric)
	}
	return nil
}

// Write exports what r asks from src to w. EINVALID for a bad request or
// scope; store errors as they come.
func Write(ctx context.Context, src Source, w io.Writer, r Request) error {
	if err := r.Validate(); err != nil {
		return err
	}
	g, err := src.Snapshot(ctx)
	if err != nil {
		return err
	}
	sub, err := g.Restrict(r.Scope)
	if err != nil {
		return err
	}
	rep, err := src.Coherence(ctx, r.Scope, analysis.DefaultOptions())
	if err != nil {
		return err
	}
	return write(w, r, Build(sub, rep))
}

func write(w io.Writer, r Request, t Tables) error {
	switch {
	case r.Table == "matrix":
		m, err := analysis.BuildMatrix(t.graph, r.Rows, r.Columns)
		if err != nil {
			return err
		}
		if r.Format == "json" {
			return writeJSON(w, m)
		}
		return WriteMatrixCSV(w, m, r.Metric)
	case r.Format == "csv":
		return t.WriteCSV(w, r.Table)
	case r.Format == "json" && r.Table != "":
		return writeJSON(w, t.table(r.Table))
	case r.Format == "json":
		return writeJSON(w, t)
	case r.Format == "gexf":
		return WriteGEXF(w, t)
	default:
		return WriteGraphML(w, t)
	}
}
