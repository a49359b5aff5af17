package web_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowser_Network10k draws a synthetic network of 10k recommendations in
// 40 communities and 50k edges in the network view and logs how long it took
// until the first frame (docs/benchmarks.md records it; no time is asserted).
func TestBrowser_Network10k(t *testing.T) {
	chromium(t)
	base, _ := startDashboard(t)
	b := newBrowser(t, base)
	b.open(t, "network", "network")
	var res struct {
		Nodes, Edges int
		MS           float64
	}
	b.eval(t, `(async () => {
		let seed = 7; const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
		const types = ["SUPPORTS", "CONFLICTS_WITH", "OVERLAPS"];
		const nodes = [], edges = [];
		for (let i = 0; i < 10000; i++) nodes.push({ id: "R" + i, label: "aanbeveling " + i, group: i % 40, kind: "Recommendation" });
		for (let i = 0; i < 50000; i++) {
			const a = Math.floor(rnd() * 10000), near = rnd() < 0.8;
			const c = near ? (a + 40 * Math.floor(rnd() * 20)) % 10000 : Math.floor(rnd() * 10000);
			edges.push({ from: "R" + a, to: "R" + c, type: types[i % 3] });
		}
		const t0 = performance.now();
		const r = RD.network.draw(document.getElementById("network"), { nodes, edges }, document.getElementById("node-panel"));
		await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
		return { nodes: r.graph.order, edges: r.graph.size, ms: performance.now() - t0 };
	})()`, &res)
	if res.Nodes != 10000 || res.Edges != 50000 {
		t.Fatalf("drew %d nodes and %d edges, want 10000 and 50000", res.Nodes, res.Edges)
	}
	t.Logf("network: 10000 nodes, 50000 edges drawn in %.0f ms", res.MS)
	b.shot(t, "network-10k")
	// The drawn network still answers a click.
	var xy []float64
	b.eval(t, `(() => { const r = RD.network.renderer, g = RD.network.graph;
		const p = r.graphToViewport(g.getNodeAttributes("R0")); const box = document.getElementById("network").getBoundingClientRect();
		return [p.x + box.left, p.y + box.top]; })()`, &xy)
	b.run(t, "click a node of 10k", chromedp.MouseEvent("mouseMoved", xy[0], xy[1]), chromedp.Sleep(100*time.Millisecond),
		chromedp.MouseClickXY(xy[0], xy[1]), chromedp.WaitVisible("#node-panel.open", chromedp.ByQuery))
	b.check(t)
}

// BenchmarkOverview compares the dashboard's overview query with the
// coherence query it shows (the README's): the ratio is overview/coherence
// per operation, both served from the report cache after the first.
func BenchmarkOverview(b *testing.B) {
	base, _ := startDashboard(b)
	overview, err := os.ReadFile("static/overview.graphql")
	if err != nil {
		b.Fatal(err)
	}
	readme, _ := os.ReadFile("../../README.md")
	coherence := regexp.MustCompile("(?s)# Where the plans do not cohere.\n(\\{.*?\n\\})").FindSubmatch(readme)
	if coherence == nil {
		b.Fatal("README has no coherence example")
	}
	post(b, base, string(overview)) // warm the snapshot and the report
	timeOf := func(q string) time.Duration {
		start := time.Now()
		for range b.N {
			post(b, base, q)
		}
		return time.Since(start)
	}
	b.ResetTimer()
	o, c := timeOf(string(overview)), timeOf(string(coherence[1]))
	b.ReportMetric(float64(o)/float64(c), "overview/coherence")
}

func post(tb testing.TB, base, q string) {
	body, _ := json.Marshal(map[string]string{"query": q})
	resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil || resp.StatusCode != 200 {
		tb.Fatalf("post: %v", err)
	}
	var r struct{ Errors []any }
	_ = json.NewDecoder(resp.Body).Decode(&r)
	resp.Body.Close()
	if len(r.Errors) > 0 {
		tb.Fatalf("errors: %v", r.Errors)
	}
}
