// Package synth generates seeded synthetic knowledge graphs for benchmarks
// and load tests: the same seed and size give the same graph, as an
// analysis.Graph or as a rodedraad.Bundle to load into Neo4j.
package synth

import (
	"fmt"
	"math/rand/v2"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Shape of the generated graph. Per recommendation: EdgesPerRec interaction
// edges on average, attached preferentially (so degrees follow a power law)
// and, for a share of them, inside the same document (so there are
// communities).
const (
	EdgesPerRec   = 5
	RecsPerDoc    = 50   // documents = max(3, n/RecsPerDoc)
	localShare    = 0.4  // share of edges inside the recommendation's own document
	uniformShare  = 0.15 // share of the other edges to a uniformly chosen target
	negativeShare = 0.22 // share of CONFLICTS_WITH among interactions
	overlapShare  = 0.03 // recommendations with an OVERLAPS edge
	stancesPerRec = 0.3
	families      = 3 // scenario sets of 4 scenarios each
)

var (
	themeWeights = []int{12, 30, 10, 14, 12, 8, 9, 5} // T1..T7 and H
	sectorNames  = rodedraad.Sectors
	sectorWeight = []int{40, 30, 20, 10}
	sectorKind   = []string{"MUNICIPALITY", "COMPANY", "KNOWLEDGE_INSTITUTION", "CIVIL_SOCIETY"}
	recKinds     = []string{"RECOMMENDATION", "GOAL", "CONCLUSION", "COMMITMENT", "POSITION"}
	recKindW     = []int{60, 15, 10, 10, 5}
	topics       = []string{"health", "land use", "grid capacity", "housing", "nitrogen", "water", "labour"}
)

// gen holds the state of one generation.
type gen struct {
	r       *rand.Rand
	nodes   []analysis.Node
	edges   []analysis.Edge
	seen    map[[3]int32]bool // (type code, from, to) of interaction and overlap edges
	docs    []int32           // node positions
	actors  []int32
	scens   []int32
	recs    []int32
	recDoc  []int32   // per rec (by rec number): its document's number
	docRecs [][]int32 // per document: its recs' numbers so far
	ends    []int32   // rec numbers, once per edge end: preferential attachment
	confl   []*analysis.Conflict
}

// Generate returns a synthetic graph of nRecs recommendations from seed.
func Generate(seed uint64, nRecs int) *analysis.Graph {
	g := &gen{r: rand.New(rand.NewPCG(seed, 0x5eed)), seen: map[[3]int32]bool{}}
	nDocs := max(3, nRecs/RecsPerDoc)
	g.themes()
	g.addActors(20 + nRecs/200)
	g.addDocs(nDocs)
	g.addScenarios()
	for i := range nRecs {
		g.addRec(i)
	}
	for i := 1; i < nRecs; i++ {
		for range EdgesPerRec {
			g.interact(int32(i))
		}
	}
	g.scenarioEdges()
	g.stances(nRecs)
	g.overlaps(nRecs)
	return analysis.MustGraph(g.nodes, g.edges)
}

func (g *gen) add(n analysis.Node) int32 {
	g.nodes = append(g.nodes, n)
	return int32(len(g.nodes) - 1)
}

func (g *gen) id(i int32) string { return g.nodes[i].ID }

// pick returns an index drawn with the given weights.
func (g *gen) pick(weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	x := g.r.IntN(total)
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// skewed returns 0..n-1 with low numbers far more likely (density ~ 1/sqrt).
func (g *gen) skewed(n int) int {
	u := g.r.Float64()
	return min(n-1, int(float64(n)*u*u))
}

func (g *gen) themes() {
	for i := 1; i <= 7; i++ {
		g.add(analysis.Node{ID: fmt.Sprintf("T%d", i), Label: rodedraad.LabelTheme, Name: fmt.Sprintf("Theme %d", i), InStudyScope: true})
	}
	g.add(analysis.Node{ID: "H", Label: rodedraad.LabelTheme, Name: "Health and living environment"})
}

func (g *gen) addActors(n int) {
	for i := range n {
		s := g.pick(sectorWeight)
		g.actors = append(g.actors, g.add(analysis.Node{ID: fmt.Sprintf("A-S%d", i), Label: rodedraad.LabelActor,
			Name: fmt.Sprintf("Actor %d", i), Kind: sectorKind[s], Sector: sectorNames[s]}))
	}
}

func (g *gen) actor() int32 { return g.actors[g.skewed(len(g.actors))] }

func (g *gen) addDocs(n int) {
	roles := []string{"PUBLISHER", "AUTHOR", "COMMISSIONER"}
	g.docRecs = make([][]int32, n)
	for i := range n {
		d := g.add(analysis.Node{ID: fmt.Sprintf("SD%d", i), Label: rodedraad.LabelDocument,
			Name: fmt.Sprintf("Document %d", i), Kind: rodedraad.DocumentKinds[i%len(rodedraad.DocumentKinds)]})
		g.docs = append(g.docs, d)
		used := map[int32]bool{}
		for k, role := range roles {
			a := g.actor()
			if (k == 0 || g.r.Float64() < 0.4) && !used[a] {
				used[a] = true
				g.edges = append(g.edges, analysis.Edge{Type: rodedraad.RelAuthored, From: g.id(a), To: g.id(d), Role: role})
			}
		}
	}
}

func (g *gen) addScenarios() {
	for f := 1; f <= families; f++ {
		d := g.docs[g.r.IntN(len(g.docs))]
		for k := 1; k <= 4; k++ {
			s := g.add(analysis.Node{ID: fmt.Sprintf("SSC%d.%d", f, k), Label: rodedraad.LabelScenario,
				Name: fmt.Sprintf("Scenario %d.%d", f, k), Family: fmt.Sprintf("SSC%d", f)})
			g.scens = append(g.scens, s)
			g.edges = append(g.edges, analysis.Edge{Type: rodedraad.RelDescribes, From: g.id(d), To: g.id(s)})
		}
	}
}
