package neo4jstore_test

import (
	"cmp"
	"context"
	"encoding/json"
	"slices"
	"sync"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// loadFixture puts in the graph what a load of candidates(12) meets: its
// document and themes, R-bench-3 (one of its items), three older
// recommendations and a link R-old1 -SUPPORTS-> R-old3. It returns the
// load: the candidates, R-bench-1 a second time with another title, a
// CONTAINS twice, a new link between two old items and the existing one
// with another score.
func loadFixture(t *testing.T, store *neo4jstore.Store) *rodedraad.Bundle {
	t.Helper()
	b := candidates(12)
	base := &rodedraad.Bundle{Documents: b.Documents}
	for _, id := range []string{"T1", "T2", "T3", "T4", "T5", "T6", "T7"} {
		base.Themes = append(base.Themes, *theme(id))
	}
	for _, id := range []string{"R-old1", "R-old2", "R-old3"} {
		base.Recommendations = append(base.Recommendations, *rec(id))
	}
	MustImport(t, store, base)
	MustCreate(t, store, &b.Recommendations[3])
	MustLink(t, store, rodedraad.Edge{Type: rodedraad.RelSupports, From: "R-old1", To: "R-old3", Score: intp(2)})

	again := b.Recommendations[1]
	again.Title = "een tweede regel met dezelfde id"
	b.Recommendations = append(b.Recommendations, again)
	b.Edges = append(b.Edges, b.Edges[10],
		rodedraad.Edge{Type: rodedraad.RelSupports, From: "R-old1", To: "R-old2", Score: intp(1)},
		rodedraad.Edge{Type: rodedraad.RelSupports, From: "R-old1", To: "R-old3", Score: intp(3)})
	return b
}

func TestStore_LoadAudit(t *testing.T) {
	store := neo4jtest.Open(t)
	ctx := as(t.Context(), "ingest")
	b := loadFixture(t, store)
	loadsBefore := mustLoads(t, store)

	res, err := store.Import(ctx, b, rodedraad.ImportOptions{KeepExisting: true})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]rodedraad.KindCounts{
		"Document": {Unchanged: 1}, "Recommendation": {Created: 11, Unchanged: 1},
		"CONTAINS": {Created: 12}, "ADDRESSES": {Created: 12}, "SUPPORTS": {Created: 1, Unchanged: 1},
	}
	for kind, w := range want {
		if got := res.Kinds[kind]; got != w {
			t.Errorf("%s: %+v, want %+v", kind, got, w)
		}
	}
	if n := mustLoads(t, store) - loadsBefore; n != 1 {
		t.Errorf("the load wrote %d :Change:Load nodes, want 1", n)
	}

	t.Run("EveryCreatedItemHasItsAfterStateInHistory", func(t *testing.T) {
		var keys []string
		for _, c := range res.Changes {
			keys = append(keys, c.Target)
		}
		stored, err := neo4jstore.StoredProps(t.Context(), store, keys)
		if err != nil {
			t.Fatal(err)
		}
		for _, key := range keys {
			h := MustHistory(t, store, key)
			i := slices.IndexFunc(h, func(c rodedraad.Change) bool { return c.Target == key && c.Op == "import" })
			if i < 0 || h[i].Action != "created" || h[i].Actor != "ingest" || h[i].Before != nil {
				t.Errorf("history of %s = %+v, want the load's creation by ingest", key, h)
				continue
			}
			if after, _ := json.Marshal(h[i].After); string(after) != stored[key] {
				t.Errorf("%s: after-state in history\n%s\nin Neo4j\n%s", key, after, stored[key])
			}
		}
		if h := MustHistory(t, store, "R-bench-1"); h[0].After["title"] != b.Recommendations[1].Title {
			t.Errorf("R-bench-1 title = %v, want the first row's", h[0].After["title"])
		}
	})
	t.Run("ItemsThatExistedAreNotInIt", func(t *testing.T) {
		for _, key := range []string{"R-old1 -SUPPORTS-> R-old3", "R-bench-3", "D-bench"} {
			for _, c := range MustHistory(t, store, key) {
				if c.Target == key && c.Op == "import" && c.Actor == "ingest" {
					t.Errorf("history of %s has the load's entry %+v; it existed already", key, c)
				}
			}
		}
		if h := MustHistory(t, store, "D-bench"); len(h) != 1+12 {
			t.Errorf("history of D-bench has %d entries, want its import and the load's 12 CONTAINS", len(h))
		}
	})
	t.Run("ChangesPagesThroughTheLoad", func(t *testing.T) {
		all, err := store.Changes(t.Context(), rodedraad.ChangeFilter{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		var paged []rodedraad.Change
		f := rodedraad.ChangeFilter{Limit: 4}
		for {
			page, err := store.Changes(t.Context(), f)
			if err != nil {
				t.Fatal(err)
			}
			if len(page) == 0 {
				break
			}
			paged = append(paged, page...)
			last := page[len(page)-1]
			f.AfterVersion, f.AfterSeq = last.Version, last.Seq
		}
		if len(paged) != len(all) || len(all) < len(res.Changes) {
			t.Fatalf("paging gave %d entries, one page %d, the load created %d", len(paged), len(all), len(res.Changes))
		}
		for i := 1; i < len(paged); i++ {
			a, b := paged[i-1], paged[i]
			if cmp.Or(cmp.Compare(a.Version, b.Version), cmp.Compare(a.Seq, b.Seq)) <= 0 || a.Target != all[i-1].Target {
				t.Fatalf("entry %d (%d.%d %s) does not follow %d.%d %s newest first", i, b.Version, b.Seq, b.Target, a.Version, a.Seq, a.Target)
			}
		}
		if got, err := store.Changes(t.Context(), rodedraad.ChangeFilter{Actor: "ingest", Limit: 1000}); err != nil || len(got) != len(res.Changes) {
			t.Errorf("changes by ingest: %d (%v), want the load's %d", len(got), err, len(res.Changes))
		}
	})
	t.Run("LoadingAgainChangesNothing", func(t *testing.T) {
		v := MustVersion(t, store)
		again, err := store.Import(ctx, b, rodedraad.ImportOptions{KeepExisting: true})
		if err != nil || len(again.Changes) != 0 || again.Kinds["Recommendation"].Unchanged != 12 {
			t.Errorf("second load: %+v, %v; want everything unchanged", again.Kinds, err)
		}
		if n := mustLoads(t, store) - loadsBefore; n != 1 || MustVersion(t, store) != v+1 {
			t.Errorf("second load wrote %d loads in all and version %d (was %d); want no load, one version", n, MustVersion(t, store), v)
		}
	})
}

// TestStore_LoadRace makes another writer create one of a load's new
// edges while the load runs: Neo4j's counters disagree with what the load
// found new, and it runs again with the item-by-item audit, which does not
// claim the edge.
func TestStore_LoadRace(t *testing.T) {
	store := neo4jtest.Open(t)
	b := loadFixture(t, store)
	driver, err := neo4j.NewDriverWithContext(neo4jtest.URI(t), neo4j.NoAuth())
	if err != nil {
		t.Fatal(err)
	}
	defer driver.Close(context.Background())
	var once sync.Once
	race := func(int, int) {
		once.Do(func() {
			_, err := neo4j.ExecuteQuery(t.Context(), driver, `MATCH (a:Entity {id: 'R-old1'}), (b:Entity {id: 'R-old2'})
				CREATE (a)-[:SUPPORTS {score: 2}]->(b)`, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase("neo4j"))
			if err != nil {
				t.Error(err)
			}
		})
	}
	loads := mustLoads(t, store)
	res, err := store.Import(as(t.Context(), "ingest"), b, rodedraad.ImportOptions{KeepExisting: true, Progress: race})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Kinds["SUPPORTS"]; got != (rodedraad.KindCounts{Unchanged: 2}) {
		t.Errorf("SUPPORTS: %+v, want both unchanged: the other writer created one", got)
	}
	if got := res.Kinds["Recommendation"]; got.Created != 11 {
		t.Errorf("Recommendation: %+v, want 11 created", got)
	}
	for _, c := range MustHistory(t, store, "R-old1 -SUPPORTS-> R-old2") {
		if c.Op == "import" {
			t.Errorf("history claims the load created the raced edge: %+v", c)
		}
	}
	if n := mustLoads(t, store) - loads; n != 0 {
		t.Errorf("the raced load left %d :Change:Load nodes, want its item-by-item audit", n)
	}
	if h := MustHistory(t, store, "R-bench-0"); len(h) != 3 || h[0].Target != "R-bench-0" || h[0].Action != "created" || h[0].After["title"] == nil {
		t.Errorf("history of R-bench-0 = %+v, want its creation and its two edges'", h)
	}
}

// TestStore_LoadAfterUnlink: an edge a person removed and a load created
// again was last changed by the load, so an import may update it.
func TestStore_LoadAfterUnlink(t *testing.T) {
	store := neo4jtest.Open(t)
	MustCreate(t, store, rec("R1"), rec("R2"))
	e := rodedraad.Edge{Type: rodedraad.RelSupports, From: "R1", To: "R2", Score: intp(2)}
	MustLink(t, store, e)
	if err := store.Unlink(as(t.Context(), "anna"), rodedraad.RelSupports, "R1", "R2"); err != nil {
		t.Fatal(err)
	}
	load := &rodedraad.Bundle{Edges: []rodedraad.Edge{e}}
	if _, err := store.Import(t.Context(), load, rodedraad.ImportOptions{KeepExisting: true}); err != nil {
		t.Fatal(err)
	}
	e.Score = intp(3)
	if _, err := store.Import(t.Context(), &rodedraad.Bundle{Edges: []rodedraad.Edge{e}}, rodedraad.ImportOptions{}); err != nil {
		t.Errorf("import after the load was refused: %v", err)
	}
	if err := store.Unlink(as(t.Context(), "anna"), rodedraad.RelSupports, "R1", "R2"); err != nil {
		t.Fatal(err)
	}
	MustLink(t, store, e)
	e.Score = intp(1)
	_, err := store.Import(t.Context(), &rodedraad.Bundle{Edges: []rodedraad.Edge{e}}, rodedraad.ImportOptions{})
	wantCode(t, err, rodedraad.ECONFLICT)
}

func mustLoads(t *testing.T, store *neo4jstore.Store) int {
	t.Helper()
	n, err := neo4jstore.LoadNodes(t.Context(), store)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
