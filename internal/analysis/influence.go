package analysis

import (
	"cmp"
	"slices"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Influence roles (Vester).
const (
	RoleDriver    = "DRIVER"
	RoleCritical  = "CRITICAL"
	RoleDependent = "DEPENDENT"
	RoleBuffer    = "BUFFER"
)

// InfluenceNode is one recommendation or scenario's place in the influence
// matrix.
type InfluenceNode struct {
	ID    string          `json:"id"`
	Label rodedraad.Label `json:"label"`
	// OutPos and InPos sum the positive scores out of and into the node;
	// OutNeg and InNeg sum the negative ones (so they are <= 0).
	OutPos int `json:"outPos"`
	OutNeg int `json:"outNeg"`
	InPos  int `json:"inPos"`
	InNeg  int `json:"inNeg"`
	// Net = OutPos + OutNeg.
	Net int `json:"net"`
	// Net2 = sum over out-edges i→j of score(i,j) x Net(j) / 3.
	Net2 float64 `json:"net2"`
	// Active sums |score| out, Passive sums |score| in.
	Active  int    `json:"active"`
	Passive int    `json:"passive"`
	Role    string `json:"role"`
}

// Influence is the influence analysis over the interaction edges between
// recommendations and scenarios.
type Influence struct {
	// Nodes: recommendations and scenarios in scope; Edges: interactions.
	Nodes int `json:"nodes"`
	Edges int `json:"edges"`
	// Coverage = Edges / (Nodes x (Nodes-1)): how much of the matrix is
	// assessed, so that a ranking on a sparse graph says how sparse it is.
	Coverage float64 `json:"coverage"`
	// Medians of Active and Passive over the nodes with at least one edge.
	MedianActive  float64 `json:"medianActive"`
	MedianPassive float64 `json:"medianPassive"`
	// Ranking lists the nodes with at least one edge by Net, then Net2, then
	// Active (all descending), then id.
	Ranking []InfluenceNode `json:"ranking"`
}

// ComputeInfluence returns the influence analysis of g.
func ComputeInfluence(g *Graph) Influence {
	ix := g.ix
	n := len(ix.recs) + len(ix.scens)
	res := Influence{Nodes: n, Edges: len(ix.inter)}
	if n > 1 {
		res.Coverage = float64(res.Edges) / (float64(n) * float64(n-1))
	}
	nodes := g.influenceSums()
	net := make([]int, len(g.Nodes))
	for i := range nodes {
		net[i] = nodes[i].Net
	}
	for _, e := range ix.inter {
		nodes[e.from].Net2 += float64(int(e.score)*net[e.to]) / 3
	}
	var active, passive []int
	for i := range nodes {
		if linked(&nodes[i]) {
			active, passive = append(active, nodes[i].Active), append(passive, nodes[i].Passive)
		}
	}
	res.MedianActive, res.MedianPassive = median(active, halfInt), median(passive, halfInt)
	var order []int32
	for i := range nodes {
		if nd := &nodes[i]; linked(nd) {
			nd.Role = role(float64(nd.Active), float64(nd.Passive), res.MedianActive, res.MedianPassive)
			nd.ID, nd.Label = g.Nodes[i].ID, g.Nodes[i].Label
			order = append(order, int32(i))
		}
	}
	// Sort positions, not the results.
	slices.SortFunc(order, func(i, j int32) int {
		a, b := &nodes[i], &nodes[j]
		return cmp.Or(cmp.Compare(b.Net, a.Net), cmp.Compare(b.Net2, a.Net2),
			cmp.Compare(b.Active, a.Active), cmp.Compare(a.ID, b.ID))
	})
	res.Ranking = make([]InfluenceNode, len(order))
	for k, i := range order {
		res.Ranking[k] = nodes[i]
	}
	return res
}

// influenceSums returns, per node index, the first-order sums.
func (g *Graph) influenceSums() []InfluenceNode {
	nodes := make([]InfluenceNode, len(g.Nodes))
	for _, e := range g.ix.inter {
		s := int(e.score)
		f, t := &nodes[e.from], &nodes[e.to]
		if s > 0 {
			f.OutPos += s
			t.InPos += s
		} else {
			f.OutNeg += s
			t.InNeg += s
		}
		f.Active += abs(s)
		t.Passive += abs(s)
	}
	for i := range nodes {
		nodes[i].Net = nodes[i].OutPos + nodes[i].OutNeg
	}
	return nodes
}

// linked reports whether a node has at least one edge. Scores are never 0,
// so a node with an edge has Active or Passive above 0.
func linked(n *InfluenceNode) bool { return n.Active > 0 || n.Passive > 0 }

func role(active, passive, medA, medP float64) string {
	switch {
	case active >= medA && passive < medP:
		return RoleDriver
	case active >= medA:
		return RoleCritical
	case passive >= medP:
		return RoleDependent
	default:
		return RoleBuffer
	}
}
