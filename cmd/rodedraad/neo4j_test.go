package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// The start/stop cycle against a real Neo4j is tested in internal/devneo4j;
// these tests cover the command line without Java.
func TestRunNeo4j(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "neo4j")
	env := map[string]string{"RODEDRAAD_NEO4J_DIR": dir}
	tests := []struct {
		name    string
		args    []string
		wantErr string // substring of the error; "" for none
		wantOut string // substring of stdout
	}{
		{"NoCommand", nil, "missing command", ""},
		{"UnknownCommand", []string{"restart"}, `unknown command "neo4j restart"`, ""},
		{"Help", []string{"help"}, "", "start    start the project's own Neo4j"},
		{"HelpFlag", []string{"--help"}, "", "status   say whether"},
		{"StartHelp", []string{"start", "--help"}, "", "--neo4j-addr"},
		{"StatusStopped", []string{"status"}, "", "stopped (data " + dir + ")"},
		{"StatusDirFlag", []string{"status", "--neo4j-dir", dir + "2"}, "", "stopped (data " + dir + "2)"},
		{"StopNotRunning", []string{"stop"}, "", ""},
		{"StartNotLoopback", []string{"start", "--neo4j-addr", "0.0.0.0:7687"}, "loopback", ""},
		{"StartBadAddr", []string{"start", "--neo4j-addr", "7687"}, "RODEDRAAD_NEO4J_ADDR", ""},
		{"StopNoAddrFlag", []string{"stop", "--neo4j-addr", "127.0.0.1:1"}, "flag provided but not defined", ""},
		{"OldDirFlag", []string{"stop", "--dir", dir}, "flag provided but not defined: -dir", ""},
		{"ExtraArgument", []string{"status", "now"}, `unexpected argument "now"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			args := append([]string{"neo4j"}, tt.args...)
			err := run(context.Background(), args, func(k string) string { return env[k] }, &stdout, &stderr)
			if tt.wantErr == "" && err != nil {
				t.Fatalf("run(%q) = %v; stderr:\n%s", args, err, stderr.String())
			}
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("run(%q) = %v, want an error containing %q", args, err, tt.wantErr)
			}
			if !strings.Contains(stdout.String(), tt.wantOut) {
				t.Errorf("stdout = %q, want it to contain %q", stdout.String(), tt.wantOut)
			}
		})
	}
}
