package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha512"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"time"

	"github.com/rodedraad/rodedraad/internal/web"
)

func readManifest(dir string) ([]web.Package, error) {
	f, err := os.Open(filepath.Join(dir, "assets.txt"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return web.ParseManifest(f)
}

// fetch downloads p's tarball, checks its integrity and writes its listed
// files, replacing the package's folder.
func fetch(registry, dir string, p web.Package) error {
	// Scoped names (@scope/name) keep the scope in the path but not the file.
	url := fmt.Sprintf("%s/%s/-/%s-%s.tgz", registry, p.Name, path.Base(p.Name), p.Version)
	data, err := download(url)
	if err != nil {
		return err
	}
	sum := sha512.Sum512(data)
	if got := "sha512-" + base64.StdEncoding.EncodeToString(sum[:]); got != p.Integrity {
		return fmt.Errorf("%s: integrity %s, want %s", url, got, p.Integrity)
	}
	files, err := untar(data, p.Files)
	if err != nil {
		return err
	}
	out := filepath.Join(dir, p.Dir())
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	for _, name := range p.Files {
		target := filepath.Join(out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

func download(url string) ([]byte, error) {
	c := http.Client{Timeout: 2 * time.Minute}
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", url, resp.Status)
	}
	return io.ReadAll(resp.Body)
}

// untar returns the wanted files of an npm tarball (all under package/);
// an error names the first one missing.
func untar(tgz []byte, want []string) (map[string][]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(tgz))
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	got := map[string][]byte{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		name := path.Clean(h.Name)
		if len(name) > len("package/") && slices.Contains(want, name[len("package/"):]) {
			if got[name[len("package/"):]], err = io.ReadAll(tr); err != nil {
				return nil, err
			}
		}
	}
	for _, w := range want {
		if _, ok := got[w]; !ok {
			return nil, fmt.Errorf("the tarball has no package/%s", w)
		}
	}
	return got, nil
}

func writeSums(dir string, pkgs []web.Package) error {
	sums, err := web.Sums(os.DirFS(dir), pkgs)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "SHA256SUMS"), sums, 0o644)
}
