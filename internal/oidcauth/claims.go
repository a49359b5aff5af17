package oidcauth

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// asymmetricAlgs are the signature algorithms accepted: never "none", and
// never a shared secret (HS256), which anyone holding the issuer's public
// key could otherwise forge.
var asymmetricAlgs = []string{
	oidc.RS256, oidc.RS384, oidc.RS512, oidc.ES256, oidc.ES384, oidc.ES512,
	oidc.PS256, oidc.PS384, oidc.PS512, oidc.EdDSA,
}

// acceptedAlgs keeps of the issuer's advertised algorithms those accepted;
// none advertised means RS256, which OpenID Connect requires of every issuer.
func acceptedAlgs(advertised []string) []string {
	var out []string
	for _, a := range advertised {
		if slices.Contains(asymmetricAlgs, a) {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		out = []string{oidc.RS256}
	}
	return out
}

// unverified is what precheck reads of a token before its signature is
// checked: only to refuse early, with a clear reason, and without asking
// the issuer for keys on behalf of a token that cannot pass anyway.
type unverified struct {
	Alg string
	Iss string          `json:"iss"`
	Aud json.RawMessage `json:"aud"` // a string or a list of strings
	Exp *float64        `json:"exp"`
	Nbf *float64        `json:"nbf"`
}

// peek decodes the header and claims of raw without verifying anything.
func peek(raw string) (unverified, error) {
	var u unverified
	parts := strings.Split(raw, ".")
	if len(parts) != 3 {
		return u, malformed()
	}
	var header struct {
		Alg string `json:"alg"`
	}
	if err := decodePart(parts[0], &header); err != nil {
		return u, malformed()
	}
	if err := decodePart(parts[1], &u); err != nil {
		return u, malformed()
	}
	u.Alg = header.Alg
	return u, nil
}

func decodePart(part string, v any) error {
	b, err := base64.RawURLEncoding.DecodeString(part)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// nbfLeeway is the clock skew go-oidc allows on nbf; precheck allows the
// same, so that it refuses no token go-oidc would accept.
const nbfLeeway = 5 * time.Minute

// precheck refuses a token whose algorithm, issuer, audience or expiry is
// wrong, each with its own message. Passing it proves nothing: go-oidc
// checks all of it again after the signature.
func (v *Verifier) precheck(raw string, now time.Time) error {
	u, err := peek(raw)
	switch {
	case err != nil:
		return err
	case !slices.Contains(asymmetricAlgs, u.Alg):
		return unauthenticated("het token is niet ondertekend met een toegestaan algoritme (alg %q) / the token is not signed with an accepted algorithm (alg %q)", clip(u.Alg))
	case u.Iss != v.o.Issuer:
		return unauthenticated("het token komt van uitgever %q, niet van %q / the token was issued by %q, not by the configured issuer %q", clip(u.Iss), v.o.Issuer)
	case !audienceHolds(u.Aud, v.o.Audience):
		return unauthenticated("het token is niet voor deze server: aud %s bevat %q niet / the token is not meant for this server: aud %s lacks %q", clip(string(u.Aud)), v.o.Audience)
	case u.Exp == nil:
		return unauthenticated("het token heeft geen vervaltijd (exp) / the token has no expiry (exp)")
	case time.Unix(int64(*u.Exp), 0).Before(now):
		return expired(time.Unix(int64(*u.Exp), 0))
	case u.Nbf != nil && now.Add(nbfLeeway).Before(time.Unix(int64(*u.Nbf), 0)):
		return unauthenticated("het token geldt pas vanaf %s / the token is not valid before %s", time.Unix(int64(*u.Nbf), 0).UTC().Format(time.RFC3339))
	}
	return nil
}

// audienceHolds reports whether aud (a string or a list) holds want.
func audienceHolds(aud json.RawMessage, want string) bool {
	var one string
	if json.Unmarshal(aud, &one) == nil {
		return one == want
	}
	var many []string
	return json.Unmarshal(aud, &many) == nil && slices.Contains(many, want)
}

// principal names the caller by the actor claim, or sub, and gives the
// highest known role in the roles claim, or the default role.
func (v *Verifier) principal(sub string, claims map[string]any) (rodedraad.Principal, error) {
	name, _ := claims[v.o.ActorClaim].(string)
	if name = strings.TrimSpace(name); name == "" {
		name = sub
	}
	if name == "" {
		return rodedraad.Principal{}, unauthenticated("het token noemt geen gebruiker (%s of sub) / the token names no user (%s or sub)", v.o.ActorClaim)
	}
	role := v.o.DefaultRole
	for _, s := range stringsOf(claimAt(claims, v.o.RolesClaim)) {
		if r, ok := roleOf(s); ok && r > role {
			role = r
		}
	}
	return rodedraad.Principal{Name: name, Role: role, Via: "oidc"}, nil
}

// claimAt finds a claim by its whole name first (namespaced claims hold
// dots), then as a dotted path into nested objects.
func claimAt(claims map[string]any, name string) any {
	if v, ok := claims[name]; ok {
		return v
	}
	var cur any = claims
	for _, key := range strings.Split(name, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = m[key]
	}
	return cur
}

// stringsOf returns a claim's value as strings: one string, or the strings
// of a list (other values are skipped).
func stringsOf(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// roleOf maps reader, editor and admin in any case to their role.
func roleOf(s string) (rodedraad.Role, bool) {
	r, err := rodedraad.ParseRole(s)
	return r, err == nil && r != rodedraad.RoleNone
}

func unauthenticated(format string, args ...any) error {
	// Each message says its values twice: in Dutch, then in English.
	doubled := make([]any, 0, 2*len(args))
	doubled = append(doubled, args...)
	doubled = append(doubled, args...)
	return rodedraad.Errorf(rodedraad.EUNAUTHENTICATED, format, doubled...)
}

func malformed() error {
	return unauthenticated("het token is geen geldige JWT / the bearer token is not a well-formed JWT")
}

func expired(at time.Time) error {
	t := at.UTC().Format(time.RFC3339)
	return unauthenticated("het token is verlopen (%s); vraag een nieuw aan / the token expired at %s; get a fresh one", t)
}

// clip shortens a value taken from an unverified token before it is quoted
// back, so a crafted token cannot fill the answer.
func clip(s string) string {
	const most = 100
	if len(s) > most {
		return s[:most] + "…"
	}
	return s
}

// errAs is errors.As returning the match.
func errAs[T error](err error) (T, bool) {
	var t T
	ok := errors.As(err, &t)
	return t, ok
}
