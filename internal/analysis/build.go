package analysis

import (
	"slices"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// membership kinds, in the order of the node's membership lists.
const (
	memDocs = iota
	memThemes
	memAssigned
	memScens
	memKinds
)

var memRel = [memKinds]rodedraad.RelType{
	rodedraad.RelContains, rodedraad.RelAddresses, rodedraad.RelAssignedTo, rodedraad.RelIncludes,
}

var memLabel = [memKinds]rodedraad.Label{
	rodedraad.LabelDocument, rodedraad.LabelTheme, rodedraad.LabelActor, rodedraad.LabelScenario,
}

// builder collects links while buildIndex walks nodes and edges.
type builder struct {
	ix      *index
	mem     [memKinds][]link // recommendation → member
	authors []link           // document → actor
	descr   []link           // scenario → document
	stance  [2][]link        // 0: endorses, 1: opposes; target → actor
	// authorsEndorse marks the recommendations whose documents' authors
	// endorse them: not the CONCLUSIONs a document only reports.
	authorsEndorse map[int32]bool
}

func buildIndex(nodes []Node, edges []Edge) (*index, error) {
	b := &builder{ix: &index{pos: make(map[string]int32, len(nodes))}, authorsEndorse: map[int32]bool{}}
	if err := b.addNodes(nodes); err != nil {
		return nil, err
	}
	for i := range edges {
		if err := b.addEdge(int32(i), &edges[i]); err != nil {
			return nil, err
		}
	}
	b.finish(len(nodes))
	return b.ix, nil
}

func (b *builder) addNodes(nodes []Node) error {
	ix := b.ix
	ix.labels = make([]uint8, len(nodes))
	ix.sector = make([]int8, len(nodes))
	for i := range nodes {
		n := &nodes[i]
		code, ok := labelCode(n.Label)
		switch {
		case n.ID == "":
			return invalid("node %d has no id", i)
		case !ok:
			return invalid("node %s has unknown label %q", n.ID, n.Label)
		}
		if _, dup := ix.pos[n.ID]; dup {
			return invalid("node id %s occurs twice", n.ID)
		}
		ix.pos[n.ID] = int32(i)
		ix.labels[i] = code
		ix.sector[i] = sectorIndex(n.Sector)
	}
	for i := range nodes {
		if err := b.addNode(int32(i), &nodes[i]); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) addNode(i int32, n *Node) error {
	ix := b.ix
	switch n.Label {
	case rodedraad.LabelDocument:
		ix.docs = append(ix.docs, i)
	case rodedraad.LabelActor:
		ix.actors = append(ix.actors, i)
	case rodedraad.LabelTheme:
		ix.themes = append(ix.themes, i)
	case rodedraad.LabelScenario:
		ix.scens = append(ix.scens, i)
	case rodedraad.LabelRecommendation:
		ix.recs = append(ix.recs, i)
		if rodedraad.AuthorsEndorse(n.Kind) {
			b.authorsEndorse[i] = true
		}
		lists := [memKinds][]string{n.Documents, n.Themes, n.Assigned, n.Scenarios}
		for k, ids := range lists {
			for _, id := range ids {
				j, ok := ix.pos[id]
				if !ok || ix.label(j) != memLabel[k] {
					return invalid("recommendation %s: %s %s is not a known %s", n.ID, memRel[k], id, memLabel[k])
				}
				b.mem[k] = append(b.mem[k], link{i, j})
			}
		}
	}
	return nil
}

func (b *builder) addEdge(ei int32, e *Edge) error {
	ix := b.ix
	f, okf := ix.pos[e.From]
	t, okt := ix.pos[e.To]
	if !okf || !okt {
		return invalid("%s edge %s→%s: unknown node", e.Type, e.From, e.To)
	}
	lf, lt := ix.label(f), ix.label(t)
	allowed, known := rodedraad.AllowedEndpoints[e.Type]
	if !known || !allowed.Allows(lf, lt) {
		return invalid("%s edge %s→%s: not allowed from %s to %s", e.Type, e.From, e.To, lf, lt)
	}
	switch e.Type {
	case rodedraad.RelSupports, rodedraad.RelConflictsWith:
		b.addInteraction(ei, e, f, t, lf)
	case rodedraad.RelOverlaps:
		ix.overlaps = append(ix.overlaps, iedge{from: f, to: t, sim: e.Similarity, e: ei})
	case rodedraad.RelAuthored:
		if slices.Contains(rodedraad.EndorsingRoles, e.Role) {
			b.authors = append(b.authors, link{t, f})
		}
	case rodedraad.RelDescribes:
		b.descr = append(b.descr, link{t, f})
	default:
		for k, rel := range memRel {
			if rel == e.Type {
				b.mem[k] = append(b.mem[k], link{f, t})
			}
		}
	}
	return nil
}

func (b *builder) addInteraction(ei int32, e *Edge, f, t int32, lf rodedraad.Label) {
	if lf == rodedraad.LabelActor {
		k := 0
		if e.Type == rodedraad.RelConflictsWith {
			k = 1
		}
		b.stance[k] = append(b.stance[k], link{t, f})
		return
	}
	b.ix.inter = append(b.ix.inter, iedge{from: f, to: t, score: e.Score, e: ei})
}

// finish turns the collected links into adjacency lists and derives the
// endorsers: SUPPORTS stances plus the PUBLISHER/AUTHOR actors of the
// documents that contain a recommendation (unless it is a CONCLUSION the
// document only reports) or describe a scenario.
func (b *builder) finish(n int) {
	ix := b.ix
	ix.recDocs = buildAdj(n, b.mem[memDocs])
	ix.recThemes = buildAdj(n, b.mem[memThemes])
	ix.recAssigned = buildAdj(n, b.mem[memAssigned])
	ix.recScens = buildAdj(n, b.mem[memScens])
	ix.docRecs = buildAdj(n, reverse(b.mem[memDocs]))
	ix.themeRecs = buildAdj(n, reverse(b.mem[memThemes]))
	ix.scenRecs = buildAdj(n, reverse(b.mem[memScens]))
	ix.docAuthors = buildAdj(n, b.authors)
	ix.scenDocs = buildAdj(n, b.descr)

	endorse := b.stance[0]
	for _, r := range ix.recs {
		if b.authorsEndorse[r] {
			endorse = ix.appendAuthors(endorse, r, ix.recDocs.of(r))
		}
	}
	for _, s := range ix.scens {
		endorse = ix.appendAuthors(endorse, s, ix.scenDocs.of(s))
	}
	ix.endorsers = buildAdj(n, endorse)
	ix.opposers = buildAdj(n, b.stance[1])
	ix.stances = len(b.stance[0]) + len(b.stance[1])
}

func (ix *index) appendAuthors(dst []link, target int32, docs []int32) []link {
	for _, d := range docs {
		for _, a := range ix.docAuthors.of(d) {
			dst = append(dst, link{target, a})
		}
	}
	return dst
}

func reverse(links []link) []link {
	out := make([]link, len(links))
	for i, l := range links {
		out[i] = link{l.b, l.a}
	}
	return out
}
