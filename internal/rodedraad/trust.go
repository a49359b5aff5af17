package rodedraad

import (
	"context"
	"strings"
	"time"
)

// Error codes of authentication and authorisation.
const (
	// EUNAUTHENTICATED: no valid credentials where they are needed, or a
	// token that is unknown, revoked or malformed.
	EUNAUTHENTICATED = "UNAUTHENTICATED"
	// EFORBIDDEN: the caller is known but their role may not do this.
	EFORBIDDEN = "FORBIDDEN"
)

// Role says what a caller may do. Roles are ordered: each may do what the
// ones below it may.
type Role int

// The roles, least first. RoleNone is an anonymous caller that may do
// nothing.
const (
	RoleNone Role = iota
	// RoleReader reads everything.
	RoleReader
	// RoleEditor also writes: mutations, reviews, imports, ingest.
	RoleEditor
	// RoleAdmin also manages tokens and deletes whole documents.
	RoleAdmin
)

var roleNames = []string{"NONE", "READER", "EDITOR", "ADMIN"}

// String returns the role's name in capitals, as the schema spells it.
func (r Role) String() string {
	if r < 0 || int(r) >= len(roleNames) {
		return "NONE"
	}
	return roleNames[r]
}

// ParseRole reads a role name in any case. BAD_USER_INPUT names the
// allowed ones.
func ParseRole(s string) (Role, error) {
	for i, n := range roleNames {
		if strings.EqualFold(strings.TrimSpace(s), n) {
			return Role(i), nil
		}
	}
	return RoleNone, Errorf(EINVALID, "role %q is not one of READER, EDITOR, ADMIN", s)
}

// Principal is who does something: the name of a token (or the user an
// OpenID Connect token names, or "anonymous", or the command line's user)
// and its role.
type Principal struct {
	Name string
	Role Role
	// Via says how the actor came in: "token", "oidc" (a verified JWT),
	// "anonymous", "local" (the loopback rule), "cli".
	Via string
	// Request is the id of the HTTP request, when there is one.
	Request string
}

type principalKey struct{}

// WithPrincipal returns ctx carrying a.
func WithPrincipal(ctx context.Context, a Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, a)
}

// PrincipalFrom returns the actor of ctx, or "system" with no role outside a
// request and command.
func PrincipalFrom(ctx context.Context) Principal {
	if a, ok := ctx.Value(principalKey{}).(Principal); ok {
		return a
	}
	return Principal{Name: "system", Via: "system"}
}

// Token is an API token as stored: only the hash of its secret is kept.
type Token struct {
	ID        string
	Name      string
	Role      Role
	Hash      string
	CreatedAt time.Time
	RevokedAt time.Time // zero while valid
}

// TokenStore keeps API tokens.
type TokenStore interface {
	CreateToken(ctx context.Context, t Token) error
	Tokens(ctx context.Context) ([]Token, error)
	// RevokeToken marks the token with that id or name revoked; NOT_FOUND
	// when there is none.
	RevokeToken(ctx context.Context, idOrName string) (Token, error)
	// TokenByHash returns the valid token with that hash; NOT_FOUND when
	// none (or revoked).
	TokenByHash(ctx context.Context, hash string) (Token, error)
	// HasTokens reports whether any token was ever created.
	HasTokens(ctx context.Context) (bool, error)
}

// Change is one entry of the audit trail: who changed one item how, in
// which write.
type Change struct {
	// Seq orders changes: the graph version of the write, then the
	// item's position within it.
	Version, Seq int64
	At           time.Time
	Actor        string
	Role         string
	Via          string
	Request      string
	// Op is the store operation: create, replace, delete, review, link,
	// unlink, import.
	Op string
	// Target is a node id, or "FROM -TYPE-> TO" for an edge.
	Target string
	// Action is created, updated or deleted.
	Action        string
	Before, After map[string]any
}

// ChangeFilter selects audit entries for Store.Changes.
type ChangeFilter struct {
	Since  time.Time
	Actor  string
	Target string
	// After is the (Version, Seq) of the last entry seen: a cursor.
	AfterVersion, AfterSeq int64
	Limit                  int
}

// KindCounts say what a load did to items of one kind.
type KindCounts struct {
	Created, Updated, Unchanged int
}

// ReviewDecision is one reviewer's last decision on one item (a node id or
// an edge key).
type ReviewDecision struct {
	Target, Reviewer string
	Status           Status
}
