package main

import (
	"archive/zip"
	"encoding/json"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/chat"
	"github.com/rodedraad/rodedraad/internal/chat/chattest"
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
	t.Run("LLMProse", func(t *testing.T) {
		// The fake model writes one sentence citing C01 for every section,
		// and one citing an id no section has: the second is dropped.
		srv := chattest.New(t, func(chattest.Request) chattest.Reply {
			return chattest.Reply{Content: `{"sentences":[{"text":"Gezondheid en productie botsen.","cites":["C01"]},` +
				`{"text":"Verzonnen.","cites":["R99.9"]}]}`}
		})
		le := maps.Clone(e)
		le[chat.EnvURL], le[chat.EnvModel] = srv.URL(), "fake"
		le["RODEDRAAD_DATA_DIR"] = t.TempDir() // the model's answer cache
		r := mustRun(t, le, "proposition", "--themes", "T2", "--prose", "llm")
		if !strings.Contains(r.stdout, "Gezondheid en productie botsen.[^") || !strings.Contains(r.stdout, "Verzonnen. (cites R99.9") ||
			!strings.Contains(r.stderr, "sentences of the model were dropped") {
			t.Errorf("stdout:\n%s\nstderr:\n%s", r.stdout, r.stderr)
		}
	})
	t.Run("ErrProse", func(t *testing.T) {
		wantErr(t, runArgs(t, e, "proposition", "--prose", "poem").err, `--prose "poem"`)
		wantErr(t, runArgs(t, e, "proposition", "--prose", "llm").err, "RODEDRAAD_LLM_URL")
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
