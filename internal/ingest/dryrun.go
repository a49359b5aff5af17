package ingest

import "github.com/rodedraad/rodedraad/internal/rodedraad"

// DryRunItem is one candidate as `rodedraad ingest --dry-run --json` prints
// it. Start and End are code-point offsets into the document's text (for a
// plain-text file, into the file itself), so that the text from Start to
// End is exactly Quote.
type DryRunItem struct {
	Quote      string   `json:"quote"`
	Start      int      `json:"start"`
	End        int      `json:"end"`
	Page       int      `json:"page"`
	Kind       string   `json:"kind"`
	Themes     []string `json:"themes"`
	Actors     []string `json:"actors"`
	Confidence float64  `json:"confidence"`
	Method     string   `json:"method"`
}

// DryRunLine is the JSON object printed for one input file: its items, or
// the error that kept it from being read.
type DryRunLine struct {
	File     string       `json:"file"`
	Document string       `json:"document,omitempty"`
	Title    string       `json:"title,omitempty"`
	Language string       `json:"language,omitempty"`
	Pages    int          `json:"pages,omitempty"`
	Items    []DryRunItem `json:"items"`
	Dropped  int          `json:"dropped"`
	Error    string       `json:"error,omitempty"`
	// Written says what writing the file did; absent on a dry run.
	Written *rodedraad.IngestResult `json:"written,omitempty"`
}

// DryRun describes a file's outcome without writing anything.
func DryRun(r FileReport) DryRunLine {
	line := DryRunLine{File: r.File, Items: []DryRunItem{}}
	if r.Err != nil {
		line.Error = r.Err.Error()
	}
	p := r.Prepared
	if p == nil {
		return line
	}
	line.Document, line.Title = p.Document().ID, p.Doc.Title
	line.Language, line.Pages, line.Dropped = p.Doc.Language, p.Doc.PageCount, p.Result.Dropped
	for _, c := range p.Result.Items {
		line.Items = append(line.Items, DryRunItem{
			Quote: c.Quote, Start: c.Start, End: c.End, Page: c.Page, Kind: c.Kind,
			Themes: orEmpty(c.Themes), Actors: orEmpty(c.Actors), Confidence: c.Confidence, Method: c.Method,
		})
	}
	return line
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
