package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/rodedraad/rodedraad/internal/neo4jstore/neo4jtest"
)

func TestRun_Report(t *testing.T) {
	neo4jtest.Seeded(t)
	e := testEnv(t)
	t.Run("Text", func(t *testing.T) {
		r := mustRun(t, e, "report", "--first", "3")
		for _, want := range []string{
			"rodedraad — briefing voor het studieteam", "176 aanbevelingen in 41 documenten",
			"13 conflicten (13 open)",
			"C01 — ",                         // the first conflict
			"H — Gezondheid en leefomgeving", // the frame gap
			"DUN, ÉÉN PERSPECTIEF",           // T6
			"Documenteilanden: D07",
			"R41.1", // a red-thread candidate
			"… en nog 10 (toon ze met --limit 13)",
		} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("report lacks %q:\n%s", want, r.stdout)
			}
		}
	})
	t.Run("JSON", func(t *testing.T) {
		r := mustRun(t, e, "report", "--json", "--statuses", "ACCEPTED,PROPOSED")
		var got struct {
			Scope   struct{ Statuses []string }
			Summary struct{ Recommendations, Contradictions int }
		}
		if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, r.stdout)
		}
		if got.Summary.Recommendations != 176 || got.Summary.Contradictions != 99 || len(got.Scope.Statuses) != 2 {
			t.Fatalf("report = %+v", got)
		}
	})
	t.Run("Scoped", func(t *testing.T) {
		r := mustRun(t, e, "report", "--themes", "T6", "--log-level", "warn")
		if !strings.Contains(r.stdout, "thema's T6") || !strings.Contains(r.stdout, "3 aanbevelingen in 41 documenten") {
			t.Fatalf("T6 report:\n%s", r.stdout)
		}
	})
	t.Run("Markdown", func(t *testing.T) {
		r := mustRun(t, e, "report", "--format", "md", "--lang", "en", "--limit", "13")
		for _, want := range []string{"# rodedraad — briefing for the study team", "### C01 — Health urgency",
			"### C13 — ", "| D06 | Gezondheid Geborgd | 2024 | https://"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("Markdown report lacks %q", want)
			}
		}
	})
	t.Run("HTML", func(t *testing.T) {
		r := mustRun(t, e, "report", "--format", "html")
		if !strings.HasPrefix(r.stdout, "<!DOCTYPE html>") || !strings.Contains(r.stdout, "<h3>C01 — ") || strings.Contains(r.stdout, "<script") {
			t.Errorf("HTML report starts %.200q", r.stdout)
		}
	})
	t.Run("ErrFormat", func(t *testing.T) {
		wantErr(t, runArgs(t, e, "report", "--format", "pdf").err, "report", `format "pdf"`)
	})
	t.Run("ErrUnknownTheme", func(t *testing.T) {
		wantErr(t, runArgs(t, e, "report", "--themes", "T99").err, "no Theme with id T99")
	})
	t.Run("ErrBadFlag", func(t *testing.T) {
		wantErr(t, runArgs(t, e, "report", "--first", "many").err, "report", "first")
	})
}
