package devneo4j

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
)

// Instance describes the Neo4j of one data folder.
type Instance struct {
	Dir     string // absolute data folder
	Addr    string // Bolt host:port
	PID     int    // launcher process; 0 when not running
	LogFile string // the launcher's stdout and stderr
	Running bool   // the launcher process is alive
	Ready   bool   // Bolt answers on Addr
	// AlreadyRunning is set by Start when it found Neo4j running and
	// launched nothing.
	AlreadyRunning bool
}

// BoltURI is the URI drivers connect to, e.g. bolt://127.0.0.1:7687.
func (in *Instance) BoltURI() string { return "bolt://" + in.Addr }

// EnsureRunning starts Neo4j unless it already runs, and returns its Bolt URI.
// Errors are those of Start.
func EnsureRunning(ctx context.Context, o Options) (string, error) {
	in, err := Start(ctx, o)
	if err != nil {
		return "", err
	}
	return in.BoltURI(), nil
}

// Start launches Neo4j for o.Dir in the background and waits until Bolt
// answers on o.Addr. When it already runs for o.Dir on o.Addr, Start returns
// it with AlreadyRunning set. The process outlives the caller; Stop ends it.
//
// Errors: EINVALID for a bad address or one that differs from the running
// instance's; EUNAVAILABLE when Java or Maven is missing, the port is taken by
// another program, or Neo4j exits or does not answer in time (the message
// names the log to read).
func Start(ctx context.Context, o Options) (*Instance, error) {
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(o.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("data folder: %w", err)
	}
	unlock, err := lockDir(ctx, o.lockFile(), o.Progress)
	if err != nil {
		return nil, err
	}
	defer unlock()

	if in, err := running(ctx, o); in != nil || err != nil {
		return in, err
	}
	if portOpen(ctx, o.Addr) {
		return nil, portTaken(o.Addr)
	}
	b, err := prepare(ctx, o)
	if err != nil {
		return nil, err
	}
	return launch(ctx, o, b)
}

// running returns the instance already running for o.Dir, waiting for it to
// become ready, or nil after removing a stale pid file.
func running(ctx context.Context, o Options) (*Instance, error) {
	in, err := status(ctx, o)
	if err != nil || !in.Running {
		if err == nil {
			err = removePIDFile(o.pidFile())
		}
		return nil, err
	}
	if in.Addr != o.Addr {
		return nil, rodedraad.Errorf(rodedraad.EINVALID,
			"Neo4j for %s already runs on %s, not %s: stop it first (rodedraad neo4j stop --neo4j-dir %s) or use --neo4j-addr %s",
			o.Dir, in.Addr, o.Addr, o.Dir, in.Addr)
	}
	in.AlreadyRunning = true
	if in.Ready {
		return in, nil
	}
	fmt.Fprintf(o.Progress, "Neo4j (pid %d) is starting; waiting for Bolt on %s\n", in.PID, in.Addr)
	if err := waitReady(ctx, o, in.PID, nil, -1); err != nil {
		return nil, err
	}
	in.Ready = true
	return in, nil
}

// Status reports whether Neo4j runs for o.Dir. Only Dir is read from o; the
// address comes from the pid file. A stale pid file reads as not running.
func Status(ctx context.Context, o Options) (*Instance, error) {
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	return status(ctx, o)
}

func status(ctx context.Context, o Options) (*Instance, error) {
	in := &Instance{Dir: o.Dir, Addr: o.Addr, LogFile: o.logFile()}
	rec, ok, err := readPIDFile(o.pidFile())
	if err != nil || !ok {
		return in, err
	}
	if !alive(rec.PID) || !isLauncher(rec.PID, o.homeDir()) {
		return in, nil
	}
	in.PID, in.Addr, in.Running = rec.PID, rec.Addr, true
	in.Ready = speaksBolt(ctx, rec.Addr)
	return in, nil
}

// Stop ends the Neo4j of o.Dir: SIGTERM, which shuts the database down
// cleanly, then SIGKILL after o.StopTimeout. It returns the instance as it
// was; Running is false when nothing ran, which is not an error.
func Stop(ctx context.Context, o Options) (*Instance, error) {
	o, err := o.withDefaults()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(o.Dir); os.IsNotExist(err) {
		return &Instance{Dir: o.Dir, Addr: o.Addr, LogFile: o.logFile()}, nil
	}
	unlock, err := lockDir(ctx, o.lockFile(), o.Progress)
	if err != nil {
		return nil, err
	}
	defer unlock()

	in, err := status(ctx, o)
	if err != nil {
		return nil, err
	}
	if in.Running {
		if err := stopPID(ctx, o, in.PID); err != nil {
			return nil, err
		}
	}
	return in, removePIDFile(o.pidFile())
}

// stopPID sends SIGTERM and waits; after o.StopTimeout it sends SIGKILL.
func stopPID(ctx context.Context, o Options, pid int) error {
	if err := terminate(pid); err != nil {
		return err
	}
	if waitExit(ctx, pid, o.StopTimeout) {
		return nil
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	fmt.Fprintf(o.Progress, "Neo4j (pid %d) did not stop within %s; killing it\n", pid, o.StopTimeout)
	if err := kill(pid); err != nil {
		return err
	}
	if !waitExit(ctx, pid, 10*time.Second) {
		return rodedraad.Errorf(rodedraad.EUNAVAILABLE, "Neo4j (pid %d) survived SIGKILL; check it with ps", pid)
	}
	return nil
}

// waitExit polls until pid is gone or d passes; it reports whether it is gone.
func waitExit(ctx context.Context, pid int, d time.Duration) bool {
	deadline := time.Now().Add(d)
	for alive(pid) {
		if time.Now().After(deadline) || ctx.Err() != nil {
			return false
		}
		time.Sleep(100 * time.Millisecond)
	}
	return true
}

func portTaken(addr string) error {
	return rodedraad.Errorf(rodedraad.EUNAVAILABLE,
		"%s is already in use by another program (perhaps a Neo4j of another data folder; `ss -ltnp` shows which): "+
			"stop it, or choose a free port with --neo4j-addr or RODEDRAAD_NEO4J_ADDR", addr)
}
