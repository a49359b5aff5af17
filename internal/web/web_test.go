package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/web"
)

func TestHandler_Serve(t *testing.T) {
	srv := httptest.NewServer(web.Handler())
	defer srv.Close()
	tests := []struct {
		name, path string
		status     int
		want       string
	}{
		{"Dashboard", "/", 200, `<script src="/assets/js/main.js">`},
		{"Playground", "/playground", 200, "graphiql.min.js"},
		{"OwnAsset", "/assets/js/core.js", 200, "RD.gql"},
		{"Vendored", "/assets/vendor/echarts@5.6.0/dist/echarts.min.js", 200, "echarts"},
		{"NoListing", "/assets/vendor/", 404, ""},
		{"NoListingOwn", "/assets/js/", 404, ""},
		{"Missing", "/assets/nothing.js", 404, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := http.Get(srv.URL + tt.path)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status || !strings.Contains(string(body), tt.want) {
				t.Fatalf("GET %s: %d, want %d with %q", tt.path, resp.StatusCode, tt.status, tt.want)
			}
			if csp := resp.Header.Get("Content-Security-Policy"); !strings.HasPrefix(csp, "default-src 'self'") {
				t.Errorf("GET %s: Content-Security-Policy %q", tt.path, csp)
			}
		})
	}
}

// No page or page script names another origin: everything comes from the
// binary.
func TestStatic_NoOtherOrigin(t *testing.T) {
	url := regexp.MustCompile(`(?i)(src|href)\s*=\s*["'](https?:)?//`)
	for _, name := range []string{"index.html", "playground.html"} {
		data, err := os.ReadFile("static/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if m := url.Find(data); m != nil {
			t.Errorf("%s loads from another origin: %s", name, m)
		}
	}
}

func TestVerifySums(t *testing.T) {
	if err := web.VerifySums(web.Vendor); err != nil {
		t.Fatalf("the embedded vendor folder: %v", err)
	}
}

func TestParseManifest_Bad(t *testing.T) {
	_, err := web.ParseManifest(strings.NewReader("# comment\nreact 18.3.1 md5-xyz LICENSE\n"))
	if err == nil || !strings.Contains(err.Error(), "assets.txt:2") {
		t.Fatalf("err = %v, want one naming assets.txt:2", err)
	}
}

// The playground's tabs are the README's example queries, each verbatim.
func TestExamples_MatchReadme(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	examples, err := os.ReadFile("static/examples.graphql")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```graphql\n(.*?)```").FindAllSubmatch(readme, -1)
	tabs := strings.Split(string(examples), "# ---\n")
	if len(blocks) == 0 || len(blocks) != len(tabs) {
		t.Fatalf("README has %d graphql blocks, the playground %d tabs: run make generate", len(blocks), len(tabs))
	}
	for i, b := range blocks {
		if string(b[1]) != tabs[i] {
			t.Errorf("tab %d differs from the README's block (run make generate):\n%s\n---\n%s", i+1, tabs[i], b[1])
		}
	}
}
