// Package ingest turns the region's own documents into graph content: it
// reads a file's text (internal/doctext), lets an extractor propose grounded
// candidates (internal/extract), and builds the bundle that the service
// writes: the document, its passages, and PROPOSED recommendations with
// their document, themes and addressees. It writes nothing itself.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/rodedraad/rodedraad/internal/doctext"
	"github.com/rodedraad/rodedraad/internal/extract"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Options steer Prepare.
type Options struct {
	Extractor  extract.Extractor
	Vocabulary extract.Vocabulary
	Read       doctext.Options
	// ID is the document's id; empty derives one from the content hash.
	ID string
	// Kind is the document's kind (PLAN, ADVICE, ...); empty guesses it
	// from the title.
	Kind string
}

// Prepared is one file turned into graph content, not yet written.
type Prepared struct {
	File   string
	Doc    *doctext.Doc
	Result extract.Result
	Bundle *rodedraad.Bundle
}

// Document returns the prepared document node.
func (p *Prepared) Document() *rodedraad.Document { return &p.Bundle.Documents[0] }

// Prepare reads the file at path and extracts its candidates. Bad input
// gives the *doctext.Error that names the file (BAD_USER_INPUT).
func Prepare(ctx context.Context, path string, opts Options) (*Prepared, error) {
	doc, err := doctext.Read(ctx, path, opts.Read)
	if err != nil {
		return nil, err
	}
	id := opts.ID
	if id == "" {
		id = DocumentID(doc.SHA256)
	}
	res, err := opts.Extractor.Extract(ctx, doc.Text(id), opts.Vocabulary)
	if err != nil {
		return nil, fmt.Errorf("%s: extract: %w", path, err)
	}
	b := &rodedraad.Bundle{Documents: []rodedraad.Document{document(id, doc, opts.Kind)}}
	if abs, err := filepath.Abs(path); err == nil {
		b.Documents[0].Path = abs
	}
	b.Passages = passages(id, doc)
	for _, c := range res.Items {
		addCandidate(b, id, doc, c)
	}
	return &Prepared{File: path, Doc: doc, Result: res, Bundle: b}, nil
}

// DocumentID derives a document's id from its content hash, so that the
// same file always gets the same id.
func DocumentID(sha string) string { return "D-" + sha[:10] }

// document builds the document node. A person chose to ingest the file, so
// the document itself is ACCEPTED; what was extracted from it is not.
func document(id string, d *doctext.Doc, kind string) rodedraad.Document {
	if kind == "" {
		kind = GuessKind(d.Title + " " + d.Name)
	}
	return rodedraad.Document{
		ID: id, Title: d.Title, Kind: kind, Language: d.Language,
		Ingest: rodedraad.Ingest{FileName: d.Name, Format: string(d.Format), SHA256: d.SHA256,
			Pages: d.PageCount, Version: 1},
		Provenance: rodedraad.Provenance{Status: rodedraad.StatusAccepted, Method: rodedraad.MethodManual,
			CreatedBy: "rodedraad ingest"},
	}
}

// passages turns the document's passages into nodes with ids derived from
// the content, so that writing them again changes nothing.
func passages(docID string, d *doctext.Doc) []rodedraad.Passage {
	out := make([]rodedraad.Passage, len(d.Passages))
	for i, p := range d.Passages {
		out[i] = rodedraad.Passage{ID: fmt.Sprintf("P-%s-%d", d.SHA256[:12], i), Document: docID,
			Index: i, Page: p.Page, Start: p.Start, End: p.End, Text: p.Text}
	}
	return out
}

// addCandidate adds one candidate as a PROPOSED recommendation with the
// edges it claims: its document (CONTAINS, with page and quote), its themes
// (ADDRESSES) and its addressees (ASSIGNED_TO).
func addCandidate(b *rodedraad.Bundle, docID string, d *doctext.Doc, c extract.Candidate) {
	id := RecommendationID(d.SHA256, c.Start, c.End)
	prov := candidateProvenance(docID, c)
	b.Recommendations = append(b.Recommendations, rodedraad.Recommendation{
		ID: id, Title: Title(c.Quote), Text: c.Quote, Kind: c.Kind, Language: d.Language, Provenance: prov,
	})
	edge := func(t rodedraad.RelType, from, to string) rodedraad.Edge {
		return rodedraad.Edge{Type: t, From: from, To: to, Provenance: prov}
	}
	contains := edge(rodedraad.RelContains, docID, id)
	contains.Page, contains.Quote = prov.Source.Page, c.Quote
	b.Edges = append(b.Edges, contains)
	for _, t := range c.Themes {
		b.Edges = append(b.Edges, edge(rodedraad.RelAddresses, id, t))
	}
	for _, a := range c.Addressees {
		b.Edges = append(b.Edges, edge(rodedraad.RelAssignedTo, id, a))
	}
}

func candidateProvenance(docID string, c extract.Candidate) rodedraad.Provenance {
	conf, start, end := c.Confidence, c.Start, c.End
	page := ""
	if c.Page > 0 {
		page = strconv.Itoa(c.Page)
	}
	return rodedraad.Provenance{
		Status: rodedraad.StatusProposed, Method: rodedraad.Method(c.Method), Confidence: &conf,
		Source:    rodedraad.Source{Document: docID, Page: page, Quote: c.Quote, Start: &start, End: &end},
		CreatedBy: c.Extractor, Model: c.Model,
	}
}

// RecommendationID derives a candidate's id from the file's content hash
// and the quote's place in it: the same file gives the same ids.
func RecommendationID(fileSHA string, start, end int) string {
	h := sha256.Sum256([]byte(fmt.Sprintf("%s:%d:%d", fileSHA, start, end)))
	return "R-" + hex.EncodeToString(h[:6])
}

// titleWords is how many words of a quote make a recommendation's title.
const titleWords = 12

// Title shortens a quote to its first words, marked with an ellipsis when
// cut.
func Title(quote string) string {
	words := strings.Fields(quote)
	if len(words) <= titleWords {
		return strings.Join(words, " ")
	}
	t := strings.Join(words[:titleWords], " ")
	return strings.TrimRight(t, ",;:") + " …"
}

// kindWords guess a document's kind from words in its title or file name,
// most specific first.
var kindWords = []struct {
	kind  string
	words []string
}{
	{"SCENARIO_STUDY", []string{"scenario"}},
	{"ENVIRONMENT_SCAN", []string{"omgevingsscan", "verkenning", "scan"}},
	{"POLICY_LETTER", []string{"kamerbrief", "brief", "letter"}},
	{"POSITION_PAPER", []string{"position paper", "positionpaper", "standpunt", "manifest"}},
	{"AGREEMENT", []string{"convenant", "overeenkomst", "akkoord", "agreement", "letter of intent"}},
	{"ADVICE", []string{"advies", "advice", "aanbeveling"}},
	{"VISION", []string{"visie", "vision", "koers", "ambitie"}},
	{"PLAN", []string{"plan", "programma", "agenda", "strategie", "strategy"}},
}

// GuessKind returns the document kind that words in s suggest, and
// RESEARCH_REPORT when none does. A guess: the kind can be corrected with
// updateDocument.
func GuessKind(s string) string {
	s = strings.ToLower(s)
	for _, k := range kindWords {
		for _, w := range k.words {
			if strings.Contains(s, w) {
				return k.kind
			}
		}
	}
	return "RESEARCH_REPORT"
}
