package config

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// OIDC holds the OpenID Connect settings of serve. An empty Issuer turns
// OIDC off: only API tokens are accepted then.
type OIDC struct {
	// Issuer is the issuer URL; its discovery document is at
	// Issuer/.well-known/openid-configuration.
	Issuer string
	// Audience is the client id a token's aud claim must hold.
	Audience string
	// RolesClaim is the claim with the roles, a dotted path for nested
	// claims such as realm_access.roles.
	RolesClaim string
	// ActorClaim names the user in the audit trail; sub when absent.
	ActorClaim string
	// DefaultRole is what a valid token without a known role may do:
	// "none" or "reader".
	DefaultRole string
}

// Enabled reports whether OIDC is configured.
func (o OIDC) Enabled() bool { return o.Issuer != "" }

// oidcSettings are the OIDC rows of the settings table.
func oidcSettings() []Setting {
	return []Setting{
		str("oidc-issuer", "oidc-issuer", "RODEDRAAD_OIDC_ISSUER", "",
			"OpenID Connect issuer URL (discovery); set, bearer JWTs it signed are accepted besides API tokens and local mode is off",
			func(c *Config) *string { return &c.OIDC.Issuer }).on(serveOnly),
		str("oidc-audience", "oidc-audience", "RODEDRAAD_OIDC_AUDIENCE", "",
			"client id a JWT's aud must hold (required with oidc-issuer)",
			func(c *Config) *string { return &c.OIDC.Audience }).on(serveOnly),
		str("oidc-roles-claim", "oidc-roles-claim", "RODEDRAAD_OIDC_ROLES_CLAIM", "roles",
			"JWT claim (a string or list; dots for nested claims) whose values reader, editor, admin give the role; the highest wins",
			func(c *Config) *string { return &c.OIDC.RolesClaim }).on(serveOnly),
		str("oidc-actor-claim", "oidc-actor-claim", "RODEDRAAD_OIDC_ACTOR_CLAIM", "preferred_username",
			"JWT claim that names the user in the audit trail; sub when the token lacks it",
			func(c *Config) *string { return &c.OIDC.ActorClaim }).on(serveOnly),
		Setting{Name: "oidc-default-role", Flag: "oidc-default-role", Env: "RODEDRAAD_OIDC_DEFAULT_ROLE", Default: "none",
			Description: "what a valid JWT without a known role may do: none (FORBIDDEN) or reader",
			set: func(c *Config, v string) error {
				c.OIDC.DefaultRole = strings.ToLower(strings.TrimSpace(v))
				if c.OIDC.DefaultRole != "none" && c.OIDC.DefaultRole != "reader" {
					return errText("want none or reader")
				}
				return nil
			}}.on(serveOnly),
	}
}

// check checks the issuer URL, and that an audience comes with it and
// none without it.
func (o OIDC) check() error {
	if !o.Enabled() {
		if o.Audience != "" {
			return invalid("oidc-audience", "RODEDRAAD_OIDC_AUDIENCE", "is set but oidc-issuer is empty: set RODEDRAAD_OIDC_ISSUER too")
		}
		return nil
	}
	var errs []error
	u, err := url.Parse(o.Issuer)
	switch {
	case err != nil:
		errs = append(errs, invalid("oidc-issuer", "RODEDRAAD_OIDC_ISSUER", "is not a URL: "+err.Error()))
	case u.Scheme != "https" && u.Scheme != "http", u.Host == "", u.RawQuery != "", u.Fragment != "":
		errs = append(errs, invalid("oidc-issuer", "RODEDRAAD_OIDC_ISSUER",
			fmt.Sprintf("%q: want an http(s) URL without query, e.g. https://login.example.nl/realms/ijmond", o.Issuer)))
	}
	if o.Audience == "" {
		errs = append(errs, invalid("oidc-audience", "RODEDRAAD_OIDC_AUDIENCE", "must be set with oidc-issuer: the client id tokens are issued for"))
	}
	if strings.TrimSpace(o.RolesClaim) == "" {
		errs = append(errs, invalid("oidc-roles-claim", "RODEDRAAD_OIDC_ROLES_CLAIM", "must not be empty"))
	}
	return errors.Join(errs...)
}
