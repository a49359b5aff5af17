package rodedraad

import "context"

// IdempotencyClaim binds the writes of one request to its idempotency key:
// the store claims the key in the same transaction as each write, so a
// write never commits without its key, and a retry after a lost answer
// cannot write a second time.
type IdempotencyClaim struct {
	Key, Actor, Hash string
	// Request tells this request's writes (a mutation may make several)
	// from those of another request that sends the same key.
	Request string
}

// KeptResponse is what the store keeps under an idempotency key: who sent
// which request, the graph version and items its writes changed, and its
// answer, which is empty while it is not kept (yet).
type KeptResponse struct {
	Actor, Hash string
	Version     int64
	Targets     []string
	Response    []byte
}

type claimKey struct{}

// WithIdempotencyClaim returns ctx whose writes claim c's key.
func WithIdempotencyClaim(ctx context.Context, c IdempotencyClaim) context.Context {
	return context.WithValue(ctx, claimKey{}, c)
}

// IdempotencyClaimFrom returns the claim of ctx, if any.
func IdempotencyClaimFrom(ctx context.Context) (IdempotencyClaim, bool) {
	c, ok := ctx.Value(claimKey{}).(IdempotencyClaim)
	return c, ok
}
