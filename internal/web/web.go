package web

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
)

//go:embed static vendor
var files embed.FS

// CSP is sent with every page and asset: nothing may load from another
// origin. Styles may be inline because the vendored libraries set element
// styles; images and downloads may be data: and blob: URLs because charts
// are saved from the page itself.
const CSP = "default-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; " +
	"style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; object-src 'none'; " +
	"base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// Static is the page code (static/) and Vendor the vendored libraries
// (vendor/), as embedded in the binary.
var (
	Static = sub("static")
	Vendor = sub("vendor")
)

func sub(dir string) fs.FS {
	f, err := fs.Sub(files, dir)
	if err != nil {
		panic(err) // the embed pattern above guarantees the folder
	}
	return f
}

// Handler serves GET / (the dashboard), /playground and /assets/...
// (/assets/vendor/<package>@<version>/... for the vendored libraries).
// Anything else under it is 404.
func Handler() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /{$}", page("index.html"))
	mux.Handle("GET /playground", page("playground.html"))
	vendor := http.StripPrefix("/assets/vendor/", http.FileServerFS(Vendor))
	mux.Handle("GET /assets/vendor/", immutable(vendor))
	mux.Handle("GET /assets/", revalidate(http.StripPrefix("/assets/", http.FileServerFS(Static))))
	return withCSP(mux)
}

// page serves one HTML file of static/.
func page(name string) http.Handler {
	return revalidate(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.ServeFileFS(w, r, Static, name)
	}))
}

func withCSP(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", CSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// immutable marks vendored files cacheable for a year: their path names
// their version, so a new version is a new URL.
func immutable(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r) // no directory listings
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		next.ServeHTTP(w, r)
	})
}

// revalidate makes browsers ask again for our own page code, which changes
// with every build of the binary under the same URL.
func revalidate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") && r.URL.Path != "/" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		next.ServeHTTP(w, r)
	})
}
