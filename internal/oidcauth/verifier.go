// Package oidcauth verifies OpenID Connect bearer JWTs against the keys an
// issuer publishes (with github.com/coreos/go-oidc/v3) and turns their
// claims into a rodedraad.Principal: the role from a roles claim, the name
// for the audit trail from an actor claim. It is the only package that
// imports go-oidc, and it knows nothing of HTTP servers or GraphQL.
package oidcauth

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Options configure a Verifier.
type Options struct {
	// Issuer is the issuer URL; its discovery document is at
	// Issuer/.well-known/openid-configuration.
	Issuer string
	// Audience is the client id every token's aud claim must hold.
	Audience string
	// RolesClaim names the claim with the roles: a top-level claim (also
	// one with dots in its name, such as https://example.nl/roles) or a
	// dotted path into nested claims (realm_access.roles). Default "roles".
	RolesClaim string
	// ActorClaim names the user in the audit trail; sub when a token
	// lacks it. Default "preferred_username".
	ActorClaim string
	// DefaultRole is the role of a valid token without a known role:
	// RoleNone (it may do nothing) or RoleReader.
	DefaultRole rodedraad.Role
	// Client fetches the discovery document and the keys; nil is a
	// client with a 5 s timeout.
	Client *http.Client
	// RetryAfter is the least time between two failed discoveries;
	// meanwhile tokens get UNAVAILABLE at once instead of each waiting
	// for an issuer that is down. Zero tries again on every token.
	RetryAfter time.Duration
}

// Verifier checks bearer JWTs. The issuer's discovery document is read
// lazily, on Discover or the first token, and read again after a failure;
// go-oidc caches the keys and fetches them again when a token names a key
// it has not seen (the issuer rotated its keys).
type Verifier struct {
	o Options

	mu       sync.Mutex // guards the fields below; held during discovery, so one runs at a time
	verifier *oidc.IDTokenVerifier
	failedAt time.Time // of the last failed discovery
}

// New returns a Verifier for o, without contacting the issuer.
func New(o Options) *Verifier {
	if o.RolesClaim == "" {
		o.RolesClaim = "roles"
	}
	if o.ActorClaim == "" {
		o.ActorClaim = "preferred_username"
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: 5 * time.Second}
	}
	o.Client = withIssuerTransport(o.Client)
	return &Verifier{o: o}
}

// Discover reads the issuer's discovery document now, so that start-up can
// say whether the issuer answers. UNAVAILABLE when it cannot be reached or
// its document is unusable; the error wraps the cause for the log.
func (v *Verifier) Discover(ctx context.Context) error {
	_, err := v.ready(ctx)
	return err
}

// ready returns the go-oidc verifier, discovering the issuer first when
// that has not succeeded yet.
func (v *Verifier) ready(ctx context.Context) (*oidc.IDTokenVerifier, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.verifier != nil {
		return v.verifier, nil
	}
	if !v.failedAt.IsZero() && time.Since(v.failedAt) < v.o.RetryAfter {
		return nil, v.unreachable(nil)
	}
	idv, err := discover(ctx, v.o)
	if err != nil {
		if ctx.Err() == nil { // a client that left says nothing about the issuer
			v.failedAt = time.Now()
		}
		zerolog.Ctx(ctx).Warn().Err(err).Str("issuer", v.o.Issuer).Msg("oidc: discovery failed")
		return nil, v.unreachable(err)
	}
	v.verifier = idv
	return idv, nil
}

// discover reads the discovery document and builds a verifier over the
// issuer's key set, which go-oidc fetches when a token first needs it.
func discover(ctx context.Context, o Options) (*oidc.IDTokenVerifier, error) {
	p, err := oidc.NewProvider(oidc.ClientContext(ctx, o.Client), o.Issuer)
	if err != nil {
		return nil, err
	}
	var doc struct {
		JWKS string   `json:"jwks_uri"`
		Algs []string `json:"id_token_signing_alg_values_supported"`
	}
	if err := p.Claims(&doc); err != nil {
		return nil, err
	}
	// The key set outlives this request: give it only the client, not the
	// request's context and the values it carries.
	keys := keySet{remote: oidc.NewRemoteKeySet(oidc.ClientContext(context.Background(), o.Client), doc.JWKS)}
	return oidc.NewVerifier(o.Issuer, keys, &oidc.Config{ClientID: o.Audience, SupportedSigningAlgs: acceptedAlgs(doc.Algs)}), nil
}

// VerifyJWT checks raw (a compact JWT) and returns who sent it, with Via
// "oidc". UNAUTHENTICATED, saying which check failed, for a malformed,
// unsigned, expired, tampered token or one for another issuer or audience;
// UNAVAILABLE when the issuer's discovery document or keys cannot be
// fetched. Messages never hold key material or the token.
func (v *Verifier) VerifyJWT(ctx context.Context, raw string) (rodedraad.Principal, error) {
	if err := v.precheck(raw, time.Now()); err != nil {
		return rodedraad.Principal{}, err
	}
	idv, err := v.ready(ctx)
	if err != nil {
		return rodedraad.Principal{}, err
	}
	fetch := &fetchState{}
	tok, err := idv.Verify(context.WithValue(ctx, fetchKey{}, fetch), raw)
	if err != nil {
		return rodedraad.Principal{}, v.rejected(ctx, err, fetch)
	}
	var claims map[string]any
	if err := tok.Claims(&claims); err != nil {
		return rodedraad.Principal{}, malformed()
	}
	return v.principal(tok.Subject, claims)
}

// unreachable is the error of an issuer that does not answer; cause, when
// there is one, is wrapped for the log and never shown to the client.
func (v *Verifier) unreachable(cause error) error {
	e := rodedraad.Errorf(rodedraad.EUNAVAILABLE,
		"de OIDC-uitgever %s is niet bereikbaar; probeer het later opnieuw / the OIDC issuer %s cannot be reached; try again later",
		v.o.Issuer, v.o.Issuer)
	if cause == nil {
		return e
	}
	return fmt.Errorf("%w: %w", e, cause)
}

// rejected explains why go-oidc refused a token that passed precheck: the
// keys could not be fetched, it expired meanwhile, or its signature is bad.
func (v *Verifier) rejected(ctx context.Context, err error, fetch *fetchState) error {
	if fetch.err != nil {
		zerolog.Ctx(ctx).Warn().Err(fetch.err).Str("issuer", v.o.Issuer).Msg("oidc: fetching the issuer's keys failed")
		return v.unreachable(fetch.err)
	}
	if exp, ok := errAs[*oidc.TokenExpiredError](err); ok {
		return expired(exp.Expiry)
	}
	zerolog.Ctx(ctx).Debug().Err(err).Msg("oidc: token refused")
	return rodedraad.Errorf(rodedraad.EUNAUTHENTICATED,
		"de handtekening van het token klopt niet (gewijzigd, of met een onbekende sleutel gezet) / the token's signature does not verify (altered, or signed with an unknown key)")
}
