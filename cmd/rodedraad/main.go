// Command rodedraad serves the knowledge graph of the IJmond region's plans
// over GraphQL, and manages its Neo4j: serve, migrate, seed, import, report
// and neo4j start|stop|status. `rodedraad <command> --help` lists the flags
// of one command.
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

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "rodedraad:", err)
		os.Exit(1)
	}
}

// run is the whole program: it finds the subcommand, parses its flags and
// runs it. Tests call it with their own arguments, environment and writers.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		writeUsage(stderr)
		return errors.New("missing command")
	}
	if isHelp(args[0]) {
		args = append([]string{"help"}, args[1:]...)
	}
	c, rest, err := findCommand(args)
	if errors.Is(err, errNeo4jUsage) {
		return neo4jUsage(args[1:], stdout, stderr)
	}
	if err != nil {
		writeUsage(stderr)
		return err
	}
	in := invocation{getenv: getenv, stdout: stdout, stderr: stderr}
	runner, err := c.parse(rest, &in)
	if errors.Is(err, flag.ErrHelp) {
		return nil // the help it asked for is printed: no failure
	}
	if err != nil {
		return err
	}
	return runner(rodedraad.WithPrincipal(ctx, cliPrincipal(getenv, c.name)), in)
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
