package oidcauth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/coreos/go-oidc/v3/oidc"
)

// fetchState records, for one verification, that fetching the issuer's keys
// failed. go-oidc flattens the key set's error into text, so the key set
// reports it here, beside the error, for rejected to tell "issuer down"
// from "bad signature" without reading error strings.
type fetchState struct{ err error }

type fetchKey struct{}

// keySet is go-oidc's remote key set, noting fetch failures in the
// context's fetchState.
type keySet struct{ remote oidc.KeySet }

var _ oidc.KeySet = keySet{}

func (k keySet) VerifySignature(ctx context.Context, jwt string) ([]byte, error) {
	payload, err := k.remote.VerifySignature(ctx, jwt)
	if err != nil && fetchFailed(err) {
		if f, ok := ctx.Value(fetchKey{}).(*fetchState); ok {
			f.err = err
		}
	}
	return payload, err
}

// fetchFailed reports whether err comes from talking to the issuer rather
// than from the token: an HTTP client error (issuerTransport turns error
// statuses into those too) or the request's own deadline.
func fetchFailed(err error) bool {
	var ue *url.Error
	return errors.As(err, &ue) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled)
}

// issuerTransport makes an error status from the issuer a transport error,
// so that it reaches fetchFailed as a *url.Error like a refused connection.
type issuerTransport struct{ base http.RoundTripper }

func (t issuerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(r)
	if err != nil || resp.StatusCode < 400 {
		return resp, err
	}
	resp.Body.Close()
	return nil, fmt.Errorf("the issuer answered %s", resp.Status)
}

// withIssuerTransport returns a copy of c whose transport is wrapped.
func withIssuerTransport(c *http.Client) *http.Client {
	cc := *c
	base := cc.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	cc.Transport = issuerTransport{base: base}
	return &cc
}
