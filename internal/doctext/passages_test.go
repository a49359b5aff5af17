package doctext

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// runeIndex returns the code-point offset of the first sub in s.
func runeIndex(tb testing.TB, s, sub string) int {
	tb.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		tb.Fatalf("%q not in text", sub)
	}
	return utf8.RuneCountInString(s[:i])
}

func TestReadBytes_offsetsAreCodePoints(t *testing.T) {
	text := "# Zeeën en café’s 🌊\n\nDe Hoogovens in IJmuiden 🏭 en de coöperatie.\n\nTweede alinea over Velsen-Noord."
	d, err := ReadBytes(context.Background(), "notitie.md", []byte("\ufeff"+text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Content != text {
		t.Fatalf("content %q, want the file without its BOM", d.Content)
	}
	if n := utf8.RuneCountInString(text); d.Pages[0].Start != 0 || d.Pages[0].End != n || n == len(text) {
		t.Errorf("page span %v, want [0,%d) in runes (the text has %d bytes)", d.Pages[0], n, len(text))
	}
	if d.Title != "Zeeën en café’s 🌊" {
		t.Errorf("title %q", d.Title)
	}
	rs := []rune(d.Content)
	at := runeIndex(t, text, "coöperatie")
	if got := string(rs[at : at+len([]rune("coöperatie"))]); got != "coöperatie" {
		t.Errorf("runes at %d = %q", at, got)
	}
	// The three short paragraphs make one passage that ends at the last
	// rune, not at the last byte.
	if n := len(rs); len(d.Passages) != 1 || d.Passages[0].Start != 0 || d.Passages[0].End != n {
		t.Errorf("passages %+v, want one over [0,%d)", d.Passages, n)
	}
	checkPassages(t, d)
}

func TestPagePassages(t *testing.T) {
	sentence := "De regio IJmond werkt aan een gezonde leefomgeving voor alle inwoners. " // 71 runes
	long := strings.Repeat(sentence, 30)                                                  // one paragraph of 2130 runes
	tests := []struct {
		name     string
		page     string
		want     int // passages
		maxRunes int
	}{
		{"short paragraphs merge", "Eén.\n\nTwee.\n\nDrie.", 1, 20},
		{"long paragraph splits at sentences", long, 2, maxPassage},
		{"paragraphs of fitting size stay apart", strings.Repeat(sentence, 5) + "\n\n" + strings.Repeat(sentence, 5), 2, 400},
		{"no sentence end cuts at spaces", strings.Repeat("woord ", 600), 3, maxPassage},
		{"no space cuts hard", strings.Repeat("x", 3100), 3, maxPassage},
		{"white space only", " \n\n ", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := []rune(tt.page)
			spans := pagePassages(rs)
			if len(spans) != tt.want {
				t.Fatalf("%d passages, want %d", len(spans), tt.want)
			}
			for _, s := range spans {
				if n := s.End - s.Start; n > tt.maxRunes {
					t.Errorf("passage of %d runes, want at most %d", n, tt.maxRunes)
				}
				if strings.ContainsRune(tt.page, '.') && !strings.HasSuffix(string(rs[s.Start:s.End]), ".") {
					t.Errorf("passage %q does not end at a sentence end", string(rs[s.Start:s.End]))
				}
			}
		})
	}
}

func TestRead_passageSizes(t *testing.T) {
	d := MustRead(t, "rki-kader-generatieve-ai.pdf")
	short := 0
	for i, p := range d.Passages {
		lastOnPage := i == len(d.Passages)-1 || d.Passages[i+1].Page != p.Page
		if p.End-p.Start < minPassage && !lastOnPage {
			short++
		}
	}
	// A passage closes early only before a unit that would overflow it.
	if short*10 > len(d.Passages) {
		t.Errorf("%d of %d passages are short without ending their page", short, len(d.Passages))
	}
}

func TestReadBytes_htmlCharsetAndRepairs(t *testing.T) {
	page := "<html><head><meta charset=\"windows-1252\"><title>Visie \xe9\xe9n</title>" +
		"<script>var x = 1;</script><style>p{}</style></head><body>" +
		"<nav><a href=\"/\">Home</a></nav><header>Gemeente Velsen</header>" +
		"<h1>Visie \xe9\xe9n</h1><p>Duurzaam&shy;heid en <b>e&#xFB03;ci\xebnte</b> <a href=\"https://velsen.nl\">havens</a>.</p>" +
		"<footer>Contact</footer></body></html>"
	d, err := ReadBytes(context.Background(), "visie.htm", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "# Visie één\n\nDuurzaamheid en efficiënte havens."
	if d.Content != want || d.Title != "Visie één" {
		t.Errorf("content %q title %q, want %q and %q", d.Content, d.Title, want, "Visie één")
	}
}

func TestReadBytes_language(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The region works on clean air and on the health of all of its residents.", "en"},
		{"De regio werkt aan schone lucht en aan de gezondheid van al haar inwoners.", "nl"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			d, err := ReadBytes(context.Background(), "tekst.txt", []byte(tt.text), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Language != tt.want {
				t.Errorf("language %q, want %q", d.Language, tt.want)
			}
		})
	}
}
