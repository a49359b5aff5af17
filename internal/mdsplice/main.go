// Command mdsplice replaces the generated regions of a Markdown file with
// the ones it reads on stdin. A region runs from a line starting with
// "<!-- BEGIN name" to the line "<!-- END name -->"; both markers are part of
// it. `make generate` runs
//
//	go run ./cmd/rodedraad help --markdown | go run ./internal/mdsplice README.md
//
// so the README's command and settings tables come from the code.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	if err := run(os.Args[1:], os.Stdin); err != nil {
		fmt.Fprintln(os.Stderr, "mdsplice:", err)
		os.Exit(1)
	}
}

func run(args []string, stdin io.Reader) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: mdsplice FILE < regions")
	}
	gen, err := io.ReadAll(stdin)
	if err != nil {
		return err
	}
	doc, err := os.ReadFile(args[0])
	if err != nil {
		return err
	}
	out, err := splice(string(doc), string(gen))
	if err != nil {
		return fmt.Errorf("%s: %w", args[0], err)
	}
	return os.WriteFile(args[0], []byte(out), 0o644)
}

// splice replaces each region of gen in doc. It fails when gen has no region,
// or doc lacks one of gen's regions, naming it.
func splice(doc, gen string) (string, error) {
	regions, err := regionsOf(gen)
	if err != nil {
		return "", err
	}
	if len(regions) == 0 {
		return "", fmt.Errorf("no <!-- BEGIN name ... --> region on stdin")
	}
	for _, r := range regions {
		start, end, ok := find(doc, r.name)
		if !ok {
			return "", fmt.Errorf("no region %q (<!-- BEGIN %s ... <!-- END %s -->) to replace", r.name, r.name, r.name)
		}
		doc = doc[:start] + r.text + doc[end:]
	}
	return doc, nil
}

type region struct{ name, text string }

// regionsOf returns gen's regions in order.
func regionsOf(gen string) ([]region, error) {
	var out []region
	for rest := gen; ; {
		i := strings.Index(rest, "<!-- BEGIN ")
		if i < 0 {
			return out, nil
		}
		name, _, _ := strings.Cut(rest[i+len("<!-- BEGIN "):], " ")
		name = strings.TrimSuffix(strings.TrimSpace(strings.SplitN(name, "\n", 2)[0]), "-->")
		start, end, ok := find(rest, name)
		if !ok {
			return nil, fmt.Errorf("region %q on stdin has no <!-- END %s -->", name, name)
		}
		out = append(out, region{name: name, text: rest[start:end]})
		rest = rest[end:]
	}
}

// find returns where the region called name starts and ends in s (the end is
// just after its END marker's line).
func find(s, name string) (start, end int, ok bool) {
	begin, stop := "<!-- BEGIN "+name, "<!-- END "+name+" -->"
	start = strings.Index(s, begin)
	if start < 0 {
		return 0, 0, false
	}
	e := strings.Index(s[start:], stop)
	if e < 0 {
		return 0, 0, false
	}
	end = start + e + len(stop)
	if end < len(s) && s[end] == '\n' {
		end++
	}
	return start, end, true
}
