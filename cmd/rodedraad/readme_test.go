package main

import (
	"os"
	"strings"
	"testing"
)

// The README's command and settings tables are what `help --markdown`
// prints now; `make generate` refreshes them.
func TestREADME_GeneratedTablesAreFresh(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	gen := mustRun(t, nil, "help", "--markdown").stdout
	for _, name := range []string{"commands", "settings"} {
		start := strings.Index(gen, "<!-- BEGIN "+name)
		end := strings.Index(gen, "<!-- END "+name+" -->")
		if start < 0 || end < 0 {
			t.Fatalf("help --markdown lacks the region %q:\n%s", name, gen)
		}
		if region := gen[start:end]; !strings.Contains(string(readme), region) {
			t.Errorf("README.md's %s table is stale: run make generate", name)
		}
	}
}
