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
			"rodedraad coherence report", "176 in 41 documents",
			"C01",                              // among the top three contradictions
			"H  Health and living environment", // the frame gap
			"THIN,SINGLE_PERSPECTIVE",          // T6
			"document islands  D07",
			"R41.1", // a red-thread candidate
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
		if !strings.Contains(r.stdout, "themes T6") || !strings.Contains(r.stdout, "3 in 41 documents") {
			t.Fatalf("T6 report:\n%s", r.stdout)
		}
	})
	t.Run("ErrUnknownTheme", func(t *testing.T) {
		wantErr(t, runArgs(t, e, "report", "--themes", "T99").err, "no Theme with id T99")
	})
	t.Run("ErrBadFlag", func(t *testing.T) {
		wantErr(t, runArgs(t, e, "report", "--first", "many").err, "report", "first")
	})
}
