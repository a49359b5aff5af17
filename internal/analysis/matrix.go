package analysis

import (
	"cmp"
	"slices"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Dimension is a row or column kind of a matrix.
type Dimension string

const (
	DimTheme    Dimension = "THEME"
	DimSector   Dimension = "SECTOR"
	DimDocument Dimension = "DOCUMENT"
	DimScenario Dimension = "SCENARIO"
	DimActor    Dimension = "ACTOR"
)

// Axis is one row or column.
type Axis struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

// Cell is one non-empty cell of a matrix.
type Cell struct {
	Row    int `json:"row"`
	Column int `json:"column"`
	// Count is the number of items behind the cell: recommendations for
	// theme matrices, edges for document x document, recommendations on
	// which both actors take the same side for actor x actor.
	Count int `json:"count"`
	// IDs are the recommendations behind Count (theme and actor matrices).
	IDs []string `json:"ids,omitempty"`
	// Document x document: the edges by type and the edges themselves.
	Supports  int    `json:"supports,omitempty"`
	Conflicts int    `json:"conflicts,omitempty"`
	Overlaps  int    `json:"overlaps,omitempty"`
	Pairs     []Pair `json:"pairs,omitempty"`
	// Actor x actor: recommendations one endorses and the other opposes.
	Disputed []string `json:"disputed,omitempty"`
}

// Matrix is a sparse matrix for a heat map: only non-empty cells, by row and
// column.
type Matrix struct {
	Rows    []Axis `json:"rows"`
	Columns []Axis `json:"columns"`
	Cells   []Cell `json:"cells"`
}

// BuildMatrix returns the rows x columns matrix of g. Supported: THEME by
// SECTOR, DOCUMENT or SCENARIO (either way round), DOCUMENT x DOCUMENT and
// ACTOR x ACTOR. Other pairs return EINVALID.
func BuildMatrix(g *Graph, rows, cols Dimension) (Matrix, error) {
	switch {
	case rows == DimTheme && (cols == DimSector || cols == DimDocument || cols == DimScenario):
		return BuildThemeMatrix(g, cols), nil
	case cols == DimTheme && (rows == DimSector || rows == DimDocument || rows == DimScenario):
		return BuildThemeMatrix(g, rows).Transpose(), nil
	case rows == DimDocument && cols == DimDocument:
		return BuildDocumentMatrix(g), nil
	case rows == DimActor && cols == DimActor:
		return BuildActorMatrix(g), nil
	}
	return Matrix{}, rodedraad.Errorf(rodedraad.EINVALID,
		"no %s x %s matrix: use THEME by SECTOR, DOCUMENT or SCENARIO, DOCUMENT x DOCUMENT or ACTOR x ACTOR", rows, cols)
}

// Transpose swaps rows and columns.
func (m Matrix) Transpose() Matrix {
	t := Matrix{Rows: m.Columns, Columns: m.Rows, Cells: slices.Clone(m.Cells)}
	for i := range t.Cells {
		t.Cells[i].Row, t.Cells[i].Column = t.Cells[i].Column, t.Cells[i].Row
	}
	sortCells(t.Cells)
	return t
}

// entry is one item behind a cell, collected before the cells are built so
// that no map and no large struct is sorted.
type entry struct {
	row, col, item int32
	kind           int8
}

// groupCells sorts entries by row, column, item and kind and folds each run
// into a Cell with fill. Entries are packed into one uint64 (row and column
// 20 bits, item 23, kind 1) so that the sort compares integers.
func groupCells(es []entry, fill func(c *Cell, e entry)) []Cell {
	keys := make([]uint64, len(es))
	for i, e := range es {
		keys[i] = uint64(e.row)<<44 | uint64(e.col)<<24 | uint64(e.item)<<1 | uint64(e.kind)
	}
	slices.Sort(keys)
	var out []Cell
	for i, k := range keys {
		e := entry{row: int32(k >> 44), col: int32(k >> 24 & (1<<20 - 1)), item: int32(k >> 1 & (1<<23 - 1)), kind: int8(k & 1)}
		if i == 0 || k>>24 != keys[i-1]>>24 {
			out = append(out, Cell{Row: int(e.row), Column: int(e.col)})
		}
		fill(&out[len(out)-1], e)
	}
	return out
}

func sortCells(cs []Cell) {
	slices.SortFunc(cs, func(a, b Cell) int { return cmp.Or(cmp.Compare(a.Row, b.Row), cmp.Compare(a.Column, b.Column)) })
}

// axes returns the axes of nodes and each node's position among them.
func (g *Graph) axes(nodes []int32) ([]Axis, map[int32]int) {
	ax := make([]Axis, len(nodes))
	pos := make(map[int32]int, len(nodes))
	for i, n := range nodes {
		ax[i], pos[n] = Axis{g.Nodes[n].ID, g.Nodes[n].Name}, i
	}
	return ax, pos
}

// BuildThemeMatrix counts the recommendations of each theme (rows) by sector that
// endorses them, document that contains them or scenario that includes them
// (columns).
func BuildThemeMatrix(g *Graph, cols Dimension) Matrix {
	ix := g.ix
	var m Matrix
	var rowPos, colPos map[int32]int
	m.Rows, rowPos = g.axes(g.shownThemes())
	colsOf := func(r int32) []int32 { return ix.recDocs.of(r) }
	switch cols {
	case DimSector:
		for _, s := range sectors {
			m.Columns = append(m.Columns, Axis{ID: s})
		}
		colsOf = g.sectorCols
		colPos = map[int32]int{0: 0, 1: 1, 2: 2, 3: 3}
	case DimScenario:
		m.Columns, colPos = g.axes(g.shownScens())
		colsOf = func(r int32) []int32 { return ix.recScens.of(r) }
	default:
		m.Columns, colPos = g.axes(g.shownDocs())
	}
	var es []entry
	for _, r := range ix.recs {
		for _, t := range ix.recThemes.of(r) {
			row, ok := rowPos[t]
			if !ok {
				continue
			}
			for _, c := range colsOf(r) {
				if col, ok := colPos[c]; ok {
					es = append(es, entry{row: int32(row), col: int32(col), item: r})
				}
			}
		}
	}
	m.Cells = groupCells(es, func(c *Cell, e entry) {
		c.Count++
		c.IDs = append(c.IDs, g.Nodes[e.item].ID)
	})
	return m
}

// sectorCols returns the sector indexes endorsing r.
func (g *Graph) sectorCols(r int32) []int32 {
	var seen [4]bool
	var out []int32
	for _, a := range g.ix.endorsers.of(r) {
		if s := g.ix.sector[a]; s >= 0 && !seen[s] {
			seen[s] = true
			out = append(out, int32(s))
		}
	}
	return out
}

// BuildDocumentMatrix counts the SUPPORTS, CONFLICTS_WITH and OVERLAPS edges
// between the recommendations of two documents: row is a document of the
// edge's from side, column one of its to side (OVERLAPS are stored lower id
// first). The diagonal holds edges inside a document.
func BuildDocumentMatrix(g *Graph) Matrix {
	ix := g.ix
	var m Matrix
	var pos map[int32]int
	m.Rows, pos = g.axes(g.shownDocs())
	m.Columns = m.Rows
	edges := ix.recEdges()
	var es []entry
	for k, e := range edges {
		for _, a := range ix.recDocs.of(e.from) {
			for _, b := range ix.recDocs.of(e.to) {
				ra, okA := pos[a]
				rb, okB := pos[b]
				if okA && okB {
					es = append(es, entry{row: int32(ra), col: int32(rb), item: int32(k)})
				}
			}
		}
	}
	m.Cells = groupCells(es, func(c *Cell, e entry) { addEdge(c, g, edges[e.item]) })
	return m
}

func addEdge(c *Cell, g *Graph, e iedge) {
	c.Count++
	switch {
	case g.Edges[e.e].Type == rodedraad.RelOverlaps:
		c.Overlaps++
	case e.score > 0:
		c.Supports++
	default:
		c.Conflicts++
	}
	c.Pairs = append(c.Pairs, Pair{g.Nodes[e.from].ID, g.Nodes[e.to].ID})
}

// BuildActorMatrix holds, for each pair of actors (upper triangle: row < column),
// the recommendations on which they take the same side (both endorse or both
// oppose: Count and IDs) and those on which they take opposite sides
// (Disputed). Actors follow node order.
func BuildActorMatrix(g *Graph) Matrix {
	ix := g.ix
	var m Matrix
	var pos map[int32]int
	m.Rows, pos = g.axes(ix.actors)
	m.Columns = m.Rows
	var es []entry
	add := func(a, b, r int32, kind int8) {
		pa, pb := int32(pos[a]), int32(pos[b])
		es = append(es, entry{row: min(pa, pb), col: max(pa, pb), item: r, kind: kind})
	}
	for _, r := range ix.recs {
		end, opp := ix.endorsers.of(r), ix.opposers.of(r)
		for _, side := range [][]int32{end, opp} {
			for i, a := range side {
				for _, b := range side[i+1:] {
					add(a, b, r, 0)
				}
			}
		}
		for _, a := range end {
			for _, b := range opp {
				if a != b {
					add(a, b, r, 1)
				}
			}
		}
	}
	m.Cells = groupCells(es, func(c *Cell, e entry) {
		if e.kind == 1 {
			c.Disputed = append(c.Disputed, g.Nodes[e.item].ID)
			return
		}
		c.Count++
		c.IDs = append(c.IDs, g.Nodes[e.item].ID)
	})
	return m
}

// Matrices are the dashboard matrices of one scope.
type Matrices struct {
	ThemeSector      Matrix `json:"themeSector"`
	ThemeDocument    Matrix `json:"themeDocument"`
	ThemeScenario    Matrix `json:"themeScenario"`
	DocumentDocument Matrix `json:"documentDocument"`
	ActorActor       Matrix `json:"actorActor"`
}

// BuildMatrices returns all dashboard matrices of g.
func BuildMatrices(g *Graph) Matrices {
	return Matrices{
		ThemeSector:      BuildThemeMatrix(g, DimSector),
		ThemeDocument:    BuildThemeMatrix(g, DimDocument),
		ThemeScenario:    BuildThemeMatrix(g, DimScenario),
		DocumentDocument: BuildDocumentMatrix(g),
		ActorActor:       BuildActorMatrix(g),
	}
}

// EmptyCell is a theme of the study without any recommendation in a
// scenario or from a sector.
type EmptyCell struct {
	Theme  string `json:"theme"`
	Column string `json:"column"`
}

// ComputeEmptyCells lists the empty cells of a theme matrix, for the themes in the
// study's scope only (themes outside it are expected to be sparse).
func ComputeEmptyCells(g *Graph, m Matrix) []EmptyCell {
	filled := map[[2]int]bool{}
	for _, c := range m.Cells {
		filled[[2]int{c.Row, c.Column}] = true
	}
	var out []EmptyCell
	for r, row := range m.Rows {
		if n, _ := g.Node(row.ID); !n.InStudyScope {
			continue
		}
		for c, col := range m.Columns {
			if !filled[[2]int{r, c}] {
				out = append(out, EmptyCell{Theme: row.ID, Column: col.ID})
			}
		}
	}
	return out
}
