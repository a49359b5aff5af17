package auth_test

import (
	"context"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/auth"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// fakeJWT is a JWTVerifier that records the tokens it is asked about and
// answers with p or err.
type fakeJWT struct {
	got []string
	p   rodedraad.Principal
	err error
}

func (f *fakeJWT) VerifyJWT(_ context.Context, raw string) (rodedraad.Principal, error) {
	f.got = append(f.got, raw)
	return f.p, f.err
}

const (
	signedJWT   = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln-bmF0_dXJl"
	unsignedJWT = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."
)

func TestAuthenticator_AuthenticateJWT(t *testing.T) {
	store := &memTokens{byHash: map[string]rodedraad.Token{}}
	secret := MustToken(t, store, "dashboard", rodedraad.RoleReader)
	tests := []struct {
		name, header string
		verifierErr  error
		wantVerified string // the token the verifier must see; "" for none
		wantCode     string
		wantName     string
	}{
		{name: "JWTGoesToTheVerifier", header: "Bearer " + signedJWT, wantVerified: signedJWT, wantName: "anna"},
		{name: "UnsignedJWTGoesToTheVerifierToBeRefused", header: "Bearer " + unsignedJWT, wantVerified: unsignedJWT,
			verifierErr: rodedraad.Errorf(rodedraad.EUNAUTHENTICATED, "unsigned"), wantCode: rodedraad.EUNAUTHENTICATED},
		{name: "IssuerDownIsUnavailable", header: "Bearer " + signedJWT, wantVerified: signedJWT,
			verifierErr: rodedraad.Errorf(rodedraad.EUNAVAILABLE, "issuer down"), wantCode: rodedraad.EUNAVAILABLE},
		{name: "APITokenStillWorks", header: "Bearer " + secret, wantName: "dashboard"},
		{name: "NeitherTokenNorJWT", header: "Bearer abc.d?f.ghi", wantCode: rodedraad.EUNAUTHENTICATED},
		{name: "TwoParts", header: "Bearer eyJhbGciOi.eyJzdWIi", wantCode: rodedraad.EUNAUTHENTICATED},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := &fakeJWT{p: rodedraad.Principal{Name: "anna", Role: rodedraad.RoleEditor, Via: "oidc"}, err: tt.verifierErr}
			p, err := auth.New(store, rodedraad.RoleReader, true, auth.WithJWT(v)).Authenticate(t.Context(), tt.header)
			if got := rodedraad.ErrorCode(err); got != tt.wantCode {
				t.Fatalf("error = %v, want code %q", err, tt.wantCode)
			}
			if tt.wantVerified == "" && len(v.got) > 0 || tt.wantVerified != "" && (len(v.got) != 1 || v.got[0] != tt.wantVerified) {
				t.Errorf("verifier saw %q, want %q", v.got, tt.wantVerified)
			}
			if err == nil && p.Name != tt.wantName {
				t.Errorf("principal = %+v, want %s", p, tt.wantName)
			}
			if tt.wantVerified == "" && err != nil && !strings.Contains(err.Error(), "OpenID Connect") {
				t.Errorf("message %q does not mention the JWT a client may send", err)
			}
		})
	}
}

func TestAuthenticator_WithJWT(t *testing.T) {
	t.Run("LocalModeIsOff", func(t *testing.T) {
		a := auth.New(&memTokens{byHash: map[string]rodedraad.Token{}}, rodedraad.RoleReader, true, auth.WithJWT(&fakeJWT{}))
		if local, err := a.LocalMode(t.Context()); err != nil || local {
			t.Errorf("LocalMode = %v, %v on loopback without tokens but with OIDC; want false", local, err)
		}
		anon := rodedraad.Principal{Name: "anonymous", Via: "anonymous", Role: rodedraad.RoleReader}
		if _, err := a.Authorize(t.Context(), anon, rodedraad.RoleEditor); rodedraad.ErrorCode(err) != rodedraad.EUNAUTHENTICATED {
			t.Errorf("anonymous write with OIDC on: %v, want UNAUTHENTICATED", err)
		}
	})
	t.Run("UserWithoutRoleIsForbidden", func(t *testing.T) {
		a := auth.New(&memTokens{byHash: map[string]rodedraad.Token{}}, rodedraad.RoleReader, false, auth.WithJWT(&fakeJWT{}))
		nobody := rodedraad.Principal{Name: "fem", Via: "oidc", Role: rodedraad.RoleNone}
		_, err := a.Authorize(t.Context(), nobody, rodedraad.RoleReader)
		if rodedraad.ErrorCode(err) != rodedraad.EFORBIDDEN || !strings.Contains(err.Error(), `user "fem" has the NONE role`) {
			t.Errorf("user without role reading: %v, want FORBIDDEN naming the user", err)
		}
	})
}
