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

// TestStore_SearchDutch checks that Dutch words find the items about them,
// whether the item's own text is Dutch or English: through the Dutch
// renderings beside the English and the Dutch analyser over them (migration
// 005). The wanted ids are items about the word read by hand, each with
// English wording of its own that lacks the Dutch word.
func TestStore_SearchDutch(t *testing.T) {
	store := neo4jtest.Seeded(t)
	tests := []struct {
		word string
		want []string
	}{
		{"woningbouw", []string{"R31.1", "R29.1", "R30.1", "R20.5"}},     // homes in the Spoorzone, Heemskerk, Beverwijk, the NZKG
		{"fijnstof", []string{"R01.1", "R01.2", "R01.4", "R35.4"}},       // particulates around Tata, along the A8-A9
		{"luchtkwaliteit", []string{"R29.2", "R04.1", "R06.4", "R35.1"}}, // air quality towards WHO values, complaints, congestion
		{"windenergie", []string{"R22.1", "R22.4", "R24.2", "R37.2"}},    // offshore wind port, jobs, green power for H2ermes
		{"waterstof", []string{"R37.1", "R13.2", "R28.2", "R12.4"}},      // hydrogen electrolyser, DRI on gas then hydrogen, jobs
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			hits, err := store.Search(t.Context(), tt.word, []rodedraad.Label{rodedraad.LabelRecommendation}, 50)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.Node.NodeID())
			}
			for _, id := range tt.want {
				if !slices.Contains(got, id) {
					t.Errorf("%q does not find %s; hits %v", tt.word, id, got)
				}
			}
		})
	}
	t.Run("EnglishStillFinds", func(t *testing.T) {
		hits, err := store.Search(t.Context(), "particulates", nil, 50)
		if err != nil || !slices.ContainsFunc(hits, func(h rodedraad.Hit) bool { return h.Node.NodeID() == "R01.2" }) {
			t.Errorf("particulates: %v, %v", hits, err)
		}
	})
	t.Run("Conflicts", func(t *testing.T) {
		hits, err := store.Search(t.Context(), "stikstofdepositie", []rodedraad.Label{rodedraad.LabelConflict}, 5)
		if err != nil || len(hits) == 0 || hits[0].Node.NodeID() != "C07" {
			t.Errorf("stikstofdepositie among conflicts: %v, %v; want C07 first", hits, err)
		}
	})
}
