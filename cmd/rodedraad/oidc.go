package main

import (
	"context"
	"time"

	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/internal/auth"
	"github.com/rodedraad/rodedraad/internal/config"
	"github.com/rodedraad/rodedraad/internal/oidcauth"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// oidcStartWait bounds the discovery serve tries before it listens: long
// enough for a slow issuer, short enough that a dead one does not hold up
// the start (tokens then try again, see oidcRetryAfter).
const oidcStartWait = 5 * time.Second

// oidcRetryAfter is the least time between two discoveries after a failed
// one, so that a burst of JWTs does not each wait for an issuer that is down.
const oidcRetryAfter = 5 * time.Second

// oidcOptions returns serve's authenticator options for OpenID Connect:
// none when no issuer is set. It reads the issuer's discovery document once
// and logs whether that worked; an issuer that cannot be reached does not
// stop the start, its tokens get UNAVAILABLE until it answers.
func oidcOptions(ctx context.Context, cfg config.OIDC, log zerolog.Logger) []auth.Option {
	if !cfg.Enabled() {
		return nil
	}
	defaultRole := rodedraad.RoleNone
	if cfg.DefaultRole == "reader" {
		defaultRole = rodedraad.RoleReader
	}
	v := oidcauth.New(oidcauth.Options{Issuer: cfg.Issuer, Audience: cfg.Audience, RolesClaim: cfg.RolesClaim,
		ActorClaim: cfg.ActorClaim, DefaultRole: defaultRole, RetryAfter: oidcRetryAfter})
	dctx, cancel := context.WithTimeout(ctx, oidcStartWait)
	defer cancel()
	if err := v.Discover(dctx); err != nil {
		log.Warn().Err(err).Str("issuer", cfg.Issuer).Msg("serve: OIDC issuer not reachable; serving anyway, JWTs get UNAVAILABLE until it answers")
	} else {
		log.Info().Str("issuer", cfg.Issuer).Str("audience", cfg.Audience).Str("roles_claim", cfg.RolesClaim).
			Msg("serve: OIDC on: bearer JWTs from this issuer are accepted besides API tokens")
	}
	return []auth.Option{auth.WithJWT(v)}
}
