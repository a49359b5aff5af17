package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/rodedraad/rodedraad/internal/devneo4j"
)

const neo4jUsage = `usage: rodedraad neo4j <command> [flags]

Runs the project's own Neo4j Community %s (Java 17 and Maven needed; the first
start downloads it from Maven Central). It listens on loopback only and has no
authentication.

commands:
  start [--dir DIR] [--addr HOST:PORT]   start in the background; prints the Bolt URI when ready
  stop [--dir DIR]                       stop cleanly; fine when not running
  status [--dir DIR]                     say whether it runs, where, and its pid

environment: RODEDRAAD_NEO4J_DIR (default %s), RODEDRAAD_NEO4J_ADDR (default %s)
`

// runNeo4j is the `rodedraad neo4j` subcommand; args are those after "neo4j".
// The Bolt URI of `start` goes to stdout, everything else to stderr.
func runNeo4j(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	usage := func() {
		fmt.Fprintf(stderr, neo4jUsage, devneo4j.DefaultNeo4jVersion, devneo4j.DefaultDir, devneo4j.DefaultAddr)
	}
	if len(args) == 0 {
		usage()
		return errors.New("neo4j: missing command (start, stop or status)")
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "start", "stop", "status":
	case "help", "-h", "-help", "--help":
		usage()
		return nil
	default:
		usage()
		return fmt.Errorf("neo4j: unknown command %q (want start, stop or status)", cmd)
	}

	o, err := neo4jOptions(cmd, args, getenv, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	switch cmd {
	case "start":
		return neo4jStart(ctx, o, stdout, stderr)
	case "stop":
		return neo4jStop(ctx, o, stderr)
	default:
		return neo4jStatus(ctx, o, stdout)
	}
}

// neo4jOptions parses the flags of one neo4j command over the env defaults.
func neo4jOptions(cmd string, args []string, getenv func(string) string, stderr io.Writer) (devneo4j.Options, error) {
	o := devneo4j.Options{
		Dir:      orDefault(getenv("RODEDRAAD_NEO4J_DIR"), devneo4j.DefaultDir),
		Addr:     orDefault(getenv("RODEDRAAD_NEO4J_ADDR"), devneo4j.DefaultAddr),
		Progress: stderr,
	}
	fs := flag.NewFlagSet("rodedraad neo4j "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.Dir, "dir", o.Dir, "data and log folder (env RODEDRAAD_NEO4J_DIR)")
	if cmd == "start" {
		fs.StringVar(&o.Addr, "addr", o.Addr, "Bolt host:port on loopback (env RODEDRAAD_NEO4J_ADDR)")
	}
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("neo4j %s: unexpected argument %q", cmd, fs.Arg(0))
	}
	return o, nil
}

func neo4jStart(ctx context.Context, o devneo4j.Options, stdout, stderr io.Writer) error {
	in, err := devneo4j.Start(ctx, o)
	if err != nil {
		return fmt.Errorf("neo4j start: %w", err)
	}
	if in.AlreadyRunning {
		fmt.Fprintf(stderr, "Neo4j already running (pid %d, data %s)\n", in.PID, in.Dir)
	} else {
		fmt.Fprintf(stderr, "Neo4j ready (pid %d, data %s, log %s); stop it with: rodedraad neo4j stop --dir %s\n",
			in.PID, in.Dir, in.LogFile, in.Dir)
	}
	fmt.Fprintln(stdout, in.BoltURI())
	return nil
}

func neo4jStop(ctx context.Context, o devneo4j.Options, stderr io.Writer) error {
	in, err := devneo4j.Stop(ctx, o)
	if err != nil {
		return fmt.Errorf("neo4j stop: %w", err)
	}
	if in.Running {
		fmt.Fprintf(stderr, "Neo4j stopped (pid %d, data %s)\n", in.PID, in.Dir)
	} else {
		fmt.Fprintf(stderr, "Neo4j is not running (data %s)\n", in.Dir)
	}
	return nil
}

func neo4jStatus(ctx context.Context, o devneo4j.Options, stdout io.Writer) error {
	in, err := devneo4j.Status(ctx, o)
	if err != nil {
		return fmt.Errorf("neo4j status: %w", err)
	}
	switch {
	case in.Ready:
		fmt.Fprintf(stdout, "running: %s (pid %d, data %s, log %s)\n", in.BoltURI(), in.PID, in.Dir, in.LogFile)
	case in.Running:
		fmt.Fprintf(stdout, "starting: %s not answering yet (pid %d, data %s, log %s)\n", in.BoltURI(), in.PID, in.Dir, in.LogFile)
	default:
		fmt.Fprintf(stdout, "stopped (data %s)\n", in.Dir)
	}
	return nil
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
