// Package service is the application layer between the API and the store:
// it fills in ids and provenance, applies patches, validates, and runs the
// analyses on a cached snapshot. It speaks no Cypher and no GraphQL.
package service

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"strings"
	"time"

	"github.com/rodedraad/rodedraad/internal/analysis"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/suggest"
	"github.com/rodedraad/rodedraad/internal/suggest/rules"
)

// Store is everything the service needs of the graph of record: the
// domain's Store and the snapshot reader of the analyses. Snapshotter is
// declared here rather than in the domain because its graph is the analysis
// package's, which itself imports the domain.
type Store interface {
	rodedraad.Store
	Snapshotter
}

// Service implements the use cases. Its reads are the store's.
type Service struct {
	rodedraad.Reader
	// BulkTimeout, when set, is the transaction timeout of bulk writes
	// (ingest), which need longer than a GraphQL request.
	BulkTimeout time.Duration
	// Judges are the link judges SuggestLinks can use, by method name
	// (RULE, and LLM when a model is configured).
	Judges map[string]suggest.Judge
	// ReviewMode is single (one decision sets an item's status) unless set
	// to dual: two reviewers must agree, and a third settles a
	// disagreement.
	ReviewMode rodedraad.ReviewMode
	store      rodedraad.Store
	snap       Snapshotter
	cache      snapshotCache
	// analyse computes a report; analysis.Run unless a test holds it.
	analyse func(*analysis.Graph, analysis.Scope, analysis.Options) (*analysis.Report, error)
}

// New returns a service over store.
func New(store Store) *Service {
	return &Service{Reader: store, store: store, snap: store,
		Judges: map[string]suggest.Judge{string(rodedraad.MethodRule): rules.New(rules.Options{})}}
}

// Create adds a node with the given relationships (whose From or To may be
// left empty to mean the new node) in one transaction. A missing id is
// generated with the kind's prefix; missing provenance is filled in by
// defaultProvenance. BAD_USER_INPUT for invalid fields or edges (unknown
// ends included), CONFLICT when the id exists with other content (with the
// same content it returns the stored node: a retried create succeeds);
// nothing is written on any error.
func (s *Service) Create(ctx context.Context, n rodedraad.Node, edges []rodedraad.Edge) (rodedraad.Node, error) {
	if err := s.prepareNode(n); err != nil {
		return nil, err
	}
	b := &rodedraad.Bundle{}
	b.Add(n)
	for _, e := range edges {
		if e.From == "" {
			e.From = n.NodeID()
		}
		if e.To == "" {
			e.To = n.NodeID()
		}
		s.defaultProvenance(&e.Provenance)
		b.Edges = append(b.Edges, e)
	}
	if _, err := s.store.Import(ctx, b, rodedraad.ImportOptions{CreateOnly: true}); err != nil {
		return s.existingIfSame(ctx, b, n, err)
	}
	return s.store.Node(ctx, n.NodeID())
}

func (s *Service) prepareNode(n rodedraad.Node) error {
	if n.NodeID() == "" {
		setID(n, newID(rodedraad.IDPrefix[n.NodeLabel()]))
	}
	s.defaultProvenance(n.Prov())
	return rodedraad.ValidateNode(n)
}

// defaultProvenance fills in what a client left out: entered by a person
// (MANUAL) and ACCEPTED, or PROPOSED when a machine made it.
func (s *Service) defaultProvenance(p *rodedraad.Provenance) {
	if p.Method == "" {
		p.Method = rodedraad.MethodManual
	}
	if p.Status == "" && p.Method.MachineMade() {
		p.Status = rodedraad.StatusProposed
	}
	if p.Status == "" {
		p.Status = rodedraad.StatusAccepted
	}
}

// Update loads the node of kind label with id, applies patch to it,
// validates the result and stores it. NOT_FOUND when there is no such node.
func (s *Service) Update(ctx context.Context, label rodedraad.Label, id string, patch func(rodedraad.Node)) (rodedraad.Node, error) {
	n, err := s.store.Node(ctx, id)
	if err != nil {
		return nil, err
	}
	if n.NodeLabel() != label {
		return nil, rodedraad.Errorf(rodedraad.ENOTFOUND, "no %s with id %q (it is a %s)", label, id, n.NodeLabel())
	}
	patch(n)
	if err := rodedraad.ValidateNode(n); err != nil {
		return nil, err
	}
	if err := s.store.ReplaceNode(ctx, n); err != nil {
		return nil, err
	}
	return s.store.Node(ctx, id)
}

// Delete removes a node of kind label with its relationships.
func (s *Service) Delete(ctx context.Context, label rodedraad.Label, id string) error {
	return s.store.DeleteNode(ctx, label, id)
}

// Link creates or updates an edge; missing provenance becomes ACCEPTED and
// MANUAL.
func (s *Service) Link(ctx context.Context, e rodedraad.Edge) (rodedraad.Edge, error) {
	s.defaultProvenance(&e.Provenance)
	return s.store.Link(ctx, e)
}

// Unlink removes an edge. NOT_FOUND when there is none.
func (s *Service) Unlink(ctx context.Context, t rodedraad.RelType, from, to string) error {
	return s.store.Unlink(ctx, t, from, to)
}

// Review is a decision on a proposed node (ID) or edge (Type, From, To).
type Review struct {
	ID             string
	Type           rodedraad.RelType
	From, To       string
	Accept         bool
	Reviewer, Note string
}

// Review accepts or rejects a node or an edge. In dual review mode it
// records the reviewer's decision and the status changes only when two
// reviewers agree or a third settles (see ReviewVotes). BAD_USER_INPUT
// unless exactly one of a node id or an edge (type, from, to) is given, or
// without a reviewer; NOT_FOUND when the item does not exist; in dual mode
// FORBIDDEN and CONFLICT as ReviewVotes.
func (s *Service) Review(ctx context.Context, r Review) (rodedraad.Node, *rodedraad.Edge, error) {
	if strings.TrimSpace(r.Reviewer) == "" {
		return nil, nil, rodedraad.Errorf(rodedraad.EINVALID, "reviewer is required: say who decides")
	}
	ref := rodedraad.ReviewRef{ID: r.ID, Type: r.Type, From: r.From, To: r.To}
	if err := ref.Validate(); err != nil {
		return nil, nil, err
	}
	status := decided(r.Accept)
	if s.ReviewMode == rodedraad.ReviewDual {
		return s.vote(ctx, ref, status, r.Reviewer, r.Note)
	}
	if !ref.IsEdge() {
		n, err := s.store.ReviewNode(ctx, r.ID, status, r.Reviewer, r.Note)
		return n, nil, err
	}
	e, err := s.store.ReviewEdge(ctx, r.Type, r.From, r.To, status, r.Reviewer, r.Note)
	if err != nil {
		return nil, nil, err
	}
	return nil, &e, nil
}

// decided is the status a decision gives.
func decided(accept bool) rodedraad.Status {
	if accept {
		return rodedraad.StatusAccepted
	}
	return rodedraad.StatusRejected
}

// vote records one dual-mode decision and returns the item as it is now.
func (s *Service) vote(ctx context.Context, ref rodedraad.ReviewRef, status rodedraad.Status, reviewer, note string) (rodedraad.Node, *rodedraad.Edge, error) {
	if err := ownVote(ctx, reviewer); err != nil {
		return nil, nil, err
	}
	if _, err := s.store.ReviewVotes(ctx, []rodedraad.ReviewRef{ref}, status, reviewer, note); err != nil {
		return nil, nil, err
	}
	if !ref.IsEdge() {
		n, err := s.store.Node(ctx, ref.ID)
		return n, nil, err
	}
	e := rodedraad.Edge{Type: ref.Type, From: ref.From, To: ref.To}
	e.Normalize()
	links, err := s.store.Links(ctx, []string{e.From}, rodedraad.LinkQuery{Type: e.Type, Dir: rodedraad.Out})
	if err != nil {
		return nil, nil, err
	}
	for _, l := range links[e.From] {
		if l.To == e.To {
			return nil, &l.Edge, nil
		}
	}
	return nil, nil, rodedraad.Errorf(rodedraad.ENOTFOUND, "no %s edge from %q to %q", e.Type, e.From, e.To)
}

// newID returns prefix plus 8 random base32 characters: readable, and
// unlikely to collide; a collision is a CONFLICT, not an overwrite.
func newID(prefix string) string {
	b := make([]byte, 5)
	_, _ = rand.Read(b)
	id := strings.ToLower(base32.StdEncoding.EncodeToString(b))
	if !strings.HasSuffix(prefix, "-") {
		prefix += "-"
	}
	return prefix + id
}

func setID(n rodedraad.Node, id string) {
	switch n := n.(type) {
	case *rodedraad.Theme:
		n.ID = id
	case *rodedraad.Actor:
		n.ID = id
	case *rodedraad.Document:
		n.ID = id
	case *rodedraad.Recommendation:
		n.ID = id
	case *rodedraad.Scenario:
		n.ID = id
	case *rodedraad.Conflict:
		n.ID = id
	}
}
