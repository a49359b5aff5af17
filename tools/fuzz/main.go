// Command fuzz is rodedraad's bounded fuzz run (make fuzz): hostile
// requests generated from the schema (wrong argument types, huge and odd
// values, deep selections, aliases, fragments), malformed bodies and
// transports, and mutated seed bundles sent as dry-run imports, against a
// server on loopback. Every answer must be an error envelope with a
// documented code, no client fault may be INTERNAL, and the server must
// stay up. It prints its figures and exits non-zero on a finding.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/rodedraad/rodedraad/seeds"
)

// documented are the codes the README lists.
var documented = map[string]bool{
	"BAD_USER_INPUT": true, "GRAPHQL_PARSE_FAILED": true, "GRAPHQL_VALIDATION_FAILED": true,
	"COMPLEXITY_LIMIT_EXCEEDED": true, "QUERY_TOO_EXPENSIVE": true, "RESPONSE_TOO_LARGE": true,
	"UNAUTHENTICATED": true, "FORBIDDEN": true, "NOT_FOUND": true, "CONFLICT": true,
	"UNAVAILABLE": true, "INTERNAL": true, "PERSISTED_QUERY_NOT_FOUND": true,
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "fuzz:", err)
		os.Exit(1)
	}
}

func run() error {
	target := flag.String("url", "http://127.0.0.1:8080/graphql", "the server's /graphql, on loopback")
	n := flag.Int("n", 10000, "requests to send (at most 100000)")
	schemaFile := flag.String("schema", "schema.graphql", "the GraphQL schema to generate from")
	seed := flag.Uint64("seed", 1, "random seed: the same seed sends the same requests")
	flag.Parse()
	u, err := url.Parse(*target)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("%s is not on loopback", *target)
	}
	if *n < 1 || *n > 100000 {
		return errors.New("n must be 1..100000")
	}
	src, err := os.ReadFile(*schemaFile)
	if err != nil {
		return err
	}
	schema, gerr := gqlparser.LoadSchema(&ast.Source{Name: *schemaFile, Input: string(src)})
	if gerr != nil {
		return gerr
	}
	bundles, err := seedTexts()
	if err != nil {
		return err
	}
	g := &gen{schema: schema, bundles: bundles}
	f := &findings{codes: map[string]int{}, kinds: map[string]int{}}
	start := time.Now()
	send(*target, *n, *seed, g, f)
	f.alive = alive(strings.TrimSuffix(*target, "/graphql") + "/healthz")
	return f.report(*n, time.Since(start))
}

func seedTexts() ([]string, error) {
	var out []string
	err := fs.WalkDir(seeds.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return err
		}
		b, err := fs.ReadFile(seeds.FS, p)
		if len(b) < 20000 {
			out = append(out, string(b))
		}
		return err
	})
	return out, err
}

// request is one hostile request.
type request struct {
	kind, method, contentType, body, query string
}

// send runs n requests over 8 workers, each with its own random stream.
func send(target string, n int, seed uint64, g *gen, f *findings) {
	client := &http.Client{Timeout: 30 * time.Second}
	var wg sync.WaitGroup
	jobs := make(chan int)
	for w := range 8 {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(seed, uint64(w)))
			for range jobs {
				r := g.next(rng)
				status, body, err := do(client, target, r)
				f.check(r, status, body, err)
			}
		})
	}
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

func do(client *http.Client, target string, r request) (int, []byte, error) {
	var req *http.Request
	var err error
	if r.method == http.MethodGet {
		req, err = http.NewRequest(http.MethodGet, target+"?query="+url.QueryEscape(r.query), nil)
	} else {
		req, err = http.NewRequest(http.MethodPost, target, strings.NewReader(r.body))
		req.Header.Set("Content-Type", r.contentType)
	}
	if err != nil {
		return 0, nil, err
	}
	if tok := os.Getenv("RODEDRAAD_TOKEN"); tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

// findings counts what the answers were and what was wrong with them.
type findings struct {
	mu       sync.Mutex
	codes    map[string]int
	kinds    map[string]int
	problems []string
	ok       int
	alive    bool
}

func (f *findings) check(r request, status int, body []byte, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.kinds[r.kind]++
	problem := ""
	var env struct {
		Errors []struct {
			Message    string
			Extensions map[string]any
		}
	}
	switch {
	case err != nil:
		problem = "transport: " + err.Error()
	case status >= 500 && status != http.StatusServiceUnavailable:
		problem = fmt.Sprintf("status %d", status)
	case json.Unmarshal(body, &env) != nil:
		problem = "not JSON"
	}
	for _, e := range env.Errors {
		c, _ := e.Extensions["code"].(string)
		f.codes[c]++
		switch {
		case c == "":
			problem = "error without a code: " + e.Message
		case !documented[c]:
			problem = "undocumented code " + c
		case c == "INTERNAL":
			problem = "INTERNAL: " + e.Message
		}
	}
	if len(env.Errors) == 0 && problem == "" {
		f.ok++
	}
	if problem != "" {
		keepFinding(r, status, body)
	}
	if problem != "" && len(f.problems) < 20 {
		f.problems = append(f.problems, fmt.Sprintf("%s (%s): %s\n    %.300s", r.kind, problem, status2(status), r.body+r.query))
	} else if problem != "" {
		f.problems = append(f.problems[:20], "...")
	}
}

func status2(s int) string { return fmt.Sprint("HTTP ", s) }

func alive(healthz string) bool {
	resp, err := http.Get(healthz)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

func (f *findings) report(n int, took time.Duration) error {
	fmt.Printf("%d hostile requests in %s; %d answered with data and no error\n", n, took.Round(time.Second), f.ok)
	fmt.Println("\n| request kind | sent |\n|---|---|")
	for _, k := range sortedKeys(f.kinds) {
		fmt.Printf("| %s | %d |\n", k, f.kinds[k])
	}
	fmt.Println("\n| code | errors |\n|---|---|")
	for _, k := range sortedKeys(f.codes) {
		fmt.Printf("| %s | %d |\n", k, f.codes[k])
	}
	fmt.Printf("\nfindings: %d; server alive afterwards: %v\n", len(f.problems), f.alive)
	for _, p := range f.problems {
		fmt.Println("  " + p)
	}
	if len(f.problems) > 0 || !f.alive {
		return errors.New("findings above")
	}
	return nil
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// keepFinding appends the whole request and answer of a finding to
// bin/fuzz-findings.jsonl, so that it can be replayed.
func keepFinding(r request, status int, body []byte) {
	f, err := os.OpenFile("bin/fuzz-findings.jsonl", os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return
	}
	defer f.Close()
	line, _ := json.Marshal(map[string]any{"kind": r.kind, "method": r.method, "contentType": r.contentType,
		"body": r.body, "query": r.query, "status": status, "answer": string(body)})
	_, _ = f.Write(append(line, '\n'))
}
