// Package oidctest is an OpenID Connect issuer for tests: an httptest
// server with a discovery document and a key set, and a key made in the
// test that signs tokens with go-jose. It can rotate its key and pretend
// to be down.
package oidctest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
)

// Audience is the client id the tokens of Claims are issued for.
const Audience = "rodedraad-test"

// Issuer is a running test issuer; its server stops when the test ends.
type Issuer struct {
	URL string

	srv  *httptest.Server
	down atomic.Bool

	mu   sync.Mutex
	key  *ecdsa.PrivateKey
	kid  string
	keys int // how many keys were made, for the next kid
}

// New starts an issuer with one ES256 key.
func New(tb testing.TB) *Issuer {
	tb.Helper()
	i := &Issuer{}
	i.Rotate(tb)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /.well-known/openid-configuration", i.discovery)
	mux.HandleFunc("GET /keys", i.jwks)
	i.srv = httptest.NewServer(i.unlessDown(mux))
	i.URL = i.srv.URL
	tb.Cleanup(i.srv.Close)
	return i
}

// Close stops the server: connections to URL are refused from then on.
func (i *Issuer) Close() { i.srv.Close() }

// SetDown makes the issuer answer 503 to everything (down) or serve again.
func (i *Issuer) SetDown(down bool) { i.down.Store(down) }

// Rotate makes a new signing key and publishes only that one, as an
// issuer does after rotating its keys.
func (i *Issuer) Rotate(tb testing.TB) {
	tb.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		tb.Fatalf("oidctest: make key: %v", err)
	}
	i.mu.Lock()
	defer i.mu.Unlock()
	i.keys++
	i.key, i.kid = key, fmt.Sprintf("key-%d", i.keys)
}

// Claims returns valid claims for user with roles: this issuer, Audience,
// sub, preferred_username, roles, issued now and expiring in an hour.
func (i *Issuer) Claims(user string, roles ...string) map[string]any {
	now := time.Now()
	return map[string]any{
		"iss": i.URL, "aud": Audience, "sub": "sub-" + user, "preferred_username": user,
		"roles": roles, "iat": now.Unix(), "exp": now.Add(time.Hour).Unix(),
	}
}

// Sign returns claims as a compact JWT signed with the current key.
func (i *Issuer) Sign(tb testing.TB, claims map[string]any) string {
	tb.Helper()
	i.mu.Lock()
	key := jose.JSONWebKey{Key: i.key, KeyID: i.kid, Algorithm: string(jose.ES256)}
	i.mu.Unlock()
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: key}, (&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		tb.Fatalf("oidctest: signer: %v", err)
	}
	return sign(tb, signer, claims)
}

func sign(tb testing.TB, signer jose.Signer, claims map[string]any) string {
	tb.Helper()
	payload, err := json.Marshal(claims)
	if err != nil {
		tb.Fatalf("oidctest: claims: %v", err)
	}
	obj, err := signer.Sign(payload)
	if err != nil {
		tb.Fatalf("oidctest: sign: %v", err)
	}
	raw, err := obj.CompactSerialize()
	if err != nil {
		tb.Fatalf("oidctest: serialize: %v", err)
	}
	return raw
}

// Unsigned returns claims as a JWT with alg "none" and no signature.
func Unsigned(claims map[string]any) string {
	enc := base64.RawURLEncoding
	payload, _ := json.Marshal(claims)
	return enc.EncodeToString([]byte(`{"alg":"none","typ":"JWT"}`)) + "." + enc.EncodeToString(payload) + "."
}

func (i *Issuer) unlessDown(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if i.down.Load() {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func (i *Issuer) discovery(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, map[string]any{
		"issuer": i.URL, "jwks_uri": i.URL + "/keys",
		"authorization_endpoint": i.URL + "/auth", "token_endpoint": i.URL + "/token",
		"response_types_supported": []string{"code"}, "subject_types_supported": []string{"public"},
		"id_token_signing_alg_values_supported": []string{string(jose.ES256)},
	})
}

func (i *Issuer) jwks(w http.ResponseWriter, _ *http.Request) {
	i.mu.Lock()
	pub := jose.JSONWebKey{Key: i.key.Public(), KeyID: i.kid, Algorithm: string(jose.ES256), Use: "sig"}
	i.mu.Unlock()
	writeJSON(w, jose.JSONWebKeySet{Keys: []jose.JSONWebKey{pub}})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
