package service

import (
	"cmp"
	"context"
	"fmt"
	"regexp"
	"strconv"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// IngestDocument writes one ingested document: the document, its passages
// and its PROPOSED recommendations with their edges, in one transaction.
// The same file again (by content hash) writes nothing and says Unchanged.
// A changed file (same path, or the id asked for is taken) becomes a
// new version that supersedes the latest one, and the result says how its
// items differ. Existing items are kept as they are, so a re-ingest never
// undoes a review. BAD_USER_INPUT, before any I/O, for a bundle that is not
// one valid document; nothing is written on any error.
func (s *Service) IngestDocument(ctx context.Context, b *rodedraad.Bundle) (rodedraad.IngestResult, error) {
	if err := validateIngest(b); err != nil {
		return rodedraad.IngestResult{}, err
	}
	doc := &b.Documents[0]
	versions, err := s.store.DocumentVersions(ctx, doc.SHA256, doc.Path, doc.ID)
	if err != nil {
		return rodedraad.IngestResult{}, err
	}
	for _, v := range versions {
		if v.SHA256 == doc.SHA256 {
			return rodedraad.IngestResult{DocumentID: v.ID, Unchanged: true, Version: max(v.Version, 1)}, nil
		}
	}
	res := rodedraad.IngestResult{Version: 1, Passages: len(b.Passages), New: len(b.Recommendations)}
	if len(versions) > 0 {
		if res, err = s.newVersion(ctx, b, versions); err != nil {
			return res, err
		}
	}
	res.DocumentID = doc.ID
	opts := rodedraad.ImportOptions{KeepExisting: true, Timeout: s.BulkTimeout}
	if _, err := s.store.Import(ctx, b, opts); err != nil {
		return rodedraad.IngestResult{}, err
	}
	return res, nil
}

// validateIngest checks an ingest bundle before any I/O: one document,
// valid nodes and passages, every edge from or to one of its nodes.
func validateIngest(b *rodedraad.Bundle) error {
	if len(b.Documents) != 1 || len(b.Actors)+len(b.Themes)+len(b.Scenarios) > 0 {
		return rodedraad.Errorf(rodedraad.EINVALID, "an ingest writes one document with its recommendations, not %d documents", len(b.Documents))
	}
	for _, n := range b.Nodes() {
		if err := rodedraad.ValidateNode(n); err != nil {
			return fmt.Errorf("%s: %w", n.NodeID(), err)
		}
	}
	for i := range b.Passages {
		if err := b.Passages[i].Validate(); err != nil {
			return err
		}
	}
	return nil
}

// newVersion makes b the next version of the latest of versions: it takes
// a fresh id when the one asked for is taken, records what it supersedes,
// and compares the items' quotes.
func (s *Service) newVersion(ctx context.Context, b *rodedraad.Bundle, versions []*rodedraad.Document) (rodedraad.IngestResult, error) {
	latest := versions[len(versions)-1]
	doc := &b.Documents[0]
	doc.Version = max(latest.Version, 1) + 1
	doc.Supersedes = latest.ID
	for _, v := range versions {
		if v.ID == doc.ID {
			retarget(b, versionID(doc.ID, doc.Version))
			break
		}
	}
	old, err := s.store.Quotes(ctx, latest.ID)
	if err != nil {
		return rodedraad.IngestResult{}, err
	}
	res := rodedraad.IngestResult{Version: doc.Version, Supersedes: latest.ID, Passages: len(b.Passages)}
	res.New, res.Kept, res.Gone = compareQuotes(old, b.Recommendations)
	keepItems(b, old)
	return res, nil
}

// keepItems gives each item of the new version whose quote the earlier
// version had the earlier item's id. The load keeps what exists, so that
// item stays as the team left it (its status, its review) and the new
// version CONTAINS it; only what is new waits for review. Without this
// every kept item came back as a fresh PROPOSED twin, and aggregation
// proposed it as an overlap of the original.
func keepItems(b *rodedraad.Bundle, old map[string]string) {
	byQuote := make(map[string]string, len(old))
	for id, q := range old {
		if had, ok := byQuote[q]; !ok || id < had {
			byQuote[q] = id
		}
	}
	renamed := map[string]string{}
	for i := range b.Recommendations {
		r := &b.Recommendations[i]
		if id, ok := byQuote[r.Text]; ok && id != r.ID {
			renamed[r.ID], r.ID = id, id
		}
	}
	for i := range b.Edges {
		e := &b.Edges[i]
		e.From = cmp.Or(renamed[e.From], e.From)
		e.To = cmp.Or(renamed[e.To], e.To)
	}
}

// versionSuffix matches the ".vN" of a version's id.
var versionSuffix = regexp.MustCompile(`\.v\d+$`)

// versionID is the id of version n of the document first ingested as id.
func versionID(id string, n int) string {
	return versionSuffix.ReplaceAllString(id, "") + ".v" + strconv.Itoa(n)
}

// retarget gives the bundle's document a new id, and everything that
// points at it.
func retarget(b *rodedraad.Bundle, id string) {
	old := b.Documents[0].ID
	b.Documents[0].ID = id
	for i := range b.Passages {
		b.Passages[i].Document = id
	}
	for i := range b.Recommendations {
		if src := &b.Recommendations[i].Source; src.Document == old {
			src.Document = id
		}
	}
	for i := range b.Edges {
		e := &b.Edges[i]
		if e.From == old {
			e.From = id
		}
		if e.Source.Document == old {
			e.Source.Document = id
		}
	}
}

// compareQuotes counts the new items whose quote the old version lacks, the
// ones it has, and the old quotes that are gone.
func compareQuotes(old map[string]string, recs []rodedraad.Recommendation) (added, kept, gone int) {
	had := map[string]bool{}
	for _, q := range old {
		had[q] = true
	}
	now := map[string]bool{}
	for _, r := range recs {
		now[r.Text] = true
		if had[r.Text] {
			kept++
		} else {
			added++
		}
	}
	for q := range had {
		if !now[q] {
			gone++
		}
	}
	return added, kept, gone
}
