package devneo4j

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/rodedraad/rodedraad/internal/rodedraad"
	"github.com/rodedraad/rodedraad/neo4j/launcher"
)

// DefaultHeap is the most heap Neo4j may take unless Options.Heap says
// otherwise: 2 GiB next to the launcher's 512 MiB page cache. Neo4j gives
// transactions about 70% of the heap, and an audited import of 10,000
// recommendations (one transaction with its 95,000 change records) does not
// fit in the 537 MiB that a 768 MiB heap leaves. A larger load in one
// transaction needs a larger heap (the setting neo4j-heap).
const DefaultHeap = "2g"

// jvmOptions are the JVM's options besides -Xmx: the heap starts small, so
// tests still fit on a small machine, and the add-opens let the page cache
// use direct buffers without a fallback warning.
var jvmOptions = []string{
	"-Xms256m",
	"-XX:+ExitOnOutOfMemoryError",
	"-Dfile.encoding=UTF-8",
	"--add-opens=java.base/java.nio=ALL-UNNAMED",
	"--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
}

// launch starts the launcher detached, with its output appended to the log
// file, writes the pid file and waits for Bolt. On failure it leaves nothing
// running.
func launch(ctx context.Context, o Options, b build) (*Instance, error) {
	logf, err := os.OpenFile(o.logFile(), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("log file: %w", err)
	}
	defer logf.Close()
	offset, _ := logf.Seek(0, io.SeekEnd)
	fmt.Fprintf(logf, "--- %s rodedraad neo4j start %s\n", time.Now().Format(time.RFC3339), o.Addr)

	args := append(append([]string{"-Xmx" + o.Heap}, jvmOptions...),
		"-cp", b.Classes+string(filepath.ListSeparator)+b.Classpath, launcherClass, o.homeDir(), o.Addr)
	cmd := exec.Command("java", args...) // not CommandContext: Neo4j outlives ctx
	cmd.Dir = o.Dir
	cmd.Stdout, cmd.Stderr = logf, logf
	detach(cmd)
	fmt.Fprintf(o.Progress, "Starting Neo4j %s on %s (log %s)\n", o.Neo4jVersion, o.Addr, o.logFile())
	if err := cmd.Start(); err != nil {
		return nil, rodedraad.Errorf(rodedraad.EUNAVAILABLE, "start java: %v: %s", err, installHint)
	}
	// Reap the child if it exits while this process lives, so that alive()
	// does not see a zombie; exited tells waitReady it is gone.
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()

	pid := cmd.Process.Pid
	if err := writePIDFile(o.pidFile(), pidRecord{PID: pid, Addr: o.Addr}); err != nil {
		_ = kill(pid)
		return nil, err
	}
	if err := waitReady(ctx, o, pid, exited, offset); err != nil {
		_ = stopPID(context.Background(), o, pid)
		_ = removePIDFile(o.pidFile())
		return nil, err
	}
	return &Instance{Dir: o.Dir, Addr: o.Addr, PID: pid, LogFile: o.logFile(), Running: true, Ready: true}, nil
}

// waitReady polls until the launcher has printed its ready line after offset
// in the log (skipped when offset < 0) and Bolt answers, the process exits, ctx
// ends or o.StartTimeout passes.
func waitReady(ctx context.Context, o Options, pid int, exited <-chan struct{}, offset int64) error {
	deadline := time.Now().Add(o.StartTimeout)
	for {
		if (offset < 0 || readyLine(o.logFile(), offset)) && speaksBolt(ctx, o.Addr) {
			return nil
		}
		select {
		case <-exited:
			return startFailed(o, "Neo4j exited during start-up")
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(250 * time.Millisecond):
		}
		if exited == nil && !alive(pid) {
			return startFailed(o, "Neo4j exited during start-up")
		}
		if time.Now().After(deadline) {
			return startFailed(o, fmt.Sprintf("Neo4j did not answer on %s within %s", o.Addr, o.StartTimeout))
		}
	}
}

// readyLine reports whether the log has the launcher's ready line after offset.
func readyLine(path string, offset int64) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if _, err := f.Seek(offset, io.SeekStart); err != nil {
		return false
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), launcher.ReadyPrefix) {
			return true
		}
	}
	return false
}

func startFailed(o Options, what string) error {
	return rodedraad.Errorf(rodedraad.EUNAVAILABLE, "%s; read %s and %s.\nLast lines of %s:\n%s",
		what, o.logFile(), o.debugLog(), filepath.Base(o.logFile()), tail(o.logFile(), 15))
}

// tail returns the last n lines of path, or a note why it cannot.
func tail(path string, n int) string {
	data, err := os.ReadFile(path)
	if err != nil {
		return "(" + err.Error() + ")"
	}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}
