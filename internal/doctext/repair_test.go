package doctext

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/klippa-app/go-pdfium/requests"
)

func TestRepair(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"soft hyphen", "duurzaam\u00adheid", "duurzaamheid"},
		{"ligatures", "\ufb01nanciën, \ufb02exibel, e\ufb00ect, e\ufb03ciënt, a\ufb04uent, ve\ufb06", "financiën, flexibel, effect, efficiënt, affluent, vest"},
		{"hyphenated line end", "duurzaam-\nheid", "duurzaamheid"},
		{"PDFium hyphen mark", "duurzaam\x02heid", "duurzaamheid"},
		{"compound before capital", "Noord-\nHolland", "Noord-Holland"},
		{"after capitals", "de AI-\nverordening en het RKI\x02kader", "de AI-verordening en het RKI-kader"},
		{"single letter", "per e-\nmail", "per e-mail"},
		{"web address", "www.cip-\noverheid.nl", "www.cip-overheid.nl"},
		{"vowel clash", "zee-\negel en ruimte-\ninname", "zee-egel en ruimte-inname"},
		{"omitted part", "wet-\nen regelgeving", "wet- en regelgeving"},
		{"dash before line end stays", "groei -\nmaar niet", "groei -\nmaar niet"},
		{"hyphen before digit stays", "Bijlage-\n2", "Bijlage-\n2"},
		{"NFC", "Cafe\u0301 in Velsen", "Café in Velsen"},
		{"spaces", "  twee   spaties\t\ten\u00a0tabs  \nvolgende", "twee spaties en tabs\nvolgende"},
		{"line ends", "een\r\ntwee\rdrie", "een\ntwee\ndrie"},
		{"blank lines", "alinea\n \n\n\t\nvolgende", "alinea\n\nvolgende"},
		{"zero width", "Beverwijk\u200b Heemskerk\ufeff", "Beverwijk Heemskerk"},
		{"superscript kept", "CO² en ½ procent", "CO² en ½ procent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := repair(tt.in); got != tt.want {
				t.Errorf("repair(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestDropRunningLines(t *testing.T) {
	pages := []string{
		"Titelpagina\nRegionale Energiestrategie",
		"2\nRES IJmond\nTekst over wind op land.\nPagina 2 van 4",
		"3\nRES IJmond\nTekst over zon op daken.\nPagina 3 van 4",
		"Tekst over warmte.\nRES IJmond\nPagina 4 van 4\niv",
	}
	want := []string{
		"Titelpagina\nRegionale Energiestrategie",
		"Tekst over wind op land.",
		"Tekst over zon op daken.",
		"Tekst over warmte.",
	}
	if got := dropRunningLines(pages); !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	short := []string{"1\nRES\nA", "2\nRES\nB"}
	if got := dropRunningLines(short); !slices.Equal(got, short) {
		t.Errorf("two pages changed: %q", got)
	}
}

func TestMarkParagraphs(t *testing.T) {
	in := "De regio werkt samen aan schone lucht en gezonde\n" +
		"lucht voor iedereen.\n" +
		"Een nieuwe alinea begint hier en loopt door tot\n" +
		"het eind van de regel en verder.\n" +
		"1. Dr. Jansen is voorzitter van de commissie en dat is"
	want := "De regio werkt samen aan schone lucht en gezonde\n" +
		"lucht voor iedereen.\n\n" +
		"Een nieuwe alinea begint hier en loopt door tot\n" +
		"het eind van de regel en verder.\n\n" +
		"1. Dr. Jansen is voorzitter van de commissie en dat is"
	if got := markParagraphs(in); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestReadBytes_pdfRepairs reads a generated PDF with a running footer,
// page numbers and words hyphenated at line ends, and counts progress.
func TestReadBytes_pdfRepairs(t *testing.T) {
	footer := "Regionaal Programma IJmond"
	pages := [][]string{
		{"1", "Gezonde leefomgeving", "De regio zet in op duurzaam-", "heid en de provincie Noord-", "Holland betaalt mee.", footer},
		{"2", "Schone lucht", "Caf\u00e9 De Zwaan in Beverwijk ligt aan de Zee-", "weg.", footer},
		{"3", "Werk", "Haven en staal bieden werk aan duizenden inwoners.", footer},
	}
	var calls [][2]int
	opts := testOptions(t)
	opts.Progress = func(page, total int) { calls = append(calls, [2]int{page, total}) }
	d, err := ReadBytes(context.Background(), "programma.pdf", MustTextPDF(t, "Programma Gezonde Leefomgeving", pages), opts)
	if err != nil {
		t.Fatal(err)
	}
	if want := [][2]int{{1, 3}, {2, 3}, {3, 3}}; !slices.Equal(calls, want) {
		t.Errorf("progress %v, want %v", calls, want)
	}
	if d.Title != "Programma Gezonde Leefomgeving" || d.PageCount != 3 {
		t.Errorf("title %q, %d pages", d.Title, d.PageCount)
	}
	for page, s := range map[int]string{1: "duurzaamheid en de provincie Noord-Holland betaalt", 2: "Café De Zwaan in Beverwijk ligt aan de Zeeweg.", 3: "Haven en staal"} {
		if !strings.Contains(pageText(d, page), s) {
			t.Errorf("page %d = %q, lacks %q", page, pageText(d, page), s)
		}
	}
	if strings.Contains(d.Content, footer) || strings.HasPrefix(pageText(d, 2), "2") {
		t.Errorf("running footer or page number left: %q", d.Content)
	}
	checkPages(t, d)
	checkPassages(t, d)
}

// TestMustEncryptedPDF checks the generator: the right password opens the
// PDF, so the failure without one is about encryption, not a broken file.
func TestMustEncryptedPDF(t *testing.T) {
	inst, err := instance(context.Background(), testOptions(t).CacheDir)
	if err != nil {
		t.Fatal(err)
	}
	defer inst.Close()
	data, pw := MustEncryptedPDF(t, "geheim"), "geheim"
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data, Password: &pw})
	if err != nil {
		t.Fatalf("the right password does not open it: %v", err)
	}
	_, _ = inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
}

func TestUsableTitle(t *testing.T) {
	tests := []struct {
		title string
		want  bool
	}{
		{"Regionale Energiestrategie IJmond 2.0", true},
		{"Visie op de haven 2030", true},
		{"Microsoft Word - RES_IJmond_v3.docx", false},
		{"nota bereikbaarheid def.pdf", false},
		{"Untitled", false},
		{"  ", false},
	}
	for _, tt := range tests {
		if got := usableTitle(tt.title); got != tt.want {
			t.Errorf("usableTitle(%q) = %v, want %v", tt.title, got, tt.want)
		}
	}
}
