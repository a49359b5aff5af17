package auth_test

import (
	"context"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/auth"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// memTokens is a TokenStore in memory.
type memTokens struct{ byHash map[string]rodedraad.Token }

func (m *memTokens) CreateToken(_ context.Context, t rodedraad.Token) error {
	m.byHash[t.Hash] = t
	return nil
}
func (m *memTokens) Tokens(context.Context) ([]rodedraad.Token, error) { return nil, nil }
func (m *memTokens) RevokeToken(_ context.Context, id string) (rodedraad.Token, error) {
	for h, t := range m.byHash {
		if t.ID == id || t.Name == id {
			delete(m.byHash, h)
			return t, nil
		}
	}
	return rodedraad.Token{}, rodedraad.Errorf(rodedraad.ENOTFOUND, "no token %q", id)
}
func (m *memTokens) TokenByHash(_ context.Context, h string) (rodedraad.Token, error) {
	t, ok := m.byHash[h]
	if !ok {
		return t, rodedraad.Errorf(rodedraad.ENOTFOUND, "no such token")
	}
	return t, nil
}
func (m *memTokens) HasTokens(context.Context) (bool, error) { return len(m.byHash) > 0, nil }

// MustToken creates a token in store and returns its secret.
func MustToken(tb testing.TB, store rodedraad.TokenStore, name string, role rodedraad.Role) string {
	tb.Helper()
	secret, tok, err := auth.NewToken(name, role)
	if err != nil {
		tb.Fatalf("NewToken: %v", err)
	}
	if err := store.CreateToken(tb.Context(), tok); err != nil {
		tb.Fatalf("CreateToken: %v", err)
	}
	return secret
}

func TestNewToken(t *testing.T) {
	secret, tok, err := auth.NewToken("dashboard", rodedraad.RoleEditor)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(secret, auth.TokenPrefix) || len(secret) < 50 {
		t.Errorf("secret %q is not a prefixed 256-bit token", secret)
	}
	if tok.Hash != auth.Hash(secret) || strings.Contains(tok.Hash, secret) || tok.ID == "" {
		t.Errorf("stored token %+v must hold the hash of the secret, never the secret", tok)
	}
	other, _, _ := auth.NewToken("dashboard", rodedraad.RoleEditor)
	if other == secret {
		t.Errorf("two tokens share a secret")
	}
	for _, bad := range []struct {
		name string
		role rodedraad.Role
	}{{"", rodedraad.RoleReader}, {strings.Repeat("x", 101), rodedraad.RoleReader}, {"ok", rodedraad.RoleNone}} {
		if _, _, err := auth.NewToken(bad.name, bad.role); rodedraad.ErrorCode(err) != rodedraad.EINVALID {
			t.Errorf("NewToken(%q, %s) = %v, want BAD_USER_INPUT", bad.name, bad.role, err)
		}
	}
}

func TestAuthenticator_Authenticate(t *testing.T) {
	store := &memTokens{byHash: map[string]rodedraad.Token{}}
	editor := MustToken(t, store, "anna", rodedraad.RoleEditor)
	a := auth.New(store, rodedraad.RoleReader, false)
	tests := []struct {
		name, header string
		wantCode     string
		wantName     string
		wantRole     rodedraad.Role
	}{
		{"NoHeaderIsAnonymous", "", "", "anonymous", rodedraad.RoleReader},
		{"ValidToken", "Bearer " + editor, "", "anna", rodedraad.RoleEditor},
		{"SchemeInAnyCase", "bearer " + editor, "", "anna", rodedraad.RoleEditor},
		{"UnknownToken", "Bearer " + auth.TokenPrefix + "nope", rodedraad.EUNAUTHENTICATED, "", 0},
		{"BasicAuth", "Basic YTpi", rodedraad.EUNAUTHENTICATED, "", 0},
		{"NotOurToken", "Bearer eyJhbGciOi", rodedraad.EUNAUTHENTICATED, "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := a.Authenticate(t.Context(), tt.header)
			if got := rodedraad.ErrorCode(err); got != tt.wantCode {
				t.Fatalf("error = %v, want code %q", err, tt.wantCode)
			}
			if err == nil && (p.Name != tt.wantName || p.Role != tt.wantRole) {
				t.Errorf("principal = %+v, want %s with %s", p, tt.wantName, tt.wantRole)
			}
		})
	}
	t.Run("RevokedTokenFails", func(t *testing.T) {
		if _, err := store.RevokeToken(t.Context(), "anna"); err != nil {
			t.Fatal(err)
		}
		_, err := a.Authenticate(t.Context(), "Bearer "+editor)
		if rodedraad.ErrorCode(err) != rodedraad.EUNAUTHENTICATED {
			t.Errorf("revoked token: %v, want UNAUTHENTICATED", err)
		}
	})
}

func TestAuthenticator_Authorize(t *testing.T) {
	anon := rodedraad.Principal{Name: "anonymous", Via: "anonymous", Role: rodedraad.RoleReader}
	t.Run("LocalModeUntilTheFirstToken", func(t *testing.T) {
		store := &memTokens{byHash: map[string]rodedraad.Token{}}
		a := auth.New(store, rodedraad.RoleReader, true)
		p, err := a.Authorize(t.Context(), anon, rodedraad.RoleEditor)
		if err != nil || p.Via != "local" {
			t.Fatalf("anonymous on loopback without tokens: %+v, %v; want local editing", p, err)
		}
		MustToken(t, store, "anna", rodedraad.RoleAdmin)
		_, err = a.Authorize(t.Context(), anon, rodedraad.RoleEditor)
		if rodedraad.ErrorCode(err) != rodedraad.EUNAUTHENTICATED {
			t.Errorf("anonymous write once a token exists: %v, want UNAUTHENTICATED", err)
		}
		if _, err := a.Authorize(t.Context(), anon, rodedraad.RoleReader); err != nil {
			t.Errorf("anonymous read: %v", err)
		}
	})
	t.Run("NotLoopbackNeverEdits", func(t *testing.T) {
		a := auth.New(&memTokens{byHash: map[string]rodedraad.Token{}}, rodedraad.RoleReader, false)
		_, err := a.Authorize(t.Context(), anon, rodedraad.RoleEditor)
		if rodedraad.ErrorCode(err) != rodedraad.EUNAUTHENTICATED {
			t.Errorf("anonymous write on a public address: %v, want UNAUTHENTICATED", err)
		}
	})
	t.Run("KnownCallerBelowTheRoleIsForbidden", func(t *testing.T) {
		a := auth.New(&memTokens{byHash: map[string]rodedraad.Token{}}, rodedraad.RoleReader, true)
		reader := rodedraad.Principal{Name: "bram", Via: "token", Role: rodedraad.RoleReader}
		_, err := a.Authorize(t.Context(), reader, rodedraad.RoleEditor)
		if rodedraad.ErrorCode(err) != rodedraad.EFORBIDDEN || !strings.Contains(err.Error(), "bram") {
			t.Errorf("reader token writing: %v, want FORBIDDEN naming the token", err)
		}
		editor := rodedraad.Principal{Name: "carla", Via: "token", Role: rodedraad.RoleEditor}
		if _, err := a.Authorize(t.Context(), editor, rodedraad.RoleAdmin); rodedraad.ErrorCode(err) != rodedraad.EFORBIDDEN {
			t.Errorf("editor deleting a document: %v, want FORBIDDEN", err)
		}
	})
}
