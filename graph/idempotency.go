package graph

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/rs/zerolog"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// IdempotencyHeader carries a mutation's idempotency key.
const IdempotencyHeader = "Idempotency-Key"

// ResponseStore keeps the first answer of each idempotency key. The
// writes of a request claim its key themselves, in their own transactions
// (rodedraad.WithIdempotencyClaim); RememberResponse adds the answer after.
type ResponseStore interface {
	RememberResponse(ctx context.Context, key, actor, hash string, response []byte) error
	RecallResponse(ctx context.Context, key string) (rodedraad.KeptResponse, bool, error)
}

// WithIdempotency makes a mutation sent with an Idempotency-Key header
// answer a repeat of itself with its first answer instead of running again,
// so that a client may retry after a lost answer. The key is bound to its
// sender and request: another request under the same key is a CONFLICT.
// Each write claims the key in its own transaction, so a write never
// commits without it: when the answer could not be kept, a repeat is a
// CONFLICT that names what was written, never a second write.
func WithIdempotency(store ResponseStore) Option {
	return func(srv *handler.Server) { srv.Use(&idempotency{store: store}) }
}

type idempotency struct {
	store ResponseStore
	locks sync.Map // key -> chan struct{} of size 1: one request per key at a time
}

var (
	_ graphql.HandlerExtension     = (*idempotency)(nil)
	_ graphql.OperationInterceptor = (*idempotency)(nil)
)

func (*idempotency) ExtensionName() string                   { return "Idempotency" }
func (*idempotency) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptOperation answers a repeated keyed mutation from the store.
func (i *idempotency) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	key := oc.Headers.Get(IdempotencyHeader)
	if key == "" || oc.Operation == nil || oc.Operation.Operation != ast.Mutation {
		return next(ctx)
	}
	if len(key) > 200 {
		return refuse(rodedraad.Errorf(rodedraad.EINVALID, "%s has %d characters: at most 200", IdempotencyHeader, len(key)))
	}
	lock, _ := i.locks.LoadOrStore(key, make(chan struct{}, 1))
	select {
	case lock.(chan struct{}) <- struct{}{}:
		defer func() {
			<-lock.(chan struct{})
			i.locks.CompareAndDelete(key, lock) // the store has the answer; keep the map small
		}()
	case <-ctx.Done():
		return refuse(rodedraad.Errorf(rodedraad.EUNAVAILABLE, "another request with this %s is still running", IdempotencyHeader))
	}
	actor, hash := rodedraad.PrincipalFrom(ctx).Name, requestHash(oc)
	if resp, err := i.recall(ctx, key, actor, hash); resp != nil || err != nil {
		if err != nil {
			return refuse(err)
		}
		return graphql.OneShot(resp)
	}
	ctx = rodedraad.WithIdempotencyClaim(ctx, rodedraad.IdempotencyClaim{Key: key, Actor: actor, Hash: hash, Request: rand.Text()})
	resp := next(ctx)(ctx)
	if resp != nil && len(resp.Errors) == 0 {
		if b, err := json.Marshal(resp); err == nil {
			if err := i.store.RememberResponse(ctx, key, actor, hash, b); err != nil {
				zerolog.Ctx(ctx).Warn().Err(err).Msg("idempotency: could not keep the answer")
			}
		}
	}
	return graphql.OneShot(resp)
}

// recall returns the kept answer for key, nil when there is none, and
// CONFLICT when the key was used by someone else or for another request,
// or when its request wrote but its answer was not kept.
func (i *idempotency) recall(ctx context.Context, key, actor, hash string) (*graphql.Response, error) {
	kept, found, err := i.store.RecallResponse(ctx, key)
	if err != nil || !found {
		return nil, err
	}
	if kept.Actor != actor || kept.Hash != hash {
		return nil, rodedraad.Errorf(rodedraad.ECONFLICT, "%s %q was used for another request: use a new key for each mutation", IdempotencyHeader, key)
	}
	if len(kept.Response) == 0 {
		return nil, rodedraad.Errorf(rodedraad.ECONFLICT, "%s %q: this mutation was written (graph version %d, changed: %s) but its answer was not kept, "+
			"or it is still being answered: do not send it again; read those items instead", IdempotencyHeader, key, kept.Version, changedList(kept.Targets))
	}
	var resp graphql.Response
	if err := json.Unmarshal(kept.Response, &resp); err != nil {
		return nil, err
	}
	return &resp, nil
}

// changedList names the items a write changed, the first ten.
func changedList(targets []string) string {
	switch {
	case len(targets) == 0:
		return "nothing"
	case len(targets) > 10:
		return strings.Join(targets[:10], ", ") + fmt.Sprintf(" and %d more", len(targets)-10)
	}
	return strings.Join(targets, ", ")
}

// requestHash identifies a request: its query, operation and variables.
func requestHash(oc *graphql.OperationContext) string {
	vars, _ := json.Marshal(oc.Variables)
	sum := sha256.Sum256([]byte(oc.RawQuery + "\x00" + oc.OperationName + "\x00" + string(vars)))
	return hex.EncodeToString(sum[:])
}
