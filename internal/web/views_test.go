package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// gql posts a query to the test server and decodes data into out.
func gql(t *testing.T, base, query string, vars map[string]any, out any) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(base+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r struct {
		Data   json.RawMessage
		Errors []struct{ Message string }
	}
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil || len(r.Errors) > 0 {
		t.Fatalf("graphql: %v %v", err, r.Errors)
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		t.Fatal(err)
	}
}

// TestBrowser_Views drives every view in headless Chromium on the seeds: each
// renders without console errors and without a request to another origin,
// and shows what the API says.
func TestBrowser_Views(t *testing.T) {
	chromium(t)
	base, _ := startDashboard(t)
	b := newBrowser(t, base)

	t.Run("Overview", func(t *testing.T) {
		b.open(t, "", "overview")
		if got := b.text(t, "#nav-overview"); got != "Overzicht" {
			t.Errorf("a Dutch browser gets the nav in %q, want Dutch", got)
		}
		if got := b.text(t, "#top-contradictions"); !strings.Contains(got, "C01") {
			t.Errorf("the largest contradictions do not show C01:\n%s", got)
		}
		if got := b.text(t, "#red-thread"); !strings.Contains(got, "High Tech Campus") && !strings.Contains(got, "R41.1") {
			t.Logf("red thread: %s", got)
		}
		b.shot(t, "overview")
		// A number drills down to the recommendations behind it.
		num := b.text(t, "#blind-spots a.num")
		b.run(t, "drill down", chromedp.Click("#blind-spots a.num", chromedp.ByQuery),
			chromedp.WaitVisible(`#view[data-ready="list"]`, chromedp.ByQuery))
		if got := b.text(t, "h1"); num == "" || !strings.HasSuffix(got, "("+num+")") {
			t.Errorf("the blind spot's %q recommendations open a list titled %q", num, got)
		}
		b.check(t)
	})
	t.Run("Conflicts", func(t *testing.T) {
		b.open(t, "conflicts", "conflicts")
		for _, side := range []string{"side-a", "side-b"} {
			var n struct {
				Titles []string
				Links  []string
			}
			b.eval(t, fmt.Sprintf(`({titles: [...document.querySelectorAll("#conflict-C01 .%s ul.titles a.rec")].map(a => a.textContent),
				links: [...document.querySelectorAll("#conflict-C01 .%s a.ext")].map(a => a.href)})`, side, side), &n)
			if len(n.Titles) == 0 || len(n.Links) == 0 {
				t.Fatalf("C01 %s: titles %q, source links %q; want both", side, n.Titles, n.Links)
			}
			for _, title := range n.Titles {
				if strings.HasPrefix(title, "R") && !strings.Contains(title, " ") {
					t.Errorf("C01 %s shows an id, not a title: %q", side, title)
				}
			}
			for _, l := range n.Links {
				if !strings.HasPrefix(l, "http") {
					t.Errorf("C01 %s: source link %q", side, l)
				}
			}
		}
		b.shot(t, "conflicts")
		b.check(t)
	})
	t.Run("Proposition", func(t *testing.T) {
		b.open(t, "proposition", "proposition")
		var n struct {
			Sections, Statements int
			Cites                []string
		}
		b.eval(t, `({sections: document.querySelectorAll("section.proposition").length,
			statements: document.querySelectorAll("section.proposition .statement").length,
			cites: [...document.querySelectorAll("section.proposition .cites a.rec")].map(a => a.getAttribute("href"))})`, &n)
		// The overall section and one per study theme (T1..T7).
		if n.Sections != 8 || n.Statements == 0 || len(n.Cites) == 0 {
			t.Fatalf("proposition: %d sections, %d statements, %d cited recommendations", n.Sections, n.Statements, len(n.Cites))
		}
		for _, h := range n.Cites {
			if !strings.HasPrefix(h, "#/r/R") {
				t.Errorf("a citation links to %q, want a recommendation page", h)
			}
		}
		b.shot(t, "proposition")
		b.check(t)
	})
	t.Run("HeatMaps", func(t *testing.T) { testHeatMaps(t, b, base) })
	t.Run("Network", func(t *testing.T) { testNetwork(t, b) })
	t.Run("Recommendation", func(t *testing.T) {
		b.open(t, "r/R06.1", "r")
		if got := b.text(t, "h1"); got == "" || got == "R06.1" {
			t.Errorf("R06.1's page has no title: %q", got)
		}
		if got := b.text(t, "#rec-status"); got != "ACCEPTED" {
			t.Errorf("R06.1's status = %q, want ACCEPTED", got)
		}
		// Its history comes from the audit trail: the seed load wrote it.
		if got := b.text(t, "ul.history li"); !strings.Contains(got, "created") {
			t.Errorf("R06.1's history = %q, want the seed load's creation", got)
		}
		b.shot(t, "recommendation")
		b.check(t)
	})
	t.Run("TokenIsSent", func(t *testing.T) {
		// A token the server does not know must come back UNAUTHENTICATED:
		// proof that the dashboard sends it as a bearer token.
		var msg string
		b.eval(t, `(async () => { RD.token = "rdd_unknown"; try { await RD.gql("{ themes(first: 1) { edges { node { id } } } }"); return "no error"; }
			catch (e) { return e.message; } finally { RD.token = ""; } })()`, &msg)
		if !strings.Contains(msg, "UNAUTHENTICATED") {
			t.Fatalf("a request with an unknown token answered %q, want UNAUTHENTICATED", msg)
		}
		b.mu.Lock()
		b.errors = nil // the browser logs the 401 it was meant to get
		b.mu.Unlock()
		b.check(t)
	})
	t.Run("Review", func(t *testing.T) { testReview(t, b, base) })
	t.Run("Playground", func(t *testing.T) {
		var tabs int
		b.run(t, "playground", chromedp.Navigate(base+"/playground"),
			chromedp.WaitVisible(".graphiql-container", chromedp.ByQuery),
			chromedp.Evaluate(`document.querySelectorAll(".graphiql-tab").length`, &tabs))
		examples, _ := os.ReadFile(filepath.Join("static", "examples.graphql"))
		if want := strings.Count(string(examples), "# ---") + 1; tabs != want {
			t.Errorf("playground has %d tabs, want the README's %d examples", tabs, want)
		}
		// The schema loads (introspection passes the depth limit) and the
		// first example runs.
		var resp string
		b.run(t, "run the first example", chromedp.Sleep(time.Second),
			chromedp.Evaluate(`(document.querySelector(".graphiql-response") || {}).innerText || ""`, &resp),
			chromedp.Click(".graphiql-execute-button", chromedp.ByQuery),
			chromedp.Poll(`((document.querySelector(".graphiql-response") || {}).innerText || "").includes("\"data\"")`, nil))
		if strings.Contains(resp, "errors") {
			t.Errorf("the playground's schema did not load: %s", resp)
		}
		if got := b.text(t, ".graphiql-response"); strings.Contains(got, `"errors"`) {
			t.Errorf("the first example failed: %s", got)
		}
		b.shot(t, "playground")
		b.check(t)
	})
	t.Run("Language", func(t *testing.T) {
		b.open(t, "", "overview")
		before := b.text(t, "#nav-overview")
		b.run(t, "switch the language", chromedp.Click("#lang", chromedp.ByQuery),
			chromedp.WaitVisible(`#view[data-ready="overview"]`, chromedp.ByQuery))
		after := b.text(t, "#nav-overview")
		if !slices.Contains([]string{"Overzicht", "Overview"}, before) || before == after {
			t.Errorf("language switch: nav said %q, then %q", before, after)
		}
		b.check(t)
	})
}
