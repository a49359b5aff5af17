package neo4jstore_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

func TestStore_Search(t *testing.T) {
	store := neo4jtest.Seeded(t)
	b := MustSeeds(t)
	// with returns the ids of the seed nodes whose text contains word.
	with := func(word string, label rodedraad.Label) []string {
		var out []string
		add := func(id string, texts ...string) {
			if strings.Contains(strings.ToLower(strings.Join(texts, " ")), word) {
				out = append(out, id)
			}
		}
		switch label {
		case rodedraad.LabelRecommendation:
			for _, r := range b.Recommendations {
				add(r.ID, r.Title, r.Text)
			}
		case rodedraad.LabelDocument:
			for _, d := range b.Documents {
				add(d.ID, d.Title, d.Summary)
			}
		}
		return out
	}
	ok := []struct {
		name, text string
		kind       rodedraad.Label
		want       []string // the best hit is one of these, and all of them are hits
	}{
		{"OKEnglishWord", "electrolyser", rodedraad.LabelRecommendation, with("electrolyser", rodedraad.LabelRecommendation)},
		{"OKDutchWord", "omwonenden", rodedraad.LabelDocument, with("omwonenden", rodedraad.LabelDocument)},
		{"OKPrefixOfLastWord", "green electroly", rodedraad.LabelRecommendation, with("electrolyser", rodedraad.LabelRecommendation)},
		{"OKUpperCase", "ELECTROLYSER", rodedraad.LabelRecommendation, with("electrolyser", rodedraad.LabelRecommendation)},
	}
	for _, tc := range ok {
		t.Run(tc.name, func(t *testing.T) {
			if len(tc.want) == 0 {
				t.Fatalf("no seed holds the word: the case proves nothing")
			}
			hits, err := store.Search(t.Context(), tc.text, []rodedraad.Label{tc.kind}, 20)
			if err != nil {
				t.Fatalf("Search: %v", err)
			}
			if len(hits) == 0 || !slices.Contains(tc.want, hits[0].Node.NodeID()) {
				t.Fatalf("hits = %v, want the best among %v", hitIDs(hits), tc.want)
			}
			for i, h := range hits {
				if h.Node.NodeLabel() != tc.kind {
					t.Errorf("hit %s is a %s, want only %s", h.Node.NodeID(), h.Node.NodeLabel(), tc.kind)
				}
				if i > 0 && h.Score > hits[i-1].Score {
					t.Errorf("hits not best first: %v", hits)
				}
			}
			for _, id := range tc.want {
				if !slices.Contains(hitIDs(hits), id) {
					t.Errorf("%s holds the word but is not a hit: %v", id, hitIDs(hits))
				}
			}
		})
	}
	t.Run("OKAllKindsAndLimit", func(t *testing.T) {
		hits, err := store.Search(t.Context(), "Tata Steel", nil, 5)
		if err != nil || len(hits) != 5 {
			t.Fatalf("Search = %d hits, %v; want 5", len(hits), err)
		}
	})
	for _, text := range []string{
		`AND`, `NOT`, `OR steel`, `steel AND`, `a TO b`, `"unbalanced`, `steel)`, `((( steel`, `[2020 TO 2030]`, `{x}`,
		`title:steel`, `staal~2`, `water*`, `?ater`, `^boost`, `a && b || !c`, `C:\path/to`, `-minus +plus`, `'quote'`, `ijmond's`,
	} {
		t.Run("OKLuceneSyntaxIsText/"+text, func(t *testing.T) {
			if _, err := store.Search(t.Context(), text, nil, 10); err != nil {
				t.Errorf("Search(%q): %v", text, err)
			}
		})
	}
	for _, text := range []string{"", "   ", "!!! ()"} {
		t.Run("ErrEmpty/"+text, func(t *testing.T) {
			_, err := store.Search(t.Context(), text, nil, 10)
			wantCode(t, err, rodedraad.EINVALID)
		})
	}
	t.Run("ErrUnknownKind", func(t *testing.T) {
		_, err := store.Search(t.Context(), "steel", []rodedraad.Label{"Entity"}, 10)
		wantCode(t, err, rodedraad.EINVALID)
	})
}

func hitIDs(hits []rodedraad.Hit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.Node.NodeID()
	}
	return out
}
