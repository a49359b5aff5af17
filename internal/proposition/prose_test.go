package proposition_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/chat"
	"github.com/rodedraad/rodedraad/internal/proposition"
)

// fakeModel answers with its reply when the request holds want, and with
// no sentences otherwise.
type fakeModel struct {
	want, reply string
	err         error
	asked       int
}

func (m *fakeModel) Complete(_ context.Context, r chat.Request) (chat.Response, error) {
	m.asked++
	if m.err != nil {
		return chat.Response{}, m.err
	}
	if strings.Contains(r.Messages[1].Content, m.want) {
		return chat.Response{Content: m.reply}, nil
	}
	return chat.Response{Content: `{"sentences":[]}`}, nil
}

func TestProse(t *testing.T) {
	t.Run("OnlyCheckedSentencesStay", func(t *testing.T) {
		d := MustDraft(t, "en")
		template := d.Themes[1].Summary
		m := &fakeModel{want: "[X1, X2, X3]", reply: `{"sentences":[
			{"text":"Three plans ask for the same thing.","cites":["X1","X2","X3"]},
			{"text":"Everyone agrees.","cites":[]},
			{"text":"The port backs it too.","cites":["X1","R99.9"]}]}`}
		if err := proposition.Prose(context.Background(), m, d); err != nil {
			t.Fatal(err)
		}
		// The overall section and T1 both hold the cluster X1, X2, X3.
		if m.asked != 3 {
			t.Errorf("asked %d times, want once per section (3)", m.asked)
		}
		got := d.Themes[0].Summary
		if len(got) != 1 || got[0].Text != "Three plans ask for the same thing." ||
			!slices.Equal(got[0].Docs, []string{"D1", "D2", "D3"}) {
			t.Errorf("T1 summary = %+v", got)
		}
		if len(d.Dropped) != 4 || d.Dropped[0].Reason != "cites nothing" || !strings.Contains(d.Dropped[1].Reason, "R99.9") {
			t.Errorf("dropped = %+v", d.Dropped)
		}
		// T2 got no sentence: it keeps the template's summary.
		if !slices.EqualFunc(d.Themes[1].Summary, template, func(a, b proposition.Statement) bool { return a.Text == b.Text }) {
			t.Errorf("T2 summary = %+v", d.Themes[1].Summary)
		}
		var md strings.Builder
		if err := proposition.Write(&md, "md", d); err != nil || !strings.Contains(md.String(), "Everyone agrees. (cites nothing)") {
			t.Errorf("the Markdown does not list the dropped sentences (%v)", err)
		}
	})
	t.Run("ErrModel", func(t *testing.T) {
		err := proposition.Prose(context.Background(), &fakeModel{err: chat.ErrRefused}, MustDraft(t, "nl"))
		if !errors.Is(err, chat.ErrRefused) {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("ErrBadJSON", func(t *testing.T) {
		err := proposition.Prose(context.Background(), &fakeModel{want: "", reply: "{"}, MustDraft(t, "nl"))
		if !errors.Is(err, chat.ErrBadJSON) {
			t.Errorf("err = %v", err)
		}
	})
}
