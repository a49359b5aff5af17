package config_test

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/internal/config"
)

// env returns a getenv over a fixed map, so tests never read the process
// environment.
func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

// MustLoad loads a Config or fails the test.
func MustLoad(tb testing.TB, args []string, vars map[string]string) config.Config {
	tb.Helper()
	c, err := config.Load(args, env(vars))
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return c
}

func TestLoad_Defaults(t *testing.T) {
	got := MustLoad(t, nil, nil)
	want := config.Config{
		Addr:             "127.0.0.1:8080",
		Neo4jUser:        "neo4j",
		Neo4jDatabase:    "neo4j",
		Neo4jDir:         ".data/neo4j",
		Neo4jAddr:        "127.0.0.1:7687",
		Neo4jHeap:        "2g",
		LogFormat:        "json",
		LogLevel:         zerolog.InfoLevel,
		QueryTimeout:     10 * time.Second,
		ReadyTimeout:     2 * time.Second,
		ShutdownTimeout:  15 * time.Second,
		MaxBodyBytes:     1 << 20,
		ComplexityLimit:  10000,
		DepthLimit:       10,
		Seed:             true,
		Anonymous:        "reader",
		MetricsAuth:      "open",
		ReviewMode:       "single",
		MaxResponseBytes: 8 << 20,
		DataDir:          ".data",
		BulkTimeout:      10 * time.Minute,
		OIDC:             config.OIDC{RolesClaim: "roles", ActorClaim: "preferred_username", DefaultRole: "none"},
		Neo4jConcurrency: 8,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("defaults:\n got %+v\nwant %+v", got, want)
	}
	if !got.LocalNeo4j() {
		t.Error("LocalNeo4j() = false with no NEO4J_URI, want true")
	}
}

func TestLoad_Precedence(t *testing.T) {
	tests := []struct {
		name  string
		args  []string
		vars  map[string]string
		check func(config.Config) bool
	}{
		{"env over default", nil, map[string]string{"RODEDRAAD_ADDR": "0.0.0.0:9000"},
			func(c config.Config) bool { return c.Addr == "0.0.0.0:9000" }},
		{"flag over env", []string{"--addr", "127.0.0.1:9100"}, map[string]string{"RODEDRAAD_ADDR": "0.0.0.0:9000"},
			func(c config.Config) bool { return c.Addr == "127.0.0.1:9100" }},
		{"empty env is unset", nil, map[string]string{"NEO4J_DATABASE": ""},
			func(c config.Config) bool { return c.Neo4jDatabase == "neo4j" }},
		{"external neo4j", nil, map[string]string{"NEO4J_URI": "neo4j+s://x.databases.neo4j.io", "NEO4J_PASSWORD": "s"},
			func(c config.Config) bool { return !c.LocalNeo4j() && c.Neo4jPassword == "s" }},
		{"duration", []string{"-query-timeout=250ms"}, nil,
			func(c config.Config) bool { return c.QueryTimeout == 250*time.Millisecond }},
		{"int64", nil, map[string]string{"RODEDRAAD_MAX_BODY_BYTES": "2048"},
			func(c config.Config) bool { return c.MaxBodyBytes == 2048 }},
		{"level", []string{"--log-level", "debug"}, nil,
			func(c config.Config) bool { return c.LogLevel == zerolog.DebugLevel }},
		{"seed off by env", nil, map[string]string{"RODEDRAAD_SEED": "false"},
			func(c config.Config) bool { return !c.Seed }},
		{"bare --seed turns it on", []string{"--seed"}, map[string]string{"RODEDRAAD_SEED": "false"},
			func(c config.Config) bool { return c.Seed }},
		{"--seed=false", []string{"--seed=false"}, nil,
			func(c config.Config) bool { return !c.Seed }},
		{"oidc", []string{"--oidc-roles-claim", "realm_access.roles"}, map[string]string{
			"RODEDRAAD_OIDC_ISSUER": "https://login.example.nl/realms/ijmond", "RODEDRAAD_OIDC_AUDIENCE": "rodedraad",
			"RODEDRAAD_OIDC_DEFAULT_ROLE": "Reader", "RODEDRAAD_OIDC_ACTOR_CLAIM": "email"},
			func(c config.Config) bool {
				return c.OIDC == config.OIDC{Issuer: "https://login.example.nl/realms/ijmond", Audience: "rodedraad",
					RolesClaim: "realm_access.roles", ActorClaim: "email", DefaultRole: "reader"} && c.OIDC.Enabled()
			}},
		{"dual review by env", nil, map[string]string{"RODEDRAAD_REVIEW_MODE": "Dual"},
			func(c config.Config) bool { return c.ReviewMode == "dual" }},
		{"review flag over env", []string{"--review-mode", "single"}, map[string]string{"RODEDRAAD_REVIEW_MODE": "dual"},
			func(c config.Config) bool { return c.ReviewMode == "single" }},
		{"pprof on loopback", []string{"--pprof-addr", "127.0.0.1:6060"}, nil,
			func(c config.Config) bool { return c.PprofAddr == "127.0.0.1:6060" }},
		{"pprof on localhost", nil, map[string]string{"RODEDRAAD_PPROF_ADDR": "localhost:0"},
			func(c config.Config) bool { return c.PprofAddr == "localhost:0" }},
		{"neo4j concurrency unbounded", []string{"--neo4j-concurrency", "0"}, nil,
			func(c config.Config) bool { return c.Neo4jConcurrency == 0 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if c := MustLoad(t, tt.args, tt.vars); !tt.check(c) {
				t.Errorf("unexpected config %+v", c)
			}
		})
	}
}

func TestLoad_Errors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		vars map[string]string
		want string // a part of the error that names the setting
	}{
		{"bad duration env", nil, map[string]string{"RODEDRAAD_QUERY_TIMEOUT": "ten"}, "RODEDRAAD_QUERY_TIMEOUT"},
		{"bad int flag", []string{"--depth-limit", "deep"}, nil, "depth-limit"},
		{"bad bool", nil, map[string]string{"RODEDRAAD_SEED": "maybe"}, "RODEDRAAD_SEED"},
		{"bad level", nil, map[string]string{"RODEDRAAD_LOG_LEVEL": "loud"}, "RODEDRAAD_LOG_LEVEL"},
		{"unknown flag", []string{"--nope"}, nil, "nope"},
		{"positional", []string{"extra"}, nil, `"extra"`},
		{"bad review mode", nil, map[string]string{"RODEDRAAD_REVIEW_MODE": "triple"}, "RODEDRAAD_REVIEW_MODE"},
		{"bad log format", nil, map[string]string{"RODEDRAAD_LOG_FORMAT": "xml"}, "log-format"},
		{"bad addr", []string{"--addr", "8080"}, nil, "RODEDRAAD_ADDR"},
		{"bad port", []string{"--addr", "localhost:http"}, nil, "RODEDRAAD_ADDR"},
		{"zero timeout", []string{"--query-timeout", "0s"}, nil, "query-timeout"},
		{"zero body", []string{"--max-body-bytes", "0"}, nil, "max-body-bytes"},
		{"negative complexity", []string{"--complexity-limit", "-1"}, nil, "complexity-limit"},
		{"bad neo4j scheme", nil, map[string]string{"NEO4J_URI": "http://localhost:7474"}, "NEO4J_URI"},
		{"neo4j uri without host", nil, map[string]string{"NEO4J_URI": "neo4j://"}, "NEO4J_URI"},
		{"empty database", []string{"--neo4j-database="}, nil, "NEO4J_DATABASE"},
		{"bad local neo4j addr", nil, map[string]string{"RODEDRAAD_NEO4J_ADDR": "7687"}, "RODEDRAAD_NEO4J_ADDR"},
		{"empty local neo4j dir", []string{"--neo4j-dir="}, nil, "RODEDRAAD_NEO4J_DIR"},
		{"neo4j heap without unit", nil, map[string]string{"RODEDRAAD_NEO4J_HEAP": "4096"}, "RODEDRAAD_NEO4J_HEAP"},
		{"neo4j heap too small", []string{"--neo4j-heap", "64m"}, nil, "RODEDRAAD_NEO4J_HEAP"},
		{"oidc issuer without audience", []string{"--oidc-issuer", "https://login.example.nl"}, nil, "RODEDRAAD_OIDC_AUDIENCE"},
		{"oidc audience without issuer", []string{"--oidc-audience", "rodedraad"}, nil, "RODEDRAAD_OIDC_ISSUER"},
		{"oidc issuer not http", []string{"--oidc-issuer", "ldap://login.example.nl", "--oidc-audience", "x"}, nil, "RODEDRAAD_OIDC_ISSUER"},
		{"oidc issuer without host", []string{"--oidc-issuer", "https://", "--oidc-audience", "x"}, nil, "RODEDRAAD_OIDC_ISSUER"},
		{"oidc issuer with query", []string{"--oidc-issuer", "https://login.example.nl/?a=b", "--oidc-audience", "x"}, nil, "RODEDRAAD_OIDC_ISSUER"},
		{"oidc empty roles claim", []string{"--oidc-issuer", "https://l.example.nl", "--oidc-audience", "x", "--oidc-roles-claim="}, nil, "RODEDRAAD_OIDC_ROLES_CLAIM"},
		{"oidc bad default role", nil, map[string]string{"RODEDRAAD_OIDC_DEFAULT_ROLE": "editor"}, "RODEDRAAD_OIDC_DEFAULT_ROLE"},
		{"pprof on every interface", []string{"--pprof-addr", "0.0.0.0:6060"}, nil, "RODEDRAAD_PPROF_ADDR"},
		{"pprof without port", nil, map[string]string{"RODEDRAAD_PPROF_ADDR": "127.0.0.1"}, "RODEDRAAD_PPROF_ADDR"},
		{"negative neo4j concurrency", []string{"--neo4j-concurrency", "-1"}, nil, "RODEDRAAD_NEO4J_CONCURRENCY"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := config.Load(tt.args, env(tt.vars))
			if err == nil {
				t.Fatal("Load: no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not name %q", err, tt.want)
			}
		})
	}
}

func TestLoad_Help(t *testing.T) {
	for _, arg := range []string{"-h", "--help"} {
		if _, err := config.Load([]string{arg}, env(nil)); !errors.Is(err, flag.ErrHelp) {
			t.Errorf("Load(%s) error = %v, want flag.ErrHelp", arg, err)
		}
	}
}

func TestValidate_ExternalNeo4jSkipsLocalSettings(t *testing.T) {
	c := MustLoad(t, nil, map[string]string{"NEO4J_URI": "bolt://db:7687"})
	c.Neo4jDir, c.Neo4jAddr = "", ""
	if err := c.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

func TestValidate_ReportsEveryProblem(t *testing.T) {
	c := MustLoad(t, nil, nil)
	c.LogFormat, c.DepthLimit = "xml", 0
	err := c.Validate()
	if err == nil || !strings.Contains(err.Error(), "log-format") || !strings.Contains(err.Error(), "depth-limit") {
		t.Errorf("Validate = %v, want both log-format and depth-limit", err)
	}
}

func TestSettings_Complete(t *testing.T) {
	flags, envs := map[string]bool{}, map[string]bool{}
	for _, s := range config.Settings() {
		if s.Name == "" || s.Flag == "" || s.Env == "" || s.Description == "" || len(s.Commands) == 0 {
			t.Errorf("setting %+v is missing a field", s)
		}
		if flags[s.Flag] || envs[s.Env] {
			t.Errorf("setting %s repeats a flag or env var", s.Name)
		}
		flags[s.Flag], envs[s.Env] = true, true
	}
}

func TestWriteUsage(t *testing.T) {
	var text, md bytes.Buffer
	if err := config.WriteUsage(&text, config.Settings()); err != nil {
		t.Fatal(err)
	}
	if err := config.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	for _, s := range config.Settings() {
		if !strings.Contains(text.String(), "--"+s.Flag) || !strings.Contains(md.String(), "`"+s.Env+"`") {
			t.Errorf("usage lacks %s", s.Name)
		}
	}
}

func TestConfig_LogRedactsPassword(t *testing.T) {
	c := MustLoad(t, nil, map[string]string{"NEO4J_PASSWORD": "hunter2"})
	var buf bytes.Buffer
	logger := zerolog.New(&buf)
	logger.Info().Object("config", c).Send()
	if strings.Contains(buf.String(), "hunter2") {
		t.Errorf("log line leaks the password: %s", buf.String())
	}
	if !strings.Contains(buf.String(), `"neo4j_password":"***"`) {
		t.Errorf("log line does not show the password is set: %s", buf.String())
	}
}

func TestLoad_CORSOrigins(t *testing.T) {
	c, err := config.Load([]string{"--cors-origins", " https://dash.example.org, http://localhost:3000 ,"}, func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"https://dash.example.org", "http://localhost:3000"}
	if !reflect.DeepEqual(c.CORSOrigins, want) {
		t.Fatalf("CORSOrigins = %q, want %q", c.CORSOrigins, want)
	}
}

func TestWriteMarkdown_Commands(t *testing.T) {
	var md bytes.Buffer
	if err := config.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| `--neo4j-dir` | `RODEDRAAD_NEO4J_DIR` | `.data/neo4j` |",
		"| serve, migrate, seed, import, report, export, ingest, aggregate, proposition, token create/list/revoke, neo4j start/stop/status |",
		"| `--cors-origins` | `RODEDRAAD_CORS_ORIGINS` | (empty) |",
	} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("markdown lacks %q:\n%s", want, md.String())
		}
	}
}

func TestFor(t *testing.T) {
	names := func(ss []config.Setting) []string {
		var out []string
		for _, s := range ss {
			out = append(out, s.Name)
		}
		return out
	}
	tests := []struct {
		command    string
		has, lacks []string
	}{
		{"serve", []string{"addr", "neo4j-uri", "cors-origins", "seed", "log-level"}, nil},
		{"migrate", []string{"neo4j-uri", "neo4j-dir", "query-timeout", "log-format"}, []string{"addr", "seed", "cors-origins"}},
		{"neo4j start", []string{"neo4j-dir", "neo4j-addr", "neo4j-heap"}, []string{"neo4j-uri", "log-level"}},
		{"neo4j stop", []string{"neo4j-dir"}, []string{"neo4j-addr"}},
		{"frobnicate", nil, []string{"addr", "neo4j-dir"}},
	}
	for _, tt := range tests {
		t.Run(tt.command, func(t *testing.T) {
			got := names(config.For(tt.command))
			for _, n := range tt.has {
				if !slices.Contains(got, n) {
					t.Errorf("For(%q) = %q, lacks %s", tt.command, got, n)
				}
			}
			for _, n := range tt.lacks {
				if slices.Contains(got, n) {
					t.Errorf("For(%q) = %q, has %s", tt.command, got, n)
				}
			}
		})
	}
}

func TestBind(t *testing.T) {
	vars := map[string]string{"RODEDRAAD_ADDR": "not an address", "NEO4J_DATABASE": "plans"}
	t.Run("ReadsOnlyTheGivenSettings", func(t *testing.T) {
		var c config.Config
		fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
		if err := config.Bind(fs, &c, env(vars), config.For("migrate")); err != nil {
			t.Fatal(err)
		}
		if err := fs.Parse([]string{"--log-level", "warn"}); err != nil {
			t.Fatal(err)
		}
		if c.Addr != "127.0.0.1:8080" || c.Neo4jDatabase != "plans" || c.LogLevel != zerolog.WarnLevel {
			t.Errorf("config = %+v, want the default addr, database plans and level warn", c)
		}
		if err := c.Validate(); err != nil {
			t.Errorf("Validate: %v", err)
		}
	})
	t.Run("ErrFlagOfAnotherCommand", func(t *testing.T) {
		var c config.Config
		fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		if err := config.Bind(fs, &c, env(nil), config.For("migrate")); err != nil {
			t.Fatal(err)
		}
		if err := fs.Parse([]string{"--addr", "127.0.0.1:1"}); err == nil || !strings.Contains(err.Error(), "addr") {
			t.Errorf("Parse(--addr) = %v, want an error naming addr", err)
		}
	})
	t.Run("ErrBadEnv", func(t *testing.T) {
		var c config.Config
		err := config.Bind(flag.NewFlagSet("serve", flag.ContinueOnError), &c, env(vars), config.For("serve"))
		if err == nil {
			err = c.Validate()
		}
		if err == nil || !strings.Contains(err.Error(), "RODEDRAAD_ADDR") {
			t.Errorf("serve with a bad RODEDRAAD_ADDR: %v, want an error naming it", err)
		}
	})
}
