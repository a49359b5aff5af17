package web_test

import (
	"context"
	"flag"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/rs/zerolog"

	"github.com/rodedraad/rodedraad/graph"
	"github.com/rodedraad/rodedraad/internal/auth"
	"github.com/rodedraad/rodedraad/internal/export"
	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/internal/server"
	"github.com/rodedraad/rodedraad/internal/service"
	"github.com/rodedraad/rodedraad/internal/web"
)

// screenshots also writes each view's screenshot into this folder (the
// README's images: go test ./internal/web -run Browser -args -screenshots ../../docs/img).
var screenshots = flag.String("screenshots", "", "also write the screenshots into this folder")

// chromium finds Debian's Chromium (or Chrome). Under -short the browser
// tests skip; otherwise a missing browser fails them, so that `make test`
// cannot pass without running them.
func chromium(tb testing.TB) string {
	tb.Helper()
	if testing.Short() {
		tb.Skip("browser test: needs Chromium and Neo4j (run make test)")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	tb.Fatal("browser test: no Chromium on PATH: apt-get install chromium (.ci/run does this)")
	return ""
}

// startDashboard serves the real handler (pages, GraphQL, exports,
// authentication) on the seeds, on an httptest server.
func startDashboard(tb testing.TB) (string, *service.Service) {
	tb.Helper()
	store := neo4jtest.Seeded(tb)
	svc := service.New(store)
	// As serve wires it: anonymous callers read, and on loopback with no
	// token created yet they may write (local mode).
	a := auth.New(store, rodedraad.RoleReader, true)
	h := server.New(server.Deps{
		GraphQL: graph.NewHandler(svc, graph.Limits{Complexity: 10000, Depth: 10, Timeout: 30 * time.Second},
			graph.WithAuthorizer(a), graph.WithIdempotency(store)),
		Readiness: server.ReadinessFunc(store.Ready),
		Logger:    zerolog.Nop(),
		Pages:     web.Handler(),
		Export:    export.Handler(svc),
		Auth:      a,
	})
	srv := httptest.NewServer(h)
	tb.Cleanup(srv.Close)
	return srv.URL, svc
}

// browser is one headless Chromium tab that records console errors and
// every URL it requests.
type browser struct {
	ctx      context.Context
	base     string
	mu       sync.Mutex
	errors   []string
	requests []string
}

func newBrowser(t *testing.T, base string) *browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)), chromedp.NoSandbox, chromedp.WindowSize(1400, 1000),
		// A Dutch browser: the dashboard must pick Dutch by itself.
		chromedp.Flag("lang", "nl-NL"), chromedp.Flag("accept-lang", "nl-NL,nl"),
		// WebGL (Sigma.js) without a GPU: Chromium's software renderer.
		chromedp.Flag("use-angle", "swiftshader"), chromedp.Flag("enable-unsafe-swiftshader", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	ctx, cancel3 := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancel3)
	b := &browser{ctx: ctx, base: base}
	chromedp.ListenTarget(ctx, b.record)
	if err := chromedp.Run(ctx, network.Enable(), log.Enable(), runtime.Enable()); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return b
}

func (b *browser) record(ev any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.APITypeError {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, string(a.Value)+a.Description)
			}
			b.errors = append(b.errors, "console.error: "+strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		b.errors = append(b.errors, "exception: "+ev.ExceptionDetails.Error())
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.LevelError {
			b.errors = append(b.errors, "log: "+ev.Entry.Text+" "+ev.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		b.requests = append(b.requests, ev.Request.URL)
	}
}

// run runs actions with a timeout of their own, so that one stuck step
// fails its subtest only.
func (b *browser) run(t *testing.T, what string, actions ...chromedp.Action) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Run(ctx, actions...); err != nil {
		b.shot(t, "failed-"+strings.ReplaceAll(t.Name(), "/", "-"))
		t.Fatalf("%s: %v", what, err)
	}
}

// open loads a hash route of the dashboard and waits until its view is drawn.
func (b *browser) open(t *testing.T, route, view string) {
	t.Helper()
	b.run(t, "open #/"+route, chromedp.Navigate(b.base+"/#/"+route),
		chromedp.WaitVisible(fmt.Sprintf(`#view[data-ready=%q]`, view), chromedp.ByQuery))
	if msg := b.text(t, "#view > .error, #view .error"); msg != "" {
		t.Fatalf("#/%s shows an error: %s", route, msg)
	}
}

// text returns the text of the first element matching sel, "" when none.
func (b *browser) text(t *testing.T, sel string) string {
	t.Helper()
	var s string
	js := fmt.Sprintf(`(document.querySelector(%q) || {}).innerText || ""`, sel)
	if err := chromedp.Run(b.ctx, chromedp.Evaluate(js, &s)); err != nil {
		t.Fatalf("read %s: %v", sel, err)
	}
	return s
}

// eval evaluates a script (awaiting a promise) into out.
func (b *browser) eval(t *testing.T, js string, out any) {
	t.Helper()
	err := chromedp.Run(b.ctx, chromedp.Evaluate(js, out, func(p *runtime.EvaluateParams) *runtime.EvaluateParams {
		return p.WithAwaitPromise(true)
	}))
	if err != nil {
		t.Fatalf("evaluate %.80s: %v", js, err)
	}
}

// shot writes a screenshot of the page into the test's artifact folder (and
// the -screenshots folder when given).
func (b *browser) shot(t *testing.T, name string) {
	t.Helper()
	var png []byte
	if err := chromedp.Run(b.ctx, chromedp.Sleep(300*time.Millisecond), chromedp.CaptureScreenshot(&png)); err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(t.ArtifactDir(), name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	if *screenshots == "" {
		return
	}
	// The README's copies are drawn at 70% to keep them small.
	small, err := page.CaptureScreenshot().WithClip(&page.Viewport{Width: 1400, Height: 1000, Scale: 0.7}).Do(cdp.WithExecutor(b.ctx, chromedp.FromContext(b.ctx).Target))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(*screenshots, name+".png"), small, 0o644); err != nil {
		t.Fatal(err)
	}
}

// check fails on console errors and on requests to another origin.
func (b *browser) check(t *testing.T) {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, e := range b.errors {
		t.Errorf("browser: %s", e)
	}
	base, _ := url.Parse(b.base)
	for _, r := range b.requests {
		u, err := url.Parse(r)
		if err != nil || (u.Scheme != "data" && u.Scheme != "blob" && u.Host != base.Host) {
			t.Errorf("request left the server's origin: %s", r)
		}
	}
	b.errors, b.requests = nil, nil
}
