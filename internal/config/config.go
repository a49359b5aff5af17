// Package config holds every setting of the rodedraad binary. Each setting has
// a flag, an environment variable and a default; flags override the
// environment, which overrides the defaults. The table returned by Settings is
// the single source for parsing, --help and the README.
package config

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/rs/zerolog"
)

// Config is the parsed, validated configuration of one run of the binary.
type Config struct {
	// Addr is the host:port the HTTP server listens on.
	Addr string

	// Neo4jURI is the Bolt or routing URI of an external Neo4j. Empty means
	// the binary starts the project's own Neo4j, using Neo4jDir and Neo4jAddr.
	Neo4jURI      string
	Neo4jUser     string
	Neo4jPassword string
	Neo4jDatabase string

	// Neo4jDir, Neo4jAddr and Neo4jHeap apply only when Neo4jURI is empty:
	// where the project's own Neo4j keeps data and logs, where its Bolt
	// listens, and the most heap its JVM may take (a size such as 2g).
	Neo4jDir  string
	Neo4jAddr string
	Neo4jHeap string

	LogFormat string // LogJSON or LogConsole
	LogLevel  zerolog.Level

	QueryTimeout    time.Duration // bounds each GraphQL operation and Neo4j transaction
	ReadyTimeout    time.Duration // bounds one readiness check
	ShutdownTimeout time.Duration // time in-flight requests get after SIGINT/SIGTERM
	MaxBodyBytes    int64         // largest accepted request body
	ComplexityLimit int           // largest accepted GraphQL query complexity
	DepthLimit      int           // deepest accepted GraphQL selection set

	// CORSOrigins may call /graphql from a browser page of theirs; "*" is
	// any origin. Empty: same origin only.
	CORSOrigins []string

	// Seed loads the embedded seeds when serve starts (idempotent).
	Seed bool

	// Anonymous is what a caller without a token may do: "reader" or
	// "none". On a loopback address with no token yet it may edit.
	Anonymous string
	// MetricsAuth is the role /metrics needs, or "open".
	MetricsAuth string
	// MaxResponseBytes caps one GraphQL answer.
	MaxResponseBytes int64
	// ReviewMode is "single" (one decision sets an item's status) or
	// "dual" (two reviewers must agree; a third settles a disagreement).
	ReviewMode string
	// Neo4jConcurrency bounds the transactions the server runs in Neo4j at
	// once; 0 means no bound.
	Neo4jConcurrency int
	// PprofAddr, when set, is a loopback host:port serving Go's profiles
	// (net/http/pprof) on a listener of its own.
	PprofAddr string

	// DataDir holds what the binary keeps between runs besides Neo4j: the
	// compiled PDF engine and the language model's answer cache.
	DataDir string
	// BulkTimeout bounds one bulk write from the command line (an ingested
	// document, a batch of suggested links), which may take longer than a
	// GraphQL request.
	BulkTimeout time.Duration

	// OIDC, when its issuer is set, accepts bearer JWTs besides API tokens.
	OIDC OIDC
}

// Log formats.
const (
	LogJSON    = "json"
	LogConsole = "console"
)

// LocalNeo4j reports whether the binary must start the project's own Neo4j.
func (c Config) LocalNeo4j() bool { return c.Neo4jURI == "" }

// MarshalZerologObject logs the configuration with the password redacted, so
// `log.Info().Object("config", cfg)` is safe.
func (c Config) MarshalZerologObject(e *zerolog.Event) {
	password := ""
	if c.Neo4jPassword != "" {
		password = "***"
	}
	e.Str("addr", c.Addr).
		Str("neo4j_uri", c.Neo4jURI).Str("neo4j_user", c.Neo4jUser).
		Str("neo4j_password", password).Str("neo4j_database", c.Neo4jDatabase).
		Str("neo4j_dir", c.Neo4jDir).Str("neo4j_addr", c.Neo4jAddr).Str("neo4j_heap", c.Neo4jHeap).
		Str("log_format", c.LogFormat).Str("log_level", c.LogLevel.String()).
		Dur("query_timeout", c.QueryTimeout).Dur("ready_timeout", c.ReadyTimeout).
		Dur("shutdown_timeout", c.ShutdownTimeout).Int64("max_body_bytes", c.MaxBodyBytes).
		Int("complexity_limit", c.ComplexityLimit).Int("depth_limit", c.DepthLimit).
		Strs("cors_origins", c.CORSOrigins).Bool("seed", c.Seed).Str("review_mode", c.ReviewMode).
		Str("oidc_issuer", c.OIDC.Issuer).Str("oidc_audience", c.OIDC.Audience)
}

// Load builds a Config from the defaults, then getenv, then the flags in args,
// over every setting, and validates it. An empty environment variable counts
// as unset. With -h or --help it returns flag.ErrHelp. Errors name the setting
// and where its bad value came from. Commands use Bind, which takes only their
// own settings.
func Load(args []string, getenv func(string) string) (Config, error) {
	var c Config
	fs := flag.NewFlagSet("rodedraad", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // the caller decides how to report errors and help
	if err := Bind(fs, &c, getenv, Settings()); err != nil {
		return Config{}, err
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return Config{}, flag.ErrHelp
		}
		return Config{}, fmt.Errorf("flags: %w", err)
	}
	if fs.NArg() > 0 {
		return Config{}, fmt.Errorf("flags: unexpected argument %q", fs.Arg(0))
	}
	return c, c.Validate()
}

// Bind readies one command's configuration: c gets the default of every
// setting, then the environment of the settings given, and fs gets their
// flags, which write into c as fs.Parse meets them. Call c.Validate after
// parsing. It fails when a default or an environment variable of those
// settings has a bad value, naming the setting and the variable.
func Bind(fs *flag.FlagSet, c *Config, getenv func(string) string, settings []Setting) error {
	for _, s := range Settings() {
		if err := s.set(c, s.Default); err != nil {
			return fmt.Errorf("default of %s: %w", s.Name, err)
		}
	}
	for _, s := range settings {
		if v := getenv(s.Env); v != "" {
			if err := s.set(c, v); err != nil {
				return fmt.Errorf("setting %s: %s=%q: %w", s.Name, s.Env, v, err)
			}
		}
	}
	for _, s := range settings {
		set := func(v string) error { return s.set(c, v) }
		if s.isBool {
			fs.BoolFunc(s.Flag, s.Description, set)
		} else {
			fs.Func(s.Flag, s.Description, set)
		}
	}
	return nil
}
