package analysis

import (
	"cmp"
	"slices"
)

// Cluster is one ask that several documents make in their own words:
// recommendations joined by accepted OVERLAPS (and, with
// Options.JoinSupports, by strong SUPPORTS). A recommendation that overlaps
// nothing is a cluster of one. Consensus, echo and severity are those of
// the cluster as a whole: the union of its members' endorsers, opposers and
// contradictions.
type Cluster struct {
	// ID is the medoid's id; Label is its title.
	ID    string `json:"id"`
	Label string `json:"label,omitempty"`
	// Medoid is the member with the smallest total number of hops to the
	// other members over the joining edges; ties go to the member with
	// more endorsers, then the smaller id.
	Medoid string `json:"medoid"`
	// Members are the recommendations of the cluster, by id.
	Members []string `json:"members"`
	// Documents and Themes of the members, sorted and distinct.
	Documents []string `json:"documents,omitempty"`
	Themes    []string `json:"themes,omitempty"`
	// Endorsers are the distinct actors endorsing a member, by id.
	Endorsers []Backer `json:"endorsers,omitempty"`
	// Endorse and Oppose count distinct actors per sector (PUBLIC, PRIVATE,
	// KNOWLEDGE, CIVIL); P, GAC, Divisiveness and Sectors follow from them
	// as for a ConsensusItem.
	Endorse      [4]int     `json:"endorse"`
	Oppose       [4]int     `json:"oppose"`
	P            [4]float64 `json:"p"`
	GAC          float64    `json:"gac"`
	Divisiveness float64    `json:"divisiveness"`
	Sectors      int        `json:"sectors"`
	// MaxSeverity of the contradictions any member takes part in.
	MaxSeverity int `json:"maxSeverity"`
	// Conflicts are the ids of the conflicts any member takes part in.
	Conflicts []string `json:"conflicts,omitempty"`
	// EchoDocuments counts the members' documents and those of the
	// recommendations outside the cluster that support a member or that a
	// member supports.
	EchoDocuments int  `json:"echoDocuments"`
	Candidate     bool `json:"candidate"`
}

// ComputeClusters returns every cluster, by GAC, then echo documents, then
// size (all descending), then id; and the red-thread candidates among them
// in that order, under the thresholds of opt.
func ComputeClusters(g *Graph, opt Options) (all, candidates []Cluster) {
	ix := g.ix
	sets := g.clusterSets(opt.JoinSupports)
	joins := g.joinAdj(opt.JoinSupports)
	support := ix.supportAdj(len(g.Nodes))
	maxSev, conflicts := g.memberConflicts()
	groups := sets.groups(ix.recs, 1)
	built := make([]Cluster, len(groups))
	for i, members := range groups {
		c := &built[i]
		*c = g.cluster(members, joins, support)
		for _, m := range members {
			c.MaxSeverity = max(c.MaxSeverity, maxSev[m])
			c.Conflicts = append(c.Conflicts, conflicts[m]...)
		}
		slices.Sort(c.Conflicts)
		c.Conflicts = slices.Compact(c.Conflicts)
		c.Candidate = c.GAC >= opt.MinGAC && c.Sectors >= opt.MinSectors &&
			c.MaxSeverity <= opt.MaxSeverity && c.EchoDocuments >= opt.MinEchoDocuments
	}
	all = rankClusters(built)
	for _, c := range all {
		if c.Candidate {
			candidates = append(candidates, c)
		}
	}
	return all, candidates
}

// rankClusters orders clusters by GAC, echo documents and size (all
// descending), then id. It sorts positions, not the clusters themselves:
// a Cluster is large, and moving 100k of them dominated the analysis.
func rankClusters(cs []Cluster) []Cluster {
	order := make([]int32, len(cs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(i, j int32) int {
		a, b := &cs[i], &cs[j]
		return cmp.Or(cmp.Compare(b.GAC, a.GAC), cmp.Compare(b.EchoDocuments, a.EchoDocuments),
			cmp.Compare(len(b.Members), len(a.Members)), cmp.Compare(a.ID, b.ID))
	})
	out := make([]Cluster, len(cs))
	for i, k := range order {
		out[i] = cs[k]
	}
	return out
}

// clusterSets joins recommendations by OVERLAPS and, when minScore > 0, by
// SUPPORTS of at least minScore between two recommendations.
func (g *Graph) clusterSets(minScore int) unionFind {
	ix := g.ix
	sets := ix.overlapSets(len(g.Nodes))
	for _, e := range ix.inter {
		if joins(ix, e, minScore) {
			sets.union(e.from, e.to)
		}
	}
	return sets
}

func joins(ix *index, e iedge, minScore int) bool {
	return minScore > 0 && int(e.score) >= minScore && ix.isRec(e.from) && ix.isRec(e.to)
}

// joinAdj links, both ways, the recommendations the joining edges join.
func (g *Graph) joinAdj(minScore int) adj {
	ix := g.ix
	var links []link
	for _, e := range ix.overlaps {
		if ix.isRec(e.from) && ix.isRec(e.to) {
			links = append(links, link{e.from, e.to}, link{e.to, e.from})
		}
	}
	for _, e := range ix.inter {
		if joins(ix, e, minScore) {
			links = append(links, link{e.from, e.to}, link{e.to, e.from})
		}
	}
	return buildAdj(len(g.Nodes), links)
}

// memberConflicts returns, per node, the largest severity of its
// contradictions and the ids of their conflicts.
func (g *Graph) memberConflicts() ([]int, map[int32][]string) {
	ix := g.ix
	maxSev := make([]int, len(g.Nodes))
	ids := map[int32][]string{}
	for _, e := range ix.conflicts() {
		s := ix.severity(e)
		maxSev[e.from], maxSev[e.to] = max(maxSev[e.from], s), max(maxSev[e.to], s)
		if c := g.Edges[e.e].Conflict; c != nil {
			ids[e.from] = append(ids[e.from], c.ID)
			ids[e.to] = append(ids[e.to], c.ID)
		}
	}
	return maxSev, ids
}

// cluster builds one cluster from its members (in node order): medoid,
// documents, themes, consensus over the union of endorsers and opposers,
// and echo.
func (g *Graph) cluster(members []int32, joins, support adj) Cluster {
	ix := g.ix
	medoid := g.medoid(members, joins)
	c := Cluster{ID: g.Nodes[medoid].ID, Label: g.Nodes[medoid].Name, Medoid: g.Nodes[medoid].ID}
	var docs, themes, endorsers, opposers []int32
	for _, m := range members {
		c.Members = append(c.Members, g.Nodes[m].ID)
		docs = append(docs, ix.recDocs.of(m)...)
		themes = append(themes, ix.recThemes.of(m)...)
		endorsers = append(endorsers, ix.endorsers.of(m)...)
		opposers = append(opposers, ix.opposers.of(m)...)
	}
	slices.Sort(c.Members)
	docs = distinctIdx(docs)
	c.Documents, c.Themes = g.sortedIDs(docs), g.sortedIDs(distinctIdx(themes))
	endorsers, opposers = distinctIdx(endorsers), distinctIdx(opposers)
	c.Endorsers = g.backers(endorsers)
	g.clusterConsensus(&c, endorsers, opposers)
	c.EchoDocuments = len(distinctIdx(append(g.supportDocs(members, support), docs...)))
	return c
}

// supportDocs returns the documents of the recommendations outside members
// that support links join to a member.
func (g *Graph) supportDocs(members []int32, support adj) []int32 {
	var out []int32
	for _, m := range members {
		for _, o := range support.of(m) {
			if !slices.Contains(members, o) {
				out = append(out, g.ix.recDocs.of(o)...)
			}
		}
	}
	return out
}

// clusterConsensus fills in Polis' group-informed consensus of the
// cluster from its distinct endorsers and opposers, as consensusItem does
// for one recommendation.
func (g *Graph) clusterConsensus(c *Cluster, endorsers, opposers []int32) {
	var it ConsensusItem
	for _, a := range endorsers {
		if s := g.ix.sector[a]; s >= 0 {
			it.Endorse[s]++
		}
	}
	for _, a := range opposers {
		if s := g.ix.sector[a]; s >= 0 {
			it.Oppose[s]++
		}
	}
	it.score()
	c.Endorse, c.Oppose, c.P, c.GAC, c.Divisiveness, c.Sectors =
		it.Endorse, it.Oppose, it.P, it.GAC, it.Divisiveness, it.Sectors
}

// maxExactMedoid is the largest cluster whose medoid is found exactly: a
// breadth-first search from every member costs members × (members + edges),
// which a cluster of thousands (a synthetic graph, a careless bulk accept)
// would turn into seconds. Beyond it the member with the most joining edges
// stands in for the medoid.
const maxExactMedoid = 64

// medoid returns the member with the smallest sum of hop distances to the
// other members over joins (beyond maxExactMedoid members: the most joining
// edges); ties go to more endorsers, then the smaller id.
func (g *Graph) medoid(members []int32, joins adj) int32 {
	if len(members) == 1 {
		return members[0]
	}
	cost := func(m int32) int { return hopSum(m, joins) }
	if len(members) > maxExactMedoid {
		cost = func(m int32) int { return -len(joins.of(m)) }
	}
	best, bestCost := members[0], cost(members[0])
	for _, m := range members[1:] {
		c := cost(m)
		if c < bestCost || c == bestCost && g.betterMedoid(m, best) {
			best, bestCost = m, c
		}
	}
	return best
}

func (g *Graph) betterMedoid(a, b int32) bool {
	ea, eb := len(g.ix.endorsers.of(a)), len(g.ix.endorsers.of(b))
	return ea > eb || ea == eb && g.Nodes[a].ID < g.Nodes[b].ID
}

// hopSum is the sum of breadth-first distances from m to every node it
// reaches over joins. Every member is reached: a cluster is connected by
// these very edges.
func hopSum(m int32, joins adj) int {
	dist := map[int32]int{m: 0}
	queue := []int32{m}
	sum := 0
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, o := range joins.of(n) {
			if _, seen := dist[o]; !seen {
				dist[o] = dist[n] + 1
				sum += dist[o]
				queue = append(queue, o)
			}
		}
	}
	return sum
}

// backers lists actors as Backers, in the order given.
func (g *Graph) backers(actors []int32) []Backer {
	var out []Backer
	for _, a := range actors {
		n := &g.Nodes[a]
		out = append(out, Backer{ID: n.ID, Name: n.Name, Sector: n.Sector})
	}
	slices.SortFunc(out, func(a, b Backer) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// distinctIdx returns the sorted distinct entries of xs (which it sorts).
func distinctIdx(xs []int32) []int32 {
	slices.Sort(xs)
	return slices.Compact(xs)
}
