package export

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/rodedraad/rodedraad/internal/analysis"
)

// The CSV tables' columns. nodes and edges use Gephi's spreadsheet import
// names (Id, Label, Source, Target, Type, Weight); Type is Gephi's edge
// direction, so the relationship is in Relationship.
var (
	NodeColumns          = []string{"Id", "Label", "Kind", "NodeType", "Sector", "Status", "Community", "Documents", "Themes", "Color"}
	EdgeColumns          = []string{"Id", "Source", "Target", "Type", "Relationship", "Status", "Score", "Weight", "Similarity", "Conflict", "Topic", "Color"}
	ContradictionColumns = []string{"Conflict", "Topic", "Severity", "Score", "From", "FromName", "FromDocuments", "FromSectors",
		"To", "ToName", "ToDocuments", "ToSectors", "SharedThemes", "CrossesDocuments", "Status"}
)

// WriteCSV writes one table: nodes, edges or contradictions.
func (t Tables) WriteCSV(w io.Writer, table string) error {
	cw := csv.NewWriter(w)
	switch table {
	case "nodes":
		_ = cw.Write(NodeColumns)
		for _, n := range t.Nodes {
			_ = cw.Write([]string{n.ID, n.Label, n.Kind, n.Type, n.Sector, n.Status, strconv.Itoa(n.Community),
				strings.Join(n.Documents, ";"), strings.Join(n.Themes, ";"), n.Color.Hex()})
		}
	case "edges":
		_ = cw.Write(EdgeColumns)
		for _, e := range t.Edges {
			_ = cw.Write([]string{e.ID, e.Source, e.Target, "Directed", e.Type, e.Status, intOrEmpty(e.Score),
				strconv.FormatFloat(e.Weight, 'g', -1, 64), floatOrEmpty(e.Similarity), e.Conflict, e.Topic, e.Color.Hex()})
		}
	default:
		_ = cw.Write(ContradictionColumns)
		for _, c := range t.Contradictions {
			_ = cw.Write(contradictionRow(c))
		}
	}
	cw.Flush()
	return cw.Error()
}

func contradictionRow(c analysis.Contradiction) []string {
	j := func(s []string) string { return strings.Join(s, ";") }
	return []string{c.ConflictID, c.Topic, strconv.Itoa(c.Severity), strconv.Itoa(c.Score),
		c.From.ID, c.From.Name, j(c.From.Documents), j(c.From.Sectors),
		c.To.ID, c.To.Name, j(c.To.Documents), j(c.To.Sectors), j(c.SharedThemes), strconv.FormatBool(c.CrossesDocuments), status(c.Status)}
}

// WriteMatrixCSV writes a matrix as a grid: a header of column ids, then one
// line per row with its id, name and the metric of each cell (0 when empty).
func WriteMatrixCSV(w io.Writer, m analysis.Matrix, metric string) error {
	grid := make([][]int, len(m.Rows))
	for i := range grid {
		grid[i] = make([]int, len(m.Columns))
	}
	for _, c := range m.Cells {
		grid[c.Row][c.Column] = cellValue(c, metric)
	}
	cw := csv.NewWriter(w)
	head := []string{"Id", "Name"}
	for _, c := range m.Columns {
		head = append(head, c.ID)
	}
	_ = cw.Write(head)
	for i, r := range m.Rows {
		line := []string{r.ID, r.Name}
		for _, v := range grid[i] {
			line = append(line, strconv.Itoa(v))
		}
		_ = cw.Write(line)
	}
	cw.Flush()
	return cw.Error()
}

func cellValue(c analysis.Cell, metric string) int {
	switch metric {
	case "supports":
		return c.Supports
	case "conflicts":
		return c.Conflicts
	case "overlaps":
		return c.Overlaps
	case "disputed":
		return len(c.Disputed)
	default:
		return c.Count
	}
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(v)
}
