package main

import (
	"archive/zip"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
)

func TestRun_Proposition(t *testing.T) {
	neo4jtest.Seeded(t)
	e := testEnv(t)
	t.Run("Markdown", func(t *testing.T) {
		r := mustRun(t, e, "proposition", "--log-level", "warn")
		for _, want := range []string{"# Gedeelde propositie — concept", "## Over alle thema's", "### De rode draad",
			"### Te maken keuzes", "C01 — ", "## Bronnen", "[^1]: "} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("draft lacks %q", want)
			}
		}
	})
	t.Run("JSONWithSince", func(t *testing.T) {
		var first struct{ GraphVersion int64 }
		if err := json.Unmarshal([]byte(mustRun(t, e, "proposition", "--format", "json", "--lang", "en").stdout), &first); err != nil {
			t.Fatal(err)
		}
		r := mustRun(t, e, "proposition", "--format", "json", "--since", strings.TrimSpace(jsonInt(first.GraphVersion)))
		var got struct {
			Lang    string
			Changes struct{ Since int64 }
			Themes  []struct{ Theme string }
		}
		if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
			t.Fatal(err)
		}
		if got.Lang != "nl" || got.Changes.Since != first.GraphVersion || len(got.Themes) != 7 {
			t.Errorf("draft = %+v", got)
		}
	})
	t.Run("DOCXToFile", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "propositie.docx")
		mustRun(t, e, "proposition", "--format", "docx", "--themes", "T2", "--out", out)
		z, err := zip.OpenReader(out)
		if err != nil {
			t.Fatal(err)
		}
		defer z.Close()
		if len(z.File) < 5 {
			t.Errorf("docx has %d parts", len(z.File))
		}
	})
	t.Run("ErrFormat", func(t *testing.T) {
		wantErr(t, runArgs(t, e, "proposition", "--format", "pdf").err, "proposition", `format "pdf"`)
	})
	t.Run("ErrSince", func(t *testing.T) {
		wantErr(t, runArgs(t, e, "proposition", "--since", "999999").err, "no draft was made at graph version 999999")
	})
}

func jsonInt(v int64) string {
	b, _ := json.Marshal(v)
	return string(b)
}
