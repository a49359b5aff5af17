package web

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Package is one vendored npm package: its files are kept under
// <Name>@<Version>/ in the vendor folder.
type Package struct {
	Name    string
	Version string
	// Integrity is npm's dist.integrity of the tarball ("sha512-<base64>").
	Integrity string
	// Files are paths inside the tarball's package/ folder.
	Files []string
}

// Dir is the package's folder inside the vendor folder.
func (p Package) Dir() string { return p.Name + "@" + p.Version }

// ParseManifest reads assets.txt: one package a line, "name version
// integrity file...", # for comments. EINVALID names the line that is wrong.
func ParseManifest(r io.Reader) ([]Package, error) {
	var pkgs []Package
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[2], "sha512-") {
			return nil, rodedraad.Errorf(rodedraad.EINVALID, "assets.txt:%d: want \"name version sha512-... file...\", got %q", n, line)
		}
		pkgs = append(pkgs, Package{Name: f[0], Version: f[1], Integrity: f[2], Files: f[3:]})
	}
	return pkgs, sc.Err()
}

// Sums returns the SHA256SUMS text of every vendored file, in manifest order,
// in the format of sha256sum(1).
func Sums(fsys fs.FS, pkgs []Package) ([]byte, error) {
	var b bytes.Buffer
	for _, p := range pkgs {
		for _, f := range p.Files {
			name := path.Join(p.Dir(), f)
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				return nil, err
			}
			sum := sha256.Sum256(data)
			fmt.Fprintf(&b, "%s  %s\n", hex.EncodeToString(sum[:]), name)
		}
	}
	return b.Bytes(), nil
}

// VerifySums checks that the vendor folder holds exactly what assets.txt
// lists, with the checksums of SHA256SUMS. EINVALID names the first file
// that is missing or differs.
func VerifySums(fsys fs.FS) error {
	m, err := fsys.Open("assets.txt")
	if err != nil {
		return err
	}
	defer m.Close()
	pkgs, err := ParseManifest(m)
	if err != nil {
		return err
	}
	want, err := fs.ReadFile(fsys, "SHA256SUMS")
	if err != nil {
		return err
	}
	got, err := Sums(fsys, pkgs)
	if err != nil {
		return rodedraad.Errorf(rodedraad.EINVALID, "vendored asset missing (run make assets): %v", err)
	}
	return compareSums(want, got)
}

func compareSums(want, got []byte) error {
	w, g := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return rodedraad.Errorf(rodedraad.EINVALID, "SHA256SUMS line %d: want %q, the files give %q (run make assets)", i+1, a, b)
		}
	}
	return nil
}
