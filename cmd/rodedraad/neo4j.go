package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/rodedraad/rodedraad/internal/devneo4j"
)

const neo4jUsageText = `usage: rodedraad neo4j start|stop|status [flags]

Runs the project's own Neo4j Community %s (Java 17 and Maven needed; the first
start downloads it from Maven Central). It listens on loopback only and has no
authentication. ` + "`rodedraad neo4j <command> --help`" + ` lists a command's flags.

commands:
`

// neo4jUsage prints the neo4j commands: to stdout when asked for with help,
// else to stderr with an error naming what is missing.
func neo4jUsage(args []string, stdout, stderr io.Writer) error {
	w := stderr
	if len(args) > 0 {
		w = stdout
	}
	fmt.Fprintf(w, neo4jUsageText, devneo4j.DefaultNeo4jVersion)
	for _, c := range commands {
		if sub, ok := strings.CutPrefix(c.name, "neo4j "); ok {
			fmt.Fprintf(w, "  %-8s %s\n", sub, c.summary)
		}
	}
	if len(args) == 0 {
		return errors.New("neo4j: missing command (start, stop or status)")
	}
	return nil
}

// setupNeo4j is `rodedraad neo4j start|stop|status`: they take only the
// settings --neo4j-dir and (start) --neo4j-addr. The Bolt URI of start goes
// to stdout, everything else to stderr.
func setupNeo4j(cmd string) func(fs *flag.FlagSet) runFunc {
	return func(*flag.FlagSet) runFunc {
		return func(ctx context.Context, in invocation) error {
			o := devneo4j.Options{Dir: in.cfg.Neo4jDir, Addr: in.cfg.Neo4jAddr, Heap: in.cfg.Neo4jHeap, Progress: in.stderr}
			switch cmd {
			case "start":
				return neo4jStart(ctx, o, in.stdout, in.stderr)
			case "stop":
				return neo4jStop(ctx, o, in.stderr)
			default:
				return neo4jStatus(ctx, o, in.stdout)
			}
		}
	}
}

func neo4jStart(ctx context.Context, o devneo4j.Options, stdout, stderr io.Writer) error {
	in, err := devneo4j.Start(ctx, o)
	if err != nil {
		return fmt.Errorf("neo4j start: %w", err)
	}
	if in.AlreadyRunning {
		fmt.Fprintf(stderr, "Neo4j already running (pid %d, data %s)\n", in.PID, in.Dir)
	} else {
		fmt.Fprintf(stderr, "Neo4j ready (pid %d, data %s, log %s); stop it with: rodedraad neo4j stop --neo4j-dir %s\n",
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
