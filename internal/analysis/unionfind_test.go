package analysis

import (
	"slices"
	"testing"
)

func TestUnionFind(t *testing.T) {
	d := newUnionFind(7)
	for _, p := range [][2]int32{{4, 2}, {2, 5}, {6, 1}, {5, 5}} {
		d.union(p[0], p[1])
	}
	t.Run("RootIsSmallestMember", func(t *testing.T) {
		for x, want := range map[int32]int32{4: 2, 5: 2, 2: 2, 6: 1, 1: 1, 0: 0, 3: 3} {
			if got := d.find(x); got != want {
				t.Errorf("find(%d) = %d, want %d", x, got, want)
			}
		}
	})
	t.Run("GroupsLargestFirstThenByFirstMember", func(t *testing.T) {
		got := d.groups([]int32{0, 1, 2, 3, 4, 5, 6}, 1)
		want := [][]int32{{2, 4, 5}, {1, 6}, {0}, {3}}
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("groups = %v, want %v", got, want)
		}
	})
	t.Run("GroupsDropSmallSets", func(t *testing.T) {
		got := d.groups([]int32{0, 1, 2, 3, 4, 5, 6}, 2)
		want := [][]int32{{2, 4, 5}, {1, 6}}
		if !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("groups(minSize 2) = %v, want %v", got, want)
		}
	})
}
