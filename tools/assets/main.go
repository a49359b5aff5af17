// Command assets fetches the dashboard's third-party browser assets from the
// npm registry at the versions pinned in internal/web/vendor/assets.txt,
// checks each tarball against its npm integrity (sha512), unpacks the listed
// files into internal/web/vendor/<package>@<version>/ and writes SHA256SUMS.
// With -check it only verifies the files on disk against SHA256SUMS, offline.
// No Node or npm is needed: the registry serves plain tarballs.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/rodedraad/rodedraad/internal/web"
)

func main() {
	dir := flag.String("dir", "internal/web/vendor", "vendor folder holding assets.txt")
	registry := flag.String("registry", "https://registry.npmjs.org", "npm registry to fetch from")
	check := flag.Bool("check", false, "only verify the vendored files against SHA256SUMS")
	flag.Parse()
	if err := run(*dir, *registry, *check); err != nil {
		fmt.Fprintln(os.Stderr, "assets:", err)
		os.Exit(1)
	}
}

func run(dir, registry string, check bool) error {
	if check {
		return web.VerifySums(os.DirFS(dir))
	}
	pkgs, err := readManifest(dir)
	if err != nil {
		return err
	}
	for _, p := range pkgs {
		if err := fetch(registry, dir, p); err != nil {
			return fmt.Errorf("%s@%s: %w", p.Name, p.Version, err)
		}
		fmt.Printf("assets: %s@%s: %d files\n", p.Name, p.Version, len(p.Files))
	}
	if err := writeSums(dir, pkgs); err != nil {
		return err
	}
	return web.VerifySums(os.DirFS(dir))
}
