// Command bench is `make bench-peer`: it measures rodedraad's GraphQL server
// against the official Neo4j GraphQL library (@neo4j/graphql on Apollo
// Server, tools/peer) and against hand-written Cypher behind a trivial HTTP
// handler, all three over one Neo4j holding one synthetic graph. It checks
// that the three return the same content for each query shape, counts the
// transactions and bytes each sends and reads per request, runs interleaved
// rounds at concurrency 1 and 8 and writes the paired ratios into
// docs/benchmarks.md.
//
//	go run ./tools/peer/bench -recs 10000 -write docs/benchmarks.md
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

type options struct {
	neo4jDir, neo4jAddr string
	keepNeo4j           bool
	recs                int
	rounds, requests    int
	burstTime           time.Duration
	concurrency         []int
	theme               string
	binary, node        string
	peerDir, logDir     string
	write               string
	commandLine         string
}

func main() {
	o, baseline := parseFlags()
	if baseline {
		if err := runBaseline(o.neo4jAddr, *addrFlag); err != nil {
			fmt.Fprintln(os.Stderr, "baseline:", err)
			os.Exit(1)
		}
		return
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, o); err != nil {
		fmt.Fprintln(os.Stderr, "bench-peer:", err)
		os.Exit(1)
	}
}

// parseFlags reads the flags; the second result says whether this process
// is the hand-written baseline (started by the tool itself, with -baseline).
func parseFlags() (options, bool) {
	var o options
	var conc, uri string
	var baseline bool
	flag.StringVar(&o.neo4jDir, "neo4j-dir", ".neo4j-peer", "data folder of the benchmark's own Neo4j")
	flag.StringVar(&o.neo4jAddr, "neo4j-addr", "127.0.0.1:17787", "Bolt host:port of the benchmark's own Neo4j")
	flag.BoolVar(&o.keepNeo4j, "keep-neo4j", false, "leave Neo4j running afterwards (its data folder is always kept)")
	flag.IntVar(&o.recs, "recs", 10_000, "recommendations in the synthetic graph (100000 takes minutes to load)")
	flag.IntVar(&o.rounds, "rounds", 5, "interleaved rounds per concurrency")
	flag.IntVar(&o.requests, "requests", 30, "requests per worker in one burst")
	flag.DurationVar(&o.burstTime, "burst-time", 15*time.Second, "longest one burst may run")
	flag.StringVar(&conc, "concurrency", "1,8", "comma-separated numbers of concurrent workers")
	flag.StringVar(&o.theme, "theme", "T3", "theme of the second shape")
	flag.StringVar(&o.binary, "binary", "./bin/rodedraad", "the rodedraad binary to serve")
	flag.StringVar(&o.node, "node", "node", "the Node.js executable for the peer")
	flag.StringVar(&o.peerDir, "peer-dir", "tools/peer", "folder with the peer's server.js and node_modules")
	flag.StringVar(&o.logDir, "log-dir", "", "folder for the servers' logs (default: inside -neo4j-dir)")
	flag.StringVar(&o.write, "write", "", "Markdown file whose bench-peer section is rewritten (e.g. docs/benchmarks.md)")
	flag.BoolVar(&baseline, "baseline", false, "serve the hand-written baseline on -addr against -neo4j-uri (the tool starts it)")
	flag.StringVar(&uri, "neo4j-uri", "", "Neo4j of the baseline")
	flag.Parse()
	if baseline {
		o.neo4jAddr = uri // the baseline mode's Neo4j: the URI it was given
		return o, true
	}
	for _, f := range strings.Split(conc, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			o.concurrency = append(o.concurrency, n)
		}
	}
	if o.logDir == "" {
		o.logDir = filepath.Join(o.neo4jDir, "bench-logs")
	}
	o.commandLine = "make bench-peer PEER_RECS=" + strconv.Itoa(o.recs)
	return o, false
}

var addrFlag = flag.String("addr", "", "loopback host:port of the baseline")

func run(ctx context.Context, o options) error {
	if err := os.MkdirAll(o.logDir, 0o755); err != nil {
		return err
	}
	uri, started, err := startNeo4j(ctx, o.neo4jDir, o.neo4jAddr, os.Stderr)
	if err != nil {
		return err
	}
	if started && !o.keepNeo4j {
		defer stopNeo4j(o.neo4jDir)
	}
	if err := loadGraph(ctx, uri, o.recs, os.Stderr); err != nil {
		return err
	}
	id, version, err := pickRecommendation(ctx, uri)
	if err != nil {
		return err
	}
	shs := shapes(o.theme, id)

	fmt.Fprintln(os.Stderr, "controle en telling / check and count (via the Bolt proxies)")
	ss, err := launch(ctx, o, uri, true)
	if err != nil {
		return err
	}
	warmUp(ctx, ss, shs, 4)
	err = checkSame(ctx, ss, shs, os.Stderr)
	var acc map[string]map[string]Counters
	if err == nil {
		acc, err = account(ctx, ss, shs, 10)
	}
	stopAll(ss)
	if err != nil {
		return err
	}

	fmt.Fprintln(os.Stderr, "metingen / measuring (direct to Neo4j)")
	ss, err = launch(ctx, o, uri, false)
	if err != nil {
		return err
	}
	defer stopAll(ss)
	warmUp(ctx, ss, shs, 20)
	res := rounds(ctx, o, ss, shs, os.Stderr)
	section := markdown(o, shs, res, acc, environment(version, o.node))
	fmt.Println(section)
	if o.write != "" {
		return writeSection(o.write, section, o.recs)
	}
	return nil
}

// pickRecommendation returns the recommendation of the third shape: among
// those with the most kinds of relationship (type and direction), the one
// with the fewest relationships, then the lowest id, so that every field has
// something to return without taking the graph's hub. It also returns
// Neo4j's version.
func pickRecommendation(ctx context.Context, uri string) (string, string, error) {
	driver, err := neo4j.NewDriverWithContext(uri, neo4j.NoAuth())
	if err != nil {
		return "", "", err
	}
	defer driver.Close(ctx)
	res, err := neo4j.ExecuteQuery(ctx, driver, `MATCH (n:Recommendation)-[r]-()
		WITH n, count(DISTINCT type(r) + CASE WHEN startNode(r) = n THEN '>' ELSE '<' END) AS kinds, count(r) AS degree
		ORDER BY kinds DESC, degree, n.id LIMIT 1
		CALL dbms.components() YIELD versions
		RETURN n.id AS id, versions[0] AS version`, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase("neo4j"))
	if err != nil {
		return "", "", fmt.Errorf("pick the recommendation of shape 3: %w", err)
	}
	if len(res.Records) == 0 {
		return "", "", fmt.Errorf("pick the recommendation of shape 3: the graph has none")
	}
	id, _ := res.Records[0].Get("id")
	v, _ := res.Records[0].Get("version")
	return fmt.Sprint(id), fmt.Sprint(v), nil
}

// environment describes the run's machine and versions for the table.
func environment(neo4jVersion, node string) string {
	nodeVersion, _ := exec.Command(node, "--version").Output()
	return fmt.Sprintf("Neo4j %s (the project's launcher), %s, Node %s, @neo4j/graphql 7.6.3 on @apollo/server 5.5.1, %d cores",
		neo4jVersion, runtime.Version(), strings.TrimSpace(string(nodeVersion)), runtime.NumCPU())
}
