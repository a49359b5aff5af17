// Command rodedraad serves the knowledge graph of the IJmond region's plans
// over GraphQL, and manages its Neo4j: serve, migrate, seed, import, report
// and neo4j.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/rodedraad/rodedraad/internal/config"
	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

const usage = `usage: rodedraad <command> [flags]

commands:
  serve          start Neo4j if NEO4J_URI is unset, migrate, load the seeds and serve GraphQL
  migrate        create the constraints and indexes
  seed           load the embedded IJmond seeds (idempotent); --check validates them without a database
  import FILE    load a bundle file (YAML or JSON, the seeds format) in one transaction
  report         print the coherence report as text, or JSON with --json;
                 scope with --themes, --scenarios, --documents, --statuses (comma-separated)
  neo4j          start, stop or check the project's own Neo4j

flags and environment (every command that talks to Neo4j):
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "rodedraad:", err)
		os.Exit(1)
	}
}

// run is the whole program: it dispatches to a subcommand. Tests call it
// with their own arguments, environment and writers.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		printUsage(stderr)
		return errors.New("missing command")
	}
	err := dispatch(ctx, args[0], args[1:], getenv, stdout, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil // --help printed the usage: asking for it is no failure
	}
	return err
}

func dispatch(ctx context.Context, cmd string, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	switch cmd {
	case "serve":
		return runServe(ctx, args, getenv, stderr)
	case "migrate":
		return runMigrate(ctx, args, getenv, stdout, stderr)
	case "seed":
		return runSeed(ctx, args, getenv, stdout, stderr)
	case "import":
		return runImport(ctx, args, getenv, stdout, stderr)
	case "report":
		return runReport(ctx, args, getenv, stdout, stderr)
	case "neo4j":
		return runNeo4j(ctx, args, getenv, stdout, stderr)
	case "help", "-h", "--help":
		printUsage(stdout)
		return nil
	}
	printUsage(stderr)
	return fmt.Errorf("unknown command %q", cmd)
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, usage)
	_ = config.WriteUsage(w)
}

// loadConfig parses the shared settings, printing them on --help.
func loadConfig(args []string, getenv func(string) string, stderr io.Writer) (config.Config, error) {
	cfg, err := config.Load(args, getenv)
	if errors.Is(err, flag.ErrHelp) {
		printUsage(stderr)
	}
	return cfg, err
}

// takeBool removes a boolean flag such as --check from args and reports
// whether it was there.
func takeBool(args []string, name string) (bool, []string) {
	found := false
	rest := make([]string, 0, len(args))
	for _, a := range args {
		if a == "-"+name || a == "--"+name {
			found = true
			continue
		}
		rest = append(rest, a)
	}
	return found, rest
}

// userError prints domain errors as they are, without a Go error chain.
func userError(err error) error {
	if err == nil {
		return nil
	}
	if rodedraad.ErrorCode(err) != rodedraad.EINTERNAL {
		return errors.New(err.Error())
	}
	return err
}
