package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/rodedraad/rodedraad/graph/generated"
	"github.com/rodedraad/rodedraad/graph/model"
	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/service"
)

// Trust is what the audit trail and checked imports need of the service.
type Trust interface {
	History(ctx context.Context, id string, limit int) ([]rodedraad.Change, error)
	Changes(ctx context.Context, f rodedraad.ChangeFilter) ([]rodedraad.Change, error)
	ImportBundleWith(ctx context.Context, name string, data []byte, opts rodedraad.ImportOptions) (rodedraad.ImportResult, error)
	SnapshotInfo(r *analysis.Report) (version int64, stale bool)
	ReviewAgreement(ctx context.Context) ([]service.Agreement, error)
}

// reviewAgreement serves Query.reviewAgreement.
func reviewAgreement(ctx context.Context, t Trust) ([]*model.ReviewAgreement, error) {
	ags, err := t.ReviewAgreement(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*model.ReviewAgreement, 0, len(ags))
	for _, a := range ags {
		out = append(out, &model.ReviewAgreement{ReviewerA: a.A, ReviewerB: a.B, Items: a.Items, Agreed: a.Agreed, Kappa: a.Kappa})
	}
	return out, nil
}

// maxChangePage caps first on the audit queries.
const maxChangePage = 500

func checkFirst(first int) error {
	if first < 1 || first > maxChangePage {
		return rodedraad.Errorf(rodedraad.EINVALID, "first must be between 1 and %d, got %d", maxChangePage, first)
	}
	return nil
}

// history serves Query.history.
func history(ctx context.Context, t Trust, id string, first int) ([]*model.Change, error) {
	if err := checkFirst(first); err != nil {
		return nil, err
	}
	cs, err := t.History(ctx, id, first)
	return changeModels(cs), err
}

// changes serves Query.changes: newest first, with a cursor "version:seq".
func changes(ctx context.Context, t Trust, since *time.Time, actor *string, first int, after *string) (*model.ChangeConnection, error) {
	if err := checkFirst(first); err != nil {
		return nil, err
	}
	f := rodedraad.ChangeFilter{Limit: first + 1}
	if since != nil {
		f.Since = *since
	}
	if actor != nil {
		f.Actor = *actor
	}
	if after != nil && *after != "" {
		v, s, err := parseChangeCursor(*after)
		if err != nil {
			return nil, err
		}
		f.AfterVersion, f.AfterSeq = v, s
	}
	cs, err := t.Changes(ctx, f)
	if err != nil {
		return nil, err
	}
	conn := &model.ChangeConnection{PageInfo: &model.PageInfo{HasNextPage: len(cs) > first}}
	for _, c := range changeModels(cs[:min(len(cs), first)]) {
		cur := fmt.Sprintf("%d:%d", c.Version, c.Seq)
		conn.Edges = append(conn.Edges, &model.ChangeEdge{Cursor: cur, Node: c})
		conn.PageInfo.EndCursor = &cur
	}
	if conn.Edges == nil {
		conn.Edges = []*model.ChangeEdge{}
	}
	return conn, nil
}

func parseChangeCursor(s string) (int64, int64, error) {
	a, b, ok := strings.Cut(s, ":")
	v, err1 := strconv.ParseInt(a, 10, 64)
	q, err2 := strconv.ParseInt(b, 10, 64)
	if !ok || err1 != nil || err2 != nil || v < 1 || q < 0 {
		return 0, 0, rodedraad.Errorf(rodedraad.EINVALID, "after: %q is not a cursor of changes", s)
	}
	return v, q, nil
}

// importChecked serves Mutation.importBundleChecked.
func importChecked(ctx context.Context, t Trust, bundle string, format model.BundleFormat, dryRun, overwrite bool) (*model.ImportReport, error) {
	res, err := t.ImportBundleWith(ctx, "bundle."+strings.ToLower(string(format)), []byte(bundle),
		rodedraad.ImportOptions{DryRun: dryRun, Overwrite: overwrite})
	if err != nil {
		return nil, err
	}
	out := &model.ImportReport{DryRun: dryRun, Kinds: kindCounts(res.Kinds), Changes: changeModels(res.Changes[:min(len(res.Changes), maxChangePage)])}
	return out, nil
}

func kindCounts(m map[string]rodedraad.KindCounts) []*model.ImportKindCount {
	kinds := make([]string, 0, len(m))
	for k := range m {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	out := make([]*model.ImportKindCount, 0, len(kinds))
	for _, k := range kinds {
		c := m[k]
		out = append(out, &model.ImportKindCount{Kind: k, Created: c.Created, Updated: c.Updated, Unchanged: c.Unchanged})
	}
	return out
}

func changeModels(cs []rodedraad.Change) []*model.Change {
	out := make([]*model.Change, 0, len(cs))
	for _, c := range cs {
		m := &model.Change{Version: int(c.Version), Seq: int(c.Seq), Actor: c.Actor, Role: c.Role, Via: c.Via,
			Op: c.Op, Target: c.Target, Action: c.Action, Before: jsonText(c.Before), After: jsonText(c.After)}
		if !c.At.IsZero() {
			at := c.At
			m.At = &at
		}
		if c.Request != "" {
			r := c.Request
			m.Request = &r
		}
		out = append(out, m)
	}
	return out
}

func jsonText(m map[string]any) *string {
	if m == nil {
		return nil
	}
	b, err := json.Marshal(m)
	if err != nil {
		return nil
	}
	s := string(b)
	return &s
}

// setTrustComplexity prices the audit queries by their page size.
func setTrustComplexity(c *generated.ComplexityRoot) {
	c.Query.History = func(child int, _ string, first int) int { return pageCost(child, first) }
	c.Query.Changes = func(child int, _ *time.Time, _ *string, first int, _ *string) int { return pageCost(child, first) }
}
