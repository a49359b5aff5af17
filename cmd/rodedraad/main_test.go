package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/rs/zerolog"
)

// deadNeo4j is a Bolt URI where nothing listens. Tests that must not reach a
// database set it, so a missing NEO4J_URI never starts the project's own
// Neo4j in .data/neo4j by accident.
const deadNeo4j = "bolt://127.0.0.1:1"

// env returns a getenv over m.
func env(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

// runResult is what one call of run printed and returned.
type runResult struct {
	err            error
	stdout, stderr string
}

// mustRun calls run with args and the environment m, failing the test when
// it returns an error.
func mustRun(tb testing.TB, m map[string]string, args ...string) runResult {
	tb.Helper()
	r := runArgs(tb, m, args...)
	if r.err != nil {
		tb.Fatalf("run(%q) = %v; stderr:\n%s", args, r.err, r.stderr)
	}
	return r
}

func runArgs(tb testing.TB, m map[string]string, args ...string) runResult {
	tb.Helper()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), args, env(m), &stdout, &stderr)
	return runResult{err: err, stdout: stdout.String(), stderr: stderr.String()}
}

// wantErr fails the test unless err is non-nil and contains every part.
func wantErr(tb testing.TB, err error, parts ...string) {
	tb.Helper()
	if err == nil {
		tb.Fatalf("error = nil, want one containing %q", parts)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			tb.Errorf("error = %q, want it to contain %q", err, p)
		}
	}
}

// syncBuffer is a bytes.Buffer safe for the server's concurrent loggers.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestRun_Help(t *testing.T) {
	for _, arg := range []string{"help", "-h", "--help"} {
		t.Run(arg, func(t *testing.T) {
			r := mustRun(t, nil, arg)
			for _, want := range []string{"usage: rodedraad <command>", "serve", "import FILE", "NEO4J_URI", "RODEDRAAD_ADDR"} {
				if !strings.Contains(r.stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
				}
			}
		})
	}
}

// Every command's --help prints its own flags to stdout, and only those, and
// is no failure.
func TestRun_SubcommandHelp(t *testing.T) {
	tests := []struct {
		args        []string
		want, lacks []string
	}{
		{[]string{"serve", "--help"}, []string{"usage: rodedraad serve", "--addr", "--cors-origins", "--seed", "NEO4J_URI"}, nil},
		{[]string{"migrate", "-h"}, []string{"usage: rodedraad migrate", "--neo4j-uri", "--log-level"}, []string{"--addr", "--cors-origins"}},
		{[]string{"seed", "--help"}, []string{"--check", "--neo4j-dir"}, []string{"--addr"}},
		{[]string{"import", "--help"}, []string{"usage: rodedraad import [flags] FILE", "--neo4j-uri"}, []string{"--check"}},
		{[]string{"report", "--help"}, []string{"--json", "--first", "--themes", "--statuses", "--query-timeout"}, []string{"--seed"}},
		{[]string{"neo4j", "start", "--help"}, []string{"--neo4j-dir", "--neo4j-addr"}, []string{"--neo4j-uri", "--log-level"}},
		{[]string{"neo4j", "stop", "--help"}, []string{"--neo4j-dir"}, []string{"--neo4j-addr"}},
		{[]string{"neo4j", "status", "--help"}, []string{"--neo4j-dir"}, []string{"--neo4j-addr"}},
		{[]string{"help", "report"}, []string{"usage: rodedraad report", "--json"}, nil},
		{[]string{"help", "neo4j", "stop"}, []string{"usage: rodedraad neo4j stop"}, nil},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			r := mustRun(t, map[string]string{"NEO4J_URI": deadNeo4j}, tt.args...)
			for _, w := range tt.want {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("stdout lacks %q:\n%s", w, r.stdout)
				}
			}
			for _, l := range tt.lacks {
				if strings.Contains(r.stdout, l+" ") || strings.Contains(r.stdout, l+"\n") {
					t.Errorf("stdout has %q, which is not a flag of this command:\n%s", l, r.stdout)
				}
			}
		})
	}
}

// help --markdown prints the README's tables between their markers, with
// every command and setting.
func TestRun_HelpMarkdown(t *testing.T) {
	r := mustRun(t, nil, "help", "--markdown")
	for _, want := range []string{
		"<!-- BEGIN commands", "<!-- END commands -->", "<!-- BEGIN settings", "<!-- END settings -->",
		"| `rodedraad import FILE` |", "| `rodedraad neo4j start` |", "`--check`",
		"| `--neo4j-dir` | `RODEDRAAD_NEO4J_DIR` |",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("markdown lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestRun_Errors(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want []string // parts of the error
	}{
		{"NoCommand", nil, nil, []string{"missing command"}},
		{"UnknownCommand", nil, []string{"frobnicate"}, []string{`unknown command "frobnicate"`}},
		{"BadEnvDuration", map[string]string{"RODEDRAAD_QUERY_TIMEOUT": "soon"},
			[]string{"migrate"}, []string{"query-timeout", "RODEDRAAD_QUERY_TIMEOUT", `"soon"`, "duration"}},
		{"BadEnvBool", map[string]string{"RODEDRAAD_SEED": "maybe"},
			[]string{"serve"}, []string{"seed", "RODEDRAAD_SEED", "true or false"}},
		{"BadFlagValue", nil, []string{"serve", "--depth-limit", "0"}, []string{"depth-limit", "RODEDRAAD_DEPTH_LIMIT"}},
		{"FlagOfAnotherCommand", nil, []string{"seed", "--depth-limit", "5"}, []string{"seed", "depth-limit", "rodedraad seed --help"}},
		{"BadFlagNumber", nil, []string{"serve", "--max-body-bytes=lots"}, []string{"max-body-bytes", "whole number"}},
		{"UnknownFlag", nil, []string{"migrate", "--nope"}, []string{"nope"}},
		{"BadURIScheme", map[string]string{"NEO4J_URI": "http://localhost:7474"},
			[]string{"migrate"}, []string{"neo4j-uri", "NEO4J_URI", `"http"`}},
		{"BadAddr", map[string]string{"RODEDRAAD_ADDR": "8080"}, []string{"serve"}, []string{"addr", "RODEDRAAD_ADDR", "host:port"}},
		{"BadLogFormat", nil, []string{"seed", "--log-format", "xml"}, []string{"log-format", "RODEDRAAD_LOG_FORMAT"}},
		{"ExtraArgument", nil, []string{"migrate", "now"}, []string{`unexpected argument "now"`}},
		{"HelpOfUnknownCommand", nil, []string{"help", "frobnicate"}, []string{`unknown command "frobnicate"`}},
		{"ReportFirstZero", nil, []string{"report", "--first", "0"}, []string{"--first 0", "1 or more"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := map[string]string{"NEO4J_URI": deadNeo4j}
			for k, v := range tt.env {
				m[k] = v
			}
			r := runArgs(t, m, tt.args...)
			wantErr(t, r.err, tt.want...)
		})
	}
}

// seed --check validates the embedded seeds without any database: NEO4J_URI
// points where nothing listens.
func TestRun_SeedCheck(t *testing.T) {
	r := mustRun(t, map[string]string{"NEO4J_URI": deadNeo4j}, "seed", "--check")
	for _, want := range []string{"seeds are valid", "documents           41", "actors              86", "recommendations    176"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, r.stdout)
		}
	}
}

func TestProgressLog(t *testing.T) {
	var out bytes.Buffer
	w := progressLog(zerolog.New(&out))
	for _, chunk := range []string{"\x1b[0m[INFO] Scanning", " for projects...\n[INFO] \n\n", "Starting Neo4j\n", "partial"} {
		if _, err := io.WriteString(w, chunk); err != nil {
			t.Fatal(err)
		}
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"neo4j: [INFO] Scanning for projects..."`) ||
		!strings.Contains(lines[1], `"neo4j: Starting Neo4j"`) {
		t.Fatalf("log lines = %q", lines)
	}
}
