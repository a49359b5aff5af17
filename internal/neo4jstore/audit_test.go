package neo4jstore_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// as returns ctx carrying a principal named name.
func as(ctx context.Context, name string) context.Context {
	return rodedraad.WithPrincipal(ctx, rodedraad.Principal{Name: name, Role: rodedraad.RoleEditor, Via: "token", Request: "req-" + name})
}

// MustHistory returns the audit trail of id.
func MustHistory(tb testing.TB, store *neo4jstore.Store, id string) []rodedraad.Change {
	tb.Helper()
	h, err := store.History(tb.Context(), id, 100)
	if err != nil {
		tb.Fatalf("History(%s): %v", id, err)
	}
	return h
}

func TestStore_Audit(t *testing.T) {
	t.Run("EveryWriteIsRecordedWithWhoAndBeforeAfter", func(t *testing.T) {
		store := neo4jtest.Open(t)
		ctx := as(t.Context(), "anna")
		r := rec("R1")
		if err := store.CreateNode(ctx, r); err != nil {
			t.Fatal(err)
		}
		r.Title = "nieuwe titel"
		if err := store.ReplaceNode(as(t.Context(), "bram"), r); err != nil {
			t.Fatal(err)
		}
		if _, err := store.ReviewNode(ctx, "R1", rodedraad.StatusRejected, "anna", "te vaag"); err != nil {
			t.Fatal(err)
		}
		if err := store.DeleteNode(ctx, rodedraad.LabelRecommendation, "R1"); err != nil {
			t.Fatal(err)
		}
		h := MustHistory(t, store, "R1")
		want := []struct{ op, action, actor string }{
			{"create", "created", "anna"}, {"replace", "updated", "bram"}, {"review", "updated", "anna"}, {"delete", "deleted", "anna"},
		}
		if len(h) != len(want) {
			t.Fatalf("history has %d entries, want %d: %+v", len(h), len(want), h)
		}
		for i, w := range want {
			c := h[i]
			if c.Op != w.op || c.Action != w.action || c.Actor != w.actor || c.Request != "req-"+w.actor || c.Role != "EDITOR" {
				t.Errorf("entry %d = %s/%s by %s (%s, %s), want %s/%s by %s", i, c.Op, c.Action, c.Actor, c.Role, c.Request, w.op, w.action, w.actor)
			}
		}
		if h[1].Before["title"] == h[1].After["title"] || h[1].After["title"] != "nieuwe titel" {
			t.Errorf("update before/after titles = %v / %v", h[1].Before["title"], h[1].After["title"])
		}
		if h[0].Before != nil || h[3].After != nil {
			t.Errorf("create has a before (%v) or delete an after (%v)", h[0].Before, h[3].After)
		}
	})
	t.Run("EdgesAndChangesQuery", func(t *testing.T) {
		store := neo4jtest.Open(t)
		MustCreate(t, store, rec("R1"), rec("R2"))
		e := rodedraad.Edge{Type: rodedraad.RelSupports, From: "R1", To: "R2", Score: intp(2)}
		if _, err := store.Link(as(t.Context(), "carla"), e); err != nil {
			t.Fatal(err)
		}
		if err := store.Unlink(as(t.Context(), "carla"), rodedraad.RelSupports, "R1", "R2"); err != nil {
			t.Fatal(err)
		}
		if h := MustHistory(t, store, "R2"); len(h) != 3 || h[1].Target != "R1 -SUPPORTS-> R2" || h[2].Action != "deleted" {
			t.Errorf("history of R2 = %+v, want its creation, the link and the unlink", h)
		}
		got, err := store.Changes(t.Context(), rodedraad.ChangeFilter{Actor: "carla", Limit: 1})
		if err != nil || len(got) != 1 || got[0].Op != "unlink" {
			t.Fatalf("Changes(carla, 1) = %+v, %v; want the unlink", got, err)
		}
		next, err := store.Changes(t.Context(), rodedraad.ChangeFilter{Actor: "carla", Limit: 5, AfterVersion: got[0].Version, AfterSeq: got[0].Seq})
		if err != nil || len(next) != 1 || next[0].Op != "link" {
			t.Errorf("Changes after the cursor = %+v, %v; want only the link", next, err)
		}
	})
	t.Run("FailedWriteRecordsNothing", func(t *testing.T) {
		store := neo4jtest.Open(t)
		MustCreate(t, store, rec("R1"))
		err := store.ReplaceNode(t.Context(), rec("R404"))
		wantCode(t, err, rodedraad.ENOTFOUND)
		if h := MustHistory(t, store, "R404"); len(h) != 0 {
			t.Errorf("a failed write left %d audit entries", len(h))
		}
	})
}

func TestStore_ImportDiff(t *testing.T) {
	bundleOf := func(title string) *rodedraad.Bundle {
		r := rec("R1")
		r.Title = title
		return &rodedraad.Bundle{Themes: []rodedraad.Theme{*theme("T1")}, Recommendations: []rodedraad.Recommendation{*r, *rec("R2")},
			Edges: []rodedraad.Edge{{Type: rodedraad.RelAddresses, From: "R1", To: "T1"}}}
	}
	t.Run("CountsPerKind", func(t *testing.T) {
		store := neo4jtest.Open(t)
		res, err := store.Import(t.Context(), bundleOf("een"), rodedraad.ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if k := res.Kinds["Recommendation"]; k.Created != 2 || k.Updated+k.Unchanged != 0 {
			t.Errorf("first load: recommendations %+v, want 2 created", k)
		}
		res, err = store.Import(t.Context(), bundleOf("twee"), rodedraad.ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if k := res.Kinds["Recommendation"]; k.Created != 0 || k.Updated != 1 || k.Unchanged != 1 {
			t.Errorf("second load: recommendations %+v, want 1 updated and 1 unchanged", k)
		}
		if k := res.Kinds["ADDRESSES"]; k.Unchanged != 1 {
			t.Errorf("second load: ADDRESSES %+v, want 1 unchanged", k)
		}
	})
	t.Run("DryRunWritesNothing", func(t *testing.T) {
		store := neo4jtest.Open(t)
		MustImport(t, store, bundleOf("een"))
		before, v := MustDump(t, store), MustVersion(t, store)
		res, err := store.Import(t.Context(), bundleOf("twee"), rodedraad.ImportOptions{DryRun: true})
		if err != nil {
			t.Fatal(err)
		}
		wantUnchanged(t, store, before, v)
		if len(res.Changes) != 1 || res.Changes[0].Target != "R1" || res.Changes[0].After["title"] != "twee" {
			t.Errorf("dry-run diff = %+v, want R1's title to become twee", res.Changes)
		}
	})
	t.Run("RefusesToOverwriteHandEdits", func(t *testing.T) {
		store := neo4jtest.Open(t)
		MustImport(t, store, bundleOf("een"))
		r := rec("R1")
		r.Title = "door het team"
		if err := store.ReplaceNode(as(t.Context(), "anna"), r); err != nil {
			t.Fatal(err)
		}
		before, v := MustDump(t, store), MustVersion(t, store)
		_, err := store.Import(t.Context(), bundleOf("een"), rodedraad.ImportOptions{})
		wantCode(t, err, rodedraad.ECONFLICT)
		if !strings.Contains(err.Error(), "R1") || !strings.Contains(err.Error(), "--overwrite") {
			t.Errorf("refusal %q does not name R1 and --overwrite", err)
		}
		wantUnchanged(t, store, before, v)
		if _, err := store.Import(t.Context(), bundleOf("een"), rodedraad.ImportOptions{Overwrite: true}); err != nil {
			t.Fatalf("with Overwrite: %v", err)
		}
		// Loaded again: the next import may change it without asking.
		if _, err := store.Import(t.Context(), bundleOf("drie"), rodedraad.ImportOptions{}); err != nil {
			t.Errorf("after an overwrite the load owns R1 again: %v", err)
		}
	})
}

func TestStore_Tokens(t *testing.T) {
	store := neo4jtest.Open(t)
	ctx := t.Context()
	if has, err := store.HasTokens(ctx); err != nil || has {
		t.Fatalf("HasTokens on an empty graph = %v, %v", has, err)
	}
	tok := rodedraad.Token{ID: "tok_1", Name: "dashboard", Role: rodedraad.RoleEditor, Hash: "h1"}
	if err := store.CreateToken(ctx, tok); err != nil {
		t.Fatal(err)
	}
	wantCode(t, store.CreateToken(ctx, rodedraad.Token{ID: "tok_2", Name: "dashboard", Role: rodedraad.RoleReader, Hash: "h2"}), rodedraad.ECONFLICT)
	got, err := store.TokenByHash(ctx, "h1")
	if err != nil || got.Name != "dashboard" || got.Role != rodedraad.RoleEditor {
		t.Fatalf("TokenByHash = %+v, %v", got, err)
	}
	if _, err := store.RevokeToken(ctx, "dashboard"); err != nil {
		t.Fatal(err)
	}
	_, err = store.TokenByHash(ctx, "h1")
	wantCode(t, err, rodedraad.ENOTFOUND)
	_, err = store.RevokeToken(ctx, "dashboard")
	wantCode(t, err, rodedraad.ENOTFOUND)
	list, err := store.Tokens(ctx)
	if err != nil || len(list) != 1 || list[0].RevokedAt.IsZero() || list[0].Hash != "" {
		t.Errorf("Tokens = %+v, %v; want the one revoked token without its hash", list, err)
	}
	if has, _ := store.HasTokens(ctx); !has {
		t.Errorf("HasTokens = false after a token was created")
	}
}

func TestStore_GraphVersionUnderConcurrentWrites(t *testing.T) {
	t.Run("ConcurrentWritesEachGetTheirOwn", func(t *testing.T) {
		store := neo4jtest.Open(t)
		v0 := MustVersion(t, store)
		const n = 8
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for i := range n {
			wg.Go(func() { errs <- store.CreateNode(as(t.Context(), "anna"), rec(fmt.Sprintf("R%d", i))) })
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		if v := MustVersion(t, store); v != v0+n {
			t.Fatalf("graph version after %d writes = %d, want %d", n, v, v0+n)
		}
		var got []int64
		for i := range n {
			h := MustHistory(t, store, fmt.Sprintf("R%d", i))
			if len(h) != 1 {
				t.Fatalf("history of R%d = %+v, want its creation", i, h)
			}
			got = append(got, h[0].Version)
		}
		slices.Sort(got)
		for i, v := range got {
			if v != v0+int64(i)+1 {
				t.Fatalf("versions of the %d creations = %v, want %d..%d once each", n, got, v0+1, v0+n)
			}
		}
	})
	t.Run("WriteWithoutChangesBumpsIt", func(t *testing.T) {
		store := neo4jtest.Open(t)
		v0 := MustVersion(t, store)
		if err := store.DeleteAll(t.Context()); err != nil {
			t.Fatal(err)
		}
		if v := MustVersion(t, store); v != v0+1 {
			t.Errorf("graph version after a write that changed nothing = %d, want %d", v, v0+1)
		}
		if got, err := store.Changes(t.Context(), rodedraad.ChangeFilter{Limit: 5}); err != nil || len(got) != 0 {
			t.Errorf("Changes = %+v, %v; want none recorded", got, err)
		}
	})
}
