package analysis

import (
	"cmp"
	"slices"
)

// unionFind is a disjoint-set forest over node indexes: each entry points
// at its parent, a root at itself. find halves paths as it goes, and union
// hangs the larger root under the smaller, so a set's root is its smallest
// member and groups come out in a stable order.
type unionFind []int32

// newUnionFind returns n singleton sets.
func newUnionFind(n int) unionFind {
	d := make(unionFind, n)
	for i := range d {
		d[i] = int32(i)
	}
	return d
}

// find returns the root of x's set.
func (d unionFind) find(x int32) int32 {
	for d[x] != x {
		d[x] = d[d[x]]
		x = d[x]
	}
	return x
}

// union merges the sets of a and b.
func (d unionFind) union(a, b int32) {
	ra, rb := d.find(a), d.find(b)
	if ra != rb {
		d[max(ra, rb)] = min(ra, rb)
	}
}

// groups returns the members of each set among nodes, largest first (then by
// first member's position), keeping sets of at least minSize.
func (d unionFind) groups(nodes []int32, minSize int) [][]int32 {
	byRoot := map[int32][]int32{}
	for _, n := range nodes {
		r := d.find(n)
		byRoot[r] = append(byRoot[r], n)
	}
	out := make([][]int32, 0, len(byRoot))
	for _, m := range byRoot {
		if len(m) >= minSize {
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b []int32) int {
		return cmp.Or(cmp.Compare(len(b), len(a)), cmp.Compare(a[0], b[0]))
	})
	return out
}
