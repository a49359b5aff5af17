package analysis

import (
	"cmp"
	"slices"
)

// Options are the thresholds of the red-thread candidates. Start from
// DefaultOptions.
type Options struct {
	// MinGAC: a candidate's group-informed consensus is at least this.
	MinGAC float64 `json:"minGAC"`
	// MinSectors: it is endorsed from at least this many sectors.
	MinSectors int `json:"minSectors"`
	// MaxSeverity: it is in no contradiction more severe than this.
	MaxSeverity int `json:"maxSeverity"`
	// MinEchoDocuments: it is echoed by at least this many documents: those
	// of its overlap cluster and of the recommendations it supports or that
	// support it, its own included.
	MinEchoDocuments int `json:"minEchoDocuments"`
	// JoinSupports: SUPPORTS edges between two recommendations with at
	// least this score join them into one cluster, as accepted OVERLAPS
	// do; 0 (the default) joins by OVERLAPS alone.
	JoinSupports int `json:"joinSupports,omitempty"`
}

// DefaultOptions are the documented thresholds:
//
//   - MinGAC 1/9: what one endorser in each of two sectors and no opposition
//     give, (2/3)^2 x (1/2)^2. Any opposition pulls a two-sector item below it.
//   - MinSectors 2: a shared proposition needs support from more than one
//     sector of the quadruple helix.
//   - MaxSeverity 4: a -2 conflict between two singly endorsed items is
//     tolerated, a -3 or a conflict with more endorsers is not.
//   - MinEchoDocuments 2: "echoed by several documents".
func DefaultOptions() Options {
	return Options{MinGAC: 1.0 / 9, MinSectors: 2, MaxSeverity: 4, MinEchoDocuments: 2}
}

// ConsensusItem is one recommendation's consensus over the four sectors, in
// the order PUBLIC, PRIVATE, KNOWLEDGE, CIVIL.
type ConsensusItem struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	// Endorse and Oppose count the actors of each sector.
	Endorse [4]int `json:"endorse"`
	Oppose  [4]int `json:"oppose"`
	// P[g] = (Endorse[g] + 1) / (Endorse[g] + Oppose[g] + 2).
	P [4]float64 `json:"p"`
	// GAC is the product of P; Divisiveness = max P - min P.
	GAC          float64 `json:"gac"`
	Divisiveness float64 `json:"divisiveness"`
	// Sectors endorsing it (Endorse[g] > 0).
	Sectors int `json:"sectors"`
	// MaxSeverity of the contradictions it takes part in (0 for none).
	MaxSeverity int `json:"maxSeverity"`
	// EchoSize is the size of its overlap cluster (1 when it overlaps
	// nothing). EchoDocuments counts the distinct documents that echo it:
	// those of its overlap cluster and of the recommendations linked to it
	// by SUPPORTS in either direction. Accepted overlaps are rare until the
	// study team has reviewed suggestOverlaps, and a plan that another plan
	// builds on is echoed just as well.
	EchoSize      int  `json:"echoSize"`
	EchoDocuments int  `json:"echoDocuments"`
	Candidate     bool `json:"candidate"`
}

// Consensus is the red-thread analysis.
type Consensus struct {
	Sectors [4]string `json:"sectors"`
	Options Options   `json:"options"`
	// Items lists every recommendation by GAC (descending), then id.
	Items []ConsensusItem `json:"items"`
	// Candidates are the red-thread candidates, by GAC, then echo, then id.
	Candidates []ConsensusItem `json:"candidates"`
	// Clusters are the recommendations grouped into one ask each (see
	// Cluster), with consensus over the cluster; ClusterCandidates are the
	// red-thread candidates among them, under the same thresholds.
	Clusters          []Cluster `json:"clusters"`
	ClusterCandidates []Cluster `json:"clusterCandidates"`
}

// ComputeConsensus returns Polis' group-informed consensus for every
// recommendation and the red-thread candidates under opt.
func ComputeConsensus(g *Graph, opt Options) Consensus {
	ix := g.ix
	res := Consensus{Sectors: sectors, Options: opt}
	maxSev := make([]int, len(g.Nodes))
	for _, e := range ix.conflicts() {
		s := ix.severity(e)
		maxSev[e.from], maxSev[e.to] = max(maxSev[e.from], s), max(maxSev[e.to], s)
	}
	echo := g.echoes()
	support := ix.supportAdj(len(g.Nodes))
	res.Items = make([]ConsensusItem, 0, len(ix.recs))
	for _, r := range ix.recs {
		it := g.consensusItem(r)
		it.MaxSeverity = maxSev[r]
		it.EchoSize, it.EchoDocuments = echo.size(r), echo.documents(ix, support, r)
		it.Candidate = it.GAC >= opt.MinGAC && it.Sectors >= opt.MinSectors &&
			it.MaxSeverity <= opt.MaxSeverity && it.EchoDocuments >= opt.MinEchoDocuments
		res.Items = append(res.Items, it)
	}
	slices.SortFunc(res.Items, func(a, b ConsensusItem) int {
		return cmp.Or(cmp.Compare(b.GAC, a.GAC), cmp.Compare(a.ID, b.ID))
	})
	for _, it := range res.Items {
		if it.Candidate {
			res.Candidates = append(res.Candidates, it)
		}
	}
	slices.SortStableFunc(res.Candidates, func(a, b ConsensusItem) int {
		return cmp.Or(cmp.Compare(b.GAC, a.GAC), cmp.Compare(b.EchoDocuments, a.EchoDocuments))
	})
	res.Clusters, res.ClusterCandidates = ComputeClusters(g, opt)
	return res
}

func (g *Graph) consensusItem(r int32) ConsensusItem {
	ix := g.ix
	it := ConsensusItem{ID: g.Nodes[r].ID, Name: g.Nodes[r].Name}
	for _, a := range ix.endorsers.of(r) {
		if s := ix.sector[a]; s >= 0 {
			it.Endorse[s]++
		}
	}
	for _, a := range ix.opposers.of(r) {
		if s := ix.sector[a]; s >= 0 {
			it.Oppose[s]++
		}
	}
	it.score()
	return it
}

// score computes P, GAC, Divisiveness and Sectors from Endorse and Oppose.
// GAC comes from integers, divided once, so that equal products give equal
// floats whatever the sector order (ties rank by id, thresholds compare
// exactly).
func (it *ConsensusItem) score() {
	num, den := int64(1), int64(1)
	lo, hi := 1.0, 0.0
	for s := range sectors {
		a, d := int64(it.Endorse[s]), int64(it.Oppose[s])
		num, den = num*(a+1), den*(a+d+2)
		p := float64(a+1) / float64(a+d+2)
		it.P[s] = p
		lo, hi = min(lo, p), max(hi, p)
		if a > 0 {
			it.Sectors++
		}
	}
	it.GAC = float64(num) / float64(den)
	it.Divisiveness = hi - lo
}

// echo holds, per overlap cluster root, its size and distinct documents.
type echo struct {
	sets  unionFind
	sizes []int32
	docs  map[int32][]int32 // root → sorted distinct documents of the cluster
}

func (e echo) size(r int32) int { return int(e.sizes[e.sets.find(r)]) }

// documents counts the distinct documents of r's overlap cluster and of the
// recommendations support links to r.
func (e echo) documents(ix *index, support adj, r int32) int {
	own := e.docs[e.sets.find(r)]
	extra := 0
	var seen []int32
	for _, o := range support.of(r) {
		for _, d := range ix.recDocs.of(o) {
			if _, in := slices.BinarySearch(own, d); !in && !slices.Contains(seen, d) {
				seen = append(seen, d)
				extra++
			}
		}
	}
	return len(own) + extra
}

func (g *Graph) echoes() echo {
	ix := g.ix
	e := echo{sets: ix.overlapSets(len(g.Nodes)), sizes: make([]int32, len(g.Nodes)), docs: map[int32][]int32{}}
	var pairs []link // (root, document)
	for _, r := range ix.recs {
		root := e.sets.find(r)
		e.sizes[root]++
		for _, d := range ix.recDocs.of(r) {
			pairs = append(pairs, link{root, d})
		}
	}
	slices.SortFunc(pairs, func(a, b link) int { return cmp.Or(cmp.Compare(a.a, b.a), cmp.Compare(a.b, b.b)) })
	for i, p := range pairs {
		if i == 0 || p != pairs[i-1] {
			e.docs[p.a] = append(e.docs[p.a], p.b)
		}
	}
	return e
}

// supportAdj links every recommendation to the recommendations it supports
// or that support it.
func (ix *index) supportAdj(n int) adj {
	var links []link
	for _, e := range ix.inter {
		if e.score > 0 && ix.isRec(e.from) && ix.isRec(e.to) {
			links = append(links, link{e.from, e.to}, link{e.to, e.from})
		}
	}
	return buildAdj(n, links)
}
