package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"strings"

	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/internal/auth"
	"github.com/rodedraad/rodedraad/internal/config"
	"github.com/rodedraad/rodedraad/internal/neo4jstore"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// errTokenUsage asks for one of the token commands.
var errTokenUsage = errors.New("token: give a command: create, list or revoke (rodedraad token create --role editor NAME)")

// setupTokenCreate is `rodedraad token create --role ROLE NAME`: it makes
// an API token and prints its secret once; only its hash is stored.
func setupTokenCreate(fs *flag.FlagSet) runFunc {
	roleName := fs.String("role", "reader", "what the token may do: reader, editor or admin")
	return func(ctx context.Context, in invocation) error {
		if len(in.args) != 1 {
			return errors.New("token create: give one name for the token, e.g. rodedraad token create --role editor dashboard")
		}
		role, err := rodedraad.ParseRole(*roleName)
		if err == nil && role == rodedraad.RoleNone {
			err = rodedraad.Errorf(rodedraad.EINVALID, "role must be READER, EDITOR or ADMIN")
		}
		if err != nil {
			return userError(err)
		}
		secret, t, err := auth.NewToken(in.args[0], role)
		if err != nil {
			return userError(err)
		}
		return withStore(ctx, in, func(store *neo4jstore.Store) error {
			if err := store.CreateToken(ctx, t); err != nil {
				return userError(err)
			}
			fmt.Fprintf(in.stdout, "token %s (%s, %s) aangemaakt / created.\n", t.ID, t.Name, t.Role)
			fmt.Fprintf(in.stdout, "Bewaar het geheim nu: het wordt niet meer getoond / Keep the secret now, it is not shown again:\n\n  %s\n\n", secret)
			fmt.Fprintf(in.stdout, "Use it as: Authorization: Bearer %s\n", secret)
			return nil
		})
	}
}

// setupTokenList is `rodedraad token list`: every token without secrets.
func setupTokenList(*flag.FlagSet) runFunc {
	return func(ctx context.Context, in invocation) error {
		return withStore(ctx, in, func(store *neo4jstore.Store) error {
			ts, err := store.Tokens(ctx)
			if err != nil {
				return userError(err)
			}
			printTokens(in.stdout, ts)
			return nil
		})
	}
}

func printTokens(w io.Writer, ts []rodedraad.Token) {
	if len(ts) == 0 {
		fmt.Fprintln(w, "geen tokens / no tokens (rodedraad token create --role editor NAME)")
		return
	}
	fmt.Fprintf(w, "%-16s %-24s %-7s %-20s %s\n", "ID", "NAME", "ROLE", "CREATED", "REVOKED")
	for _, t := range ts {
		revoked := "-"
		if !t.RevokedAt.IsZero() {
			revoked = t.RevokedAt.UTC().Format("2006-01-02 15:04:05")
		}
		fmt.Fprintf(w, "%-16s %-24s %-7s %-20s %s\n", t.ID, t.Name, t.Role, t.CreatedAt.UTC().Format("2006-01-02 15:04:05"), revoked)
	}
}

// setupTokenRevoke is `rodedraad token revoke ID|NAME`.
func setupTokenRevoke(*flag.FlagSet) runFunc {
	return func(ctx context.Context, in invocation) error {
		if len(in.args) != 1 {
			return errors.New("token revoke: give the token's id or name (see rodedraad token list)")
		}
		return withStore(ctx, in, func(store *neo4jstore.Store) error {
			t, err := store.RevokeToken(ctx, in.args[0])
			if err != nil {
				return userError(err)
			}
			fmt.Fprintf(in.stdout, "token %s (%s) ingetrokken / revoked\n", t.ID, t.Name)
			return nil
		})
	}
}

// cliPrincipal is who a command acts as in the audit trail: the user of the
// shell, with every right (whoever can run the binary can reach Neo4j).
func cliPrincipal(getenv func(string) string, command string) rodedraad.Principal {
	name := getenv("USER")
	if name == "" {
		name = "cli"
	}
	return rodedraad.Principal{Name: name, Role: rodedraad.RoleAdmin, Via: "cli " + command}
}

// newAuthenticator builds serve's authenticator from the settings; with
// OpenID Connect configured it also accepts the issuer's JWTs.
func newAuthenticator(ctx context.Context, cfg config.Config, tokens rodedraad.TokenStore, log zerolog.Logger) *auth.Authenticator {
	anon := rodedraad.RoleReader
	if cfg.Anonymous == "none" {
		anon = rodedraad.RoleNone
	}
	return auth.New(tokens, anon, isLoopback(cfg.Addr), oidcOptions(ctx, cfg.OIDC, log)...)
}

// metricsRole is the role /metrics needs; RoleNone when it is open.
func metricsRole(cfg config.Config) rodedraad.Role {
	r, err := rodedraad.ParseRole(cfg.MetricsAuth)
	if err != nil {
		return rodedraad.RoleNone
	}
	return r
}

// isLoopback reports whether addr listens on a loopback address only.
func isLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// logAccessMode says at start-up who may do what, loudly when anonymous
// callers may edit.
func logAccessMode(ctx context.Context, a *auth.Authenticator, cfg config.Config, log zerolog.Logger) {
	local, err := a.LocalMode(ctx)
	switch {
	case err != nil:
		log.Warn().Err(err).Msg("serve: could not check for API tokens")
	case local:
		log.Warn().Str("addr", cfg.Addr).Msg("serve: LOCAL MODE: anonymous callers may edit, because the server listens on loopback and no API token exists yet; create one with `rodedraad token create --role admin NAME` to require tokens for writes")
	case cfg.OIDC.Enabled():
		log.Info().Str("anonymous", cfg.Anonymous).Str("metrics", cfg.MetricsAuth).
			Msg("serve: writes need an API token or a JWT from the OIDC issuer (Authorization: Bearer …); local mode is off")
	default:
		log.Info().Str("anonymous", cfg.Anonymous).Str("metrics", cfg.MetricsAuth).Msg("serve: writes need an API token (Authorization: Bearer …)")
	}
}
