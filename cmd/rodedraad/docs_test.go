package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
)

// The examples in README.md and docs/*.md are tested: every GraphQL block is
// valid against schema.graphql and runs without errors on the seeds, and
// every command line uses commands and flags the binary has.

// codeBlock is one fenced code block of a Markdown file.
type codeBlock struct {
	where string // file:line of its opening fence
	lang  string // the word after the fence: graphql, sh, ... or ""
	text  string
}

// docFiles returns README.md and docs/*.md, from the repository root.
func docFiles(tb testing.TB) []string {
	tb.Helper()
	docs, err := filepath.Glob("../../docs/*.md")
	if err != nil || len(docs) == 0 {
		tb.Fatalf("no docs/*.md found: %v", err)
	}
	return append([]string{"../../README.md"}, docs...)
}

// codeBlocks returns the fenced code blocks of the Markdown files.
func codeBlocks(tb testing.TB, files []string) []codeBlock {
	tb.Helper()
	var out []codeBlock
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, parseBlocks(strings.TrimPrefix(f, "../../"), string(data))...)
	}
	return out
}

// parseBlocks splits Markdown text into its fenced code blocks.
func parseBlocks(name, md string) []codeBlock {
	var out []codeBlock
	var cur *codeBlock
	sc := bufio.NewScanner(strings.NewReader(md))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		fence, isFence := strings.CutPrefix(strings.TrimSpace(line), "```")
		switch {
		case isFence && cur == nil:
			cur = &codeBlock{where: fmt.Sprintf("%s:%d", name, n), lang: strings.TrimSpace(fence)}
		case isFence:
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			cur.text += line + "\n"
		}
	}
	return out
}

func blocksOf(blocks []codeBlock, langs ...string) []codeBlock {
	var out []codeBlock
	for _, b := range blocks {
		for _, l := range langs {
			if b.lang == l {
				out = append(out, b)
			}
		}
	}
	return out
}

// operations parses a GraphQL block and returns the names of its operations
// in order. A block of more than one operation must name each, or the
// server could not tell which to run.
func operations(b codeBlock) ([]string, error) {
	doc, err := parser.ParseQuery(&ast.Source{Name: b.where, Input: b.text})
	if err != nil {
		return nil, err
	}
	var names []string
	for _, op := range doc.Operations {
		if op.Name == "" && len(doc.Operations) > 1 {
			return nil, fmt.Errorf("%d operations, one of them anonymous: name each (query Name { ... }) or split the block", len(doc.Operations))
		}
		names = append(names, op.Name)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no operation")
	}
	return names, nil
}

// Every GraphQL block parses, names its operations when it has several, and
// is valid against the schema. Needs no database.
func TestDocs_GraphQLExamplesAreValid(t *testing.T) {
	src, err := os.ReadFile("../../schema.graphql")
	if err != nil {
		t.Fatal(err)
	}
	schema, err := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: string(src)})
	if err != nil {
		t.Fatalf("schema.graphql: %v", err)
	}
	blocks := blocksOf(codeBlocks(t, docFiles(t)), "graphql")
	if len(blocks) < 6 {
		t.Fatalf("found %d graphql blocks in the docs, want at least the README's 6", len(blocks))
	}
	for _, b := range blocks {
		t.Run(b.where, func(t *testing.T) {
			if _, err := operations(b); err != nil {
				t.Fatalf("%s: %v", b.where, err)
			}
			if _, errs := gqlparser.LoadQueryWithRules(schema, b.text, nil); len(errs) > 0 { // nil: the default rules
				t.Fatalf("%s: %v\n%s", b.where, errs, b.text)
			}
		})
	}
}

// Every operation of every GraphQL block runs against the server on the
// seeds without a GraphQL error, in the order the docs give them: mutation
// examples must be safe to run in sequence (link, then unlink).
func TestDocs_GraphQLExamplesRun(t *testing.T) {
	neo4jtest.Open(t) // an empty graph that serve seeds; skipped under -short
	base, _ := startServe(t, map[string]string{
		"NEO4J_URI": neo4jtest.URI(t), "RODEDRAAD_ADDR": freeAddr(t), "RODEDRAAD_LOG_LEVEL": "warn",
	})
	waitReady(t, base, 2*time.Minute)
	runGraphCommands(t, neo4jtest.URI(t))
	t.Run("AcceptingCountsInTheAnalyses", func(t *testing.T) { acceptChangesBlindSpots(t, base) })
	for _, b := range blocksOf(codeBlocks(t, docFiles(t)), "graphql") {
		names, err := operations(b)
		if err != nil {
			t.Fatalf("%s: %v", b.where, err)
		}
		for _, name := range names {
			t.Run(b.where+"/"+name, func(t *testing.T) {
				if errs := postOperation(t, base, b.text, name); len(errs) > 0 {
					t.Fatalf("%s %s: %s\n%s", b.where, name, errs, b.text)
				}
			})
		}
	}
}

// acceptChangesBlindSpots checks the README's walkthrough: accepting
// R-4c5d6f8c7425, extracted from the ingested HTML page and tagged T6, takes
// digitalisation in the blind spots from 3 to 4 recommendations.
func acceptChangesBlindSpots(t *testing.T, base string) {
	t6 := func() int {
		body, _ := json.Marshal(map[string]string{"query": `{ coherence { blindSpots { themes { theme recommendations } } } }`})
		resp, err := client.Post(base+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var r struct {
			Data struct {
				Coherence struct {
					BlindSpots struct {
						Themes []struct {
							Theme           string
							Recommendations int
						}
					}
				}
			}
		}
		if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
			t.Fatal(err)
		}
		for _, th := range r.Data.Coherence.BlindSpots.Themes {
			if th.Theme == "T6" {
				return th.Recommendations
			}
		}
		return -1
	}
	before := t6()
	accept := `mutation Accept { reviewMany(input: {items: [{id: "R-4c5d6f8c7425"}], decision: ACCEPT, reviewer: "studieteam"}) { reviewed } }`
	if errs := postOperation(t, base, accept, "Accept"); len(errs) > 0 {
		t.Fatal(errs)
	}
	if after := t6(); before != 3 || after != 4 {
		t.Fatalf("T6 recommendations %d -> %d, want 3 -> 4 as the README says", before, after)
	}
}

// graphCommands are the commands whose doc examples change the graph that
// the GraphQL examples after them query: they run, as pasted, before those.
var graphCommands = []string{"ingest", "aggregate"}

// runGraphCommands runs the docs' ingest and aggregate command lines (dry
// runs aside) from the repository root against uri, failing on any error.
func runGraphCommands(t *testing.T, uri string) {
	t.Helper()
	lines, where := cliExamples(codeBlocks(t, docFiles(t)))
	env := map[string]string{"NEO4J_URI": uri, "RODEDRAAD_LOG_LEVEL": "warn", "RODEDRAAD_DATA_DIR": t.TempDir()}
	t.Run("Commands", func(t *testing.T) {
		t.Chdir("../..") // the docs give paths from the repository root
		ran := 0
		for i, line := range lines {
			args := strings.Fields(line)
			if !slices.Contains(graphCommands, args[0]) || slices.Contains(args, "--dry-run") {
				continue
			}
			if r := runArgs(t, env, args...); r.err != nil {
				t.Fatalf("%s: rodedraad %s: %v\n%s", where[i], line, r.err, r.stderr)
			}
			ran++
		}
		if ran == 0 {
			t.Fatal("the docs run no ingest or aggregate command")
		}
	})
}

// postOperation runs operation name of doc and returns the messages of its
// GraphQL errors, and one for a failed request.
func postOperation(tb testing.TB, base, doc, name string) []string {
	tb.Helper()
	body, _ := json.Marshal(map[string]string{"query": doc, "operationName": name})
	resp, err := client.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		return []string{err.Error()}
	}
	defer resp.Body.Close()
	var r struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return []string{fmt.Sprintf("status %d, undecodable body: %v", resp.StatusCode, err)}
	}
	var msgs []string
	for _, e := range r.Errors {
		msgs = append(msgs, e.Message)
	}
	if resp.StatusCode != http.StatusOK && len(msgs) == 0 {
		msgs = append(msgs, fmt.Sprintf("status %d", resp.StatusCode))
	}
	return msgs
}

// cliPrefixes start the command lines that the CLI test checks.
var cliPrefixes = []string{"$ rodedraad ", "./bin/rodedraad ", "rodedraad "}

// cliExamples returns the command lines of the sh and plain code blocks,
// without prompt, binary and trailing comment, each with where it is.
func cliExamples(blocks []codeBlock) (lines, where []string) {
	for _, b := range blocksOf(blocks, "sh", "") {
		for i, l := range strings.Split(b.text, "\n") {
			for _, p := range cliPrefixes {
				if rest, ok := strings.CutPrefix(strings.TrimSpace(l), p); ok {
					rest, _, _ = strings.Cut(rest, " #")
					lines = append(lines, strings.TrimSpace(rest))
					where = append(where, fmt.Sprintf("%s+%d", b.where, i+1))
					break
				}
			}
		}
	}
	return lines, where
}

// checkCLI reports whether line (the arguments after "rodedraad") names a
// command of the binary with flags it has, values they accept, and the
// positional arguments it takes. It runs nothing.
func checkCLI(line string) error {
	args := strings.Fields(line)
	if len(args) == 0 {
		return fmt.Errorf("no command")
	}
	c, rest, err := findCommand(args)
	if err != nil {
		return err
	}
	fs, _, _, _ := c.flagSet(func(string) string { return "" })
	positional, err := parseInterspersed(fs, rest)
	if errors.Is(err, flag.ErrHelp) {
		return nil // every command has --help
	}
	if err != nil {
		return fmt.Errorf("%s: %w", c.name, err)
	}
	switch {
	case c.args == "" && len(positional) > 0:
		return fmt.Errorf("%s takes no argument, got %q", c.name, positional)
	case c.args == "FILE" && len(positional) != 1:
		return fmt.Errorf("%s takes one FILE, got %q", c.name, positional)
	}
	return nil
}

func TestCheckCLI(t *testing.T) {
	tests := []struct {
		line    string
		wantErr string // "" for a good line
	}{
		{"serve --addr 127.0.0.1:9000 --seed=false", ""},
		{"report --json --themes T2,H --documents D01", ""},
		{"import plans.yaml --log-level warn", ""},
		{"neo4j stop --neo4j-dir .neo4j-test", ""},
		{"help --markdown", ""},
		{"serve --help", ""},
		{"frobnicate", `unknown command "frobnicate"`},
		{"neo4j restart", `unknown command "neo4j restart"`},
		{"neo4j stop --dir .neo4j-test", "flag provided but not defined: -dir"},
		{"migrate --cors-origins '*'", "flag provided but not defined: -cors-origins"},
		{"report --first many", `invalid value "many"`},
		{"seed now", "takes no argument"},
		{"import", "takes one FILE"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			err := checkCLI(tt.line)
			if tt.wantErr == "" && err != nil {
				t.Fatalf("checkCLI(%q) = %v, want no error", tt.line, err)
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("checkCLI(%q) = %v, want an error containing %q", tt.line, err, tt.wantErr)
			}
		})
	}
}

// Every command line in the docs' sh and plain code blocks uses a command
// and flags the binary has.
func TestDocs_CLIExamples(t *testing.T) {
	lines, where := cliExamples(codeBlocks(t, docFiles(t)))
	if len(lines) == 0 {
		t.Fatal("found no rodedraad command line in the docs' code blocks")
	}
	for i, line := range lines {
		if err := checkCLI(line); err != nil {
			t.Errorf("%s: rodedraad %s: %v", where[i], line, err)
		}
	}
}
