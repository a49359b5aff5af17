package config

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rs/zerolog"
)

// Setting describes one setting: its name, its flag (without dashes), its
// environment variable, its default as text, what it does and the commands
// that take it.
type Setting struct {
	Name        string
	Flag        string
	Env         string
	Default     string
	Description string
	Commands    []string // e.g. "serve", "neo4j start"; a command reads only its own settings

	isBool bool                        // so the flag works without a value: --seed
	set    func(*Config, string) error // parses text into the Config field
}

// The commands that take a setting. Every command that opens the graph takes
// the connection and logging settings; only serve takes the HTTP ones.
var (
	serveOnly     = []string{"serve"}
	graphCmds     = []string{"serve", "migrate", "seed", "import", "report", "export", "ingest", "aggregate", "proposition", "token create", "token list", "token revoke"}
	dataCmds      = []string{"serve", "ingest", "aggregate", "proposition"}
	bulkCmds      = []string{"serve", "seed", "import", "ingest", "aggregate"}
	neo4jDirCmds  = append(slices.Clip(graphCmds), "neo4j start", "neo4j stop", "neo4j status")
	neo4jAddrCmds = append(slices.Clip(graphCmds), "neo4j start")
)

// Settings returns the table of every setting, in the order --help shows them.
// It returns a fresh slice on each call, so callers may not change the shared
// definition.
func Settings() []Setting {
	return append([]Setting{
		str("addr", "addr", "RODEDRAAD_ADDR", "127.0.0.1:8080",
			"host:port the HTTP server listens on", func(c *Config) *string { return &c.Addr }).on(serveOnly),
		str("neo4j-uri", "neo4j-uri", "NEO4J_URI", "",
			"URI of your own Neo4j (neo4j://, neo4j+s://, bolt://, ...); empty starts the project's own Neo4j",
			func(c *Config) *string { return &c.Neo4jURI }).on(graphCmds),
		str("neo4j-user", "neo4j-user", "NEO4J_USER", "neo4j",
			"Neo4j user name", func(c *Config) *string { return &c.Neo4jUser }).on(graphCmds),
		str("neo4j-password", "neo4j-password", "NEO4J_PASSWORD", "",
			"Neo4j password (prefer the environment variable: flags show in ps)",
			func(c *Config) *string { return &c.Neo4jPassword }).on(graphCmds),
		str("neo4j-database", "neo4j-database", "NEO4J_DATABASE", "neo4j",
			"Neo4j database every query runs in", func(c *Config) *string { return &c.Neo4jDatabase }).on(graphCmds),
		str("neo4j-dir", "neo4j-dir", "RODEDRAAD_NEO4J_DIR", ".data/neo4j",
			"data and log folder of the project's own Neo4j (when NEO4J_URI is empty)",
			func(c *Config) *string { return &c.Neo4jDir }).on(neo4jDirCmds),
		str("neo4j-addr", "neo4j-addr", "RODEDRAAD_NEO4J_ADDR", "127.0.0.1:7687",
			"Bolt host:port of the project's own Neo4j (when NEO4J_URI is empty)",
			func(c *Config) *string { return &c.Neo4jAddr }).on(neo4jAddrCmds),
		str("neo4j-heap", "neo4j-heap", "RODEDRAAD_NEO4J_HEAP", "2g",
			"most heap the project's own Neo4j may take (512m, 2g, 4g); transactions get about 70% of it (when NEO4J_URI is empty)",
			func(c *Config) *string { return &c.Neo4jHeap }).on(neo4jAddrCmds),
		str("log-format", "log-format", "RODEDRAAD_LOG_FORMAT", LogJSON,
			"log format: json or console", func(c *Config) *string { return &c.LogFormat }).on(graphCmds),
		Setting{Name: "log-level", Flag: "log-level", Env: "RODEDRAAD_LOG_LEVEL", Default: "info",
			Description: "least severe level logged: trace, debug, info, warn, error",
			set:         setLevel}.on(graphCmds),
		dur("query-timeout", "query-timeout", "RODEDRAAD_QUERY_TIMEOUT", "10s",
			"longest a GraphQL operation and its Neo4j transactions may run",
			func(c *Config) *time.Duration { return &c.QueryTimeout }).on(graphCmds),
		dur("bulk-timeout", "bulk-timeout", "RODEDRAAD_BULK_TIMEOUT", "10m",
			"longest one bulk write may run (a seed or import load, an ingested document, suggested links)",
			func(c *Config) *time.Duration { return &c.BulkTimeout }).on(bulkCmds),
		str("data-dir", "data-dir", "RODEDRAAD_DATA_DIR", ".data",
			"folder for the compiled PDF engine and the language model's answer cache",
			func(c *Config) *string { return &c.DataDir }).on(dataCmds),
		dur("ready-timeout", "ready-timeout", "RODEDRAAD_READY_TIMEOUT", "2s",
			"longest one /readyz check may take", func(c *Config) *time.Duration { return &c.ReadyTimeout }).on(serveOnly),
		dur("shutdown-timeout", "shutdown-timeout", "RODEDRAAD_SHUTDOWN_TIMEOUT", "15s",
			"time in-flight requests get to finish on SIGINT/SIGTERM",
			func(c *Config) *time.Duration { return &c.ShutdownTimeout }).on(serveOnly),
		Setting{Name: "max-body-bytes", Flag: "max-body-bytes", Env: "RODEDRAAD_MAX_BODY_BYTES", Default: "1048576",
			Description: "largest request body accepted, in bytes (larger gets 413)",
			set: func(c *Config, v string) error {
				n, err := strconv.ParseInt(v, 10, 64)
				c.MaxBodyBytes = n
				return numErr(err)
			}}.on(serveOnly),
		integer("complexity-limit", "complexity-limit", "RODEDRAAD_COMPLEXITY_LIMIT", "10000",
			"largest GraphQL query complexity accepted: the rows a query can return (page sizes times list caps)", func(c *Config) *int { return &c.ComplexityLimit }).on(serveOnly),
		integer("depth-limit", "depth-limit", "RODEDRAAD_DEPTH_LIMIT", "10",
			"deepest GraphQL selection accepted", func(c *Config) *int { return &c.DepthLimit }).on(serveOnly),
		integer("neo4j-concurrency", "neo4j-concurrency", "RODEDRAAD_NEO4J_CONCURRENCY", "8",
			"most transactions the server runs in Neo4j at once; others wait their turn in arrival order until their deadline (0: no bound)",
			func(c *Config) *int { return &c.Neo4jConcurrency }).on(serveOnly),
		str("pprof-addr", "pprof-addr", "RODEDRAAD_PPROF_ADDR", "",
			"loopback host:port serving Go's profiles (/debug/pprof/) for diagnosis; empty: off",
			func(c *Config) *string { return &c.PprofAddr }).on(serveOnly),
		Setting{Name: "cors-origins", Flag: "cors-origins", Env: "RODEDRAAD_CORS_ORIGINS", Default: "",
			Description: "comma-separated origins whose browser pages may call /graphql (dashboards elsewhere); * for any",
			set: func(c *Config, v string) error {
				c.CORSOrigins = nil
				for _, o := range strings.Split(v, ",") {
					if o = strings.TrimSpace(o); o != "" {
						c.CORSOrigins = append(c.CORSOrigins, o)
					}
				}
				return nil
			}}.on(serveOnly),
		Setting{Name: "seed", Flag: "seed", Env: "RODEDRAAD_SEED", Default: "true",
			Description: "load the embedded seeds when serve starts (idempotent); --seed=false to skip",
			isBool:      true,
			set: func(c *Config, v string) error {
				b, err := strconv.ParseBool(v)
				c.Seed = b
				if err != nil {
					return errText("want true or false")
				}
				return nil
			}}.on(serveOnly),
		Setting{Name: "anonymous", Flag: "anonymous", Env: "RODEDRAAD_ANONYMOUS", Default: "reader",
			Description: "what a caller without a token may do: reader or none (on a loopback address with no token yet it may also edit)",
			set: func(c *Config, v string) error {
				c.Anonymous = strings.ToLower(strings.TrimSpace(v))
				if c.Anonymous != "reader" && c.Anonymous != "none" {
					return errText("want reader or none")
				}
				return nil
			}}.on(serveOnly),
		Setting{Name: "max-response-bytes", Flag: "max-response-bytes", Env: "RODEDRAAD_MAX_RESPONSE_BYTES", Default: "8388608",
			Description: "largest GraphQL answer sent, in bytes (larger gets RESPONSE_TOO_LARGE)",
			set: func(c *Config, v string) error {
				n, err := strconv.ParseInt(v, 10, 64)
				c.MaxResponseBytes = n
				if err == nil && n <= 0 {
					return errText("want a positive number of bytes")
				}
				return numErr(err)
			}}.on(serveOnly),
		Setting{Name: "metrics-auth", Flag: "metrics-auth", Env: "RODEDRAAD_METRICS_AUTH", Default: "open",
			Description: "who may read /metrics: open, or a token's role reader, editor or admin",
			set: func(c *Config, v string) error {
				c.MetricsAuth = strings.ToLower(strings.TrimSpace(v))
				switch c.MetricsAuth {
				case "open", "reader", "editor", "admin":
					return nil
				}
				return errText("want open, reader, editor or admin")
			}}.on(serveOnly),
		Setting{Name: "review-mode", Flag: "review-mode", Env: "RODEDRAAD_REVIEW_MODE", Default: "single",
			Description: "single: one reviewer's decision sets an item's status; dual: two independent reviewers must agree, and a third settles a disagreement",
			set: func(c *Config, v string) error {
				c.ReviewMode = strings.ToLower(strings.TrimSpace(v))
				if c.ReviewMode != "single" && c.ReviewMode != "dual" {
					return errText("want single or dual")
				}
				return nil
			}}.on(serveOnly),
	}, oidcSettings()...)
}

// on sets the commands that take s.
func (s Setting) on(commands []string) Setting {
	s.Commands = slices.Clone(commands)
	return s
}

// For returns the settings that command takes ("serve", "neo4j start", ...),
// in table order; none for a command it does not know.
func For(command string) []Setting {
	var out []Setting
	for _, s := range Settings() {
		if slices.Contains(s.Commands, command) {
			out = append(out, s)
		}
	}
	return out
}

func str(name, fl, env, def, desc string, field func(*Config) *string) Setting {
	return Setting{Name: name, Flag: fl, Env: env, Default: def, Description: desc,
		set: func(c *Config, v string) error { *field(c) = v; return nil }}
}

func dur(name, fl, env, def, desc string, field func(*Config) *time.Duration) Setting {
	return Setting{Name: name, Flag: fl, Env: env, Default: def, Description: desc,
		set: func(c *Config, v string) error {
			d, err := time.ParseDuration(v)
			if err != nil {
				return errText("want a duration such as 500ms, 10s or 1m")
			}
			*field(c) = d
			return nil
		}}
}

func integer(name, fl, env, def, desc string, field func(*Config) *int) Setting {
	return Setting{Name: name, Flag: fl, Env: env, Default: def, Description: desc,
		set: func(c *Config, v string) error {
			n, err := strconv.Atoi(v)
			*field(c) = n
			return numErr(err)
		}}
}

func setLevel(c *Config, v string) error {
	l, err := zerolog.ParseLevel(v)
	if err != nil || v == "" {
		return errText("want trace, debug, info, warn or error")
	}
	c.LogLevel = l
	return nil
}

// errText is an error whose text is shown as is; strconv's own errors repeat
// the input and the function name, which reads badly next to the setting.
type errText string

func (e errText) Error() string { return string(e) }

func numErr(err error) error {
	if err != nil {
		return errText("want a whole number")
	}
	return nil
}
