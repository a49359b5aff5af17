// Package auth decides who a caller is: API tokens (created, hashed and
// checked here, stored by a rodedraad.TokenStore), bearer JWTs (checked by
// a JWTVerifier, when OpenID Connect is configured), anonymous callers, and
// the local rule that lets a single user on a loopback address edit before
// any token exists. It knows nothing of HTTP or GraphQL.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
	"strings"
	"sync/atomic"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// TokenPrefix starts every secret, so that a leaked token is easy to spot
// in logs and by secret scanners.
const TokenPrefix = "rdd_"

var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

// NewToken makes a token for name with role: the secret to show once, and
// the Token to store, which holds only the secret's hash.
func NewToken(name string, role rodedraad.Role) (secret string, t rodedraad.Token, err error) {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > 100 {
		return "", t, rodedraad.Errorf(rodedraad.EINVALID, "a token needs a name of 1 to 100 characters (who or what uses it)")
	}
	if role < rodedraad.RoleReader || role > rodedraad.RoleAdmin {
		return "", t, rodedraad.Errorf(rodedraad.EINVALID, "role must be READER, EDITOR or ADMIN")
	}
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", t, err
	}
	secret = TokenPrefix + strings.ToLower(b32.EncodeToString(raw))
	id := make([]byte, 5)
	if _, err := rand.Read(id); err != nil {
		return "", t, err
	}
	return secret, rodedraad.Token{ID: "tok_" + strings.ToLower(b32.EncodeToString(id)), Name: name, Role: role, Hash: Hash(secret)}, nil
}

// Hash is what the store keeps of a secret: its SHA-256 in hex. A secret of
// 256 random bits needs no slow hash: nobody can guess it from the hash.
func Hash(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// JWTVerifier checks a bearer JWT from an OpenID Connect issuer and says
// who sent it; package oidcauth implements it.
type JWTVerifier interface {
	// VerifyJWT returns the sender of raw: UNAUTHENTICATED for a bad
	// token, UNAVAILABLE when the issuer cannot be reached.
	VerifyJWT(ctx context.Context, raw string) (rodedraad.Principal, error)
}

// Authenticator turns credentials into a rodedraad.Principal.
type Authenticator struct {
	tokens rodedraad.TokenStore
	// jwt verifies bearer JWTs; nil accepts API tokens only.
	jwt JWTVerifier
	// anonymous is the role of a caller without credentials.
	anonymous rodedraad.Role
	// local: the server listens on loopback only, so until a token exists
	// an anonymous caller may edit.
	local bool
	// tokensSeen latches once a token exists: tokens are never deleted,
	// so the answer cannot go back.
	tokensSeen atomic.Bool
}

// Option configures an Authenticator.
type Option func(*Authenticator)

// WithJWT accepts bearer JWTs that v verifies, besides API tokens. It turns
// the local mode off: with an identity provider in place, users exist
// before any API token does, so "no token yet" no longer means one user.
func WithJWT(v JWTVerifier) Option {
	return func(a *Authenticator) { a.jwt, a.local = v, false }
}

// New returns an Authenticator. anonymous is RoleNone or RoleReader; local
// says the server listens on a loopback address only.
func New(tokens rodedraad.TokenStore, anonymous rodedraad.Role, local bool, opts ...Option) *Authenticator {
	a := &Authenticator{tokens: tokens, anonymous: anonymous, local: local}
	for _, o := range opts {
		o(a)
	}
	return a
}

// Authenticate returns the principal for the value of an Authorization
// header: "Bearer <secret>", "Bearer <JWT>" when a JWTVerifier is set, or
// empty. UNAUTHENTICATED for a malformed header, an unknown or revoked
// token, or a JWT that does not verify; UNAVAILABLE when the store or the
// JWT's issuer is.
func (a *Authenticator) Authenticate(ctx context.Context, header string) (rodedraad.Principal, error) {
	header = strings.TrimSpace(header)
	if header == "" {
		return rodedraad.Principal{Name: "anonymous", Role: a.anonymous, Via: "anonymous"}, nil
	}
	scheme, secret, ok := strings.Cut(header, " ")
	secret = strings.TrimSpace(secret)
	switch {
	case !ok || !strings.EqualFold(scheme, "Bearer"):
	case strings.HasPrefix(secret, TokenPrefix):
		return a.apiToken(ctx, secret)
	case a.jwt != nil && looksLikeJWT(secret):
		return a.jwt.VerifyJWT(ctx, secret)
	}
	if a.jwt != nil {
		return rodedraad.Principal{}, rodedraad.Errorf(rodedraad.EUNAUTHENTICATED,
			"Authorization wants \"Bearer %s…\", a token made with `rodedraad token create`, or \"Bearer <JWT>\" from the OpenID Connect issuer", TokenPrefix)
	}
	return rodedraad.Principal{}, rodedraad.Errorf(rodedraad.EUNAUTHENTICATED,
		"Authorization wants \"Bearer %s…\", a token made with `rodedraad token create`", TokenPrefix)
}

// apiToken looks up the principal of an API token's secret.
func (a *Authenticator) apiToken(ctx context.Context, secret string) (rodedraad.Principal, error) {
	t, err := a.tokens.TokenByHash(ctx, Hash(secret))
	if rodedraad.ErrorCode(err) == rodedraad.ENOTFOUND {
		return rodedraad.Principal{}, rodedraad.Errorf(rodedraad.EUNAUTHENTICATED, "the token is unknown or revoked")
	}
	if err != nil {
		return rodedraad.Principal{}, err
	}
	a.tokensSeen.Store(true)
	return rodedraad.Principal{Name: t.Name, Role: t.Role, Via: "token"}, nil
}

// looksLikeJWT reports whether s has a compact JWT's form: three base64url
// parts joined by dots, the first two not empty (an unsigned token has an
// empty third part and must still reach the verifier, to be refused as a
// JWT rather than as a malformed header).
func looksLikeJWT(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" {
		return false
	}
	return !strings.ContainsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.')
	})
}

// Authorize checks that p may do what needs role. An anonymous caller gets
// UNAUTHENTICATED (credentials would help), a known one FORBIDDEN. On a
// loopback server without any token yet, an anonymous caller may edit and
// administer: the local single-user mode; it returns p with that role.
func (a *Authenticator) Authorize(ctx context.Context, p rodedraad.Principal, need rodedraad.Role) (rodedraad.Principal, error) {
	if p.Role >= need {
		return p, nil
	}
	if p.Via == "anonymous" && a.local {
		local, err := a.LocalMode(ctx)
		if err != nil {
			return p, err
		}
		if local {
			p.Role, p.Via = rodedraad.RoleAdmin, "local"
			return p, nil
		}
	}
	if p.Via == "anonymous" {
		return p, rodedraad.Errorf(rodedraad.EUNAUTHENTICATED,
			"dit vraagt de rol %s: stuur een token (Authorization: Bearer …) / this needs the %s role: send a token (Authorization: Bearer …)", need, need)
	}
	if p.Via == "oidc" {
		return p, rodedraad.Errorf(rodedraad.EFORBIDDEN,
			"gebruiker %q heeft de rol %s; dit vraagt %s / user %q has the %s role; this needs %s", p.Name, p.Role, need, p.Name, p.Role, need)
	}
	return p, rodedraad.Errorf(rodedraad.EFORBIDDEN,
		"token %q heeft de rol %s; dit vraagt %s / token %q has the %s role; this needs %s", p.Name, p.Role, need, p.Name, p.Role, need)
}

// LocalMode reports whether anonymous callers may still edit: the server
// listens on loopback only and no token was ever created.
func (a *Authenticator) LocalMode(ctx context.Context) (bool, error) {
	if !a.local || a.tokensSeen.Load() {
		return false, nil
	}
	has, err := a.tokens.HasTokens(ctx)
	if err != nil {
		return false, err
	}
	if has {
		a.tokensSeen.Store(true)
	}
	return !has, nil
}
