package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/suggest"
)

// rec makes a recommendation of its own document.
func rec(id, lang, text string) suggest.Rec {
	return suggest.Rec{ID: id, Document: "D" + id, Language: lang, Text: text}
}

// mustJudge judges (a, b) and fails the test on an error.
func mustJudge(tb testing.TB, a, b suggest.Rec) []suggest.Proposal {
	tb.Helper()
	ps, err := New(Options{}).Judge(context.Background(), a, b)
	if err != nil {
		tb.Fatalf("judge %s and %s: %v", a.ID, b.ID, err)
	}
	return ps
}

func TestJudge_Judge(t *testing.T) {
	tests := []struct {
		name     string
		a, b     suggest.Rec
		typ      string // "" when nothing should be proposed
		score    int
		from     string
		mentions []string // the rationale must name these besides both quotes
	}{
		{"OverlapNL",
			rec("a", "nl", "Sluit de kooksfabriek van Tata Steel in IJmuiden vóór 2030 om de uitstoot van PAK te verminderen."),
			rec("b", "nl", "De kooksfabrieken van Tata Steel in IJmuiden moeten vóór 2030 sluiten om de uitstoot van PAK te verminderen."),
			suggest.Overlaps, 0, "a", []string{"Beide vragen hetzelfde", "Both ask the same"}},
		{"OverlapEN",
			rec("a", "en", "Build a hydrogen pipeline from the port of IJmuiden to the steelworks by 2032."),
			rec("b", "en", "A hydrogen pipeline from the port of IJmuiden to the steelworks should be built by 2032."),
			suggest.Overlaps, 0, "a", nil},
		{"NotOnlyIsNoNegation",
			rec("a", "nl", "Verbeter niet alleen de fietspaden maar ook de looproutes naar station Beverwijk."),
			rec("b", "nl", "Verbeter de fietspaden en de looproutes naar station Beverwijk."),
			suggest.Overlaps, 0, "a", nil},
		{"NumbersPercentNL",
			rec("a", "nl", "Verminder de CO2-uitstoot van de industrie in de IJmond met 55% in 2030."),
			rec("b", "nl", "Verminder de CO2-uitstoot van de industrie in de IJmond met 49% in 2030."),
			suggest.ConflictsWith, -1, "a", []string{"55", "49", "verborgen tegenspraak"}},
		{"NumbersYearEN",
			rec("a", "en", "Close the coke plant at Tata Steel in IJmuiden by 2030."),
			rec("b", "en", "Close the coke plant at Tata Steel in IJmuiden by 2035."),
			suggest.ConflictsWith, -1, "a", []string{"2030", "2035", "hidden contradiction"}},
		{"OppositeRaiseLowerNL",
			rec("a", "nl", "Verhoog de parkeertarieven in Velsen-Noord om het autoverkeer te ontmoedigen."),
			rec("b", "nl", "Verlaag de parkeertarieven in Velsen-Noord om winkelend publiek te trekken."),
			suggest.ConflictsWith, -2, "a", []string{"verhoog", "verlaag", "hetzelfde onderwerp"}},
		{"OppositeInflectedNL",
			rec("a", "nl", "De gemeente verhoogt de toeristenbelasting in Zandvoort."),
			rec("b", "nl", "De toeristenbelasting in Zandvoort moet omlaag."),
			suggest.ConflictsWith, -2, "a", []string{"verhoogt", "omlaag"}},
		{"OppositeCloseKeepOpenNL",
			rec("a", "nl", "Sluit de kooksfabriek in IJmuiden."),
			rec("b", "nl", "Houd de kooksfabriek in IJmuiden open voor de werkgelegenheid."),
			suggest.ConflictsWith, -2, "a", []string{"sluit", "open"}},
		{"OppositeClosureRetentionNL",
			rec("a", "nl", "Sluiting van de hoogovens is nodig voor een gezonde IJmond."),
			rec("b", "nl", "Behoud van de hoogovens is nodig voor de werkgelegenheid in de IJmond."),
			suggest.ConflictsWith, -2, "a", []string{"sluiting", "behoud"}},
		{"OppositeExpandRestrictEN",
			rec("a", "en", "Expand the night flights of Schiphol over the IJmond."),
			rec("b", "en", "Restrict night flights over the IJmond."),
			suggest.ConflictsWith, -2, "a", []string{"expand", "restrict", "same object"}},
		{"OppositeRelatedObjectsNL",
			rec("a", "nl", "Verhoog het budget voor fietspaden en voetpaden in Beverwijk."),
			rec("b", "nl", "Verlaag het budget voor het onderhoud van wegen in Beverwijk en Heemskerk."),
			suggest.ConflictsWith, -1, "a", []string{"verwant onderwerp", "related objects"}},
		{"OppositeOnOtherObjectsEN",
			rec("a", "en", "Increase the number of cycle lanes in Beverwijk and connect them to the stations."),
			rec("b", "en", "Decrease car parking near the stations in Beverwijk."),
			"", 0, "", nil},
		{"NegatedOppositeAgreesNL",
			rec("a", "nl", "Verhoog de parkeertarieven in Velsen-Noord niet."),
			rec("b", "nl", "Verlaag de parkeertarieven in Velsen-Noord."),
			"", 0, "", nil},
		{"NegationNL",
			rec("a", "nl", "Bouw geen nieuwe woningen in de duinen bij Wijk aan Zee."),
			rec("b", "nl", "Bouw nieuwe woningen in de duinen bij Wijk aan Zee."),
			suggest.ConflictsWith, -2, "a", []string{"geen", "ontkent", "negates"}},
		{"NegationEN",
			rec("a", "en", "Extend the port of IJmuiden into the dunes."),
			rec("b", "en", "Do not extend the port of IJmuiden into the dunes."),
			suggest.ConflictsWith, -2, "a", []string{"not"}},
		{"NegationContractionEN",
			rec("a", "en", "Don't build a new road through the dunes near Wijk aan Zee."),
			rec("b", "en", "Build a new road through the dunes near Wijk aan Zee."),
			suggest.ConflictsWith, -2, "a", []string{`"don't"`}},
		{"EnablingNL",
			rec("a", "nl", "Leg een waterstofleiding aan van de haven naar het staalbedrijf; die is een voorwaarde voor de waterstoffabriek van Tata Steel in IJmuiden."),
			rec("b", "nl", "Bouw een waterstoffabriek bij Tata Steel in IJmuiden."),
			suggest.Supports, 1, "a", []string{"voorwaarde", "mogelijk", "Enables"}},
		{"EnablingEN",
			rec("a", "en", "Electrify the blast furnaces at Tata Steel."),
			rec("b", "en", "Upgrade the electricity grid in Velsen, which is required for the electrification of the blast furnaces at Tata Steel."),
			suggest.Supports, 1, "b", []string{"required"}},
		{"NoMarkerNoSupport",
			rec("a", "en", "Electrify the blast furnaces at Tata Steel."),
			rec("b", "en", "Upgrade the electricity grid in Velsen."),
			"", 0, "", nil},
		{"Unrelated",
			rec("a", "nl", "Leg meer fietspaden aan tussen Beverwijk en Heemskerk."),
			rec("b", "en", "Publish the municipal budget for cultural events every spring."),
			"", 0, "", nil},
		{"AntonymsWithoutSharedObject",
			rec("a", "nl", "Verhoog de parkeertarieven in Velsen-Noord."),
			rec("b", "nl", "Verlaag de rente op studieleningen voor jongeren."),
			"", 0, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := mustJudge(t, tt.a, tt.b)
			if tt.typ == "" {
				if len(ps) != 0 {
					t.Fatalf("got %+v, want nothing", ps)
				}
				return
			}
			if len(ps) != 1 {
				t.Fatalf("got %d proposals %+v, want one %s", len(ps), ps, tt.typ)
			}
			checkProposal(t, ps[0], tt.a, tt.b, tt.typ, tt.score, tt.from, tt.mentions)
		})
	}
}

// checkProposal asserts p's type, score, direction, provenance and that
// its rationale quotes both texts by id and names each of mentions.
func checkProposal(tb testing.TB, p suggest.Proposal, a, b suggest.Rec, typ string, score int, from string, mentions []string) {
	tb.Helper()
	if p.Type != typ || p.Score != score || p.From != from {
		tb.Errorf("got %s %+d from %s, want %s %+d from %s; rationale %q", p.Type, p.Score, p.From, typ, score, from, p.Rationale)
	}
	if err := suggest.Validate(p, a.ID, b.ID); err != nil {
		tb.Error(err)
	}
	if p.Method != string(rodedraad.MethodRule) || p.Model != Name || p.Confidence <= 0 {
		tb.Errorf("method %q, model %q, confidence %.2f; want RULE, %s and a confidence", p.Method, p.Model, p.Confidence, Name)
	}
	for _, r := range []suggest.Rec{a, b} {
		if !strings.Contains(p.Rationale, r.ID+` "`) {
			tb.Errorf("rationale %q does not quote %s", p.Rationale, r.ID)
		}
	}
	for _, m := range mentions {
		if !strings.Contains(strings.ToLower(p.Rationale), strings.ToLower(m)) {
			tb.Errorf("rationale %q does not mention %q", p.Rationale, m)
		}
	}
}

func TestJudge_Errors(t *testing.T) {
	j := New(Options{})
	a := rec("a", "nl", "Sluit de kooksfabriek.")
	tests := []struct {
		name string
		a, b suggest.Rec
	}{
		{"NoID", a, rec("", "nl", "Sluit de kooksfabriek niet.")},
		{"SameID", a, a},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := j.Judge(context.Background(), tt.a, tt.b)
			if rodedraad.ErrorCode(err) != rodedraad.EINVALID || !strings.Contains(err.Error(), "two different ids") {
				t.Errorf("err = %v, want %s about the ids", err, rodedraad.EINVALID)
			}
		})
	}
	t.Run("Cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := j.Judge(ctx, a, rec("b", "nl", "Sluit de kooksfabriek niet.")); err != context.Canceled {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
}

func TestJudge_Name(t *testing.T) {
	if got := New(Options{}).Name(); got != "rules/1" {
		t.Errorf("Name() = %q, want rules/1", got)
	}
}

// TestJudge_OverlapOption checks that a stricter overlap threshold turns
// a paraphrase away while the default takes it.
func TestJudge_OverlapOption(t *testing.T) {
	a := rec("a", "nl", "Verbeter de fietspaden naar station Beverwijk en de looproutes in het centrum.")
	b := rec("b", "nl", "Verbeter de fietspaden en de looproutes naar station Beverwijk.")
	ctx := context.Background()
	loose, err := New(Options{}).Judge(ctx, a, b)
	if err != nil || len(loose) != 1 || loose[0].Type != suggest.Overlaps {
		t.Fatalf("default: %+v, %v; want one OVERLAPS", loose, err)
	}
	strict, err := New(Options{Overlap: min(loose[0].Similarity+0.01, 1)}).Judge(ctx, a, b)
	if err != nil || len(strict) != 0 {
		t.Errorf("strict: %+v, %v; want nothing", strict, err)
	}
}
