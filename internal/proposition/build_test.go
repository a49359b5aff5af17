package proposition_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/proposition"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

func choiceIDs(cs []proposition.Choice) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.ID)
	}
	return out
}

func TestBuild_Fixture(t *testing.T) {
	d := MustDraft(t, "en")
	if d.GraphVersion != 7 || len(d.Themes) != 2 || d.Themes[0].Theme != "T1" || d.Themes[1].Theme != "T2" {
		t.Fatalf("draft: version %d, themes %+v", d.GraphVersion, d.Themes)
	}
	t1, t2 := d.Themes[0], d.Themes[1]
	t.Run("RedThreadIsTheCluster", func(t *testing.T) {
		// {X1,X2,X3}: GEM, TATA, BUURT: GAC 4/27, three sectors, three documents, worst pair 4.
		if len(t1.RedThread) != 1 || t1.NoThread {
			t.Fatalf("T1 red thread = %+v", t1.RedThread)
		}
		th := t1.RedThread[0]
		if th.ID != "X2" || th.Label != "ask X2" || len(th.Members) != 3 ||
			!slices.Equal(th.Sectors, []string{"PUBLIC", "PRIVATE", "CIVIL"}) ||
			!slices.Equal(th.Cites, []string{"X1", "X2", "X3"}) || !slices.Equal(th.Docs, []string{"D1", "D2", "D3"}) {
			t.Errorf("thread = %+v", th)
		}
		if !strings.Contains(th.Text, "3 wording(s) in 3 document(s)") {
			t.Errorf("thread text = %q", th.Text)
		}
	})
	t.Run("NoThreadShowsTheNearest", func(t *testing.T) {
		// T2 has Y1 alone, backed by GEM only: no candidate; Y1 is the nearest.
		if !t2.NoThread || len(t2.RedThread) != 1 || t2.RedThread[0].ID != "Y1" || t2.RedThread[0].Candidate {
			t.Errorf("T2 red thread = %+v (noThread %v)", t2.RedThread, t2.NoThread)
		}
	})
	t.Run("Choices", func(t *testing.T) {
		// CX touches T1 and T2; CH touches T2 and H. Open before resolved.
		if got := choiceIDs(t1.Choices); !slices.Equal(got, []string{"CX"}) {
			t.Errorf("T1 choices = %v", got)
		}
		if got := choiceIDs(t2.Choices); !slices.Equal(got, []string{"CX", "CH"}) {
			t.Errorf("T2 choices = %v", got)
		}
		ch := t2.Choices[1]
		if ch.State != rodedraad.ConflictResolved || ch.Decision != "Gezondheid gaat voor" || ch.By != "studieteam" ||
			ch.Severity != 6 || ch.SideA.Items[0].ID != "Z1" || !slices.Equal(ch.SideA.Backers, []string{"Buurt"}) ||
			!slices.Equal(ch.Docs, []string{"D1", "D3"}) {
			t.Errorf("CH = %+v", ch)
		}
	})
	t.Run("Gaps", func(t *testing.T) {
		// T2: one recommendation (thin below max(2/4, 3)), GEM only, no owner,
		// three sectors unheard, health clashes once (CH), Y1 has no owner.
		want := []string{"Thin: only 1", "Single perspective", "Nobody must act", "Not heard: private",
			"Not heard: knowledge", "Not heard: civil society", "Health, outside the study's frame, clashes with this theme 1 times",
			"1 recommendations without an owner. Y1"}
		if len(t2.Gaps) != len(want) {
			t.Fatalf("T2 gaps = %+v", t2.Gaps)
		}
		for i, w := range want {
			if !strings.HasPrefix(t2.Gaps[i].Text, w) {
				t.Errorf("gap %d = %q, want it to start with %q", i, t2.Gaps[i].Text, w)
			}
		}
		if !slices.Equal(t2.Gaps[6].Cites, []string{"CH"}) {
			t.Errorf("frame gap cites %v, want CH", t2.Gaps[6].Cites)
		}
		// T1: three recommendations, not thin; knowledge unheard; X3 has no owner.
		if len(t1.Gaps) != 2 || !strings.HasPrefix(t1.Gaps[0].Text, "Not heard: knowledge") ||
			!slices.Equal(t1.Gaps[1].Cites, []string{"X3"}) {
			t.Errorf("T1 gaps = %+v", t1.Gaps)
		}
	})
	t.Run("ActorsAndScenarios", func(t *testing.T) {
		if len(t1.Actors) != 1 || !strings.HasPrefix(t1.Actors[0].Text, "Gemeente (public): must act on 2") ||
			!slices.Equal(t1.Actors[0].Cites, []string{"X1", "X2"}) {
			t.Errorf("T1 actors = %+v", t1.Actors)
		}
		if len(t1.Scenarios) != 1 || !slices.Equal(t1.Scenarios[0].Cites, []string{"X1"}) {
			t.Errorf("T1 scenarios = %+v", t1.Scenarios)
		}
	})
	t.Run("Sources", func(t *testing.T) {
		if len(d.Sources) != 3 || d.Sources[0] != (proposition.Source{ID: "D1", Title: "Visie D1", Year: 2023, URL: "https://example.org/d1"}) ||
			d.Sources[1].Title != "Plan D2" {
			t.Errorf("sources = %+v", d.Sources)
		}
	})
	t.Run("Dutch", func(t *testing.T) {
		nl := MustDraft(t, "nl")
		if nl.Themes[0].Choices[0].Topic != "grond" || !strings.Contains(nl.Intro.Text, "grafiekversie 7") {
			t.Errorf("Dutch draft: topic %q, intro %q", nl.Themes[0].Choices[0].Topic, nl.Intro.Text)
		}
	})
}

func TestBuild_Errors(t *testing.T) {
	in := fixtureInput(t, "de")
	if _, err := proposition.Build(in); rodedraad.ErrorCode(err) != rodedraad.EINVALID || !strings.Contains(err.Error(), `"de"`) {
		t.Errorf("lang de: %v", err)
	}
	in = fixtureInput(t, "nl")
	in.Report = nil
	if _, err := proposition.Build(in); rodedraad.ErrorCode(err) != rodedraad.EINVALID {
		t.Errorf("no report: %v", err)
	}
}

func TestBuild_Since(t *testing.T) {
	in := fixtureInput(t, "en")
	// Version 3 had no red thread, CX resolved and a cluster Q1 that is gone.
	in.Previous = &proposition.Record{GraphVersion: 3, Threads: map[string][]string{"Q1": {"Q1"}, "X1": {"X1", "X2"}},
		Conflicts: map[string]rodedraad.ConflictState{"CX": rodedraad.ConflictResolved, "CH": rodedraad.ConflictResolved}}
	d, err := proposition.Build(in)
	if err != nil {
		t.Fatal(err)
	}
	if d.Changes == nil || d.Changes.Since != 3 {
		t.Fatalf("changes = %+v", d.Changes)
	}
	var texts []string
	for _, s := range d.Changes.Statements {
		texts = append(texts, s.Text)
	}
	want := []string{"ask X2 now also gathers X3.", "No longer in the red thread: Q1.", "Conflict CX: resolved → open."}
	if !slices.Equal(texts, want) {
		t.Errorf("changes = %q, want %q", texts, want)
	}
	t.Run("RecordRoundTrip", func(t *testing.T) {
		r := proposition.NewRecord(7, in.Report, in.Conflicts)
		back, err := proposition.UnmarshalRecord(r.Marshal())
		if err != nil || !slices.Equal(back.Threads["X2"], []string{"X1", "X2", "X3"}) || back.Conflicts["CX"] != rodedraad.ConflictOpen {
			t.Errorf("record = %+v, %v", back, err)
		}
		if _, err := proposition.UnmarshalRecord("{"); rodedraad.ErrorCode(err) != rodedraad.EINTERNAL {
			t.Errorf("bad record: %v", err)
		}
	})
}
