package proposition_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/chat"
	"github.com/rodedraad/rodedraad/internal/proposition"
)

// labelModel answers every label request with reply.
type labelModel struct {
	reply string
	err   error
	asked []string
}

func (m *labelModel) Complete(_ context.Context, r chat.Request) (chat.Response, error) {
	m.asked = append(m.asked, r.Messages[1].Content)
	return chat.Response{Content: m.reply}, m.err
}

// threads returns every red-thread cluster of the draft.
func threads(d *proposition.Draft) []*proposition.Thread {
	var out []*proposition.Thread
	for _, s := range append([]*proposition.Section{&d.Overall}, sectionPtrs(d.Themes)...) {
		for i := range s.RedThread {
			out = append(out, &s.RedThread[i])
		}
	}
	return out
}

func sectionPtrs(ss []proposition.Section) []*proposition.Section {
	out := make([]*proposition.Section, len(ss))
	for i := range ss {
		out[i] = &ss[i]
	}
	return out
}

func TestLabel(t *testing.T) {
	t.Run("ClustersOfSeveralWordingsGetTheModelsLabel", func(t *testing.T) {
		d := MustDraft(t, "nl")
		before := map[string]string{}
		for _, th := range threads(d) {
			before[th.ID] = th.Label
		}
		m := &labelModel{reply: `{"label":"Eén gedeelde vraag"}`}
		if err := proposition.Label(context.Background(), m, d); err != nil {
			t.Fatal(err)
		}
		multi := 0
		for _, th := range threads(d) {
			switch {
			case len(th.Members) > 1:
				multi++
				if th.Label != "Eén gedeelde vraag" {
					t.Errorf("cluster %s of %d wordings keeps label %q", th.ID, len(th.Members), th.Label)
				}
			case th.Label != before[th.ID]:
				t.Errorf("cluster of one %s relabelled %q", th.ID, th.Label)
			}
		}
		if multi == 0 || len(m.asked) != multi || !strings.Contains(m.asked[0], "- ") {
			t.Fatalf("%d clusters of several wordings, model asked %d times: %q", multi, len(m.asked), m.asked)
		}
	})
	t.Run("TooLongOrEmptyKeepsTheMedoid", func(t *testing.T) {
		for _, reply := range []string{`{"label":""}`, `{"label":"` + strings.Repeat("woord ", 30) + `"}`} {
			d := MustDraft(t, "nl")
			want := map[string]string{}
			for _, th := range threads(d) {
				want[th.ID] = th.Label
			}
			if err := proposition.Label(context.Background(), &labelModel{reply: reply}, d); err != nil {
				t.Fatal(err)
			}
			for _, th := range threads(d) {
				if th.Label != want[th.ID] {
					t.Errorf("reply %q changed %s's label to %q", reply, th.ID, th.Label)
				}
			}
		}
	})
	t.Run("ErrBrokenJSON", func(t *testing.T) {
		err := proposition.Label(context.Background(), &labelModel{reply: "{"}, MustDraft(t, "nl"))
		if !errors.Is(err, chat.ErrBadJSON) {
			t.Fatalf("err = %v, want ErrBadJSON", err)
		}
	})
}
