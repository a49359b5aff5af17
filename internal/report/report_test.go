package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/report"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// smallBriefing is a hand-made corpus: the municipality's health advice D1
// (2023) and Tata's steel plan D2 (2024), each published by its actor.
//
//	R1 (D1, RECOMMENDATION, H)  "Close the plant early"   nl "Sluit de fabriek eerder"
//	R2 (D2, COMMITMENT, T2)     "Close by 2029"           nl "Sluit uiterlijk in 2029"
//	R3 (D2, GOAL, T2)           "Grow production"
//	C1 R1→R2 -2: severity 2 x (1 + 1) = 4, between documents; RESOLVED by the team.
//	C2 R3→R2 -1: severity 1 x (1 + 1) = 2, inside D2: ranks last and says so.
func smallBriefing(t *testing.T, lang string, limit int) *report.Briefing {
	t.Helper()
	c1 := &analysis.Conflict{ID: "C1", Topic: "Health vs production", State: rodedraad.ConflictResolved}
	c2 := &analysis.Conflict{ID: "C2", Topic: "Growth vs closure"}
	rec := func(id, doc, kind, theme string) analysis.Node {
		return analysis.Node{ID: id, Label: rodedraad.LabelRecommendation, Kind: kind, Documents: []string{doc}, Themes: []string{theme}}
	}
	g := analysis.MustGraph([]analysis.Node{
		{ID: "A-GEM", Label: rodedraad.LabelActor, Name: "Gemeente", Sector: "PUBLIC"},
		{ID: "A-TATA", Label: rodedraad.LabelActor, Name: "Tata Steel", Sector: "PRIVATE"},
		{ID: "D1", Label: rodedraad.LabelDocument}, {ID: "D2", Label: rodedraad.LabelDocument},
		{ID: "T2", Label: rodedraad.LabelTheme, InStudyScope: true}, {ID: "H", Label: rodedraad.LabelTheme},
		rec("R1", "D1", "RECOMMENDATION", "H"), rec("R2", "D2", "COMMITMENT", "T2"), rec("R3", "D2", "GOAL", "T2"),
	}, []analysis.Edge{
		{Type: rodedraad.RelAuthored, From: "A-GEM", To: "D1", Role: "PUBLISHER"},
		{Type: rodedraad.RelAuthored, From: "A-TATA", To: "D2", Role: "PUBLISHER"},
		{Type: rodedraad.RelConflictsWith, From: "R1", To: "R2", Score: -2, Conflict: c1},
		{Type: rodedraad.RelConflictsWith, From: "R3", To: "R2", Score: -1, Conflict: c2},
	})
	r, err := analysis.Run(g, analysis.Scope{}, analysis.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	nl := func(title string) *rodedraad.Translation {
		return &rodedraad.Translation{Language: "nl", Title: title, Method: "LLM"}
	}
	nodes := map[string]rodedraad.Node{
		"A-GEM":  &rodedraad.Actor{ID: "A-GEM", Name: "Gemeente", Sector: "PUBLIC"},
		"D1":     &rodedraad.Document{ID: "D1", Title: "Gezondheidsadvies", Year: 2023, URLs: []string{"https://example.org/d1_advies"}},
		"D2":     &rodedraad.Document{ID: "D2", Title: "Staalplan", Year: 2024, URLs: []string{"https://example.org/d2"}},
		"R1":     &rodedraad.Recommendation{ID: "R1", Title: "Close the plant early", Language: "en", Translation: nl("Sluit de fabriek eerder")},
		"R2":     &rodedraad.Recommendation{ID: "R2", Title: "Close by 2029", Language: "en", Translation: nl("Sluit uiterlijk in 2029")},
		"R3":     &rodedraad.Recommendation{ID: "R3", Title: "Grow production", Language: "en"},
		"H":      &rodedraad.Theme{ID: "H", Name: "Health", Translation: nl("Gezondheid")},
		"A-TATA": &rodedraad.Actor{ID: "A-TATA", Name: "Tata Steel", Sector: "PRIVATE"},
	}
	at := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	conflicts := []*rodedraad.Conflict{
		{ID: "C1", Topic: "Health vs production", State: rodedraad.ConflictResolved, Evidence: []string{"Residents asked for closure (https://example.org/news)"}, Translation: &rodedraad.Translation{Language: "nl", Title: "Gezondheid tegen productie", Method: "LLM"},
			History: []rodedraad.ConflictDecision{{State: rodedraad.ConflictResolved, Decision: "Sluiting in 2027", Rationale: "Gezondheid > productie & banen", By: "studieteam", At: at}}},
		{ID: "C2", Topic: "Growth vs closure", State: rodedraad.ConflictOpen},
	}
	return &report.Briefing{Report: r, Conflicts: conflicts, Nodes: nodes, Lang: lang, Limit: limit}
}

func write(t *testing.T, format string, b *report.Briefing) string {
	t.Helper()
	var out bytes.Buffer
	if err := report.Write(&out, format, b); err != nil {
		t.Fatalf("Write %s: %v", format, err)
	}
	return out.String()
}

// inOrder fails unless every want occurs in text, each after the one before.
func inOrder(t *testing.T, text string, want ...string) {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("lacks %q after position %d:\n%s", w, at, text)
		}
		at += i + len(w)
	}
}

func TestWrite_Markdown(t *testing.T) {
	t.Run("OKDutch", func(t *testing.T) {
		md := write(t, "md", smallBriefing(t, "nl", 20))
		inOrder(t, md,
			"# rodedraad — briefing voor het studieteam",
			"Bereik: statussen ACCEPTED",
			"2 conflicten (1 open), uitgewerkt in 2 tegenstrijdige paren",
			"### C1 — Gezondheid tegen productie",
			"- Status: opgelost",
			"- Besluit: Sluiting in 2027, door studieteam op 2026-03-02",
			"- Motivering: Gezondheid &gt; productie & banen",
			"- Ernst: 4 in totaal, hoogste paar 4, over 1 paren",
			"- Thema's: H — Gezondheid; T2",
			"| R1 | Sluit de fabriek eerder | D1 (2023) |",
			"- overheid: Gemeente (A-GEM)",
			"| R2 | Sluit uiterlijk in 2029 | D2 (2024) |",
			"- bedrijfsleven: Tata Steel (A-TATA)",
			"| 4 | -2 | R1 | R2 |  |",
			"Bronnen:", "- D1 (2023) Gezondheidsadvies — https://example.org/d1_advies", "- D2 (2024) Staalplan — https://example.org/d2",
			"Bewijs uit de bronnen", "- Residents asked for closure (https://example.org/news)",
			"### C2 — Growth vs closure", // no Dutch topic: its own
			"Let op: dit conflict ligt binnen één document",
			"| 2 | -1 | R3 | R2 | binnen één document |",
			"## Losse tegenstrijdigheden", "\ngeen\n",
			"## Actoren die beide kanten steunen", "\ngeen\n",
			"## Documenten",
			"| D1 | Gezondheidsadvies | 2023 | https://example.org/d1_advies |",
		)
	})
	t.Run("OKEnglish", func(t *testing.T) {
		md := write(t, "md", smallBriefing(t, "en", 20))
		inOrder(t, md, "briefing for the study team", "### C1 — Health vs production", "- Status: resolved",
			"| R1 | Close the plant early | D1 (2023) |", "- public: Gemeente (A-GEM)", "## Loose contradictions", "\nnone\n")
	})
	t.Run("OKLimit", func(t *testing.T) {
		md := write(t, "md", smallBriefing(t, "nl", 1))
		if strings.Contains(md, "### C2") {
			t.Errorf("--limit 1 still shows C2:\n%s", md)
		}
		inOrder(t, md, "### C1", "… en nog 1 (toon ze met --limit 2)")
	})
}

func TestWrite_Text(t *testing.T) {
	text := write(t, "text", smallBriefing(t, "nl", 20))
	inOrder(t, text, "rodedraad — briefing voor het studieteam\n=====", "Conflicten\n==========",
		"C1 — Gezondheid tegen productie\n-------", "  - Status: opgelost", "R1  Sluit de fabriek eerder  D1 (2023)",
		"C2 — Growth vs closure", "Losse tegenstrijdigheden", "geen")
}

func TestWrite_HTML(t *testing.T) {
	page := write(t, "html", smallBriefing(t, "nl", 20))
	inOrder(t, page, "<!DOCTYPE html>", `<html lang="nl">`, "<style>", "</style>",
		"<h3>C1 — Gezondheid tegen productie</h3>", "Gezondheid &gt; productie &amp; banen",
		`<td><a href="https://example.org/d1_advies">https://example.org/d1_advies</a></td>`, "</html>")
	// One self-contained file: nothing to fetch.
	for _, bad := range []string{"<script", "<link", "<img", "src=", "@import"} {
		if strings.Contains(page, bad) {
			t.Errorf("HTML has %q: it must need no external asset", bad)
		}
	}
}

func TestWrite_JSON(t *testing.T) {
	out := write(t, "json", smallBriefing(t, "nl", 1))
	var got struct {
		Summary   struct{ Contradictions int }
		Conflicts []struct {
			ID             string `json:"id"`
			Severity       int    `json:"severity"`
			InsideDocument bool   `json:"insideDocument"`
			State          string `json:"state"`
		}
		ConflictRecords []struct {
			ID      string `json:"id"`
			History []struct{ Decision string }
		} `json:"conflictRecords"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	// JSON keeps every list whole, whatever the limit.
	if got.Summary.Contradictions != 2 || len(got.Conflicts) != 2 || got.Conflicts[0].ID != "C1" || got.Conflicts[0].State != "RESOLVED" ||
		got.Conflicts[0].Severity != 4 || !got.Conflicts[1].InsideDocument || got.ConflictRecords[0].History[0].Decision != "Sluiting in 2027" {
		t.Errorf("JSON = %+v", got)
	}
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name, format, lang string
		limit              int
		want               string
	}{
		{"ErrFormat", "pdf", "nl", 5, `format "pdf" is not one of text, md, html, json`},
		{"ErrLang", "md", "fr", 5, `lang "fr" is not one of nl, en`},
		{"ErrLimit", "md", "nl", 0, "limit 0: want 1 or more"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := report.Check(tt.format, tt.lang, tt.limit)
			if rodedraad.ErrorCode(err) != rodedraad.EINVALID || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want BAD_USER_INPUT %q", err, tt.want)
			}
		})
	}
	if err := report.Check("html", "en", 1); err != nil {
		t.Errorf("html en 1: %v", err)
	}
}
