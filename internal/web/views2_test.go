package web_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The heat map's cells equal the matrix query's, for every matrix.
func testHeatMaps(t *testing.T, b *browser, base string) {
	cases := []struct{ key, rows, cols, metric string }{
		{"ts", "THEME", "SECTOR", "count"}, {"tsc", "THEME", "SCENARIO", "count"}, {"td", "THEME", "DOCUMENT", "count"},
		{"doc", "DOCUMENT", "DOCUMENT", "conflicts"}, {"actor", "ACTOR", "ACTOR", "count"},
	}
	for _, c := range cases {
		t.Run(c.key, func(t *testing.T) {
			b.open(t, "heatmaps?m="+c.key+"&metric="+c.metric, "heatmaps")
			var m struct {
				Matrix struct {
					Cells []struct{ Row, Column, Count, Supports, Conflicts, Overlaps int }
				}
			}
			gql(t, base, fmt.Sprintf(`{ matrix(rows: %s, columns: %s) { cells { row column count supports conflicts overlaps } } }`, c.rows, c.cols), nil, &m)
			var want []string
			for _, cell := range m.Matrix.Cells {
				v := map[string]int{"count": cell.Count, "conflicts": cell.Conflicts}[c.metric]
				if v > 0 {
					want = append(want, fmt.Sprintf("%d,%d,%d", cell.Column, cell.Row, v))
				}
			}
			var got []string
			b.eval(t, `RD.heatmap.chart.getOption().series[0].data.map(d => d.value.join(","))`, &got)
			slices.Sort(want)
			slices.Sort(got)
			if len(want) == 0 || !slices.Equal(got, want) {
				t.Fatalf("heat map %s: %d cells drawn, matrix has %d:\n got %v\nwant %v", c.key, len(got), len(want), got, want)
			}
			if c.key == "ts" {
				saves(t, b)
				clickFirstCell(t, b)
				b.shot(t, "heatmap")
			}
			b.check(t)
		})
	}
}

// clickFirstCell clicks the heat map's first cell and expects the
// recommendations behind it in the panel.
func clickFirstCell(t *testing.T, b *browser) {
	t.Helper()
	var xy []float64
	b.eval(t, `(() => { const c = RD.heatmap.chart, d = c.getOption().series[0].data[0].value;
		const p = c.convertToPixel({seriesIndex: 0}, [d[0], d[1]]); const r = document.getElementById("heatmap").getBoundingClientRect();
		return [p[0] + r.left, p[1] + r.top]; })()`, &xy)
	b.run(t, "click a heat map cell", chromedp.MouseClickXY(xy[0], xy[1]),
		chromedp.WaitVisible("#cell-panel ul.cell-list a.rec", chromedp.ByQuery))
}

// Clicking a network node opens its panel; the search finds a node.
func testNetwork(t *testing.T, b *browser) {
	b.open(t, "network", "network")
	var n int
	b.eval(t, `RD.network.graph.order`, &n)
	if n < 100 {
		t.Fatalf("network shows %d nodes, want the seeds' recommendations", n)
	}
	var xy []float64
	b.eval(t, `(() => { const r = RD.network.renderer, g = RD.network.graph;
		const id = g.nodes().reduce((a, x) => g.degree(x) > g.degree(a) ? x : a);
		const p = r.graphToViewport(g.getNodeAttributes(id)); const box = document.getElementById("network").getBoundingClientRect();
		window.__clicked = id; return [p.x + box.left, p.y + box.top]; })()`, &xy)
	t.Logf("click at %v", xy)
	b.run(t, "click a node", chromedp.MouseEvent(input.MouseMoved, xy[0], xy[1]), chromedp.Sleep(100*time.Millisecond), chromedp.MouseClickXY(xy[0], xy[1]),
		chromedp.WaitVisible("#node-panel.open", chromedp.ByQuery))
	var id string
	b.eval(t, `window.__clicked`, &id)
	if got := b.text(t, "#node-panel"); !strings.Contains(got, id) {
		t.Errorf("the panel after clicking %s shows:\n%s", id, got)
	}
	b.shot(t, "network")
	saves(t, b)
	b.run(t, "search", chromedp.SendKeys("#network-search", "R41.1"+kb.Enter, chromedp.ByQuery),
		chromedp.Sleep(200*time.Millisecond))
	if got := b.text(t, "#node-panel"); !strings.Contains(got, "R41.1") {
		t.Errorf("searching R41.1 shows:\n%s", got)
	}
	b.open(t, "network?mode=doc", "network")
	b.eval(t, `RD.network.graph.order`, &n)
	if n < 30 {
		t.Errorf("the document network shows %d nodes, want the seeds' documents", n)
	}
	b.check(t)
}

// Accepting a PROPOSED recommendation in the review queue changes the graph:
// its status, and the number of accepted recommendations the overview counts.
func testReview(t *testing.T, b *browser, base string) {
	var before struct {
		Coherence struct{ Summary struct{ Recommendations int } }
	}
	gql(t, base, `{ coherence { summary { recommendations } } }`, nil, &before)
	var created struct{ CreateRecommendation struct{ ID string } }
	gql(t, base, `mutation { createRecommendation(input: {id: "R-TEST.1", title: "Walstroom voor alle zeeschepen", text: "Zeeschepen krijgen walstroom in de haven van IJmuiden.",
		kind: RECOMMENDATION, document: "D01", themes: ["T2"], provenance: {status: PROPOSED, method: RULE, confidence: 0.7,
		source: {document: "D01", page: "12", quote: "walstroom voor zeeschepen"}}}) { id } }`, nil, &created)
	var linked struct{ Link struct{ Status string } }
	gql(t, base, `mutation { link(input: {type: OVERLAPS, from: "R25.6", to: "R41.2", similarity: 0.8,
		provenance: {status: PROPOSED, method: SIMILARITY, rationale: "bijna dezelfde tekst"}}) { status } }`, nil, &linked)
	b.open(t, "review", "review")
	row := `#review-queue tr[data-key="R-TEST.1"]`
	if got := b.text(t, row); !strings.Contains(got, "walstroom voor zeeschepen") {
		t.Fatalf("the queue's row of R-TEST.1 lacks its source passage: %q", got)
	}
	b.shot(t, "review")
	b.run(t, "accept", chromedp.Click(row+" button.accept", chromedp.ByQuery),
		chromedp.WaitVisible(row+" td.decided", chromedp.ByQuery))
	// Several at once: tick the proposed overlap and accept the selection.
	edgeRow := `#review-queue tr[data-key="OVERLAPS:R25.6->R41.2"]`
	b.run(t, "accept the selection", chromedp.Click(edgeRow+" input.pick", chromedp.ByQuery),
		chromedp.Click("#accept-selected", chromedp.ByQuery), chromedp.WaitVisible(edgeRow+" td.decided", chromedp.ByQuery))
	var overlaps struct {
		Recommendation struct {
			Overlaps []struct {
				Other  struct{ ID string }
				Status string
			}
		}
	}
	gql(t, base, `{ recommendation(id: "R25.6") { overlaps { other { id } status } } }`, nil, &overlaps)
	if !slices.ContainsFunc(overlaps.Recommendation.Overlaps, func(o struct {
		Other  struct{ ID string }
		Status string
	}) bool {
		return o.Other.ID == "R41.2" && o.Status == "ACCEPTED"
	}) {
		t.Errorf("after accepting the selection, R25.6's overlaps are %+v", overlaps.Recommendation.Overlaps)
	}
	var after struct {
		Recommendation struct{ Status string }
		Coherence      struct{ Summary struct{ Recommendations int } }
	}
	gql(t, base, `{ recommendation(id: "R-TEST.1") { status } coherence { summary { recommendations } } }`, nil, &after)
	if after.Recommendation.Status != "ACCEPTED" || after.Coherence.Summary.Recommendations != before.Coherence.Summary.Recommendations+1 {
		t.Errorf("after accepting: status %s, accepted recommendations %d (before %d)", after.Recommendation.Status,
			after.Coherence.Summary.Recommendations, before.Coherence.Summary.Recommendations)
	}
	b.check(t)
}

// saves clicks the view's PNG and SVG buttons and checks what they would
// download (RD.download is replaced so that nothing leaves the page).
func saves(t *testing.T, b *browser) {
	t.Helper()
	b.eval(t, `RD.download = async (d, name) => { window.__saved = window.__saved || [];
		const text = typeof d === "string" ? d.slice(0, 22) : (await d.slice(0, 5).text()) + " " + d.type;
		window.__saved.push(name + " " + text); }; window.__saved = []; true`, nil)
	var saved []string
	b.run(t, "save PNG and SVG", chromedp.Click(".save-png", chromedp.ByQuery), chromedp.Click(".save-svg", chromedp.ByQuery),
		chromedp.Poll(`window.__saved.length >= 2 && window.__saved`, &saved))
	png, svg := false, false
	for _, s := range saved {
		png = png || (strings.Contains(s, ".png ") && (strings.Contains(s, "data:image/png") || strings.Contains(s, "image/png")))
		svg = svg || (strings.Contains(s, ".svg <svg ") && strings.Contains(s, "image/svg+xml"))
	}
	if !png || !svg {
		t.Errorf("saved %q; want a PNG and an SVG", saved)
	}
}
