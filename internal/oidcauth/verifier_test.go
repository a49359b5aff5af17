package oidcauth_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/rodedraad/rodedraad/internal/oidcauth"
	"github.com/rodedraad/rodedraad/internal/oidcauth/oidctest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// newVerifier returns a Verifier for iss with the defaults serve uses.
func newVerifier(iss *oidctest.Issuer, change func(*oidcauth.Options)) *oidcauth.Verifier {
	o := oidcauth.Options{Issuer: iss.URL, Audience: oidctest.Audience}
	if change != nil {
		change(&o)
	}
	return oidcauth.New(o)
}

// with returns claims with key set to v (deleted when v is nil).
func with(claims map[string]any, key string, v any) map[string]any {
	if v == nil {
		delete(claims, key)
	} else {
		claims[key] = v
	}
	return claims
}

func TestVerifier_VerifyJWT(t *testing.T) {
	iss := oidctest.New(t)
	other := oidctest.New(t)
	tests := []struct {
		name     string
		opts     func(*oidcauth.Options)
		token    func(tb testing.TB) string
		wantName string
		wantRole rodedraad.Role
		wantCode string // "" for success
		wantMsg  string // a part of the message
	}{
		{name: "OK", token: func(tb testing.TB) string { return iss.Sign(tb, iss.Claims("anna", "editor")) },
			wantName: "anna", wantRole: rodedraad.RoleEditor},
		{name: "HighestRoleWinsInAnyCase", token: func(tb testing.TB) string {
			return iss.Sign(tb, iss.Claims("bert", "Reader", "ADMIN", "editor", "boss"))
		},
			wantName: "bert", wantRole: rodedraad.RoleAdmin},
		{name: "RolesAsOneString", token: func(tb testing.TB) string { return iss.Sign(tb, with(iss.Claims("cor"), "roles", "Editor")) },
			wantName: "cor", wantRole: rodedraad.RoleEditor},
		{name: "NestedRolesClaim", opts: func(o *oidcauth.Options) { o.RolesClaim = "realm_access.roles" },
			token: func(tb testing.TB) string {
				return iss.Sign(tb, with(iss.Claims("dirk", "admin"), "realm_access", map[string]any{"roles": []string{"reader"}}))
			}, wantName: "dirk", wantRole: rodedraad.RoleReader},
		{name: "NamespacedRolesClaim", opts: func(o *oidcauth.Options) { o.RolesClaim = "https://ijmond.nl/roles" },
			token: func(tb testing.TB) string {
				return iss.Sign(tb, with(iss.Claims("els"), "https://ijmond.nl/roles", []string{"editor"}))
			}, wantName: "els", wantRole: rodedraad.RoleEditor},
		{name: "NoKnownRoleIsNone", token: func(tb testing.TB) string { return iss.Sign(tb, iss.Claims("fem", "viewer")) },
			wantName: "fem", wantRole: rodedraad.RoleNone},
		{name: "NoKnownRoleIsReaderWhenConfigured", opts: func(o *oidcauth.Options) { o.DefaultRole = rodedraad.RoleReader },
			token:    func(tb testing.TB) string { return iss.Sign(tb, with(iss.Claims("gijs"), "roles", nil)) },
			wantName: "gijs", wantRole: rodedraad.RoleReader},
		{name: "ActorFallsBackToSub", token: func(tb testing.TB) string {
			return iss.Sign(tb, with(iss.Claims("hans", "reader"), "preferred_username", nil))
		}, wantName: "sub-hans", wantRole: rodedraad.RoleReader},
		{name: "OwnActorClaim", opts: func(o *oidcauth.Options) { o.ActorClaim = "email" },
			token: func(tb testing.TB) string {
				return iss.Sign(tb, with(iss.Claims("ilse", "reader"), "email", "ilse@ijmond.nl"))
			}, wantName: "ilse@ijmond.nl", wantRole: rodedraad.RoleReader},
		{name: "ErrExpired", token: func(tb testing.TB) string {
			return iss.Sign(tb, with(iss.Claims("jan", "editor"), "exp", time.Now().Add(-time.Minute).Unix()))
		}, wantCode: rodedraad.EUNAUTHENTICATED, wantMsg: "the token expired at"},
		{name: "ErrNotYetValid", token: func(tb testing.TB) string {
			return iss.Sign(tb, with(iss.Claims("jan", "editor"), "nbf", time.Now().Add(time.Hour).Unix()))
		}, wantCode: rodedraad.EUNAUTHENTICATED, wantMsg: "the token is not valid before"},
		{name: "NotBeforeWithinClockSkew", token: func(tb testing.TB) string {
			return iss.Sign(tb, with(iss.Claims("jan", "editor"), "nbf", time.Now().Add(time.Minute).Unix()))
		}, wantName: "jan", wantRole: rodedraad.RoleEditor},
		{name: "ErrNoExpiry", token: func(tb testing.TB) string { return iss.Sign(tb, with(iss.Claims("jan", "editor"), "exp", nil)) },
			wantCode: rodedraad.EUNAUTHENTICATED, wantMsg: "has no expiry"},
		{name: "ErrWrongAudience", token: func(tb testing.TB) string {
			return iss.Sign(tb, with(iss.Claims("kees", "editor"), "aud", []string{"other-app"}))
		}, wantCode: rodedraad.EUNAUTHENTICATED, wantMsg: `not meant for this server: aud ["other-app"] lacks "rodedraad-test"`},
		{name: "ErrWrongIssuer", token: func(tb testing.TB) string { return other.Sign(tb, other.Claims("lies", "editor")) },
			wantCode: rodedraad.EUNAUTHENTICATED, wantMsg: "issued by \"" + other.URL + "\", not by the configured issuer"},
		{name: "ErrUnsigned", token: func(testing.TB) string { return oidctest.Unsigned(iss.Claims("mark", "admin")) },
			wantCode: rodedraad.EUNAUTHENTICATED, wantMsg: `not signed with an accepted algorithm (alg "none")`},
		{name: "ErrTampered", token: func(tb testing.TB) string {
			good := strings.Split(iss.Sign(tb, iss.Claims("nel", "reader")), ".")
			evil := strings.Split(oidctest.Unsigned(iss.Claims("nel", "admin")), ".")
			return good[0] + "." + evil[1] + "." + good[2]
		}, wantCode: rodedraad.EUNAUTHENTICATED, wantMsg: "signature does not verify"},
		{name: "ErrSignedWithAnotherKey", token: func(tb testing.TB) string {
			return other.Sign(tb, iss.Claims("olga", "admin")) // our claims, a stranger's key
		}, wantCode: rodedraad.EUNAUTHENTICATED, wantMsg: "signature does not verify"},
		{name: "ErrGarbage", token: func(testing.TB) string { return "eyJhbGciOi.eyJzdWIi.AAAA" },
			wantCode: rodedraad.EUNAUTHENTICATED, wantMsg: "not a well-formed JWT"},
		{name: "ErrNoUser", token: func(tb testing.TB) string {
			return iss.Sign(tb, with(with(iss.Claims("piet", "editor"), "preferred_username", nil), "sub", nil))
		}, wantCode: rodedraad.EUNAUTHENTICATED, wantMsg: "names no user (preferred_username or sub)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw := tt.token(t)
			p, err := newVerifier(iss, tt.opts).VerifyJWT(t.Context(), raw)
			if tt.wantCode != "" {
				wantRefused(t, err, tt.wantCode, tt.wantMsg, raw)
				return
			}
			if err != nil {
				t.Fatalf("VerifyJWT: %v", err)
			}
			if p != (rodedraad.Principal{Name: tt.wantName, Role: tt.wantRole, Via: "oidc"}) {
				t.Errorf("principal = %+v, want %s as %s via oidc", p, tt.wantName, tt.wantRole)
			}
		})
	}
}

// wantRefused checks err's code and message, and that the message quotes
// no part of the token's signature.
func wantRefused(tb testing.TB, err error, code, msg, raw string) {
	tb.Helper()
	if rodedraad.ErrorCode(err) != code {
		tb.Fatalf("err = %v (code %s), want %s", err, rodedraad.ErrorCode(err), code)
	}
	got := rodedraad.ErrorMessage(err)
	if !strings.Contains(got, msg) {
		tb.Errorf("message %q does not say %q", got, msg)
	}
	if parts := strings.Split(raw, "."); len(parts) == 3 && len(parts[2]) > 8 && strings.Contains(got, parts[2][:8]) {
		tb.Errorf("message %q quotes the token's signature", got)
	}
}

func TestVerifier_IssuerDown(t *testing.T) {
	t.Run("AtStartThenBack", func(t *testing.T) {
		iss := oidctest.New(t)
		v := newVerifier(iss, nil)
		iss.SetDown(true)
		err := v.Discover(t.Context())
		wantRefused(t, err, rodedraad.EUNAVAILABLE, "the OIDC issuer "+iss.URL+" cannot be reached", "")
		if !strings.Contains(err.Error(), "503") {
			t.Errorf("error for the log %q does not give the cause", err)
		}
		token := iss.Sign(t, iss.Claims("anna", "editor"))
		_, err = v.VerifyJWT(t.Context(), token)
		wantRefused(t, err, rodedraad.EUNAVAILABLE, "cannot be reached", token)
		iss.SetDown(false)
		if _, err := v.VerifyJWT(t.Context(), token); err != nil {
			t.Errorf("issuer back: %v", err)
		}
	})
	t.Run("Refused", func(t *testing.T) {
		iss := oidctest.New(t)
		token := iss.Sign(t, iss.Claims("anna", "editor"))
		iss.Close()
		_, err := newVerifier(iss, nil).VerifyJWT(t.Context(), token)
		wantRefused(t, err, rodedraad.EUNAVAILABLE, "cannot be reached", token)
	})
	t.Run("WaitsRetryAfterBeforeAskingAgain", func(t *testing.T) {
		iss := oidctest.New(t)
		v := newVerifier(iss, func(o *oidcauth.Options) { o.RetryAfter = time.Hour })
		iss.SetDown(true)
		token := iss.Sign(t, iss.Claims("anna", "editor"))
		_, err := v.VerifyJWT(t.Context(), token)
		wantRefused(t, err, rodedraad.EUNAVAILABLE, "cannot be reached", token)
		iss.SetDown(false)
		_, err = v.VerifyJWT(t.Context(), token)
		wantRefused(t, err, rodedraad.EUNAVAILABLE, "cannot be reached", token)
	})
	t.Run("AClientThatLeftIsNoIssuerFailure", func(t *testing.T) {
		iss := oidctest.New(t)
		v := newVerifier(iss, func(o *oidcauth.Options) { o.RetryAfter = time.Hour })
		token := iss.Sign(t, iss.Claims("anna", "editor"))
		gone, cancel := context.WithCancel(t.Context())
		cancel()
		if _, err := v.VerifyJWT(gone, token); err == nil {
			t.Fatal("VerifyJWT with a cancelled context succeeded; the test proves nothing")
		}
		if _, err := v.VerifyJWT(t.Context(), token); err != nil {
			t.Errorf("next token after a client left during discovery: %v, want it verified", err)
		}
	})
	t.Run("CachedKeysServeWhileDownNewKeysWait", func(t *testing.T) {
		iss := oidctest.New(t)
		v := newVerifier(iss, nil)
		old := iss.Sign(t, iss.Claims("anna", "editor"))
		if _, err := v.VerifyJWT(t.Context(), old); err != nil {
			t.Fatalf("first token: %v", err)
		}
		iss.SetDown(true)
		if _, err := v.VerifyJWT(t.Context(), old); err != nil {
			t.Errorf("a token with a cached key while the issuer is down: %v", err)
		}
		iss.Rotate(t)
		rotated := iss.Sign(t, iss.Claims("anna", "editor"))
		wantRefused(t, settled(t, v, rotated, rodedraad.EUNAVAILABLE), rodedraad.EUNAVAILABLE, "cannot be reached", rotated)
		iss.SetDown(false)
		if err := settled(t, v, rotated, ""); err != nil {
			t.Errorf("a token with the new key once the issuer is back: %v", err)
		}
	})
}

// settled verifies raw until the error code is want ("" for success), at
// most 50 times, and returns the last error. go-oidc hands a key fetch's
// result to its callers a moment before it forgets that fetch, so a call
// right after one may still get the earlier result.
func settled(tb testing.TB, v *oidcauth.Verifier, raw, want string) error {
	tb.Helper()
	var err error
	for range 50 {
		if _, err = v.VerifyJWT(tb.Context(), raw); rodedraad.ErrorCode(err) == want {
			return err
		}
		time.Sleep(10 * time.Millisecond)
	}
	return err
}
